/**
 * A tar of exactly the file or directory the user named, for `docker cp HOSTPATH CONTAINER:DIR`:
 * its name at the top, a directory with everything below it, symbolic links as links (never
 * followed, so nothing outside the named path is read). Sockets, fifos and devices are left out
 * and named. The bytes to send are counted first (a walk of lstat calls, no reading), so the
 * upload can show a percentage; the entries are listed in the order they go into the tar, so a
 * cut-off upload can name the one the engine got only part of. Packed by tar-fs, loaded on first use.
 */
import {lstatSync} from 'node:fs';
import {lstat} from 'node:fs/promises';
import path from 'node:path';
import type {CopyInResult, CopyProgress} from '../lifecycle-types.js';
import {ArchiveError} from './archive-error.js';
import {countBytes, countingStream} from './byte-count.js';
import {loadTarFs} from './lazy-modules.js';

export interface PackedEntry {
	/** Its name in the tar (relative to the directory the copy lands in). */
	name: string;
	type: string;
	size: number;
}

export interface PackedPath {
	stream: NodeJS.ReadableStream;
	/** Bytes of file contents the tar will carry (counted before packing). */
	total: number;
	/** The entries packed so far, in the order they are in the tar. */
	entries: PackedEntry[];
	/** Settles when everything is packed. */
	done: Promise<CopyInResult>;
}

export async function packPath(hostPath: string, onProgress?: (progress: CopyProgress) => void): Promise<PackedPath> {
	const absolute = path.resolve(hostPath);
	const stat = await lstat(absolute).catch((error: NodeJS.ErrnoException) => {
		throw new ArchiveError(`cannot copy ${absolute}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`, {cause: error});
	});
	if (!stat.isFile() && !stat.isDirectory() && !stat.isSymbolicLink()) throw new ArchiveError(`cannot copy ${absolute}: only files, directories and links can be copied`);

	const total = countBytes(absolute);
	const tarFs = await loadTarFs();
	const summary: CopyInResult = {files: 0, directories: 0, symlinks: 0, bytes: 0, skipped: []};
	const entries: PackedEntry[] = [];
	const progress: CopyProgress = {bytes: 0, total, entries: 0};
	let settle!: {resolve: (result: CopyInResult) => void; reject: (error: Error) => void};
	const done = new Promise<CopyInResult>((resolve, reject) => {
		settle = {resolve, reject};
	});
	done.catch(() => {});

	const pack = tarFs.pack(path.dirname(absolute), {
		entries: [path.basename(absolute)],
		strict: true,
		ignore(name) {
			try {
				const entry = lstatSync(name);
				if (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()) return false;
			} catch {
				return false; // tar-fs reports it
			}

			summary.skipped.push(name);
			return true;
		},
		map(header) {
			if (header.type === 'file') {
				summary.files++;
				summary.bytes += header.size;
			} else if (header.type === 'directory') {
				summary.directories++;
			} else if (header.type === 'symlink') {
				summary.symlinks++;
			}

			entries.push({name: header.name, type: header.type ?? 'file', size: header.size ?? 0});
			progress.entries = entries.length;
			progress.current = header.name;
			onProgress?.({...progress});
			return header;
		},
		mapStream: countingStream(progress, onProgress),
		finish() {
			settle.resolve(summary);
		},
	});
	pack.on('error', (error: Error) => {
		settle.reject(new ArchiveError(`cannot pack ${absolute}: ${error.message}`, {cause: error}));
	});
	return {stream: pack, total, entries, done};
}
