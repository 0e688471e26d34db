import {useCallback, useEffect, useRef} from 'react';
import {EngineError, type Engine, type EngineEvent} from '../engine/types.js';
import type {Action} from '../state/app-state.js';
import {eventTimeToSince} from '../logs/timestamps.js';

/** How long to wait before trying an unreachable engine again. */
export const retryMs = 3000;
/** The safety-net poll: events drive refreshes, this only catches what they could miss. */
export const safetyPollMs = 30_000;
/** Events arriving within this window are coalesced into one refresh. */
export const coalesceMs = 60;

export interface EngineData {
	/** Ask for a fresh snapshot soon (coalesced; never overlaps a running one). */
	refresh(): void;
}

function toEngineError(error: unknown): EngineError {
	if (error instanceof EngineError) return error;
	return new EngineError('unknown', error instanceof Error ? error.message : String(error));
}

/**
 * Keeps the state in step with the engine: checks the connection, lists containers and images,
 * follows the events stream (reconnecting with `since` the last event it saw) and refreshes when
 * something changes. Requests never overlap; nothing is dispatched when nothing changed.
 */
export function useEngineData(
	engine: Engine,
	dispatch: (action: Action) => void,
	onEvent?: (event: EngineEvent) => void,
): EngineData {
	const refreshRef = useRef<() => void>(() => {});
	const onEventRef = useRef(onEvent);
	onEventRef.current = onEvent;

	useEffect(() => {
		const controller = new AbortController();
		const {signal} = controller;
		let inFlight = false;
		let again = false;
		let timer: NodeJS.Timeout | undefined;
		let lastSnapshot = '';
		let lastEventNano: string | undefined;
		let wake: (() => void) | undefined;
		// The events stream of the current connection, and why it was ended early: the events
		// stream can outlive the engine's listener (a daemon shutting down closes its socket
		// before its open streams; a socket file removed or made unreadable keeps the open
		// connection alive), so a list that fails as unreachable ends it and reports the engine down.
		let events: AbortController | undefined;
		let lostWith: EngineError | undefined;

		const sleep = (ms: number) =>
			new Promise<void>(resolve => {
				const t = setTimeout(resolve, ms);
				wake = () => {
					clearTimeout(t);
					resolve();
				};
				signal.addEventListener('abort', () => wake?.(), {once: true});
			});

		const snapshot = async () => {
			if (inFlight) {
				again = true;
				return;
			}
			inFlight = true;
			try {
				do {
					again = false;
					const [containers, images] = await Promise.all([engine.listContainers(), engine.listImages()]);
					if (signal.aborted) return;
					const key = JSON.stringify([containers, images]);
					if (key !== lastSnapshot) {
						lastSnapshot = key;
						dispatch({type: 'snapshot', containers, images});
					}
				} while (again && !signal.aborted);
			} catch (error) {
				const engineError = toEngineError(error);
				if (engineError.code === 'unreachable' || engineError.code === 'interrupted') {
					if (events && !events.signal.aborted) {
						lostWith = engineError;
						events.abort();
					}
					wake?.();
				}
			} finally {
				inFlight = false;
			}
		};

		const refresh = () => {
			if (signal.aborted || timer) return;
			timer = setTimeout(() => {
				timer = undefined;
				void snapshot();
			}, coalesceMs);
		};
		refreshRef.current = refresh;

		const poll = setInterval(() => {
			void snapshot();
		}, safetyPollMs);

		const loop = async () => {
			// Set after a connection broke: the engine is asked again at once, so the screen can
			// say why it is unreachable (no socket, refused, ...) rather than just "dropped".
			let rechecked = false;
			while (!signal.aborted) {
				try {
					const info = await engine.info();
					if (signal.aborted) return;
					rechecked = false;
					dispatch({type: 'conn-up', info});
					const current = new AbortController();
					const stop = () => current.abort();
					signal.addEventListener('abort', stop, {once: true});
					events = current;
					lostWith = undefined;
					const stream = engine.streamEvents(
						{since: lastEventNano ? eventTimeToSince(lastEventNano) : undefined},
						event => {
							lastEventNano = event.timeNano;
							onEventRef.current?.(event);
							refresh();
						},
						current.signal,
					);
					// It may fail while the list below runs: handled by the await further down, but
					// marked handled now so the rejection is never reported as unhandled (which ends berth).
					stream.catch(() => undefined);
					// List after subscribing, so no change falls between the two.
					lastSnapshot = '';
					await snapshot();
					try {
						await stream;
					} finally {
						signal.removeEventListener('abort', stop);
						events = undefined;
					}
					if (signal.aborted) return;
					if (lostWith) {
						// A list failed while the stream was still open: the engine is gone for berth.
						const error = lostWith;
						lostWith = undefined;
						throw error;
					}
					// The stream ended: the engine went away or restarted. Check it again now.
				} catch (error) {
					if (signal.aborted) return;
					const engineError = toEngineError(error);
					if (engineError.code === 'interrupted' && !rechecked) {
						rechecked = true;
						continue;
					}
					if (engineError.code === 'unreachable' || engineError.code === 'interrupted') {
						dispatch({type: 'conn-down', error: engineError, now: Date.now()});
						await sleep(retryMs);
					} else {
						// The events stream broke for another reason: back off briefly and reconnect.
						await sleep(1000);
					}
				}
			}
		};
		void loop();

		return () => {
			controller.abort();
			clearInterval(poll);
			if (timer) clearTimeout(timer);
		};
	}, [engine, dispatch]);

	const refresh = useCallback(() => refreshRef.current(), []);
	return {refresh};
}
