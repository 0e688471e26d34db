import {useEffect, useState} from 'react';
import {sharedRead} from '../controller/shared-reads.js';

export interface QueryResult<T> {
	data?: T;
	error?: unknown;
	loading: boolean;
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
		sharedRead(key, load).then(
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
