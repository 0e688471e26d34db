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

/** What copying out of a container would do; nothing is written yet. */
export interface CopyPlan {
	/** Where the copy lands: the host directory joined with the entry names. */
	destination: string;
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Entries that exist on the host already (paths relative to the destination): copied only with `overwrite`. */
	conflicts: string[];
	/** Entries that will never be written, and why (outside the destination, device, fifo, link out, …). */
	refused: RefusedEntry[];
}

export interface CopyOutOptions {
	/** Replace existing files and links (never a directory by a file, or the reverse). */
	overwrite?: boolean;
}

export interface WrittenEntry {
	/** Relative to the destination. */
	path: string;
	kind: ArchiveEntryKind;
	bytes: number;
}

export interface CopyOutResult {
	destination: string;
	written: WrittenEntry[];
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Existing entries left as they were (no `overwrite`). */
	kept: string[];
	refused: RefusedEntry[];
}

export interface CopyInResult {
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Host paths not sent: sockets, fifos, devices. */
	skipped: string[];
}
