/**
 * Which lines of a log buffer match the search, found in the background so that no pattern,
 * however slow, holds up a key press.
 *
 * The buffer is scanned in slices of bounded work (SLICE_BUDGET steps of the matcher, ~5 ms,
 * and never more than `sliceMs` by the clock), yielding to the event loop between slices
 * (setImmediate by default): keys, renders and engine events are handled in between. A slice
 * can stop in the middle of a long line and go on from there (the matcher's scanner keeps its
 * state). Lines already scanned are not scanned again: when lines arrive only the new ones
 * are, and lines the buffer evicted drop out of the matches. Setting a new pattern cancels the
 * scan in progress and starts over.
 *
 * UI-independent: give it a buffer (LogBufferView: absolute indices from `dropped`), a
 * compiled matcher, and call `refresh()` when the buffer's version changes; subscribe for
 * progress. Filter mode reads `has`/`countBetween` instead of testing lines itself.
 */
import {literalCost, type Budget, type LineScanner, type Matcher} from '../text/matcher.js';
import {displayText, type LogBufferView, type MatchSet, type ShownLine} from './log-view.js';

/** Work units per slice (matcher steps; ~20–40 ns each: bench/micro/matcher.mjs). */
export const SLICE_BUDGET = 200_000;
/** Longest a slice may take by the clock, whatever the work count says. */
export const SLICE_MS = 8;

/** Runs `task` later (after pending I/O); returns a function that cancels it. */
export type Scheduler = (task: () => void) => () => void;

/** The default scheduler: the next turn of the event loop, after I/O (keys) is handled. */
export const nextTurn: Scheduler = task => {
	const handle = setImmediate(task);
	return () => clearImmediate(handle);
};

export interface SearchProgress {
	/** Absolute indices of the matching lines found so far, oldest first. */
	matches: readonly number[];
	/** Lines of the buffer scanned so far (of `total`). */
	scanned: number;
	/** Lines in the buffer. */
	total: number;
	/** Every line in the buffer has been scanned. */
	done: boolean;
}

export interface LogSearchOptions {
	schedule?: Scheduler;
	/**
	 * Least time between two progress notifications while the scan goes on (default 100 ms, so a
	 * subscriber that re-renders is not asked to ~200 times a second); the last one, and any
	 * with the scan done, are never held back.
	 */
	notifyMs?: number;
	sliceBudget?: number;
	sliceMs?: number;
	now?: () => number;
	/** The text a line is matched against (default: as displayed, `displayText`). */
	textOf?: (line: ShownLine) => string;
}

