import type {TerminalSession} from '../engine/types.js';

const leaveScreen = '\u001B[?25h\u001B[?1049l';
const enterScreen = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';

/**
 * Gives the real terminal to an interactive session (a shell, a command, attach): leaves the
 * alternate screen, sends raw key bytes to the session and its output to the terminal, passes
 * resizes on, and when the session ends puts berth's screen back. Ink's own input must be
 * inactive meanwhile (berth turns its key handler off), so no key reaches both.
 */
export async function handOver(session: TerminalSession, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): Promise<void> {
	stdout.write(leaveScreen);
	const wasRaw = stdin.isRaw;
	if (stdin.isTTY) stdin.setRawMode(true);
	const onKey = (data: Buffer) => {
		session.input.write(data);
	};
	const onOutput = (data: Buffer | string) => {
		stdout.write(data);
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
		await session.done;
	} finally {
		stdin.off('data', onKey);
		stdin.pause();
		session.output.off('data', onOutput);
		stdout.off('resize', onResize);
		if (stdin.isTTY) stdin.setRawMode(wasRaw);
		stdout.write(enterScreen);
	}
}
