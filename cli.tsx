#!/usr/bin/env node
import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {readCommandLine} from './source/cli/command-line.js';
import {withFlags} from './source/config/with-flags.js';
import {captureStrayOutput} from './source/cli/stray-output.js';
import {EndpointError} from './source/engine/transport/endpoint.js';
import {resolveTargets} from './source/engine/hosts/targets.js';
import type {TerminalControl} from './source/controller/controller.js';
import type {CarriedState} from './source/state/contexts-types.js';

// The memory flag (--heap-growing-percent) is set by the loader (source/cli/loader.ts), 2 s
// after start: set at once it slowed the first frame, and it must not change while the code
// cache is made.

function fail(message: string): never {
	process.stderr.write(`berth: ${message}\n`);
	process.exit(2);
}

const read = await readCommandLine(process.argv.slice(2), import.meta);
if ('problem' in read) fail(read.problem);
const cli = read;

// The config file: read before anything else needs a setting; a mistake in it is reported on
// the status line (and by --print-config), never a reason not to start.
const {loadConfig} = await import('./source/config/load-config.js');
const loaded = await loadConfig({flag: cli.flags.config, env: process.env, homedir: os.homedir()});
const config = withFlags(loaded.config, cli.flags);
if (cli.flags.printConfig || cli.flags.printKeys) {
	const {printSettings} = await import('./source/cli/print-settings.js');
	printSettings(cli.flags.printKeys ? 'keys' : 'config', loaded, config, {
		schema: fileURLToPath(new URL('../config.schema.json', import.meta.url)),
		out: text => process.stdout.write(text),
		err: text => process.stderr.write(text),
	});
	process.exit(0);
}

let targets;
try {
	targets = resolveTargets({host: cli.flags.host, contexts: cli.flags.context ?? [], env: process.env, homedir: os.homedir()});
} catch (error) {
	if (error instanceof EndpointError) fail(error.message);
	throw error;
}

if (!process.stdin.isTTY || !process.stdout.isTTY) {
	fail('needs an interactive terminal (stdin and stdout must be a TTY)');
}
// A dumb terminal cannot move the cursor or switch screens, so a full-screen UI would scroll
// garbage: refuse the same way as without a terminal.
if (process.env['TERM'] === 'dumb') {
	fail('TERM=dumb: this terminal cannot move the cursor, which berth needs; run it in a full terminal (e.g. TERM=xterm-256color)');
}

// berth is interactive by definition: Ink's CI detection (which only prints the last frame)
// must not apply even when CI is set in the environment. is-in-ci reads it at import time, so
// Ink and the app are imported after this. The variables are removed, not set to "false":
// chalk's colour detection turns every colour and style (the selected row's inverse too) off
// whenever CI is present at all, whatever its value.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];

// From here on nothing but berth's frames may reach the terminal: Node warnings, console output
// and stray stderr writes go to the file BERTH_DEBUG_LOG names, if set, and nowhere otherwise
// (source/cli/stray-output.ts). finish() puts stderr back before writing to it.
const restoreStray = captureStrayOutput({logFile: process.env['BERTH_DEBUG_LOG'] || undefined});

// The engine is asked first, and the UI loaded meanwhile: listing 1,000 containers takes the
// engine about as long as loading Ink takes node. Each await between the imports lets the
// engine's replies in (module set-up is synchronous; sockets only move between tasks).
const nextTask = () => new Promise<void>(resolve => setImmediate(resolve));
const [{createEngineFor}, {startEngineFeed}] = await Promise.all([
	import('./source/engine/hosts/engine-for-targets.js'),
	import('./source/state/engine-feed.js'),
]);
const engine = createEngineFor(targets);
const feed = startEngineFeed(engine);
await nextTask();
// React first, then Ink (each import a task of its own: see above).
await import('react');
await nextTask();
const {render} = await import('ink');
await nextTask();
const [{App}, {frameStdout}, {enterAlternateScreen}, {handOver}, modes, {readTmuxClipboard, sendToClipboard}, {createContextsSource}, {commandSettings}, {configNotice}] = await Promise.all([
	import('./source/ui/app.js'),
	import('./source/terminal/frame-stdout.js'),
	import('./source/terminal/screen.js'),
	import('./source/terminal/handover.js'),
	import('./source/terminal/modes.js'),
	import('./source/terminal/clipboard.js'),
	import('./source/cli/contexts-source.js'),
	import('./source/commands/config-keys.js'),
	import('./source/cli/config-notice.js'),
]);
// The keys in effect, and what of the config the registry finds wrong (keys bound twice).
const settings = commandSettings(config);
const notice = configNotice(loaded, settings.problems);
// The first frame shows the containers when the engine answers soon; a slow engine gets the
// "Loading…" frame instead of a blank screen.
await Promise.race([feed.ready, new Promise(resolve => setTimeout(resolve, 400))]);

