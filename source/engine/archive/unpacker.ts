/**
 * One copy out's work on the host, entry by entry (safe-extract.ts drives it and says the rules):
 * each entry judged, then written under a temporary name and renamed, or staged when it exists
 * on the host, or refused with its reason; at the end the staged ones replaced or the copy taken
 * back, and the directories given their modes.
 */
import {chmod, link, lstat, lutimes, mkdir, symlink} from 'node:fs/promises';
import path from 'node:path';
import {promises as streams, Transform, type Readable} from 'node:stream';
import type {Headers} from 'tar-stream';
import type {ArchiveEntryKind} from '../lifecycle-types.js';
import {judgeEntry} from './entry-rules.js';
import {HostChanges, tempNameIn} from './host-changes.js';
import {linkProblem, type PathKind} from './link-rules.js';
import type {UnpackOptions, UnpackOutcome, UnpackProgress} from './safe-extract.js';

/** Host errors that concern one entry only: it is refused and the copy goes on. */
const entryErrors: Record<string, string> = {
	ENAMETOOLONG: 'the name is too long for the host',
	EACCES: 'the host does not allow writing it (permission denied)',
	EPERM: 'the host does not allow writing it (operation not permitted)',
	EILSEQ: 'the host cannot hold this name (invalid characters for its file system)',
	ENOTDIR: 'a part of its path is not a directory on the host',
	ELOOP: 'a part of its path is a link on the host',
};

interface Staged {
	name: string;
	temp: string;
	kind: ArchiveEntryKind;
	bytes: number;
}

export class Unpacker {
	readonly outcome: UnpackOutcome;
	readonly progress: UnpackProgress = {bytes: 0, entries: 0};
	readonly changes = new HostChanges();
	/** What this run made, by relative path, and where it is now (a conflict's temporary name until replaced). */
	private readonly made = new Map<string, {kind: ArchiveEntryKind; at: string}>();
	private readonly staged: Staged[] = [];
	private readonly directoryModes: Array<{absolute: string; mode: number}> = [];
	/** Parents made for the entry being written: taken back when the host refuses it. */
	private parentsMade: string[] = [];

	constructor(private readonly root: string, private readonly options: UnpackOptions) {
		this.outcome = {destination: root, written: [], replaced: [], refused: []};
	}

	async entry(header: Headers, body: Readable): Promise<void> {
		this.progress.entries++;
		this.progress.current = header.name;
		const counted = body.pipe(this.counter());
		// An extraction that is torn down closes the entry without ending it: end what reads it too.
		body.once('close', () => {
			if (!body.readableEnded) counted.destroy(new Error('the archive was cut off'));
		});
		let reading = false;
		let shown = header.name;
		this.parentsMade = [];
		try {
			const verdict = judgeEntry(header);
			if (verdict.ok === 'skip') return await drain(counted);
			if (verdict.ok === false) return await this.refuse(header.name, verdict.reason, counted);
			const {name, kind} = verdict;
			shown = name;
			const problem = (await this.parentProblem(name)) ?? (kind === 'symlink' ? await linkProblem(name, verdict.linkTarget!, path => this.pathKind(path)) : undefined);
			if (problem) return await this.refuse(name, problem, counted);

			const existing = await this.kindAt(name);
			const absolute = path.join(this.root, name);
			if (kind === 'directory') {
				if (existing === 'directory') return await drain(counted);
				if (existing !== undefined) return await this.refuse(name, 'exists on the host and is not a directory', counted);
				await this.makeParents(name);
				await this.changes.make(absolute, true, () => mkdir(absolute, {mode: 0o700}));
				this.directoryModes.push({absolute, mode: (header.mode ?? 0o755) & 0o1777});
				this.record(name, 'directory', absolute, 0);
				return await drain(counted);
			}

			if (this.made.has(name)) return await this.refuse(name, 'the archive lists this name twice: the first is kept', counted);
			if (existing === 'directory') return await this.refuse(name, 'a directory of that name exists on the host', counted);
			if (existing === 'other') return await this.refuse(name, 'a special file of that name exists on the host', counted);
			const source = kind === 'hardlink' ? this.made.get(verdict.linkTarget!) : undefined;
			if (kind === 'hardlink' && source?.kind !== 'file' && source?.kind !== 'hardlink') {
				return await this.refuse(name, `hard link to ${JSON.stringify(verdict.linkTarget)}, which was not copied`, counted);
			}

			await this.makeParents(name);
			const conflict = existing !== undefined;
			const mtime = header.mtime;
			if (kind === 'file') {
				const {at, handle} = await this.changes.openTemp(path.dirname(absolute));
				reading = true;
				await streams.pipeline(counted, handle.createWriteStream());
				await chmod(at, (header.mode ?? 0o644) & 0o777);
				if (mtime) await lutimes(at, mtime, mtime);
				return await this.place(name, kind, at, absolute, header.size ?? 0, conflict);
			}

			await drain(counted);
			const at = conflict ? tempNameIn(path.dirname(absolute)) : absolute;
			await this.changes.make(at, false, () => (kind === 'symlink' ? symlink(verdict.linkTarget!, at) : link(source!.at, at)));
			if (mtime && kind === 'symlink') await lutimes(at, mtime, mtime).catch(() => {});
			await this.place(name, kind, at, absolute, 0, conflict);
		} catch (error) {
			const why = entryErrors[(error as NodeJS.ErrnoException).code ?? ''];
			if (reading || !why) throw error;
			for (const parent of this.parentsMade.reverse()) {
				this.made.delete(parent);
				await this.changes.discard(path.join(this.root, parent), true);
			}
			await this.refuse(shown, `${why} (${(error as NodeJS.ErrnoException).code})`, counted);
		}
	}

