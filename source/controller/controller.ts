/**
 * The controller: everything berth does between the engine and the screen, outside React. It
 * owns the store, follows the engine feed, the log stream and the stats sampler, reads the
 * keys and runs the commands they reach, and carries out what commands ask (engine actions,
 * hand-overs to a shell, saving logs). The UI only draws the store's state.
 */
import type {Engine, TerminalSession} from '../engine/types.js';
import {createKeyRunner} from '../commands/busy-keys.js';
import {layerOf} from '../state/precedence.js';
import type {Services} from '../commands/command-services.js';
import type {CommandContext} from '../commands/types.js';
import type {KeyEvent} from '../input/decode-keys.js';
import {readKeys, type KeyReader} from '../input/key-reader.js';
import {startLogStream} from '../logs/log-stream.js';
import type {LogBufferView, MatchSet} from '../logs/log-view.js';
import {startEngineFeed, type EngineFeed} from '../state/engine-feed.js';
import type {Store} from '../state/store.js';
import {createActionRunner, type ActionRunner} from './action-runner.js';
import {cliFor} from '../format/cli-for.js';
import {writeCommandLog, writeLineFile} from './command-log-file.js';
import {createHandOver} from './interactive-sessions.js';
import {createRuns} from './runs.js';
import {startLogSearch} from './log-search.js';
import {saveLogsTo} from './save-logs.js';
import {startStatsSampler} from './stats-sampler.js';
import {startAgesClock} from './ages-clock.js';
import {createServiceLogs} from './service-logs.js';
import {startSwarmPoller} from './swarm-poller.js';
import {clearStaleStatus, type Say} from './status-messages.js';
import {createImageServices} from './images.js';
import {createCopies} from './copies.js';

/** What berth asks of the real terminal (cli.tsx implements it; absent in tests without one). */
export interface TerminalControl {
	/**
	 * Gives the terminal to an interactive session and resolves when it ended and berth's
	 * screen is back. `note` is said before the session starts (what it is, how to leave).
	 */
	handover(session: TerminalSession, options: {note?: string; waitForKey?: boolean}): Promise<{lastLine?: string}>;
	/** Bracketed paste on while a prompt is open, so a paste is text and never keys. */
	bracketedPaste(on: boolean): void;
	/** Sends text to the terminal's clipboard (OSC 52, through tmux as tmux allows); says what was sent. */
	clipboard?(text: string): Promise<import('../terminal/clipboard.js').ClipboardOutcome>;
}

export interface ControllerOptions {
	engine: Engine;
	/** The docker contexts to offer in the contexts view (cli.tsx; absent in tests without one). */
	contexts?: import('../commands/command-services.js').ContextsSource;
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
	/** Handles keys as if typed (the reader calls this); `busy`: they were read after berth was busy (commands/busy-keys.ts). */
	keys(events: KeyEvent[], busy?: boolean): void;
	/** The lines the logs pane shows. */
	logBuffer(): LogBufferView;
	/** The search's matches as far as it got (the pane's filter mode). */
	logMatches(): MatchSet;
	/** Whether a shell or attach session has the terminal. */
	handedOver(): boolean;
	/** The lines of an output view (an attached run). */
	output(id: string): import('../text/ring-buffer.js').RingBuffer<import('../engine/types.js').LogLine> | undefined;
	/** The lines of a service-log view. */
	serviceLog(id: string): import('../text/ring-buffer.js').RingBuffer<import('../engine/types.js').ServiceLogLine> | undefined;
	runner: ActionRunner;
	stop(): void;
}

