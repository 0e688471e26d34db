/**
 * The stdout Ink renders to. It does two things:
 *
 * 1. Keeps the cursor on the frame's last line. Ink 6 appends a newline to every frame
 *    shorter than the terminal (berth's root box is one row shorter, so Ink never falls back
 *    to clearing the whole screen), which leaves the cursor one row below the frame; its
 *    incremental renderer then moves up one row too few and every later frame lands one line
 *    low. Dropping that final line feed (or the "cursor next line" that replaces it when the
 *    last line did not change) keeps the cursor where the renderer expects it.
 * 2. Writes runs of "cursor next line" as one move (see compressLineMoves).
 * 3. Can be paused: while a shell has the terminal, frames are dropped (the app still renders,
 *    e.g. as log lines arrive); after resuming, the app asks Ink for a full repaint.
 */
const nextLine = '\u001B[E';

const nextLines = /(?:\u001B\[E){2,}/g;

/**
 * Ink moves over each unchanged line with its own "cursor next line" (3 bytes each); one
 * "cursor next N lines" does the same. A one-row change then costs the row, not the row plus
 * a hundred bytes of cursor moves.
 */
export function compressLineMoves(chunk: string): string {
	return chunk.replace(nextLines, run => `\u001B[${run.length / 3}E`);
}

export function stripFinalLineMove(chunk: string): string {
	if (chunk.endsWith('\r\n')) return chunk.slice(0, -2);
	if (chunk.endsWith('\n')) return chunk.slice(0, -1);
	if (chunk.endsWith(nextLine)) return chunk.slice(0, -nextLine.length);
	return chunk;
}

export interface FrameStdout {
	stream: NodeJS.WriteStream;
	pause(): void;
	resume(): void;
}

/** Wraps a TTY write stream for Ink (see the module comment). */
export function frameStdout(stdout: NodeJS.WriteStream): FrameStdout {
	let paused = false;
	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) => {
					if (paused) {
						const callback = rest.find(r => typeof r === 'function') as (() => void) | undefined;
						callback?.();
						return true;
					}
					const text = typeof chunk === 'string' ? compressLineMoves(stripFinalLineMove(chunk)) : chunk;
					return (target.write as (...args: unknown[]) => boolean)(text, ...rest);
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		},
	});
	return {
		stream,
		pause() {
			paused = true;
		},
		resume() {
			paused = false;
		},
	};
}
