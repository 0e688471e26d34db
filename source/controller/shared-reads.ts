/**
 * Reads in flight, by key: a read asked for again while it is still under way (a view opened
 * twice on a slow engine, or a view and the ages clock wanting the same inspect) waits for that
 * read instead of sending the same request again.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function sharedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
	const running = inFlight.get(key) as Promise<T> | undefined;
	if (running) return running;
	const promise = load().finally(() => {
		if (inFlight.get(key) === promise) inFlight.delete(key);
	});
	inFlight.set(key, promise);
	return promise;
}

/** The key of a container's inspect: read again when its state or status text changes. */
export function inspectKey(endpoint: string, c: {id: string; state: string; status: string}): string {
	return `inspect|${endpoint}|${c.id}|${c.state}|${c.status}`;
}
