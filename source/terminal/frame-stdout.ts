/**
 * The stdout Ink renders to. Ink runs its standard (not incremental) renderer, which writes
 * each frame whole after erasing the previous one; this stream takes those frames apart and
 * writes only what changed (see frame-diff.ts). It also:
 *
 * - drops Ink's synchronized-update brackets around small updates (they cost 16 bytes a
 *   frame; an update that fits in one write is drawn at once anyway) and keeps them around
 *   large ones;
 * - can be paused: while a shell has the terminal, frames are dropped (the app still renders,
 *   e.g. as log lines arrive); after resuming, the next frame repaints the whole screen;
 * - repaints the whole screen after a resize (the terminal may have reflowed or cut what it
 *   showed).
 */
import {FrameDiff} from './frame-diff.js';

const beginSync = '\u001B[?2026h';
const endSync = '\u001B[?2026l';
const clearTerminal = '\u001B[2J\u001B[3J\u001B[H';
/** Ink's erase of the previous frame: erase line + cursor up, repeated, then cursor to column 1. */
const eraseLines = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G/;
/** Writes that are not frames and pass through as they are (cursor hide and show). */
const passThrough = new Set(['\u001B[?25l', '\u001B[?25h']);
/** Updates at least this long are bracketed as one synchronized update. */
const syncAbove = 1024;

export interface FrameStdout {
	stream: NodeJS.WriteStream;
	pause(): void;
	resume(): void;
}

/**
 * What a write from Ink's standard renderer holds: a frame (its lines), a clear, or something
 * else to pass through.
 */
export function classifyWrite(chunk: string): {frame: string[]} | {clear: true} | {other: true} {
	if (chunk === '' || passThrough.has(chunk)) return {other: true};
	let body = chunk;
	if (body.startsWith(clearTerminal)) body = body.slice(clearTerminal.length);
	else {
		const erase = eraseLines.exec(body);
		if (erase) body = body.slice(erase[0].length);
	}
	if (body === '') return {clear: true};
	if (body.endsWith('\n')) body = body.slice(0, -1);
	return {frame: body.split('\n')};
}

/** Wraps a TTY write stream for Ink (see the module comment). */
export function frameStdout(stdout: NodeJS.WriteStream): FrameStdout {
	let paused = false;
	const diff = new FrameDiff();
	stdout.on?.('resize', () => diff.invalidate());
	const write = (target: NodeJS.WriteStream, chunk: unknown, rest: unknown[]): boolean => {
		const callback = rest.find(r => typeof r === 'function') as (() => void) | undefined;
		const done = () => {
			if (callback) queueMicrotask(callback);
			return true;
		};
		if (paused) return done();
		if (typeof chunk !== 'string') return (target.write as (...args: unknown[]) => boolean)(chunk, ...rest);
		if (chunk === beginSync || chunk === endSync) return done();
		const kind = classifyWrite(chunk);
		if ('clear' in kind) {
			// Nothing is written now (no blank flash): the next frame repaints everything.
			diff.invalidate();
			return done();
		}
		if ('other' in kind) {
			if (chunk === '') return done();
			return (target.write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}
		let out = diff.render(kind.frame, target.columns && target.rows ? {columns: target.columns, rows: target.rows} : undefined);
		if (out === '') return done();
		if (out.length >= syncAbove) out = beginSync + out + endSync;
		return (target.write as (...args: unknown[]) => boolean)(out, ...rest);
	};
	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return (chunk: unknown, ...rest: unknown[]) => write(target, chunk, rest);
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
			diff.invalidate();
		},
	};
}
