/**
 * Copies in and out of containers (docker cp) while they run and after: their progress, the
 * question about files that exist, and the outcome with every entry refused (or skipped) and why;
 * and the full-screen view that shows one (`C`/`I` open it, `v` shows it again). Part of types.ts.
 */
import type {CopyProgress, RefusedEntry} from '../engine/types.js';

export interface CopyJob {
	/** "copy-N": unique in the session. */
	key: string;
	direction: 'out' | 'in';
	container: {id: string; name: string};
	/** The container path (out) or the host path (in), as given. */
	from: string;
	/** The host directory (out) or the container directory (in). */
	into: string;
	cli: string;
	/** `asking`: the archive was read and entries exist on the host: replace them or keep them (nothing copied). */
	status: 'running' | 'asking' | 'done' | 'failed' | 'cancelled';
	progress?: CopyProgress;
	/** Bytes a second, measured as it goes. */
	rate?: number;
	/** While asking: the entries that exist on the host (relative to the destination; untrusted). */
	conflicts?: string[];
	/** The outcome: what was written (or why not). Untrusted parts sanitised when drawn. */
	message?: string;
	/** Entries refused (out: with the reason) or host paths skipped (in): all of them. */
	refused: RefusedEntry[];
	/** Entries written (the count the outcome names). */
	written?: number;
}

/** The copy view: one copy's progress, question or outcome. */
export interface CopyModal {
	kind: 'copy';
	key: string;
	scroll: number;
	extent?: number;
}

export type CopyAction = {type: 'copy-start'; job: CopyJob} | {type: 'copy-update'; key: string; patch: Partial<Omit<CopyJob, 'key'>>};