	/** Once the archive was read: conflicts replaced or the copy abandoned, then directory modes. */
	async finish(): Promise<void> {
		if (this.staged.length > 0) {
			const names = this.staged.map(entry => entry.name);
			const answer = this.options.onConflicts ? await abortable(this.options.onConflicts(names), this.options.signal) : 'abandon';
			if (answer === 'abandon') {
				const {left} = await this.changes.undo();
				this.outcome.written = [];
				this.outcome.declined = names;
				if (left.length > 0) this.outcome.left = left;
				return;
			}

			for (const entry of this.staged) {
				const absolute = path.join(this.root, entry.name);
				try {
					await this.changes.rename(entry.temp, absolute);
					this.changes.forget(absolute);
					this.outcome.replaced.push(entry.name);
					this.outcome.written.push({path: entry.name, kind: entry.kind, bytes: entry.bytes});
				} catch (error) {
					await this.changes.discard(entry.temp);
					this.outcome.refused.push({path: entry.name, reason: `could not replace it: ${(error as Error).message}`});
				}
			}
		}

		for (const {absolute, mode} of this.directoryModes.reverse()) await chmod(absolute, mode);
	}

	private async place(name: string, kind: ArchiveEntryKind, at: string, absolute: string, bytes: number, conflict: boolean): Promise<void> {
		if (conflict) {
			this.staged.push({name, temp: at, kind, bytes});
			this.made.set(name, {kind, at});
			return;
		}

		if (at !== absolute) await this.changes.rename(at, absolute);
		this.record(name, kind, absolute, bytes);
	}

	private async refuse(name: string, reason: string, body: Readable): Promise<void> {
		this.outcome.refused.push({path: name, reason});
		await drain(body);
	}

	private counter(): Transform {
		return new Transform({
			transform: (chunk: Buffer, _encoding, done) => {
				this.progress.bytes += chunk.length;
				this.options.onProgress?.({...this.progress});
				done(null, chunk);
			},
		});
	}

	private record(name: string, kind: ArchiveEntryKind, at: string, bytes: number): void {
		this.made.set(name, {kind, at});
		this.outcome.written.push({path: name, kind, bytes});
	}

	private async kindAt(name: string): Promise<'file' | 'directory' | 'symlink' | 'other' | undefined> {
		const made = this.made.get(name)?.kind;
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

	/** For link-rules.ts: links this copy made are "link", links that were there before "host-link". */
	private async pathKind(name: string): Promise<PathKind> {
		const kind = await this.kindAt(name);
		if (kind === 'symlink') return this.made.has(name) ? 'link' : 'host-link';
		return kind === 'other' ? 'file' : kind;
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
			const absolute = path.join(this.root, parent);
			await this.changes.make(absolute, true, () => mkdir(absolute, {mode: 0o755}));
			this.made.set(parent, {kind: 'directory', at: absolute});
			this.parentsMade.push(parent);
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

/** `promise`, or a rejection as soon as `signal` aborts. */
async function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return promise;
	signal.throwIfAborted();
	let onAbort!: () => void;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

