/**
 * A stdout for Ink's incremental renderer that keeps the cursor on the frame's last line.
 *
 * Ink 6 appends a newline to every frame shorter than the terminal (berth's root box is one row
 * shorter, so Ink never falls back to clearing the whole screen), which leaves the cursor one
 * row below the frame; its incremental renderer then moves up one row too few and every later
 * frame lands one line low. Dropping that final line feed (or the "cursor next line" that
 * replaces it when the last line did not change) from each write keeps the cursor where the
 * renderer expects it. Everything else is passed through untouched.
 */
const nextLine = '\u001B[E';

export function stripFinalLineMove(chunk: string): string {
	if (chunk.endsWith('\r\n')) return chunk.slice(0, -2);
	if (chunk.endsWith('\n')) return chunk.slice(0, -1);
	if (chunk.endsWith(nextLine)) return chunk.slice(0, -nextLine.length);
	return chunk;
}

/** Wraps a TTY write stream so frames written through it end on their last line. */
export function frameStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stdout, {
		get(target, property, receiver) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) => {
					const text = typeof chunk === 'string' ? stripFinalLineMove(chunk) : chunk;
					return (target.write as (...args: unknown[]) => boolean)(text, ...rest);
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
			void receiver;
		},
	});
}
