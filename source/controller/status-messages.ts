/**
 * The status line's messages: one helper says them (`sayer`, on the controller's clock, for
 * every part of the controller), and they clear by themselves: an outcome or a note after 10 s,
 * an error after 30 s (the next action replaces either at once).
 */
import type {Store} from '../state/store.js';

/** Says something on the status line: an outcome (ok), a failure (error) or a note (info). */
export type Say = (tone: 'ok' | 'error' | 'info', text: string) => void;

/** The one way the controller says things: stamped with its clock. */
export function sayer(store: Pick<Store, 'dispatch'>, now: () => number): Say {
	return (tone, text) => store.dispatch({type: 'status', status: {tone, text, at: now()}});
}

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
