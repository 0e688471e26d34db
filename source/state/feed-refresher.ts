/**
 * When the feed fetches: events are coalesced (a burst waits `coalesceMs` from its first event),
 * fetches start at most one per `minRefreshGapMs` and never overlap, rows that were older than
 * their event are fetched again when due (feed-lists.ts), a failed fetch is retried after a
 * pause, and after a lost connection nothing is fetched until the connection loop asks again.
 * Whatever arrives while a fetch runs is fetched after it, on the same terms.
 */
import {EngineError, type Engine} from '../engine/types.js';
import type {FeedLists} from './feed-lists.js';

/** Events arriving within this window are coalesced into one refresh. */
export const coalesceMs = 60;
/** At most one refresh starts per this many milliseconds, however many events arrive. */
export const minRefreshGapMs = 200;
/** After a fetch failed for another reason than a lost connection, the next waits this long. */
export const failedFetchPauseMs = 1000;

export function toEngineError(error: unknown): EngineError {
	if (error instanceof EngineError) return error;
	return new EngineError('unknown', error instanceof Error ? error.message : String(error));
}

/** Whether an error means the connection to the engine is gone (the connection loop takes over). */
export function isConnectionLoss(error: EngineError): boolean {
	return error.code === 'unreachable' || error.code === 'interrupted';
}

export class FeedRefresher {
	private inFlight = false;
	private timer: NodeJS.Timeout | undefined;
	private timerDue = 0;
	private lastStart = Number.NEGATIVE_INFINITY;
	/** When the work waiting now was first noted (since the last fetch started). */
	private workSince: number | undefined;
	private notBefore = 0;
	/** Until connected, and after a lost connection: nothing is fetched until `run()` is called. */
	private suspended = true;
	private stopped = false;

	constructor(
		private readonly lists: FeedLists,
		private readonly engine: Engine,
		private readonly onFetched: () => void,
		private readonly onError: (error: EngineError) => void,
	) {}

	/** Fetches what is waiting, soon. */
	schedule(): void {
		if (this.stopped || this.suspended) return;
		const now = Date.now();
		if (this.lists.hasWork(now)) this.workSince ??= now;
		// The running fetch schedules the next when it ends.
		if (this.inFlight) return;
		const due = this.nextDue();
		if (due === undefined) return;
		if (this.timer !== undefined && this.timerDue <= due) return;
		clearTimeout(this.timer);
		this.timerDue = due;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.fetch();
		}, Math.max(0, due - now));
	}

	/** Fetches now (or, when a fetch runs, right after it on the usual terms); resolves when done. */
	async run(): Promise<void> {
		this.suspended = false;
		if (this.inFlight) return;
		await this.fetch();
	}

	/** Fetches nothing until `run()` is called (the connection is being checked). */
	suspend(): void {
		this.suspended = true;
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	private nextDue(): number | undefined {
		let due = this.workSince === undefined ? undefined : this.workSince + coalesceMs;
		const recheck = this.lists.nextRecheck();
		if (recheck !== undefined && (due === undefined || recheck < due)) due = recheck;
		if (due === undefined) return undefined;
		return Math.max(due, this.lastStart + minRefreshGapMs, this.notBefore);
	}

	private async fetch(): Promise<void> {
		if (this.stopped || this.suspended || this.inFlight) return;
		const now = Date.now();
		if (!this.lists.hasWork(now)) {
			this.workSince = undefined;
			this.schedule();
			return;
		}
		this.inFlight = true;
		this.lastStart = now;
		this.workSince = undefined;
		try {
			await this.lists.fetch(this.engine, Date.now);
			if (!this.stopped) this.onFetched();
		} catch (error) {
			if (this.stopped) return;
			const engineError = toEngineError(error);
			if (isConnectionLoss(engineError)) this.suspended = true;
			else this.notBefore = Date.now() + failedFetchPauseMs;
			this.onError(engineError);
		} finally {
			this.inFlight = false;
			this.schedule();
		}
	}
}
