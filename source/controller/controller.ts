/**
 * The controller: everything berth does between the engine and the screen, outside React. It
 * owns the store, follows the engine feed, the log stream and the stats sampler, reads the
 * keys and runs the commands they reach, and carries out what commands ask (engine actions,
 * hand-overs to a shell, saving logs). The UI only draws the store's state.
 */
import type {Engine, TerminalSession} from '../engine/types.js';
import {handleKey} from '../commands/dispatch.js';
import {layerOf} from '../commands/registry.js';
import type {Services} from '../commands/services.js';
import type {CommandContext} from '../commands/types.js';
import type {KeyEvent} from '../input/decode-keys.js';
import {readKeys, type KeyReader} from '../input/key-reader.js';
import {startLogStream} from '../logs/log-stream.js';
import type {LogBufferView} from '../logs/log-view.js';
import {startEngineFeed, type EngineFeed} from '../state/engine-feed.js';
import type {Store} from '../state/store.js';
import {createActionRunner, failureText, type ActionRunner} from './action-runner.js';
import {startLogSearch} from './log-search.js';
import {saveLogsTo} from './save-logs.js';
import {startStatsSampler} from './stats-sampler.js';
import {startAgesClock} from './ages-clock.js';
import {clearStaleStatus} from './status-timer.js';
import {createImageServices} from './images.js';

/** What berth asks of the real terminal (cli.tsx implements it; absent in tests without one). */
export interface TerminalControl {
	/**
	 * Gives the terminal to an interactive session and resolves when it ended and berth's
	 * screen is back. `note` is said before the session starts (what it is, how to leave).
	 */
	handover(session: TerminalSession, options: {note?: string; waitForKey?: boolean}): Promise<{lastLine?: string}>;
	/** Bracketed paste on while a prompt is open, so a paste is text and never keys. */
	bracketedPaste(on: boolean): void;
	/** Node warnings and other stray output caught while the UI runs (shown on the status line). */
	onStrayMessage?(listener: (message: string) => void): () => void;
}

export interface ControllerOptions {
	engine: Engine;
	store: Store;
	/** The feed berth started before loading the UI; without it the controller starts its own. */
	feed?: EngineFeed;
	terminal?: TerminalControl;
	shell?: string;
	/** Working directory for saved logs. */
	cwd?: string;
	now: () => Date;
	exit: () => void;
}

export interface Controller {
	/** Reads keys from the terminal's input until stopped. */
	listen(stdin: Parameters<typeof readKeys>[0]): void;
	/** Handles keys as if typed (the reader calls this). */
	keys(events: KeyEvent[]): void;
	/** The lines the logs pane shows. */
	logBuffer(): LogBufferView;
	/** Whether a shell or attach session has the terminal. */
	handedOver(): boolean;
	runner: ActionRunner;
	stop(): void;
}

