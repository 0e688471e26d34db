/** The images lifecycle services (commands/image-services.ts) from their parts. */
import type {ImageServices} from '../commands/image-services.js';
import {cliFor} from '../format/cli-for.js';
import {shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {createBuilds} from './builds.js';
import {message, selectImageWhenListed, type ImageHost} from './image-host.js';
import {createPrunes} from './prunes.js';
import {createTransfers} from './transfers.js';

export function createImageServices(host: ImageHost): ImageServices {
	const {engine, store} = host;
	const transfers = createTransfers(host);
	const builds = createBuilds(host);
	const prunes = createPrunes(host);
	return {
		cwd: host.cwd,
		pull: ref => transfers.start('pull', ref),
		push: (ref, imageId) => transfers.start('push', ref, imageId),
		login: (key, username, password) => transfers.login(key, username, password),
		cancelLogin: key => transfers.cancelLogin(key),
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
					await engine.tagImage(target.ref ?? target.id, repo, tag);
					selectImageWhenListed(store, row => row.image.id === target.id && row.ref === name);
					return `Tagged ${target.name} as ${name}`;
				},
			});
		},
		build: (options, name) => builds.start(options, name),
		inspect(id) {
			engine.inspectImage(id).then(
				details => store.dispatch({type: 'inspect-loaded', id, details}),
				(error: unknown) => store.dispatch({type: 'inspect-loaded', id, error: message(error)}),
			);
		},
		previewPrune: choice => prunes.preview(choice),
		prune: choice => prunes.prune(choice),
		running: () => [...transfers.running(), ...builds.running(), ...prunes.running()],
	};
}
