/**
 * The built berth (`node dist/cli.js`) in a real pty (test/support/pty.ts), with what the
 * scenarios need on top: a callback after every chunk the emulator has parsed (so a frame is
 * seen the moment it is on the emulated screen, not at the next poll), and readers for berth's
 * screen (container rows, the selected row, the containers pane header).
 */
import path from 'node:path';
import {repoRoot} from './support.mjs';
import {now, sleep} from './stats.mjs';

export const berthCli = path.join(repoRoot, 'dist', 'cli.js');

/** The glyphs a container row starts with (source/format/format.ts stateGlyph). */
export const stateGlyphs = new Set(['●', '■', '○', '‖', '↻', '✖', '?']);
const paneHeader = /^ [123] (Containers|Images|Logs)\b/;

/** berth's environment: the bench engine only; nothing that changes how Ink draws (CI). */
export function berthEnv(host, extra = {}) {
	return {
		TERM: 'xterm-256color',
		DOCKER_HOST: host,
		DOCKER_CONTEXT: undefined,
		DOCKER_TLS_VERIFY: undefined,
		DOCKER_CERT_PATH: undefined,
		CI: undefined,
		CONTINUOUS_INTEGRATION: undefined,
		NODE_OPTIONS: undefined,
		...extra,
	};
}

/**
 * Spawns berth at cols x rows. `startedAt` is taken just before the spawn (the process start
 * as far as the bench can see it).
 */
export function launchBerth(spawnPty, host, {cli = berthCli, cols = 120, rows = 40, nodeArgs = [], args = [], env = {}} = {}) {
	const startedAt = now();
	const proc = spawnPty(process.execPath, [...nodeArgs, cli, ...args], {cols, rows, cwd: repoRoot, env: berthEnv(host, env)});
	const term = proc.terminal;
	const listeners = new Set();
	const state = {lastByteAt: startedAt, lastParsedAt: startedAt, parsedChunks: 0};
	const write = term.write.bind(term);
	// pty.ts feeds every chunk through terminal.write(chunk, done): wrap it to learn when each
	// chunk has been parsed onto the emulated screen.
	term.write = (data, done) => {
		state.lastByteAt = now();
		write(data, () => {
			state.lastParsedAt = now();
			state.parsedChunks++;
			for (const listener of [...listeners]) listener(state.lastParsedAt);
			done?.();
		});
	};

	const screen = {
		line(y) {
			const buffer = term.buffer.active;
			return buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
		},
		lines() {
			return Array.from({length: term.rows}, (_, y) => screen.line(y));
		},
		/** Rows drawn inverse that are not pane headers: the focused pane's selected row. */
		selected() {
			const buffer = term.buffer.active;
			for (let y = 0; y < term.rows; y++) {
				const line = buffer.getLine(buffer.viewportY + y);
				if (!line) continue;
				const cell = line.getCell(2);
				if (!cell || !cell.isInverse()) continue;
				const text = line.translateToString(true);
				if (paneHeader.test(text)) continue;
				return {y, text};
			}
			return undefined;
		},
		/** Rows that start with a container state glyph. */
		containerRows() {
			return screen.lines().filter(text => stateGlyphs.has(text[0]));
		},
		/** {running, total} from the containers pane header ("N running / M total"). */
		containersHeader() {
			for (const text of screen.lines()) {
				if (!text.startsWith(' 1 Containers')) continue;
				const match = /(\d+) running \/ (\d+) total/.exec(text);
				return match ? {running: Number(match[1]), total: Number(match[2]), text} : {text};
			}
			return undefined;
		},
	};

	/** Resolves with the time the screen first satisfied `test` (checked after every parsed chunk). */
	const waitFor = (test, timeoutMs = 30_000, label = 'the screen') =>
		new Promise((resolve, reject) => {
			if (test()) {
				resolve(now());
				return;
			}
			const listener = at => {
				if (!test()) return;
				cleanup();
				resolve(at);
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; the screen shows:\n${screen.lines().join('\n')}`));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				listeners.delete(listener);
			};
			listeners.add(listener);
		});

	/** Waits until nothing has arrived for `quietMs` (at most `maxMs`); true when it went quiet. */
	const settle = async (quietMs = 1000, maxMs = 15_000) => {
		const deadline = now() + maxMs;
		for (;;) {
			const idle = now() - state.lastByteAt;
			if (idle >= quietMs) return true;
			if (now() > deadline) return false;
			await sleep(Math.min(quietMs - idle + 5, 100));
		}
	};

	const stop = async () => {
		let gone = false;
		void proc.exited.then(() => {
			gone = true;
		});
		proc.kill('SIGTERM');
		const deadline = now() + 5000;
		while (!gone && now() < deadline) await sleep(20);
		if (!gone) {
			try {
				proc.kill('SIGKILL');
			} catch {
				// Already gone.
			}
			await Promise.race([proc.exited, sleep(2000)]);
		}
	};

	return {
		proc,
		pid: proc.pid,
		startedAt,
		state,
		screen,
		waitFor,
		settle,
		stop,
		onParsed(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		bytes: () => proc.bytes(),
		write: data => proc.write(data),
	};
}