// TEST-ONLY and benchmark hooks (source/cli/test-hooks.tsx): loaded only when one of their
// variables is set.
const testHooks = ['BERTH_TEST_CRASH_AFTER_MS', 'BERTH_TEST_STRAY_OUTPUT_AFTER_MS', 'BERTH_TEST_CRASH_IN_RENDER_AFTER_MS', 'BERTH_DEBUG_MEMORY_FILE'].some(name => process.env[name]);
const Hooked = testHooks ? (await import('./source/cli/test-hooks.js')).startTestHooks(process.env) : undefined;

const screen = enterAlternateScreen(process.stdout, process.stdin);
const frames = frameStdout(process.stdout);
const terminal: TerminalControl = {
	async handover(session, options) {
		frames.pause();
		try {
			return await handOver(session, process.stdin, process.stdout, options);
		} finally {
			// The next frame (the outcome on the status line) repaints the whole screen.
			frames.resume();
		}
	},
	clipboard: text => sendToClipboard(text, {env: process.env, write: bytes => process.stdout.write(bytes), tmux: () => readTmuxClipboard(process.env)}),
	bracketedPaste(on) {
		process.stdout.write(on ? modes.bracketedPasteOn : modes.bracketedPasteOff);
	},
};

// The contexts view (0) switches berth to other engines without a restart: a new engine and
// feed, a new App (key) with the command log and list settings carried over, the old ones closed.
let current = {engine, feed, generation: 0, carried: undefined as CarriedState | undefined};
const contexts = createContextsSource({
	env: process.env,
	homedir: os.homedir(),
	host: cli.flags.host,
	contexts: cli.flags.context,
	inUse: targets.map(target => target.name),
	show(next, carried) {
		const previous = current;
		const nextEngine = createEngineFor(next);
		current = {engine: nextEngine, feed: startEngineFeed(nextEngine), generation: previous.generation + 1, carried};
		app.rerender(element());
		previous.feed.stop();
		void previous.engine.close?.().catch(() => undefined);
	},
});
const element = () => {
	const shown = (
		<App
			key={current.generation}
			engine={current.engine}
			feed={current.feed}
			carried={current.carried}
			showAll={config.all}
			showStats={config.stats}
			shell={config.shell === 'auto' ? undefined : config.shell}
			config={config}
			keymap={settings.keymap}
			notice={current.generation === 0 ? notice : undefined}
			contexts={contexts}
			terminal={terminal}
		/>
	);
	return Hooked ? <Hooked>{shown}</Hooked> : shown;
};
const app = render(element(), {
	stdout: frames.stream,
	// Ink writes whole frames; frameStdout rewrites only the cells that changed (frame-diff.ts).
	incrementalRendering: false,
	maxFps: 60,
	patchConsole: false,
	exitOnCtrlC: false,
});

let finishing = false;
function finish(code: number, error?: unknown): never {
	if (!finishing) {
		finishing = true;
		try {
			app.unmount();
		} catch {
			// Already unmounted.
		}
	}
	screen.restore();
	restoreStray();
	if (error !== undefined) {
		const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
		process.stderr.write(`berth: unexpected error: ${text}\n`);
	}
	process.exit(code);
}

process.on('SIGTERM', () => finish(143));
process.on('SIGHUP', () => finish(129));
process.on('SIGINT', () => finish(130));
process.on('uncaughtException', error => finish(1, error));
process.on('unhandledRejection', error => finish(1, error));

await app.waitUntilExit();
finish(0);