export function createController(options: ControllerOptions): Controller {
	const {engine, store} = options;
	const feed = options.feed ?? startEngineFeed(engine);
	const clock = () => options.now().getTime();
	// A snapshot's status texts are as of when it arrives (the ages clock words them from then).
	const detach = feed.attach(action => store.dispatch(action.type === 'snapshot' ? {...action, at: clock()} : action));
	// The Swarm view's reads run only while it is open; an action reads its lists again too.
	const swarm = startSwarmPoller(engine, store);
	const serviceLogs = createServiceLogs(engine, store);
	const runner = createActionRunner(
		engine,
		store,
		() => {
			feed.refresh();
			swarm.refresh();
		},
		clock,
	);
	const {say} = runner;
	const stats = startStatsSampler(engine, store);
	const logs = startLogStream(engine, store);
	const logSearch = startLogSearch(store, () => logs.buffer());
	const stopStatusTimer = clearStaleStatus(store);
	const stopAges = startAgesClock(engine, store, clock);
	// Several hosts: each one's state for the status line and the per-host counts.
	if (engine.hosts) store.dispatch({type: 'hosts', hosts: engine.hosts()});
	const stopHosts = engine.onHostsChange?.(hosts => store.dispatch({type: 'hosts', hosts}));
	let reader: KeyReader | undefined;

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

	const refresh = () => feed.refresh();
	const runs = createRuns(engine, store, runner, refresh);
	const handOver = createHandOver({
		engine,
		terminal: options.terminal,
		runner,
		say,
		refresh,
		suspend(on) {
			if (on) reader?.pause();
			else reader?.resume();
			stats.suspend(on);
		},
	});
	const images = createImageServices({engine, store, runner, refresh, say, cwd: options.cwd ?? process.cwd()});
	const copies = createCopies(engine, store, runner, refresh);
	const running = () => [...runner.running(), ...images.running(), ...copies.running()];
	const services: Services = {
		contexts: options.contexts && contextsService(options.contexts, store, say, running, runner.record),
		act: spec => runner.act(spec),
		actMany: (specs, what) => runner.actMany(specs, what),
		read: work => work(engine),
		running,
		images,
		copies,
		shell: options.shell,
		interactive: (target, what, open, cli) => handOver.start(target, what, open, cli),
		saveLogs: (file, scope, overwrite, through) => void saveLogsTo(ctx, engine, logs.buffer(), {file, scope, overwrite, through, cwd: options.cwd}),
		runContainer: (image, runOptions, cli) => runs.runContainer(image, runOptions, cli),
		createContainer: (image, runOptions, cli) => runs.createContainer(image, runOptions, cli),
		runAttached: (image, runOptions, cli) => runs.runAttached(image, runOptions, cli),
		offerPull: (ref, then) => images.offerPull(ref, then),
		pullFirst: ref => images.pullFirst(ref),
		copyToClipboard(text) {
			if (!options.terminal?.clipboard) return say('error', 'No terminal to copy to; Y writes a file');
			// What was sent, never "copied": the terminal does not say whether it took it.
			void options.terminal.clipboard(text).then(outcome => say(outcome.sent ? 'info' : 'error', `${outcome.text}; Y writes a file`));
		},
		copyToFile(text) {
			void writeLineFile(text, options.cwd ?? process.cwd(), options.now()).then(
				file => say('ok', `Wrote the line to ${file} (mode 0600)`),
				(error: unknown) => say('error', `Could not write the line to a file: ${error instanceof Error ? error.message : String(error)}`),
			);
		},
		saveCommandLog() {
			void writeCommandLog(store.getState().commandLog, options.cwd ?? process.cwd(), options.now()).then(
				file => say('ok', `Wrote the command log to ${file}`),
				(error: unknown) => say('error', `Could not write the command log: ${error instanceof Error ? error.message : String(error)}`),
			);
		},
		serviceLogs: service => serviceLogs.open(service),
		refresh,
		exit: options.exit,
		now: options.now,
	};
	const ctx: CommandContext = {
		get state() {
			return store.getState();
		},
		dispatch: action => store.dispatch(action),
		say,
		services,
	};
	const run = createKeyRunner(ctx);
	const keys = (events: KeyEvent[], busy = false) => run(events, busy);

	return {
		listen(stdin) {
			reader?.stop();
			reader = readKeys(stdin, keys);
		},
		keys,
		logBuffer: () => logs.buffer(),
		logMatches: () => logSearch.search,
		handedOver: () => handOver.active(),
		output: id => runs.output(id),
		serviceLog: id => serviceLogs.lines(id),
		runner,
		stop() {
			reader?.stop();
			detach();
			if (!options.feed) feed.stop();
			stats.stop();
			logs.stop();
			logSearch.stop();
			stopStatusTimer();
			stopAges();
			stopHosts?.();
			unsubscribeLayer();
			runs.stop();
			copies.stop();
			swarm.stop();
			serviceLogs.stop();
			if (pasting) options.terminal?.bracketedPaste(false);
		},
	};
}

/** The contexts view's service: a switch carries the command log and the list's settings over. */
function contextsService(
	source: import('../commands/command-services.js').ContextsSource,
	store: Store,
	say: Say,
	running: () => string[],
	record: ActionRunner['record'],
): import('../commands/command-services.js').ContextsService {
	return {
		list: () => source.list(),
		check: (names, onResult) => source.check(names, onResult),
		// It changes the user's docker config: an entry in the command log, whichever way it goes.
		use(name) {
			const finish = record(cliFor.contextUse(name));
			try {
				const note = source.use(name);
				finish('ok', note);
				return note;
			} catch (error) {
				finish('error', error instanceof Error ? error.message : String(error));
				throw error;
			}
		},
		switchTo(names, note) {
			// An action still on its way would finish against an engine berth no longer shows.
			const busy = running();
			if (busy.length > 0) return say('error', `Still running: ${busy.join(', ')} — switch when it has finished`);
			const state = store.getState();
			try {
				source.switchTo(names, {commandLog: state.commandLog, showAll: state.showAll, showStats: state.showStats}, note);
			} catch (error) {
				say('error', `Cannot show ${names.join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
			}
		},
	};
}
