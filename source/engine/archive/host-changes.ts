/**
 * What one copy out changed on the host, so that an abandoned copy (cancelled, cut off, refused
 * by the disk, or not allowed to replace what exists) can be taken back: every directory, file,
 * link and temporary file it made, removed newest first. Files are written under a temporary
 * name beside their real one and renamed when complete, so no real name ever holds part of a
 * file. Nothing that existed before the copy is in the journal: it is only ever replaced at the
 * very end, by a rename, once the user said yes. A copy still going when berth exits (quit, a
 * signal) is taken back then too, synchronously, from the process's exit handler.
 */
import {randomBytes} from 'node:crypto';
import {constants, rmdirSync, unlinkSync} from 'node:fs';
import {open, rename, rmdir, unlink, type FileHandle} from 'node:fs/promises';
import path from 'node:path';

interface Change {
	/** Where it is now (absolute). */
	at: string;
	directory: boolean;
	/** Where it was, while a rename is under way (it is at one of the two). */
	was?: string;
}

/** Removes a change from the host, wherever it is; true when it went, false when it was not there. */
function removeNow(change: Change): boolean {
	let gone = false;
	for (const at of change.was ? [change.at, change.was] : [change.at]) {
		try {
			if (change.directory) rmdirSync(at);
			else unlinkSync(at);
			gone = true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}

	return gone;
}

const tempFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** A temporary name in `dir`: short, whatever the length of the real name, and hidden. */
export function tempNameIn(dir: string): string {
	return path.join(dir, `.berth-${randomBytes(6).toString('hex')}.part`);
}

/** The journals of copies still going: taken back if berth exits meanwhile. */
const going = new Set<HostChanges>();
process.on('exit', () => {
	for (const journal of going) journal.undoNow();
});

export class HostChanges {
	private readonly changes: Change[] = [];

	constructor() {
		going.add(this);
	}

	/** The copy is complete: what it made stays. */
	keep(): void {
		this.changes.length = 0;
		going.delete(this);
	}

	/** undo() at exit, where nothing asynchronous runs any more. */
	undoNow(): void {
		for (const change of this.changes.splice(0).reverse()) {
			try {
				removeNow(change);
			} catch {
				// Not empty, or not allowed: nothing more can be done now.
			}
		}
		going.delete(this);
	}

	/**
	 * Makes something at `at` with `create` (mkdir, symlink, link, open). It is in the journal
	 * before the call, so an exit at any moment takes it back; if the call fails it never was.
	 */
	async make<T>(at: string, directory: boolean, create: () => Promise<T>): Promise<T> {
		const change = {at, directory};
		this.changes.push(change);
		try {
			return await create();
		} catch (error) {
			const index = this.changes.lastIndexOf(change);
			if (index >= 0) this.changes.splice(index, 1);
			throw error;
		}
	}

	/** A new, empty file under a temporary name in `dir` (mode 0600 until it is complete). */
	async openTemp(dir: string): Promise<{at: string; handle: FileHandle}> {
		for (;;) {
			const at = tempNameIn(dir);
			try {
				return {at, handle: await this.make(at, false, () => open(at, tempFlags, 0o600))};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
		}
	}

	/** Moves a temporary file (or link) to its real name; the journal follows it. */
	async rename(from: string, to: string): Promise<void> {
		const change = this.changes.findLast(candidate => candidate.at === from);
		if (change) Object.assign(change, {at: to, was: from});
		try {
			await rename(from, to);
		} catch (error) {
			if (change) Object.assign(change, {at: from, was: undefined});
			throw error;
		}

		if (change) change.was = undefined;
	}

	/** Something that replaced what existed before: it stays whatever happens next (the old one is gone). */
	forget(at: string): void {
		const index = this.changes.findLastIndex(candidate => candidate.at === at);
		if (index >= 0) this.changes.splice(index, 1);
	}

	/** Removes one thing this copy made that will not be used (a temporary file, an empty directory), and forgets it. */
	async discard(at: string, directory = false): Promise<void> {
		await (directory ? rmdir(at) : unlink(at)).catch(() => {});
		const index = this.changes.findLastIndex(candidate => candidate.at === at);
		if (index >= 0) this.changes.splice(index, 1);
	}

	/**
	 * Removes everything this copy made, newest first; returns how many went and what could not be
	 * removed (absolute). Each change leaves the journal only once it is undone, so berth exiting
	 * half-way through (a quit cancels the copy, then exits) finishes the rest from the exit handler.
	 */
	async undo(): Promise<{removed: number; left: string[]}> {
		let removed = 0;
		const left: string[] = [];
		while (this.changes.length > 0) {
			const change = this.changes.at(-1)!;
			try {
				await (change.directory ? rmdir(change.at) : unlink(change.at));
				removed++;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') left.push(change.at);
			}
			if (this.changes.at(-1) === change) this.changes.pop();
		}

		going.delete(this);
		return {removed, left};
	}
}
