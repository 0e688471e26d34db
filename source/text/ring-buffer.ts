/**
 * A fixed-capacity FIFO that evicts its oldest items: the log view's line store. Pushing is
 * O(1) and memory never exceeds the capacity. `version` changes on every mutation so a React
 * component can tell cheaply that the contents changed, and `dropped` (the number evicted)
 * lets a view keep absolute line numbers: item `i` is line `dropped + i` since the last clear.
 */
export class RingBuffer<T> {
	/** Most items kept. */
	readonly capacity: number;
	private items: Array<T | undefined>;
	/** Index in `items` of the oldest item. */
	private head = 0;
	private count = 0;
	private droppedCount = 0;
	private versionCount = 0;

	/** Creates an empty buffer holding at most `capacity` items (a positive integer). */
	constructor(capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
		this.capacity = capacity;
		this.items = new Array<T | undefined>(capacity);
	}

	/** Number of items held (≤ capacity). */
	get length(): number {
		return this.count;
	}

	/** Items evicted to make room since the buffer was created or last cleared. */
	get dropped(): number {
		return this.droppedCount;
	}

	/** Incremented by every mutation (push, pushMany with items, clear); never decreases. */
	get version(): number {
		return this.versionCount;
	}

	/** Appends one item, evicting the oldest when full. O(1). */
	push(item: T): void {
		this.append(item);
		this.versionCount++;
	}

	/**
	 * Appends items in order, evicting the oldest as needed; one version step for the batch.
	 * Only the last `capacity` items of a batch larger than the buffer are copied. A call
	 * with no items changes nothing.
	 */
	pushMany(items: readonly T[]): void {
		const n = items.length;
		if (n === 0) return;
		let from = 0;
		if (n >= this.capacity) {
			// Everything held now, and the start of the batch, is evicted.
			from = n - this.capacity;
			this.droppedCount += this.count + from;
			this.items.fill(undefined);
			this.head = 0;
			this.count = 0;
		}
		for (let i = from; i < n; i++) this.append(items[i]);
		this.versionCount++;
	}

	/** The item at `index` (0 = oldest kept, `length - 1` = newest), or undefined when out of range. */
	get(index: number): T | undefined {
		if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
		return this.items[(this.head + index) % this.capacity];
	}

	/** The newest item, or undefined when empty. */
	last(): T | undefined {
		return this.get(this.count - 1);
	}

	/**
	 * Items from `start` up to but not including `end`, oldest first, with the index rules of
	 * `Array.prototype.slice` (negative counts from the end, out-of-range clamps). Copies only
	 * the requested range.
	 */
	slice(start = 0, end: number = this.count): T[] {
		const from = clampIndex(start, this.count);
		const to = clampIndex(end, this.count);
		const out: T[] = [];
		for (let i = from; i < to; i++) out.push(this.items[(this.head + i) % this.capacity] as T);
		return out;
	}

	/** All items, oldest first. */
	toArray(): T[] {
		return this.slice();
	}

	/** Removes every item; resets `dropped` to 0 and increments `version`. */
	clear(): void {
		this.items.fill(undefined);
		this.head = 0;
		this.count = 0;
		this.droppedCount = 0;
		this.versionCount++;
	}

	/** Iterates oldest first. */
	*[Symbol.iterator](): IterableIterator<T> {
		for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) % this.capacity] as T;
	}

	private append(item: T): void {
		if (this.count < this.capacity) {
			this.items[(this.head + this.count) % this.capacity] = item;
			this.count++;
		} else {
			this.items[this.head] = item;
			this.head = (this.head + 1) % this.capacity;
			this.droppedCount++;
		}
	}
}

function clampIndex(index: number, length: number): number {
	const i = Math.trunc(index) || 0;
	if (i < 0) return Math.max(0, length + i);
	return Math.min(i, length);
}
