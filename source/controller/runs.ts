/**
 * Making containers from images: run detached (the form stays open until the engine answers,
 * so a refusal such as a name in use is shown in it), create, run attached (its output live in a
 * view, then its exit code). A container berth just made is selected in the containers pane.
 * (The pull offered first when the image is not there is the images pane's: controller/images.ts.)
 */
import type {Engine, LogLine, RunContainerOptions} from '../engine/types.js';
import type {Store} from '../state/store.js';
import {RingBuffer} from '../text/ring-buffer.js';
import {failureText, type ActionRunner} from './action-runner.js';
import {allContainers} from '../state/selectors.js';
import {following} from '../state/follow-scroll.js';

/** Lines an output view keeps. */
export const outputCapacity = 5000;
/** At most one redraw per this many milliseconds while output streams. */
const outputIntervalMs = 100;

export interface Runs {
	runContainer(image: string, options: RunContainerOptions, cli: string): void;
	createContainer(image: string, options: RunContainerOptions, cli: string): void;
	runAttached(image: string, options: RunContainerOptions, cli: string): void;
	/** The lines of an output view. */
	output(id: string): RingBuffer<LogLine> | undefined;
	stop(): void;
}

export function createRuns(engine: Engine, store: Store, runner: ActionRunner, refresh: () => void): Runs {
	const {say} = runner;
	const outputs = new Map<string, RingBuffer<LogLine>>();
	const aborts = new Set<AbortController>();
	let views = 0;

	/** The pending form of that kind, if it is still open. */
	const pendingForm = () => {
		const modal = store.getState().modal;
		return modal?.kind === 'form' && modal.pending ? modal : undefined;
	};
	const focusContainer = (id: string) => {
		store.dispatch({type: 'focus', pane: 'containers'});
		const select = () => {
			if (!allContainers(store.getState()).some(c => c.id === id)) return false;
			store.dispatch({type: 'select', list: 'containers', key: id});
			return true;
		};
		if (select()) return;
		const unsubscribe = store.subscribe(() => {
			if (select()) unsubscribe();
		});
		setTimeout(unsubscribe, 10_000).unref?.();
	};
	/** Creates (and maybe starts) with the form open; closes it on success, shows the reason in it on failure. */
	const make = (verb: string, image: string, cli: string, work: () => Promise<string>, done: (id: string) => string) => {
		say('info', `${verb === 'run' ? 'Starting' : 'Creating'} a container from ${image}…`);
		const finish = runner.record(cli);
		void (async () => {
			try {
				const id = await work();
				const text = done(id);
				finish('ok', text);
				if (pendingForm()) store.dispatch({type: 'close'});
				say('ok', text);
				focusContainer(id);
			} catch (error) {
				const text = failureText(verb, image, error);
				// The command log keeps the engine's whole message.
				finish('error', error instanceof Error ? error.message : String(error));
				if (pendingForm()) store.dispatch({type: 'form-pending', pending: false, error: error instanceof Error ? error.message : String(error)});
				say('error', text);
			} finally {
				refresh();
			}
		})();
	};

	return {
		runContainer(image, options, cli) {
			make('run', image, cli, () => engine.containers.run(image, options), id => `Started ${options.name ?? id.slice(0, 12)} from ${image}`);
		},
		createContainer(image, options, cli) {
			make('create', image, cli, () => engine.containers.create(image, options), id => `Created ${options.name ?? id.slice(0, 12)} from ${image} (not started)`);
		},
		runAttached(image, options, cli) {
			const id = `run-${++views}`;
			const lines = new RingBuffer<LogLine>(outputCapacity);
			outputs.set(id, lines);
			store.dispatch({type: 'open', modal: {kind: 'output', id, title: cli, tail: following, version: 0}});
			const finish = runner.record(cli);
			const abort = new AbortController();
			aborts.add(abort);
			let version = 0;
			let timer: NodeJS.Timeout | undefined;
			const show = () => {
				timer = undefined;
				store.dispatch({type: 'output', id, version: ++version});
			};
			void engine
				.containers.runAttached(image, options, batch => {
					lines.pushMany(batch);
					timer ??= setTimeout(show, outputIntervalMs);
				}, abort.signal)
				.then(
					outcome => {
						const code = outcome.exitCode;
						const text = code === undefined ? `${image}: stopped following` : `${image} exited with code ${code}${outcome.removed ? ' (removed: --rm)' : ''}`;
						finish(code === 0 ? 'ok' : 'error', text);
						if (timer) clearTimeout(timer);
						store.dispatch({type: 'output', id, version: ++version, done: {ok: code === 0, text}});
						if (!outcome.removed) focusContainer(outcome.id);
					},
					(error: unknown) => {
						const text = failureText('run', image, error);
						finish('error', error instanceof Error ? error.message : String(error));
						if (timer) clearTimeout(timer);
						store.dispatch({type: 'output', id, version: ++version, done: {ok: false, text}});
					},
				)
				.finally(() => {
					aborts.delete(abort);
					refresh();
				});
		},
		output: id => outputs.get(id),
		stop() {
			for (const abort of aborts) abort.abort();
		},
	};
}
