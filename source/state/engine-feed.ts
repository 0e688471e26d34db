import {EngineError, type Engine, type EngineEvent} from '../engine/types.js';
import {eventTimeToSince} from '../engine/transport/timestamps.js';
import type {Action} from './types.js';
import {FeedLists} from './feed-lists.js';
import {FeedRefresher, isConnectionLoss, toEngineError} from './feed-refresher.js';

export {coalesceMs, minRefreshGapMs} from './feed-refresher.js';

/** How long to wait before trying an unreachable engine again. */
export const retryMs = 3000;
/** The safety-net poll: events drive refreshes, this only catches what they could miss. */
export const safetyPollMs = 60_000;
/** After the events stream broke for another reason than a lost connection, reconnect after this long. */
export const reconnectMs = 1000;
/** How long after a dropped connection the engine is asked again (see the loop below). */
export const recheckMs = 100;

export interface EngineFeed {
	/**
	 * Sends what happens to `dispatch` (first the actions from before, not yet taken) until the
	 * returned function is called.
	 */
	attach(dispatch: (action: Action) => void, onEvent?: (event: EngineEvent) => void): () => void;
	/** The actions so far, for a first state that already shows them; attach will not repeat them. */
	take(): Action[];
	/** Ask for a fresh full snapshot soon (coalesced; never overlaps a running one). */
	refresh(): void;
	/** Settles once the first snapshot or the first connection failure is known. */
	ready: Promise<void>;
	stop(): void;
}

/**
 * Keeps berth in step with the engine: checks the connection, lists containers and images,
 * follows the events stream (reconnecting with `since` the last event it saw) and, for each
 * burst of events, fetches only the containers they name (and the images when an image event
 * came), again a little later when the list turns out older than an event (feed-lists.ts).
 * Requests never overlap (feed-refresher.ts); nothing is dispatched when nothing changed.
 *
 * It runs outside React so that berth can start it before loading the UI: the engine lists
 * while Ink loads, and the first frame already shows the containers. Until a dispatch is
 * attached, actions wait in a buffer.
 */
export function startEngineFeed(engine: Engine): EngineFeed {
	const controller = new AbortController();
	const {signal} = controller;
	let listener: {dispatch: (action: Action) => void; onEvent?: (event: EngineEvent) => void} | undefined;
	const buffer: Action[] = [];
	let taken = 0;
	let markReady: () => void = () => {};
	const ready = new Promise<void>(resolve => {
		markReady = resolve;
	});
	const emit = (action: Action) => {
		if (action.type === 'snapshot' || action.type === 'conn-down') markReady();
		if (listener) listener.dispatch(action);
		else buffer.push(action);
	};

	let lastEventNano: string | undefined;
	let wake: (() => void) | undefined;
	// The events stream of the current connection, and why it was ended early: the events
	// stream can outlive the engine's listener (a daemon shutting down closes its socket
	// before its open streams; a socket file removed or made unreadable keeps the open
	// connection alive), so a list that fails as unreachable ends it and reports the engine down.
	let events: AbortController | undefined;
	let lostWith: EngineError | undefined;

	const lists = new FeedLists();
	const refresher = new FeedRefresher(
		lists,
		engine,
		() => {
			const snapshot = lists.takeSnapshot();
			if (snapshot && !signal.aborted) emit({type: 'snapshot', ...snapshot});
		},
		error => {
			if (!isConnectionLoss(error)) return;
			if (events && !events.signal.aborted) {
				lostWith = error;
				events.abort();
			}
			wake?.();
		},
	);

	/** Waits `ms`, or less when woken or stopped; leaves no listener behind. */
	const sleep = (ms: number) =>
		new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(timer);
				signal.removeEventListener('abort', done);
				if (wake === done) wake = undefined;
				resolve();
			};
			const timer = setTimeout(done, ms);
			wake = done;
			signal.addEventListener('abort', done, {once: true});
		});

	const poll = setInterval(() => {
		lists.requestFull();
		refresher.schedule();
	}, safetyPollMs);

	const onEngineEvent = (event: EngineEvent) => {
		lastEventNano = event.timeNano;
		listener?.onEvent?.(event);
		lists.noteEvent(event);
		refresher.schedule();
	};

	// Set after a connection broke: the engine is asked again at once, so the screen can say why
	// it is unreachable (no socket, refused, ...) rather than just "dropped".
	let rechecked = false;

	const connectOnce = async () => {
		refresher.suspend();
		let info;
		try {
			info = await engine.system.info();
		} catch (error) {
			// Whatever stops the first question stops berth using the engine: report it down.
			const engineError = toEngineError(error);
			if (isConnectionLoss(engineError)) throw engineError;
			throw new EngineError('unreachable', engineError.message, {statusCode: engineError.statusCode, cause: error});
		}
		if (signal.aborted) return;
		rechecked = false;
		emit({type: 'conn-up', info});
		const current = new AbortController();
		const stop = () => current.abort();
		signal.addEventListener('abort', stop, {once: true});
		events = current;
		lostWith = undefined;
		try {
			const stream = engine.events.stream({since: lastEventNano ? eventTimeToSince(lastEventNano) : undefined}, onEngineEvent, current.signal);
			// It may fail while the list below runs: handled by the await further down, but
			// marked handled now so the rejection is never reported as unhandled (which ends berth).
			stream.catch(() => undefined);
			// List after subscribing, so no change falls between the two.
			lists.requestFull(true);
			await refresher.run();
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
	};

	const loop = async () => {
		while (!signal.aborted) {
			try {
				await connectOnce();
			} catch (error) {
				if (signal.aborted) return;
				const engineError = toEngineError(error);
				if (engineError.code === 'interrupted' && !rechecked) {
					rechecked = true;
					// A moment first: the question may have gone out on a kept-alive connection
					// the engine had closed along with the stream, before node saw it close; asked
					// again at once, it can take the next such connection. After the wait the pool
					// holds none, and the answer says why the engine is away.
					await sleep(recheckMs);
					continue;
				}
				if (isConnectionLoss(engineError)) {
					emit({type: 'conn-down', error: engineError, now: Date.now()});
					await sleep(retryMs);
				} else {
					// The events stream broke for another reason: back off briefly and reconnect.
					await sleep(reconnectMs);
				}
			}
		}
	};
	void loop();

	return {
		attach(dispatch, onEvent) {
			const current = {dispatch, onEvent};
			listener = current;
			const waiting = buffer.splice(0).slice(taken);
			taken = 0;
			for (const action of waiting) dispatch(action);
			return () => {
				if (listener === current) listener = undefined;
			};
		},
		take() {
			taken = buffer.length;
			return buffer.slice();
		},
		refresh() {
			lists.requestFull();
			refresher.schedule();
		},
		ready,
		stop() {
			controller.abort();
			clearInterval(poll);
			refresher.stop();
		},
	};
}
