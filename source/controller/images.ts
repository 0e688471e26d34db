/**
 * The images lifecycle services (commands/image-services.ts) from their parts, and the pull a
 * run offers when its image is not here (Services.offerPull and pullFirst): the same pull, with
 * its progress view and the credentials it may ask for, then the run.
 */
import type {ImageServices} from '../commands/image-services.js';
import type {Services} from '../commands/command-services.js';
import {cliFor} from '../format/cli-for.js';
import {shortId} from '../format/format.js';
import {parsePullReference} from '../format/pull-reference.js';
import {sanitizeInline} from '../text/sanitize.js';
import {createBuilds} from './builds.js';
import {message, selectImageWhenListed, type ImageHost} from './image-host.js';
import {createPrunes} from './prunes.js';
import {createTransfers} from './transfers.js';
import {engineImageRef} from '../commands/row-targets.js';

type ImagesAndPullFirst = ImageServices & Pick<Services, 'offerPull' | 'pullFirst'>;

/** What P would pull for `ref`: a tag is added when none is given (so the same pull is one transfer). */
function pullRef(ref: string): string {
	const parsed = parsePullReference(ref);
	return parsed.ok ? parsed.ref : ref;
}

export function createImageServices(host: ImageHost): ImagesAndPullFirst {
	const {engine, store} = host;
	const transfers = createTransfers(host);
	const builds = createBuilds(host);
	const prunes = createPrunes(host);
	// The run waiting for the answer to the one pull-first dialog (a dialog at a time).
	let waiting: {ref: string; then: () => void} | undefined;
	return {
		offerPull(ref, then) {
			waiting = {ref, then};
			store.dispatch({
				type: 'open',
				modal: {
					kind: 'confirm',
					command: 'image.pull-first',
					target: {kind: 'file', id: ref, name: ref},
					title: `${ref} is not here. Pull it first?`,
					body: ['As docker run does: pull, then run.', cliFor.pull(pullRef(ref))],
					forceOffered: false,
				},
			});
		},
		pullFirst(ref) {
			const then = waiting?.ref === ref ? waiting.then : undefined;
			waiting = undefined;
			const refused = transfers.start('pull', pullRef(ref), {then});
			if (refused) host.say('error', refused);
		},
		cwd: host.cwd,
		pull: ref => transfers.start('pull', ref),
		push: (ref, imageId, host) => transfers.start('push', ref, {imageId, host}),
		login: (key, username, password) => transfers.login(key, username, password),
		cancelLogin: key => transfers.cancelLogin(key),
		cancelTransfer: key => transfers.cancel(key),
		cancelBuild: () => builds.cancel(),
		tag(target, repo, tag) {
			const source = target.ref ?? shortId(target.id);
			const name = `${repo}:${tag}`;
			// Shown: the engine's name sanitised before quoting (quoting would spell out a payload); logged: exact.
			host.say('info', `$ ${cliFor.tag(sanitizeInline(source), repo, tag)}`);
			host.runner.act({
				id: target.id,
				busy: 'tagging',
				name: target.name,
				verb: 'tag',
				cli: cliFor.tag(source, repo, tag),
				work: async () => {
					await engine.images.tag(engineImageRef(target), repo, tag);
					selectImageWhenListed(store, row => row.image.id === target.id && row.ref === name);
					return `Tagged ${target.name} as ${name}`;
				},
			});
		},
		build: (options, name) => builds.start(options, name),
		inspect(id) {
			engine.images.inspect(id).then(
				details => store.dispatch({type: 'inspect-loaded', id, details}),
				(error: unknown) => store.dispatch({type: 'inspect-loaded', id, error: message(error)}),
			);
		},
		previewPrune: choice => prunes.preview(choice),
		prune: choice => prunes.prune(choice),
		running: () => [...transfers.running(), ...builds.running(), ...prunes.running()],
	};
}
