/** A container's file changes and copies in and out (part of lifecycle-types.ts). */

// ---------------------------------------------------------------- containers: diff and copy

/** `docker diff`: A added, C changed, D deleted. */
export interface ContainerChange {
	kind: 'A' | 'C' | 'D';
	path: string;
}

export type ArchiveEntryKind = 'file' | 'directory' | 'symlink' | 'hardlink';

export interface RefusedEntry {
	/** The entry's name in the archive (untrusted). */
	path: string;
	reason: string;
}

/** How far a copy in or out got: after every piece, for a progress bar. */
export interface CopyProgress {
	/** Bytes of file contents moved so far. */
	bytes: number;
	/** All the bytes to move, when known before the end (cp in counts them first; cp out knows a single file's size). */
	total?: number;
	/** Entries (files, directories, links) so far. */
	entries: number;
	/** The entry being moved now (untrusted when it comes from the container). */
	current?: string;
}

export interface CopyOutOptions {
	/**
	 * Asked once the whole archive was read, when entries exist on the host already (paths relative
	 * to the destination; their new content waits beside them): true replaces them, false abandons
	 * the copy, leaving the host as it was. Without it the copy is abandoned.
	 */
	onConflicts?: (conflicts: string[]) => Promise<boolean>;
	onProgress?: (progress: CopyProgress) => void;
}

export interface CopyInOptions {
	onProgress?: (progress: CopyProgress) => void;
}

export interface WrittenEntry {
	/** Relative to the destination. */
	path: string;
	kind: ArchiveEntryKind;
	bytes: number;
}

/**
 * A copy out that finished: what it wrote, replaced and refused. A copy that cannot finish
 * (cancelled, cut off) rejects instead, having removed everything it wrote: the error says so.
 */
export interface CopyOutResult {
	destination: string;
	written: WrittenEntry[];
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Entries that existed on the host and were replaced (after the user said yes). */
	replaced: string[];
	/** Entries never written, and why (outside the destination, device, fifo, link out, name too long, …). */
	refused: RefusedEntry[];
	/** Entries that existed and the user kept: the copy was abandoned and `written` is empty. */
	declined?: string[];
	/** What an abandoned copy could not remove (host paths). */
	left?: string[];
}

export interface CopyInResult {
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Host paths not sent: sockets, fifos, devices. */
	skipped: string[];
}
