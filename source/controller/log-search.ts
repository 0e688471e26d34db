/**
 * Keeps the log search's matches in the store: the pattern typed, the stream's lines, its runs.
 */
import type {Store} from '../state/store.js';
import {compileMatcher} from '../text/matcher.js';
import {findMatches, type LogBufferView} from '../logs/log-view.js';

export function startLogSearch(store: Store, buffer: () => LogBufferView): () => void {
	let key = '';
	const update = () => {
		const state = store.getState();
		const pattern = state.filters.logs;
		const next = `${pattern}\u0000${state.logs.generation}\u0000${state.logs.version}`;
		if (next === key) return;
		key = next;
		if (pattern === '') {
			if (state.logs.matches.length > 0 || state.logs.searchError) store.dispatch({type: 'logs-matches', matches: [], searched: true});
			return;
		}
		const compiled = compileMatcher(pattern);
		if (!compiled.ok) return store.dispatch({type: 'logs-matches', matches: [], searched: true, error: compiled.error});
		store.dispatch({type: 'logs-matches', matches: findMatches(buffer(), compiled), searched: true});
	};
	const unsubscribe = store.subscribe(update);
	update();
	return unsubscribe;
}
