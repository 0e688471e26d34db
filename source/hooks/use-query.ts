import {useEffect, useState} from 'react';

export interface QueryResult<T> {
	data?: T;
	error?: unknown;
	loading: boolean;
}

/**
 * Reads in flight, by key: a view opened again while its read is still under way (Enter, Esc,
 * Enter on a slow engine) waits for that read instead of sending the same request again.
 */
const inFlight = new Map<string, Promise<unknown>>();

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
	const running = inFlight.get(key) as Promise<T> | undefined;
	if (running) return running;
	const promise = load().finally(() => {
		if (inFlight.get(key) === promise) inFlight.delete(key);
	});
	inFlight.set(key, promise);
	return promise;
}

/**
 * Runs an engine read when `key` changes and keeps the last result. A result that arrives
 * after the key moved on is dropped; identical reads already in flight are shared.
 */
export function useQuery<T>(load: () => Promise<T>, key: string): QueryResult<T> {
	const [result, setResult] = useState<QueryResult<T>>({loading: true});
	useEffect(() => {
		let current = true;
		setResult(previous => ({...previous, loading: true}));
		shared(key, load).then(
			data => {
				if (current) setResult({data, loading: false});
			},
			(error: unknown) => {
				if (current) setResult(previous => ({data: previous.data, error, loading: false}));
			},
		);
		return () => {
			current = false;
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key]);
	return result;
}
