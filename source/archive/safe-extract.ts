/**
 * Unpacks a tar (what the engine sends for `docker cp CONTAINER:PATH`) into a host directory
 * without ever writing outside it. Each entry passes entry-rules.ts first; then, on the host:
 *
 * - nothing is written through a symbolic link: every parent of an entry must be a real
 *   directory (or not exist yet, and is then made), files are opened with O_NOFOLLOW|O_EXCL, and
 *   an existing link is replaced (unlinked), never followed;
 * - an existing file or link is a conflict: left alone unless `overwrite`; a directory is never
 *   replaced by a file or the reverse;
 * - modes keep only the permission bits (no setuid, setgid or sticky); owners are not set;
 * - hard links only to files this extraction wrote.
 *
 * `dryRun` walks the same rules against the host without writing, for a plan to confirm first.
 * Written on tar-stream (dockerode's tar library, loaded on first use) rather than tar-fs's
 * extract, which follows existing links in the destination and writes devices and fifos.
 */
import {constants} from 'node:fs';
import {chmod, link, lstat, lutimes, mkdir, open, realpath, symlink, unlink} from 'node:fs/promises';
import path from 'node:path';
import {promises as streams, type Readable} from 'node:stream';
import type {Headers} from 'tar-stream';
import type {ArchiveEntryKind, RefusedEntry, WrittenEntry} from '../engine/lifecycle-types.js';
import {ArchiveError} from './archive-error.js';
import {judgeEntry} from './entry-rules.js';
import {loadTarStream} from './lazy-modules.js';

export interface UnpackOptions {
	overwrite?: boolean;
	dryRun?: boolean;
}

export interface UnpackOutcome {
	/** The destination's real path. */
	destination: string;
	written: WrittenEntry[];
	/** Existing files and links the archive also has (relative paths). */
	conflicts: string[];
	/** Conflicts left as they were (no overwrite). */
	kept: string[];
	refused: RefusedEntry[];
}

type HostKind = 'file' | 'directory' | 'symlink' | 'other';

const openFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

class Unpacker {
	readonly outcome: UnpackOutcome;
	/** What this run made (or would make), by relative path. */
	private readonly made = new Map<string, ArchiveEntryKind>();
	private readonly directoryModes: Array<{absolute: string; mode: number}> = [];

	constructor(private readonly root: string, private readonly options: UnpackOptions) {
		this.outcome = {destination: root, written: [], conflicts: [], kept: [], refused: []};
	}

	async entry(header: Headers, body: Readable): Promise<void> {
		const verdict = judgeEntry(header);
		if (verdict.ok === 'skip') return drain(body);
		if (verdict.ok === false) {
			this.outcome.refused.push({path: header.name, reason: verdict.reason});
			return drain(body);
		}

		const {name, kind} = verdict;
		const problem = await this.parentProblem(name);
		if (problem) {
			this.outcome.refused.push({path: name, reason: problem});
			return drain(body);
		}

		const existing = await this.kindAt(name);
		const absolute = path.join(this.root, name);
		if (kind === 'directory') {
			await drain(body);
			if (existing === 'directory') return;
			if (existing !== undefined) {
				this.outcome.refused.push({path: name, reason: 'exists on the host and is not a directory'});
				return;
			}

			await this.makeParents(name);
			if (!this.options.dryRun) {
				await mkdir(absolute, {mode: 0o700});
				this.directoryModes.push({absolute, mode: (header.mode ?? 0o755) & 0o777});
			}

			this.record(name, 'directory', 0);
			return;
		}

		if (existing === 'directory' || existing === 'other') {
			this.outcome.refused.push({path: name, reason: existing === 'directory' ? 'a directory of that name exists on the host' : 'a special file of that name exists on the host'});
			return drain(body);
		}

		if (kind === 'hardlink' && !['file', 'hardlink'].includes(this.made.get(verdict.linkTarget!) ?? '')) {
			this.outcome.refused.push({path: name, reason: `hard link to ${JSON.stringify(verdict.linkTarget)}, which was not copied`});
			return drain(body);
		}

		if (existing !== undefined && !this.made.has(name)) {
			this.outcome.conflicts.push(name);
			if (!this.options.overwrite) {
				this.outcome.kept.push(name);
				return drain(body);
			}
		}

		await this.makeParents(name);
		if (this.options.dryRun) {
			await drain(body);
			this.record(name, kind, kind === 'file' ? (header.size ?? 0) : 0);
			return;
		}

		if (existing !== undefined) await unlink(absolute);
		if (kind === 'file') {
			const handle = await open(absolute, openFlags, (header.mode ?? 0o644) & 0o777);
			await streams.pipeline(body, handle.createWriteStream());
		} else {
			await drain(body);
			if (kind === 'symlink') await symlink(verdict.linkTarget!, absolute);
			else await link(path.join(this.root, verdict.linkTarget!), absolute);
		}

		if (header.mtime && kind !== 'hardlink') await lutimes(absolute, header.mtime, header.mtime).catch(() => {});
		this.record(name, kind, kind === 'file' ? (header.size ?? 0) : 0);
	}