export function createController(options: ControllerOptions): Controller {
	const {engine, store} = options;
	const feed = options.feed ?? startEngineFeed(engine);
	const clock = () => options.now().getTime();
	// A snapshot's status texts are as of when it arrives (the ages clock words them from then).
	const detach = feed.attach(action => store.dispatch(action.type === 'snapshot' ? {...action, at: clock()} : action));
	const say = (tone: 'ok' | 'error' | 'info', text: string) => store.dispatch({type: 'status', status: {tone, text, at: Date.now()}});
	const runner = createActionRunner(engine, action => store.dispatch(action), () => feed.refresh());
	const stats = startStatsSampler(engine, store);
	const logs = startLogStream(engine, store);
	const stopSearch = startLogSearch(store, () => logs.buffer());
	const stopStatusTimer = clearStaleStatus(store);
	const stopAges = startAgesClock(engine, store, clock);
	let reader: KeyReader | undefined;
	let handedOver = false;

	// Bracketed paste only while a prompt is open: elsewhere a paste would be typed keys anyway.
	let pasting = false;
	const followLayer = () => {
		const want = layerOf(store.getState()) === 'prompt';
		if (want !== pasting) {
			pasting = want;
			options.terminal?.bracketedPaste(want);
		}
	};
	const unsubscribeLayer = store.subscribe(followLayer);
	// Nothing but berth's frames reaches the terminal; what Node or a library printed shows here.
	const stopStray = options.terminal?.onStrayMessage?.(message => say('info', `Node: ${message}`));

	const images = createImageServices({engine, store, runner, refresh: () => feed.refresh(), say, cwd: options.cwd ?? process.cwd()});
	const services: Services = {
		act: spec => runner.act(spec),
		running: () => [...runner.running(), ...images.running()],
		images,
		shell: options.shell,
		interactive(target, what, open, cli) {
			const terminal = options.terminal;
			if (!terminal) return say('error', `${what} needs berth to run in a terminal`);
			const finish = runner.record(cli);
			handedOver = true;
			reader?.pause();
			stats.suspend(true);
			void (async () => {
				let outcome: ['info' | 'error', string];
				try {
					const session = await open(engine);
					const shown = await terminal.handover(session, {note: session.note, waitForKey: what === 'Command'});
					const result = await session.done;
					// 126/127: the command could not run; the engine said why on the terminal.
					const why = result.error ?? (result.exitCode === 126 || result.exitCode === 127 ? shown.lastLine : undefined);
					outcome = result.detached
						? ['info', `Detached from ${target.name}; it keeps running`]
						: [why ? 'error' : 'info', `${what} in ${target.name} ended${result.exitCode === undefined ? '' : ` (exit code ${result.exitCode})`}${why ? `: ${why}` : ''}`];
					finish(result.exitCode ? 'error' : 'ok', outcome[1]);
				} catch (error) {
					outcome = ['error', failureText(what.toLowerCase(), target.name, error)];
					finish('error', outcome[1]);
				}
				handedOver = false;
				// Keys first, then the news: the frame that says it ended also takes keys.
				stats.suspend(false);
				reader?.resume();
				say(...outcome);
				feed.refresh();
			})();
		},
		saveLogs: (file, scope, overwrite) => saveLogsTo(ctx, engine, logs.buffer(), {file, scope, overwrite, cwd: options.cwd}),
		runContainer(image, runOptions, cli) {
			say('info', `Starting a container from ${image}…`);
			const finish = runner.record(cli);
			const form = () => {
				const modal = store.getState().modal;
				return modal?.kind === 'run' && modal.pending ? modal : undefined;
			};
			void (async () => {
				try {
					const id = await engine.runContainer(image, runOptions);
					const text = `Started ${runOptions.name ?? id.slice(0, 12)} from ${image}`;
					finish('ok', text);
					if (form()) store.dispatch({type: 'close'});
					say('ok', text);
					focusContainer(id);
				} catch (error) {
					const text = failureText('run', image, error);
					finish('error', text);
					// The form keeps what was typed, with the engine's reason in it.
					if (form()) store.dispatch({type: 'run-pending', pending: false, error: error instanceof Error ? error.message : String(error)});
					say('error', text);
				} finally {
					feed.refresh();
				}
			})();
		},
		refresh: () => feed.refresh(),
		exit: options.exit,
		now: options.now,
	};
	// A container berth just made is selected in the containers pane once the list has it.
	const focusContainer = (id: string) => {
		store.dispatch({type: 'focus', pane: 'containers'});
		const select = () => {
			if (!store.getState().containers.some(c => c.id === id)) return false;
			store.dispatch({type: 'select', pane: 'containers', key: id});
			return true;
		};
		if (select()) return;
		const unsubscribe = store.subscribe(() => {
			if (select()) unsubscribe();
		});
		setTimeout(unsubscribe, 10_000).unref?.();
	};
	const ctx: CommandContext = {
		get state() {
			return store.getState();
		},
		dispatch: action => store.dispatch(action),
		say,
		services,
	};
	const keys = (events: KeyEvent[]) => {
		for (const event of events) handleKey(ctx, event);
	};

	return {
		listen(stdin) {
			reader?.stop();
			reader = readKeys(stdin, keys);
		},
		keys,
		logBuffer: () => logs.buffer(),
		handedOver: () => handedOver,
		runner,
		stop() {
			reader?.stop();
			detach();
			if (!options.feed) feed.stop();
			stats.stop();
			logs.stop();
			stopSearch();
			stopStatusTimer();
			stopAges();
			unsubscribeLayer();
			stopStray?.();
			if (pasting) options.terminal?.bracketedPaste(false);
		},
	};
}