/** Index of the first element of sorted `a` that is ≥ `value`. */
function lowerBound(a: readonly number[], value: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (a[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class LogSearch implements MatchSet {
	/** Slices run for the current query, and the most work one of them did (tests, diagnostics). */
	readonly stats = {slices: 0, maxSliceWork: 0};
	private readonly schedule: Scheduler;
	private readonly sliceBudget: number;
	private readonly sliceMs: number;
	private readonly notifyMs: number;
	private lastNotified = -Infinity;
	private readonly now: () => number;
	private readonly textOf: (line: ShownLine) => string;
	private buffer: LogBufferView | undefined;
	private matcher: Matcher | undefined;
	private scanner: LineScanner | undefined;
	private matches: number[] = [];
	/** Absolute index of the next line to scan. */
	private next = 0;
	/** The line whose scan a slice left unfinished. */
	private partial: ShownLine | undefined;
	/** The last line scanned, to notice the buffer being cleared and refilled. */
	private anchor: {index: number; line: ShownLine} | undefined;
	private seenVersion = -1;
	private cancel: (() => void) | undefined;
	private readonly listeners = new Set<(progress: SearchProgress) => void>();
	private snapshot: SearchProgress | undefined;

	constructor(options: LogSearchOptions = {}) {
		this.schedule = options.schedule ?? nextTurn;
		this.sliceBudget = options.sliceBudget ?? SLICE_BUDGET;
		this.sliceMs = options.sliceMs ?? SLICE_MS;
		this.notifyMs = options.notifyMs ?? 100;
		this.now = options.now ?? (() => performance.now());
		this.textOf = options.textOf ?? displayText;
	}

	/** Searches `buffer` for `matcher` from the start (an empty or missing pattern matches nothing). */
	setQuery(buffer: LogBufferView | undefined, matcher: Matcher | undefined): void {
		this.stop();
		this.buffer = buffer;
		this.matcher = matcher && matcher.pattern !== '' ? matcher : undefined;
		this.scanner = this.matcher?.scanner();
		this.matches = [];
		this.next = buffer?.dropped ?? 0;
		this.partial = undefined;
		this.anchor = undefined;
		this.seenVersion = -1;
		this.stats.slices = 0;
		this.stats.maxSliceWork = 0;
		this.changed();
		this.refresh();
	}

	/** The buffer changed (lines added, evicted, inserted or cleared): scan what is new. */
	refresh(): void {
		if (!this.buffer || !this.scanner) return;
		this.sync();
		if (this.next < this.buffer.dropped + this.buffer.length) this.wake();
	}

	/** Stops the scan; `setQuery` starts another. */
	dispose(): void {
		this.stop();
		this.listeners.clear();
	}

	subscribe(listener: (progress: SearchProgress) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	get progress(): SearchProgress {
		if (!this.snapshot) {
			const buffer = this.buffer;
			const total = buffer?.length ?? 0;
			const scanned = buffer && this.scanner ? Math.min(total, this.next - buffer.dropped) : total;
			this.snapshot = {matches: this.matches.slice(), scanned, total, done: scanned >= total};
		}
		return this.snapshot;
	}

	has(index: number): boolean {
		const at = lowerBound(this.matches, index);
		return this.matches[at] === index;
	}

	countBetween(from: number, to: number): number {
		return Math.max(0, lowerBound(this.matches, to) - lowerBound(this.matches, from));
	}

	/** Brings the scan position in line with the buffer: evicted lines out, rewritten ones again. */
	private sync(): void {
		const buffer = this.buffer!;
		if (buffer.version === this.seenVersion) return;
		const {dropped} = buffer;
		const total = dropped + buffer.length;
		let from = this.next;
		if (buffer.changedSince && this.seenVersion >= 0) from = Math.min(from, buffer.changedSince(this.seenVersion));
		const anchor = this.anchor;
		// A buffer that only appends: it was cleared (and maybe refilled) if the last line scanned moved.
		const rewritten = !buffer.changedSince && anchor !== undefined && anchor.index >= dropped && buffer.get(anchor.index - dropped) !== anchor.line;
		if (total < this.next || rewritten) from = dropped;
		if (from < this.next) {
			this.matches.length = lowerBound(this.matches, from);
			this.next = from;
			this.partial = undefined;
			this.anchor = undefined;
		}
		const evicted = lowerBound(this.matches, dropped);
		if (evicted > 0) this.matches.splice(0, evicted);
		if (this.next < dropped) {
			this.next = dropped;
			this.partial = undefined;
		}
		this.seenVersion = buffer.version;
		this.changed();
	}

	private wake(): void {
		this.cancel ??= this.schedule(() => {
			this.cancel = undefined;
			this.slice();
		});
	}

	private slice(): void {
		const buffer = this.buffer;
		const scanner = this.scanner;
		if (!buffer || !scanner) return;
		this.sync();
		const budget: Budget = {left: this.sliceBudget};
		const started = this.now();
		const total = buffer.dropped + buffer.length;
		let lines = 0;
		while (this.next < total && budget.left > 0) {
			const line = buffer.get(this.next - buffer.dropped)!;
			if (this.partial !== line) {
				const text = this.textOf(line);
				budget.left -= literalCost(text.length);
				scanner.start(text);
				this.partial = line;
			}
			const found = scanner.resume(budget);
			if (found === undefined) break; // out of budget inside this line: go on next slice
			if (found) this.matches.push(this.next);
			this.anchor = {index: this.next, line};
			this.partial = undefined;
			this.next++;
			if (++lines % 64 === 0 && this.now() - started > this.sliceMs) break;
		}
		this.stats.slices++;
		this.stats.maxSliceWork = Math.max(this.stats.maxSliceWork, this.sliceBudget - budget.left);
		this.changed();
		if (this.next < total) this.wake();
	}

	private stop(): void {
		this.cancel?.();
		this.cancel = undefined;
	}

	private changed(): void {
		this.snapshot = undefined;
		if (this.listeners.size === 0) return;
		const progress = this.progress;
		const now = this.now();
		if (!progress.done && now - this.lastNotified < this.notifyMs) return; // a later slice will tell
		this.lastNotified = now;
		for (const listener of this.listeners) listener(progress);
	}
}
