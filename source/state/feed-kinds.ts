/**
 * The lists the engine feed keeps for the kinds that declare their own listing (kind.ts `feed`:
 * volumes, networks, …): each is listed with the feed's full list, and again when an event of
 * one of the kind's event types comes (alone, not the containers with it). Driven by
 * feed-lists.ts; its snapshot carries them by kind name.
 */
import type {Engine, EngineEvent} from '../engine/types.js';
import type {AnyKind} from '../kinds/kind.js';
import {sameData} from './same-data.js';

export class KindListings {
	private readonly rows = new Map<string, readonly unknown[]>();
	private readonly wanted = new Set<string>();

	constructor(private readonly kinds: readonly AnyKind[]) {}

	/** Whether the event is one a listed kind follows (it is then listed again, and nothing else is). */
	noteEvent(event: EngineEvent): boolean {
		let taken = false;
		for (const kind of this.kinds) {
			if (kind.feed?.events.includes(event.type)) {
				this.wanted.add(kind.name);
				taken = true;
			}
		}
		return taken;
	}

	hasWork(): boolean {
		return this.wanted.size > 0;
	}

	/** Lists every kind (`all`) or those an event asked for; resolves with whether anything changed. */
	async fetch(engine: Engine, all: boolean): Promise<boolean> {
		const names = all ? this.kinds.filter(kind => kind.feed).map(kind => kind.name) : [...this.wanted];
		this.wanted.clear();
		const lists = await Promise.all(names.map(name => this.kinds.find(kind => kind.name === name)!.feed!.list(engine)));
		let changed = false;
		for (const [i, name] of names.entries()) {
			if (!sameData(lists[i], this.rows.get(name))) changed = true;
			this.rows.set(name, lists[i]!);
		}
		return changed;
	}

	/** On a failed fetch: everything again next time. */
	retry(): void {
		for (const kind of this.kinds) if (kind.feed) this.wanted.add(kind.name);
	}

	/** The lists as last listed, by kind name. */
	snapshot(): Record<string, readonly unknown[]> {
		return Object.fromEntries(this.rows);
	}
}
