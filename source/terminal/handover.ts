import type {TerminalSession} from '../engine/types.js';
import {clearMainScreen, enterBerthScreen, leaveBerthScreen, resetModes, resetModesInPlace} from './modes.js';

/** Ctrl-P Ctrl-Q: the detach keys, which always bring the user back to berth. */
const DETACH = [0x10, 0x11];
/** After the detach keys, how long the engine gets to end the session itself before berth does. */
const DETACH_GRACE_MS = 300;

export interface HandoverOptions {
	/** Said before the session starts: what it is and how to leave it. */
	note?: string;
	/** After the session ends, show its output until a key is pressed (a command that ends by itself). */
	waitForKey?: boolean;
}

/**
 * Gives the real terminal to an interactive session (a shell, a command, attach): leaves the
 * alternate screen onto a cleared main screen, sends raw key bytes to the session and its output
 * to the terminal, passes resizes on, and when the session ends (or the user presses the detach
 * keys, which always work, even for a container that reads no input) resets every mode the
 * program may have left and puts berth's screen back. berth's own key reader is paused meanwhile.
 */
export async function handOver(session: TerminalSession, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, options: HandoverOptions = {}): Promise<{lastLine?: string}> {
	stdout.write(leaveBerthScreen + resetModes + clearMainScreen);
	if (options.note) stdout.write(`${options.note}\r\n`);
	const wasRaw = stdin.isRaw;
	if (stdin.isTTY) stdin.setRawMode(true);
	let matched = 0;
	let detachTimer: NodeJS.Timeout | undefined;
	const onKey = (data: Buffer) => {
		session.input.write(data);
		for (const byte of data) {
			matched = byte === DETACH[matched] ? matched + 1 : byte === DETACH[0] ? 1 : 0;
			if (matched === DETACH.length) {
				matched = 0;
				detachTimer ??= setTimeout(() => session.close(), DETACH_GRACE_MS);
			}
		}
	};
	// The end of what the session printed: a command that could not start says why there.
	let tail = '';
	const onOutput = (data: Buffer | string) => {
		stdout.write(data);
		tail = (tail + data.toString()).slice(-2048);
	};
	const onResize = () => {
		void session.resize(stdout.columns || 80, stdout.rows || 24).catch(() => {});
	};
	stdin.on('data', onKey);
	stdin.resume();
	session.output.on('data', onOutput);
	stdout.on('resize', onResize);
	onResize();
	try {
		const result = await session.done;
		if (options.waitForKey && !result.detached) {
			stdin.off('data', onKey);
			const code = result.exitCode === undefined ? '' : `exit code ${result.exitCode} — `;
			stdout.write(`${resetModesInPlace}\r\n[${code}press any key to return to berth]`);
			await new Promise<void>(resolve => stdin.once('data', () => resolve()));
		}
	} finally {
		if (detachTimer) clearTimeout(detachTimer);
		stdin.off('data', onKey);
		stdin.pause();
		session.output.off('data', onOutput);
		stdout.off('resize', onResize);
		if (stdin.isTTY) stdin.setRawMode(wasRaw);
		stdout.write(clearMainScreen + enterBerthScreen);
	}
	const lines = tail.split(/\r?\n/).map(l => l.trim()).filter(Boolean);
	return {lastLine: lines.at(-1)};
}
