/**
 * `docker build` (the classic builder) with its output streaming into the store: lines are
 * sanitised as they arrive (the engine's output carries the build's escape codes), batched to
 * about ten store updates a second, and kept up to BUILD_LINES_KEPT. On success the new image
 * is selected in the images pane; on failure the failing step and the engine's message stay.
 */
import {keyFor} from '../commands/keymap.js';
import {BuildError, type BuildOptions, type BuildStep, type CopyProgress} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {formatBytes, shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import type {BuildOutputLine} from '../state/images-types.js';
import {sanitizeLine} from '../text/sanitize.js';
import {failureText} from './action-runner.js';
import {message, selectImageWhenListed, type ImageHost} from './image-host.js';
import {PROGRESS_INTERVAL_MS} from './transfers.js';
import {throttle} from './throttle.js';
import {createRateMeter} from './byte-rate.js';
import {following} from '../state/follow-scroll.js';

export interface Builds {
	start(options: BuildOptions, name: string): string | undefined;
	/** Stops the running build (the connection is closed: while the context is being sent, the engine gets none of it). */
	cancel(): void;
	running(): string[];
}

/** "step 3/5 (RUN make)" */
export function stepText(step: BuildStep): string {
	return `step ${step.index}/${step.total} (${step.instruction})`;
}

export function createBuilds(host: ImageHost): Builds {
	const {engine, store} = host;
	const dispatch = store.dispatch;
	let running: string | undefined;
	let abort: AbortController | undefined;
	return {
		start(options, name) {
			if (store.getState().imageJobs.build?.status === 'running') return `A build of ${store.getState().imageJobs.build!.name} is running: ${keyFor(store.getState(), 'image.jobs', 'v')} shows it`;
			const cli = cliFor.build(options);
			dispatch({type: 'build-start', build: {cli, name, status: 'running', lines: [], dropped: 0}});
			dispatch({type: 'open', modal: {kind: 'build', tail: following}});
			const finish = host.runner.record(cli);
			host.say('info', `$ ${cli}`);
			running = `building ${name}`;
			const queue: BuildOutputLine[] = [];
			let step: BuildStep | undefined;
			const batches = throttle<undefined>(PROGRESS_INTERVAL_MS, () => {
				if (queue.length > 0) dispatch({type: 'build-lines', lines: queue.splice(0), step});
			});
			const meter = createRateMeter();
			let ended = false;
			const upload = throttle(PROGRESS_INTERVAL_MS, (sent: CopyProgress) => {
				if (ended) return;
				const rate = meter.sample(sent.bytes);
				dispatch({type: 'build-upload', upload: {bytes: sent.bytes, total: sent.total, ...(rate !== undefined && {rate})}});
			});
			const controller = new AbortController();
			abort = controller;
			void (async () => {
				try {
					const result = await engine.images.build(
						options,
						lines => {
							for (const line of lines) {
								queue.push({kind: line.kind, text: sanitizeLine(line.text)});
								if (line.step) step = line.step;
							}
							batches.push(undefined);
						},
						controller.signal,
						sent => upload.push(sent),
					);
					upload.flush();
					batches.flush();
					const sent = result.context;
					const text = `Built ${shortId(result.imageId)}${result.tags.length > 0 ? ` as ${result.tags.join(', ')}` : ''} (context: ${plural(sent.files, 'file')}, ${formatBytes(sent.bytes)})`;
					finish('ok', text);
					dispatch({type: 'build-end', patch: {status: 'done', message: text, imageId: result.imageId}});
					host.say('ok', text);
					const tag = result.tags[0];
					selectImageWhenListed(store, row => row.image.id === result.imageId && (tag === undefined || row.ref === tag));
				} catch (error) {
					upload.flush();
					batches.flush();
					const failed = (error instanceof BuildError ? error.step : undefined) ?? step;
					const why = message(error);
					finish('error', why);
					if (controller.signal.aborted) {
						dispatch({type: 'build-end', patch: {status: 'cancelled', message: why, step: failed}});
						host.say('info', `Build of ${name} cancelled${failed ? ` at ${stepText(failed)}` : ' while its context was being sent: the engine got none of it'}`);
					} else {
						dispatch({type: 'build-end', patch: {status: 'failed', message: why, step: failed}});
						host.say('error', failed ? `${why} — build of ${name} failed at ${stepText(failed)}` : failureText('build', name, error));
					}
				} finally {
					ended = true;
					upload.cancel();
					batches.cancel();
					abort = undefined;
					running = undefined;
					host.refresh();
				}
			})();
			return undefined;
		},
		cancel: () => abort?.abort(),
		running: () => (running ? [running] : []),
	};
}
