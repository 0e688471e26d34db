/**
 * The containers and images berth has (and the lists of the kinds that list themselves:
 * feed-kinds.ts), what must be fetched again, and which containers' latest events the engine's
 * list has not been seen to reflect yet (see event-effects.ts). One fetch at a time, driven by
 * engine-feed.ts: a full list when needed, else only the containers that events named (and the
 * images when an image event came, a kind's list when one of its events came).
 */
import type {ContainerSummary, Engine, EngineEvent, ImageSummary} from '../engine/types.js';
import {kinds} from '../kinds/all-kinds.js';
import {contradicts, eventNeeds} from './event-effects.js';
import {KindListings} from './feed-kinds.js';
import {sameData} from './same-data.js';

/** Past this many changed containers a full list is cheaper than asking for each. */
const maxPartialIds = 50;
/**
 * How long after a list that was older than an event the container is asked again, by how
 * many times in a row that happened; after the last the safety poll is left to it.
 */
export const recheckDelaysMs = [100, 200, 400, 800, 1600, 3200];

interface Unconfirmed {
	event: EngineEvent;
	/** Sequence number of the event, to tell events that came during a fetch from those before it. */
	seq: number;
	/** Fetches in a row whose row contradicted the event. */
	misses: number;
}

export class FeedLists {
	private containers = new Map<string, ContainerSummary>();
	private images: ImageSummary[] = [];
	private loaded = false;
	/** Whether what berth has differs from what it last published. */
	private dirty = true;
	private needFull = true;
	private needImages = false;
	private readonly pending = new Set<string>();
	private readonly unconfirmed = new Map<string, Unconfirmed>();
	/** Container id → when to fetch it again (its list was older than its latest event). */
	private readonly rechecks = new Map<string, number>();
	private seq = 0;
	private readonly listings = new KindListings(kinds);

	/** Notes what an event changed. */
	noteEvent(event: EngineEvent): void {
		if (this.listings.noteEvent(event)) return;
		const needs = eventNeeds(event);
		if (needs.full) this.needFull = true;
		if (needs.images) this.needImages = true;
		if (needs.container) {
			this.pending.add(needs.container);
			this.rechecks.delete(needs.container);
			this.unconfirmed.set(needs.container, {event, seq: ++this.seq, misses: 0});
		}
	}

	/** Asks for everything again at the next fetch; `republish` also publishes it even when unchanged. */
	requestFull(republish = false): void {
		this.needFull = true;
		if (republish) this.dirty = true;
	}

	/** Whether there is something to fetch now (rechecks that are due become pending). */
	hasWork(now: number): boolean {
		for (const [id, due] of this.rechecks) {
			if (due <= now) {
				this.rechecks.delete(id);
				this.pending.add(id);
			}
		}
		return this.needFull || this.needImages || this.pending.size > 0 || this.listings.hasWork();
	}

	/** When the earliest recheck is due, if any. */
	nextRecheck(): number | undefined {
		let next: number | undefined;
		for (const due of this.rechecks.values()) if (next === undefined || due < next) next = due;
		return next;
	}

	/** The snapshot to publish, when something changed since the last one. */
	takeSnapshot(): {containers: ContainerSummary[]; images: ImageSummary[]; lists: Record<string, readonly unknown[]>} | undefined {
		if (!this.dirty) return undefined;
		this.dirty = false;
		return {containers: [...this.containers.values()], images: this.images, lists: this.listings.snapshot()};
	}

	/** One fetch of what is needed. On a failure, the next fetch is a full one. */
	async fetch(engine: Engine, now: () => number): Promise<void> {
		const seenSeq = this.seq;
		try {
			if (this.needFull || !this.loaded || this.pending.size > maxPartialIds) await this.fetchAll(engine, seenSeq, now);
			else await this.fetchSome(engine, seenSeq, now);
		} catch (error) {
			// Part of what was asked for may be lost: ask for everything next time.
			this.needFull = true;
			this.listings.retry();
			throw error;
		}
	}

	private async fetchAll(engine: Engine, seenSeq: number, now: () => number): Promise<void> {
		this.needFull = false;
		this.needImages = false;
		this.pending.clear();
		this.rechecks.clear();
		const [list, imageList, listed] = await Promise.all([engine.containers.list(), engine.images.list(), this.listings.fetch(engine, true)]);
		if (listed) this.dirty = true;
		const next = new Map(list.map(c => [c.id, c]));
		if (next.size !== this.containers.size || list.some(c => !sameData(c, this.containers.get(c.id)))) this.dirty = true;
		if (!sameData(imageList, this.images)) this.dirty = true;
		this.containers = next;
		this.images = imageList;
		this.loaded = true;
		for (const id of [...this.unconfirmed.keys()]) this.verify(id, next.get(id), seenSeq, now());
	}

	private async fetchSome(engine: Engine, seenSeq: number, now: () => number): Promise<void> {
		const ids = [...this.pending];
		this.pending.clear();
		const wantImages = this.needImages;
		this.needImages = false;
		const [list, imageList, listed] = await Promise.all([
			ids.length > 0 ? engine.containers.list({ids}) : Promise.resolve(undefined),
			wantImages ? engine.images.list() : Promise.resolve(undefined),
			this.listings.hasWork() ? this.listings.fetch(engine, false) : Promise.resolve(false),
		]);
		if (listed) this.dirty = true;
		if (list) {
			const found = new Map(list.map(c => [c.id, c]));
			for (const id of ids) {
				const match = found.get(id) ?? list.find(c => c.id.startsWith(id));
				if (match) {
					if (!sameData(match, this.containers.get(match.id))) this.dirty = true;
					this.containers.set(match.id, match);
				} else {
					const known = [...this.containers.keys()].find(k => k.startsWith(id)) ?? id;
					if (this.containers.delete(known)) this.dirty = true;
				}
				this.verify(id, match, seenSeq, now());
			}
		}
		if (imageList) {
			if (!sameData(imageList, this.images)) this.dirty = true;
			this.images = imageList;
		}
	}

	/**
	 * Checks a fetched row against the latest event for it. An event that came while the fetch
	 * ran is left alone (it is pending, so fetched again); a row older than an event from before
	 * the fetch is fetched again a little later.
	 */
	private verify(id: string, row: ContainerSummary | undefined, seenSeq: number, now: number): void {
		const entry = this.unconfirmed.get(id);
		if (!entry || entry.seq > seenSeq) return;
		if (!contradicts(entry.event, row)) {
			this.unconfirmed.delete(id);
			return;
		}
		const delay = recheckDelaysMs[entry.misses];
		entry.misses++;
		if (delay === undefined) {
			this.unconfirmed.delete(id);
			return;
		}
		this.rechecks.set(id, now + delay);
	}
}
