/**
 * While berth's UI owns the terminal, nothing else may write to it: a Node warning (say a
 * MaxListenersExceededWarning), a library's console.log or a stray process.stderr.write would
 * land in the middle of the frame, and berth's frame diffing would never paint over it.
 *
 * `captureStrayOutput` routes all of that away until its restore function is called: Node's
 * own warning printer is replaced (warnings still arrive as process 'warning' events), the
 * console's methods write into the capture, and so does process.stderr.write. What is caught is
 * appended to the file named by BERTH_DEBUG_LOG when that is set, and dropped otherwise (a
 * library's warning means nothing to the person looking at their containers).
 */
import {appendFileSync} from 'node:fs';
import {Console} from 'node:console';
import {Writable} from 'node:stream';

/** The console methods that write. */
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'groupEnd', 'assert', 'count', 'countReset', 'time', 'timeEnd', 'timeLog'] as const;

/**
 * Starts catching stray output. `logFile`: where to append it (BERTH_DEBUG_LOG). Returns the
 * function that puts everything back (call it before berth writes to stderr itself).
 */
export function captureStrayOutput(options: {logFile?: string} = {}): () => void {
	const report = (source: string, text: string) => {
		const message = text.replace(/\s+$/, '');
		if (!message) return;
		if (!options.logFile) return;
		try {
			appendFileSync(options.logFile, `${new Date().toISOString()} ${source}: ${message}\n`);
		} catch {
			// A debug log that cannot be written must not break berth.
		}
	};

	// Node prints warnings from a 'warning' listener of its own: remove it, keep the event.
	const warningListeners = process.listeners('warning');
	process.removeAllListeners('warning');
	const onWarning = (warning: Error) => report('warning', `${warning.name}: ${warning.message}`);
	process.on('warning', onWarning);

	const sink = (source: string) =>
		new Writable({
			write(chunk: Buffer | string, _encoding, callback) {
				report(source, String(chunk));
				callback();
			},
		});
	const captured = new Console({stdout: sink('console'), stderr: sink('console'), colorMode: false});
	const saved = new Map<string, unknown>();
	const target = console as unknown as Record<string, unknown>;
	for (const method of consoleMethods) {
		saved.set(method, target[method]);
		const replacement = (captured as unknown as Record<string, unknown>)[method];
		if (typeof replacement === 'function') target[method] = replacement.bind(captured);
	}

	const stderrWrite = process.stderr.write;
	process.stderr.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
		report('stderr', typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
		return true;
	}) as typeof process.stderr.write;

	let restored = false;
	return () => {
		if (restored) return;
		restored = true;
		process.stderr.write = stderrWrite;
		for (const [method, original] of saved) target[method] = original;
		process.off('warning', onWarning);
		for (const listener of warningListeners) process.on('warning', listener as (warning: Error) => void);
	};
}
