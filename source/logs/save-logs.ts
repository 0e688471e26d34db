/**
 * Saving a log to a file, safely:
 *
 * - streamed: lines are written as they come (from the buffer, or from the engine for the
 *   whole log), never joined into one text; the engine's stream is written synchronously from
 *   its callback, so a log larger than memory is held back by the disk instead of queued;
 * - atomic: written to a temporary file beside the target (mode 0600), flushed, then renamed
 *   over it: a reader sees the old file or the new one, never a half-written one, and a
 *   failure part-way leaves the old file as it was;
 * - not through a symbolic link unless the user agreed to that link's target by name
 *   (`checkSaveTarget` says what the path is; `throughSymlink` carries the target agreed to):
 *   then the target is replaced the same atomic way and the link is kept;
 * - an existing file is replaced only with `overwrite`.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, existsSync, fchmodSync, fsyncSync, openSync, writeSync} from 'node:fs';
import {link, lstat, readlink, realpath, rename, unlink} from 'node:fs/promises';
import path from 'node:path';
import type {Engine} from '../engine/types.js';
import type {LogBufferView} from './log-view.js';

/** `./<name>-<yyyymmdd-hhmmss>.log` in local time, the name made safe for a file name. */
export function defaultLogPath(name: string, date: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
	const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+/, '') || 'container';
	return `./${safe}-${stamp}.log`;
}

/** What saving to a path would do. `path` is absolute. */
export type SaveTarget =
	| {kind: 'new'; path: string}
	| {kind: 'exists'; path: string}
	/** A symbolic link; `target` is the file it leads to (absolute), which saving through it would replace. */
	| {kind: 'symlink'; path: string; target: string}
	| {kind: 'error'; path: string; message: string};

/** Why a save was refused. */
export class SaveError extends Error {
	constructor(
		readonly code: 'exists' | 'symlink' | 'not-a-file',
		message: string,
	) {
		super(message);
	}
}

/** Where a symbolic link leads (following chains), absolute, also when it leads nowhere yet. */
async function linkTarget(file: string): Promise<string> {
	try {
		return await realpath(file);
	} catch {
		return path.resolve(path.dirname(file), await readlink(file));
	}
}

/** Says whether `file` (relative to `cwd`) is new, an existing file, a symbolic link (and to what), or unusable. */
export async function checkSaveTarget(file: string, cwd = process.cwd()): Promise<SaveTarget> {
	const target = path.resolve(cwd, file);
	try {
		const stat = await lstat(target);
		if (stat.isSymbolicLink()) return {kind: 'symlink', path: target, target: await linkTarget(target)};
		if (stat.isFile()) return {kind: 'exists', path: target};
		return {kind: 'error', path: target, message: stat.isDirectory() ? 'is a directory' : 'is not a regular file'};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'new', path: target};
		return {kind: 'error', path: target, message: error instanceof Error ? error.message : String(error)};
	}
}

/** Receives lines as a source produces them; writes before it returns. */
export type LineSink = (lines: readonly string[]) => void;
/** A producer that pushes lines into a sink, resolving when it has no more. */
export type LinePush = (sink: LineSink) => Promise<void>;
/** Lines to save: a list, an async stream, or a producer that pushes them into a sink. */
export type LineSource = Iterable<string> | AsyncIterable<string> | LinePush;

export interface SaveOptions {
	cwd?: string;
	/** Replace an existing file (without it, an existing file is an error). */
	overwrite?: boolean;
	/**
	 * The target the user agreed to write through a symbolic link to (as `checkSaveTarget`
	 * named it); that agreement covers replacing it. If the link leads elsewhere by the time
	 * of writing, nothing is written.
	 */
	throughSymlink?: string;
}

/** The buffer's lines, exactly as the containers wrote them (merged: "name | line"). */
export function* bufferLines(buffer: LogBufferView): Iterable<string> {
	for (let i = 0; i < buffer.length; i++) {
		const line = buffer.get(i)!;
		yield line.source === undefined ? line.text : `${line.source} | ${line.text}`;
	}
}

/** The whole log of a container from the engine (like `docker logs`), streamed. */
export function engineLogLines(engine: Engine, id: string, signal: AbortSignal = new AbortController().signal): LinePush {
	return sink => engine.containers.logs(id, {tail: 'all', follow: false}, batch => sink(batch.map(l => l.text)), signal);
}

/** Writes `lines` (each followed by a newline) to `file` as described at the top; returns the lines and bytes written and the file written. */
export async function saveLines(file: string, lines: LineSource, options: SaveOptions = {}): Promise<{lines: number; bytes: number; path: string}> {
	const requested = path.resolve(options.cwd ?? process.cwd(), file);
	const target = await checkSaveTarget(requested);
	let destination = requested;
	if (target.kind === 'error') throw new SaveError('not-a-file', `${requested} ${target.message}`);
	if (target.kind === 'symlink') {
		if (options.throughSymlink !== target.target) {
			throw new SaveError('symlink', `${requested} is a symbolic link to ${target.target}; not written through it without confirmation`);
		}
		destination = target.target;
	}
	const replacing = target.kind !== 'new' && existsSync(destination);
	if (replacing && !options.overwrite && target.kind !== 'symlink') throw new SaveError('exists', `${destination} exists`);

	const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
	const fd = openSync(temporary, 'wx', 0o600);
	let count = 0;
	let bytes = 0;
	let pending: string[] = [];
	let pendingSize = 0;
	const flush = () => {
		if (pending.length === 0) return;
		const chunk = Buffer.from(pending.join(''));
		for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
		bytes += chunk.length;
		pending = [];
		pendingSize = 0;
	};
	const add = (line: string) => {
		pending.push(line, '\n');
		pendingSize += line.length + 1;
		count++;
		if (pendingSize >= 64 * 1024) flush();
	};
	try {
		fchmodSync(fd, 0o600); // whatever the umask
		if (typeof lines === 'function') {
			await lines(batch => {
				for (const line of batch) add(line);
				flush();
			});
		} else if (Symbol.asyncIterator in lines) {
			for await (const line of lines) add(line);
		} else {
			for (const line of lines) add(line);
		}
		flush();
		fsyncSync(fd);
		closeSync(fd);
		if (replacing) await rename(temporary, destination);
		else {
			await link(temporary, destination); // fails if something appeared there meanwhile
			await unlink(temporary);
		}
	} catch (error) {
		try {
			closeSync(fd);
		} catch {
			// already closed
		}
		await unlink(temporary).catch(() => undefined);
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SaveError('exists', `${destination} exists`);
		throw error;
	}
	return {lines: count, bytes, path: destination};
}

/** Writes `text` atomically (see the top); refuses to replace a file unless `overwrite`, and never follows a link. Returns the bytes written. */
export async function saveText(file: string, text: string, overwrite: boolean, cwd = process.cwd()): Promise<number> {
	const lines = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
	return (await saveLines(file, lines, {cwd, overwrite})).bytes;
}
