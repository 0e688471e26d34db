/**
 * Status messages clear by themselves: an outcome or a note after 10 s, an error after 30 s
 * (the next action replaces either at once).
 */
import type {Store} from '../state/store.js';

export const infoMs = 10_000;
export const errorMs = 30_000;

export function clearStaleStatus(store: Store): () => void {
	let timer: NodeJS.Timeout | undefined;
	let watched: unknown;
	const follow = () => {
		const status = store.getState().status;
		if (status === watched) return;
		watched = status;
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (!status) return;
		timer = setTimeout(() => {
			timer = undefined;
			if (store.getState().status === status) store.dispatch({type: 'status', status: undefined});
		}, status.tone === 'error' ? errorMs : infoMs);
		timer.unref?.();
	};
	const unsubscribe = store.subscribe(follow);
	follow();
	return () => {
		unsubscribe();
		if (timer) clearTimeout(timer);
	};
}