	/** Gives made directories their archive modes, deepest first (they were made writable to fill them). */
	async finish(): Promise<void> {
		for (const {absolute, mode} of this.directoryModes.reverse()) await chmod(absolute, mode);
	}

	private record(name: string, kind: ArchiveEntryKind, bytes: number): void {
		this.made.set(name, kind);
		this.outcome.written.push({path: name, kind, bytes});
	}

	private async kindAt(name: string): Promise<HostKind | undefined> {
		const made = this.made.get(name);
		if (made) return made === 'hardlink' ? 'file' : made;
		try {
			const stat = await lstat(path.join(this.root, name));
			if (stat.isDirectory()) return 'directory';
			if (stat.isSymbolicLink()) return 'symlink';
			return stat.isFile() ? 'file' : 'other';
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	/** Why an entry's parents do not allow writing it, or undefined. */
	private async parentProblem(name: string): Promise<string | undefined> {
		const parts = name.split('/');
		for (let depth = 1; depth < parts.length; depth++) {
			const parent = parts.slice(0, depth).join('/');
			const kind = await this.kindAt(parent);
			if (kind === undefined) return undefined;
			if (kind === 'symlink') return `${parent} is a symbolic link: nothing is written through links`;
			if (kind !== 'directory') return `${parent} is not a directory`;
		}

		return undefined;
	}

	/** Makes missing parents one level at a time (the archive may list files before, or without, their directories). */
	private async makeParents(name: string): Promise<void> {
		const parts = name.split('/');
		for (let depth = 1; depth < parts.length; depth++) {
			const parent = parts.slice(0, depth).join('/');
			if ((await this.kindAt(parent)) !== undefined) continue;
			if (!this.options.dryRun) await mkdir(path.join(this.root, parent), {mode: 0o755});
			this.made.set(parent, 'directory');
		}
	}
}

async function drain(body: Readable): Promise<void> {
	body.resume();
	if (body.readableEnded) return;
	await new Promise<void>((resolve, reject) => {
		body.once('end', resolve);
		body.once('error', reject);
	});
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
	extract.on('entry', (header: Headers, body: Readable, next: (error?: unknown) => void) => {
		unpacker.entry(header, body).then(() => next(), (error: unknown) => {
			body.resume();
			extract.destroy(error as Error);
		});
	});
	try {
		await streams.pipeline(source as Readable, extract);
	} catch (error) {
		if (error instanceof ArchiveError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code && /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET' && code !== 'EPIPE') {
			throw new ArchiveError(`cannot write into ${root}: ${(error as Error).message}`, {cause: error});
		}

		throw error;
	}

	if (!options.dryRun) await unpacker.finish();
	return unpacker.outcome;
}
