/**
 * Unpacks a tar (what the engine sends for `docker cp CONTAINER:PATH`) into a host directory in
 * one pass, never writing outside it and never leaving part of a file under a real name. Each
 * entry passes entry-rules.ts (names, types) and, for links, link-rules.ts; then, on the host:
 *
 * - nothing is written through a symbolic link: every parent of an entry must be a real
 *   directory (or not exist yet, and is then made); an existing link is replaced, never followed;
 * - a file is written under a temporary name beside it (O_EXCL|O_NOFOLLOW) and renamed when
 *   complete;
 * - an entry that exists on the host is a conflict: its new content waits under a temporary
 *   name until the archive is read to its end, then `onConflicts` says: replace them (each renamed
 *   into place), or abandon the copy; a directory is never replaced by a file or the reverse;
 * - modes keep the permission bits and a directory's sticky bit (no setuid or setgid); owners are
 *   not set; hard links only to files this extraction wrote; a name listed twice keeps the first;
 * - an entry the host cannot hold (a name too long, a directory it may not write in) is refused
 *   with its reason, and the copy goes on.
 *
 * A copy that cannot finish (cancelled, the archive cut off, the disk full) is abandoned:
 * everything it made is removed (host-changes.ts), and it rejects with an AbandonedCopy saying
 * how far it got. Written on tar-stream (dockerode's tar library, loaded on first use) rather
 * than tar-fs's extract, which follows existing links in the destination and writes devices.
 */
import {lstat, realpath} from 'node:fs/promises';
import {promises as streams, type Readable} from 'node:stream';
import type {Headers} from 'tar-stream';
import type {RefusedEntry, WrittenEntry} from '../lifecycle-types.js';
import {ArchiveError} from './archive-error.js';
import {loadTarStream} from './lazy-modules.js';
import {Unpacker} from './unpacker.js';

export interface UnpackProgress {
	/** Bytes of entry contents read so far. */
	bytes: number;
	/** Entries read so far. */
	entries: number;
	/** The entry being read (its name in the archive: untrusted). */
	current?: string;
}

export interface UnpackOptions {
	/**
	 * Asked once, after the whole archive was read, when entries exist on the host already (paths
	 * relative to the destination): replace them, or abandon the copy. Without it: abandon.
	 */
	onConflicts?: (conflicts: string[]) => Promise<'replace' | 'abandon'>;
	/** After each piece read. */
	onProgress?: (progress: UnpackProgress) => void;
	/** Aborting abandons the copy. */
	signal?: AbortSignal;
}

export interface UnpackOutcome {
	/** The destination's real path. */
	destination: string;
	/** What the copy left on the host (relative paths). */
	written: WrittenEntry[];
	/** Entries that existed on the host and were replaced. */
	replaced: string[];
	refused: RefusedEntry[];
	/** The entries that existed and were not to be replaced: the copy was abandoned, `written` is empty. */
	declined?: string[];
	/** What an abandoned copy could not remove (absolute paths). */
	left?: string[];
}

/** A copy that could not finish: everything it made was removed, except `left`. */
export class AbandonedCopy extends Error {
	constructor(
		readonly why: 'cancelled' | 'failed',
		readonly progress: UnpackProgress,
		readonly removed: number,
		readonly left: string[],
		options: {cause?: unknown} = {},
	) {
		super(why === 'cancelled' ? 'the copy was cancelled' : `the copy failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
		this.name = 'AbandonedCopy';
	}
}

/** Unpacks `source` into the existing directory `destination`; see the module comment. */
export async function unpackSafely(source: NodeJS.ReadableStream, destination: string, options: UnpackOptions = {}): Promise<UnpackOutcome> {
	let root: string;
	try {
		root = await realpath(destination);
		if (!(await lstat(root)).isDirectory()) throw new Error('not a directory');
	} catch (error) {
		throw new ArchiveError(`cannot copy into ${destination}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`, {cause: error});
	}

	const tarStream = await loadTarStream();
	const extract = tarStream.extract();
	const unpacker = new Unpacker(root, options);
	let current: Promise<void> | undefined;
	extract.on('entry', (header: Headers, body: Readable, next: (error?: unknown) => void) => {
		current = unpacker.entry(header, body);
		current.then(() => next(), (error: unknown) => {
			body.resume();
			extract.destroy(error as Error);
		});
	});
	const onAbort = () => extract.destroy(new Error('cancelled'));
	options.signal?.addEventListener('abort', onAbort, {once: true});
	try {
		options.signal?.throwIfAborted();
		await streams.pipeline(source as Readable, extract);
		await unpacker.finish();
		unpacker.changes.keep();
		return unpacker.outcome;
	} catch (error) {
		// The entry being written settles first (its stream was closed), so nothing is made after the undo.
		await Promise.race([current?.catch(() => {}), new Promise(resolve => setTimeout(resolve, 5000).unref())]);
		const {removed, left} = await unpacker.changes.undo();
		const cancelled = options.signal?.aborted === true;
		throw new AbandonedCopy(cancelled ? 'cancelled' : 'failed', {...unpacker.progress}, removed, left, {cause: cancelled ? options.signal!.reason : hostError(error, root)});
	} finally {
		options.signal?.removeEventListener('abort', onAbort);
	}
}

/** A failure to write on the host is berth's (an ArchiveError); one of the archive's stream is the engine's. */
function hostError(error: unknown, root: string): unknown {
	if (error instanceof ArchiveError) return error;
	const code = (error as NodeJS.ErrnoException).code;
	if (code && /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET' && code !== 'EPIPE') {
		return new ArchiveError(`cannot write into ${root}: ${(error as Error).message}`, {cause: error});
	}

	return error;
}
