/** A Map that forgets its oldest entries past `limit`: a memo whose memory stays flat. */
export class BoundedCache<K, V> {
	private readonly map = new Map<K, V>();

	constructor(readonly limit: number) {}

	/** Entries held (never more than `limit`). */
	get size(): number {
		return this.map.size;
	}

	/** The value for `key`, made with `make` and remembered when it is not known yet. */
	get(key: K, make: (key: K) => V): V {
		let value = this.map.get(key);
		if (value === undefined) {
			value = make(key);
			this.map.set(key, value);
			if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
		}
		return value;
	}
}
