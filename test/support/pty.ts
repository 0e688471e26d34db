/**
 * Runs a program (usually the built berth) in a real pseudo-terminal, records every byte it
 * writes, and renders those bytes with a headless terminal emulator (xterm.js) so tests and the
 * benchmark can look at the screen a user would see.
 */
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {IPty} from '@lydell/node-pty';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty') as typeof import('@lydell/node-pty');
const {Terminal} = require('@xterm/headless') as typeof import('@xterm/headless');

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const berthCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface PtyProcess {
	readonly pid: number;
	/** Every byte written so far, as latin1 text (one char per byte). */
	output(): string;
	/** Bytes written so far. */
	bytes(): number;
	/** Writes to the program's terminal input. */
	write(data: string): void;
	resize(cols: number, rows: number): void;
	/** The screen as text lines, after the emulator has processed every byte so far. */
	screen(): Promise<string[]>;
	/** Polls the screen until `test` passes; throws with the screen after `timeoutMs`. */
	waitForScreen(test: string | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Resolves with the exit code (or signal) once the program ends. */
	exited: Promise<{exitCode: number; signal?: number}>;
	kill(signal?: string): void;
	/** The emulator, for mode queries (alternate screen, cursor visibility). */
	terminal: InstanceType<typeof Terminal>;
}

export function spawnPty(
	file: string,
	args: string[],
	options: {cols?: number; rows?: number; env?: Record<string, string | undefined>; cwd?: string} = {},
): PtyProcess {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 40;
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries({TERM: 'xterm-256color', ...process.env, ...options.env})) {
		if (v !== undefined) env[k] = v;
	}
	const child: IPty = pty.spawn(file, args, {name: env['TERM'] ?? 'xterm-256color', cols, rows, cwd: options.cwd ?? repoRoot, env, encoding: null});
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	const chunks: Buffer[] = [];
	let total = 0;
	let pending = Promise.resolve();
	child.onData(data => {
		const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
		chunks.push(buffer);
		total += buffer.length;
		pending = pending.then(() => new Promise<void>(resolve => terminal.write(buffer, resolve)));
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		child.onExit(e => resolve({exitCode: e.exitCode, signal: e.signal}));
	});
	const screen = async () => {
		await pending;
		const lines: string[] = [];
		const buf = terminal.buffer.active;
		for (let i = 0; i < terminal.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
		return lines;
	};
	return {
		pid: child.pid,
		output: () => Buffer.concat(chunks).toString('latin1'),
		bytes: () => total,
		write: data => child.write(data),
		resize(c, r) {
			child.resize(c, r);
			terminal.resize(c, r);
		},
		screen,
		async waitForScreen(test, timeoutMs = 10_000) {
			const check = typeof test === 'string' ? (s: string) => s.includes(test) : test;
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const text = (await screen()).join('\n');
				if (check(text)) return text;
				if (Date.now() > deadline) throw new Error(`timed out waiting for the screen; it shows:\n${text}`);
				await new Promise(resolve => setTimeout(resolve, 25));
			}
		},
		exited,
		kill: signal => child.kill(signal),
		terminal,
	};
}
