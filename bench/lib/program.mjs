/**
 * Any terminal program (berth or a peer) in a real pty (test/support/pty.ts), with what the
 * scenarios need on top: a callback after every chunk the emulator has parsed (so a frame is
 * seen the moment it is on the emulated screen, not at the next poll), waiting for the screen
 * and for silence, arrow keys in the mode the program set, and a clean stop.
 */
import {repoRoot} from './support.mjs';
import {now, sleep} from './stats.mjs';

/**
 * The bytes an arrow key sends, as a real terminal sends them: `ESC O x` while the program
 * has switched the terminal to application cursor keys (DECCKM; lazydocker, dry and dockly
 * do), `ESC [ x` otherwise.
 */
export function arrowKey(term, direction) {
	const letter = {up: 'A', down: 'B', right: 'C', left: 'D'}[direction];
	return term.modes?.applicationCursorKeysMode ? `\u001BO${letter}` : `\u001B[${letter}`;
}

/** The environment: `env` over the bench's own, minus what changes how programs draw (CI) or which engine they use. */
export function programEnv(host, extra = {}) {
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
 * Spawns `file args` at cols x rows against `host`. `startedAt` is taken just before the
 * spawn (the process start as far as the bench can see it).
 */
export function launchProgram(spawnPty, host, {file, args = [], cols = 120, rows = 40, env = {}, cwd = repoRoot}) {
	const startedAt = now();
	const proc = spawnPty(file, args, {cols, rows, cwd, env: programEnv(host, env)});
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
			for (const listener of [...listeners]) listener(state.lastParsedAt, data.length);
			done?.();
		});
	};

	const screen = {
		term,
		line(y) {
			const buffer = term.buffer.active;
			return buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
		},
		lines() {
			return Array.from({length: term.rows}, (_, y) => screen.line(y));
		},
		/** The cell at column x of row y (xterm's IBufferCell), or undefined. */
		cell(y, x) {
			const buffer = term.buffer.active;
			return buffer.getLine(buffer.viewportY + y)?.getCell(x);
		},
		/** How cell (y, x) is drawn: "inverse", "bg:N" or "" (default background). */
		look(y, x) {
			const cell = screen.cell(y, x);
			if (!cell) return '';
			if (cell.isInverse()) return 'inverse';
			return cell.isBgDefault() ? '' : `bg:${cell.getBgColorMode()}:${cell.getBgColor()}`;
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

	// An exit the bench did not ask for (a crash, or a flag it refused) is recorded with the end
	// of the program's output (an error message is printed after it leaves the alternate screen).
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
		/** Calls `listener(at, bytes)` after each chunk is on the emulated screen; returns the unsubscribe. */
		onParsed(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		bytes: () => proc.bytes(),
		/** Set when the program exited by itself: {exitCode, signal, afterS, outputTail}. */
		crashed: () => state.exit,
		write: data => proc.write(data),
		/** The bytes of an arrow key in the terminal's current cursor-key mode. */
		arrow: direction => arrowKey(term, direction),
	};
}
