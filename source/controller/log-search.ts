/**
 * Keeps the log search's matches in the store: the pattern typed, over the stream's lines, found
 * in the background in slices of a few milliseconds (source/logs/log-search.ts) so keys answer
 * whatever the pattern; only new lines are matched as they arrive.
 */
import type {LogBufferView} from '../logs/log-view.js';
import {LogSearch} from '../logs/log-search.js';
import type {Store} from '../state/store.js';
import {compileMatcher} from '../text/matcher.js';

export interface LogSearchService {
	/** The matches so far, for the pane's filter mode (`has`, `countBetween`). */
	search: LogSearch;
	stop(): void;
}

export function startLogSearch(store: Store, buffer: () => LogBufferView): LogSearchService {
	const search = new LogSearch();
	let query = '';
	let version = -1;
	const unsubscribeProgress = search.subscribe(progress => {
		store.dispatch({type: 'logs-matches', matches: [...progress.matches], searched: progress.done});
	});
	const update = () => {
		const state = store.getState();
		const pattern = state.logs.search;
		const nextQuery = `${pattern}\u0000${state.logs.generation}`;
		if (nextQuery !== query) {
			query = nextQuery;
			version = state.logs.version;
			if (pattern === '') {
				search.setQuery(undefined, undefined);
				if (state.logs.matches.length > 0 || state.logs.searchError) store.dispatch({type: 'logs-matches', matches: [], searched: true});
				return;
			}
			const compiled = compileMatcher(pattern);
			if (!compiled.ok) {
				search.setQuery(undefined, undefined);
				return store.dispatch({type: 'logs-matches', matches: [], searched: true, error: compiled.error});
			}
			search.setQuery(buffer(), compiled);
			return;
		}
		if (state.logs.version !== version) {
			version = state.logs.version;
			search.refresh();
		}
	};
	const unsubscribe = store.subscribe(update);
	update();
	return {
		search,
		stop() {
			unsubscribe();
			unsubscribeProgress();
			search.dispose();
		},
	};
}
