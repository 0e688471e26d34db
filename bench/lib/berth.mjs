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
	const state = {lastByteAt: startedAt, lastParsedAt: startedAt, parsedChunks: 0, exit: undefined, stopping: false};
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
		/** Rows drawn inverse that are not pane headers: the focused pane's selected row, when berth draws it. */
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
		/**
		 * Pane `number` (1 containers, 2 images, 3 logs): its header line, the "i/n" position
		 * the header shows for lists longer than the pane, and its first data row (after the
		 * column titles), which tells whether the list scrolled.
		 */
		pane(number) {
			const lines = screen.lines();
			const top = lines.findIndex(text => text.startsWith(` ${number} `) && paneHeader.test(text));
			if (top === -1) return undefined;
			const header = lines[top];
			const position = /\s(\d+)\/(\d+)\s*$/.exec(header);
			return {
				y: top,
				header,
				position: position ? `${position[1]}/${position[2]}` : undefined,
				firstRow: number === 3 ? lines[top + 1] : lines[top + 2],
			};
		},
		/**
		 * What identifies the selection of list pane `number` on screen: the header's position
		 * ("2/1000") and the inverse row. Either alone is enough to see a move; both are used
		 * so that a build that does not draw one of them is still measured.
		 */
		selection(number) {
			return `${screen.pane(number)?.position ?? ''}|${screen.selected()?.text ?? ''}`;
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

	// An exit the bench did not ask for (a crash) is recorded with the end of berth's output
	// (its error message is printed after it leaves the alternate screen).
	void proc.exited.then(exit => {
		if (state.stopping) return;
		state.exit = {...exit, afterS: Number(((now() - startedAt) / 1000).toFixed(1)), outputTail: JSON.stringify(proc.output().slice(-1500)).slice(1, -1)};
	});

	const stop = async () => {
		state.stopping = true;
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
		/** Set when berth exited by itself: {exitCode, signal, afterS, outputTail}. */
		crashed: () => state.exit,
		write: data => proc.write(data),
	};
}
