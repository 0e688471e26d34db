/**
 * The one place berth's state lives, outside React. `dispatch` applies the reducer at once, so
 * each of several keys read together sees the state the previous one left; subscribers (the
 * screen, the log stream, the stats sampler) hear of changes once per turn of the event loop,
 * however many actions it held, so a burst of keys or engine updates costs one render.
 */
import {reducer} from './reducer.js';
import type {Action, AppState} from './types.js';

export interface Store {
	getState(): AppState;
	dispatch(action: Action): void;
	/** Called after changes (coalesced); returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
}

export function createStore(initial: AppState): Store {
	let state = initial;
	const listeners = new Set<() => void>();
	let scheduled = false;
	const notify = () => {
		scheduled = false;
		for (const listener of [...listeners]) listener();
	};
	return {
		getState: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next === state) return;
			state = next;
			if (!scheduled) {
				scheduled = true;
				queueMicrotask(notify);
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
