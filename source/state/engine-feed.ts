import {EngineError, type ContainerSummary, type Engine, type EngineEvent, type ImageSummary} from '../engine/types.js';
import type {Action} from './types.js';
import {eventTimeToSince} from '../logs/timestamps.js';

/** How long to wait before trying an unreachable engine again. */
export const retryMs = 3000;
/** The safety-net poll: events drive refreshes, this only catches what they could miss. */
export const safetyPollMs = 60_000;
/** Events arriving within this window are coalesced into one refresh. */
export const coalesceMs = 60;
/** At most one refresh starts per this many milliseconds, however many events arrive. */
export const minRefreshGapMs = 200;
/** Past this many changed containers a full list is cheaper than asking for each. */
const maxPartialIds = 50;

function toEngineError(error: unknown): EngineError {
	if (error instanceof EngineError) return error;
	return new EngineError('unknown', error instanceof Error ? error.message : String(error));
}

/**
 * Whether two pieces of JSON-like data (what the engine's lists map to) are equal, without
 * serialising them: comparing a 1,000-container list as JSON text on every refresh made
 * megabytes of garbage per second under churn.
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	for (const key of keysA) {
		if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

/** What an event asks to be fetched again. */
export function eventNeeds(event: EngineEvent): {container?: string; images?: boolean; full?: boolean} {
	if (event.type === 'container') {
		// A commit makes an image; a destroy or create changes how many containers use one.
		return {container: event.id, images: event.action === 'commit'};
	}
	if (event.type === 'image') return {images: true};
	return {full: true};
}

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
 * came). Requests never overlap; nothing is dispatched when nothing changed.
 *
 * It runs outside React so that berth can start it before loading the UI: the engine lists
 * while Ink loads, and the first frame already shows the containers. Until a dispatch is
 * attached, actions wait in a buffer.
 */
export function startEngineFeed(engine: Engine): EngineFeed {
	const controller = new AbortController();
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
	const {signal} = controller;
	let inFlight = false;
	let timer: NodeJS.Timeout | undefined;
	let lastStart = 0;
	let lastEventNano: string | undefined;
	let wake: (() => void) | undefined;
	// The events stream of the current connection, and why it was ended early: the events
	// stream can outlive the engine's listener (a daemon shutting down closes its socket
	// before its open streams; a socket file removed or made unreadable keeps the open
	// connection alive), so a list that fails as unreachable ends it and reports the engine down.
	let events: AbortController | undefined;
	let lostWith: EngineError | undefined;

	// What berth has, and what must be fetched again.
	let containers = new Map<string, ContainerSummary>();
	let images: ImageSummary[] = [];
	let loaded = false;
	// Whether what berth has differs from what it last dispatched.
	let dirty = true;
	let needFull = true;
	let needImages = false;
	const pending = new Set<string>();

	const sleep = (ms: number) =>
		new Promise<void>(resolve => {
			const t = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(t);
				resolve();
			};
			signal.addEventListener('abort', () => wake?.(), {once: true});
		});

	const publish = () => {
		if (!dirty) return;
		dirty = false;
		emit({type: 'snapshot', containers: [...containers.values()], images});
	};

	const fetchOnce = async () => {
		if (needFull || !loaded || pending.size > maxPartialIds) {
			needFull = false;
			needImages = false;
			pending.clear();
			const [list, imageList] = await Promise.all([engine.listContainers(), engine.listImages()]);
			const next = new Map(list.map(c => [c.id, c]));
			if (next.size !== containers.size || list.some(c => !sameData(c, containers.get(c.id)))) dirty = true;
			if (!sameData(imageList, images)) dirty = true;
			containers = next;
			images = imageList;
			loaded = true;
			return;
		}
		const ids = [...pending];
		pending.clear();
		const wantImages = needImages;
		needImages = false;
		const [list, imageList] = await Promise.all([
			ids.length > 0 ? engine.listContainers({ids}) : Promise.resolve(undefined),
			wantImages ? engine.listImages() : Promise.resolve(undefined),
		]);
		if (list) {
			const found = new Map(list.map(c => [c.id, c]));
			for (const id of ids) {
				const match = found.get(id) ?? list.find(c => c.id.startsWith(id));
				const known = [...containers.keys()].find(k => k.startsWith(id)) ?? id;
				if (match) {
					if (!sameData(match, containers.get(match.id))) dirty = true;
					containers.set(match.id, match);
				} else if (containers.delete(known)) dirty = true;
			}
		}
		if (imageList) {
			if (!sameData(imageList, images)) dirty = true;
			images = imageList;
		}
	};

	const run = async () => {
		if (inFlight) return;
		inFlight = true;
		try {
			while (!signal.aborted && (needFull || needImages || pending.size > 0)) {
				lastStart = Date.now();
				await fetchOnce();
				if (signal.aborted) return;
				publish();
			}
		} catch (error) {
			// Fetch it all again next time: part of this burst may be lost.
			needFull = true;
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

	const schedule = () => {
		if (signal.aborted || timer) return;
		const delay = Math.max(coalesceMs, lastStart + minRefreshGapMs - Date.now());
		timer = setTimeout(() => {
			timer = undefined;
			if (inFlight) {
				// The running fetch loops until nothing is pending.
				return;
			}
			void run();
		}, delay);
	};


	const poll = setInterval(() => {
		needFull = true;
		schedule();
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
				emit({type: 'conn-up', info});
				const current = new AbortController();
				const stop = () => current.abort();
				signal.addEventListener('abort', stop, {once: true});
				events = current;
				lostWith = undefined;
				const stream = engine.streamEvents(
					{since: lastEventNano ? eventTimeToSince(lastEventNano) : undefined},
					event => {
						lastEventNano = event.timeNano;
						listener?.onEvent?.(event);
						const needs = eventNeeds(event);
						if (needs.full) needFull = true;
						if (needs.images) needImages = true;
						if (needs.container) pending.add(needs.container);
						schedule();
					},
					current.signal,
				);
				// It may fail while the list below runs: handled by the await further down, but
				// marked handled now so the rejection is never reported as unhandled (which ends berth).
				stream.catch(() => undefined);
				// List after subscribing, so no change falls between the two.
				needFull = true;
				dirty = true;
				await run();
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
					emit({type: 'conn-down', error: engineError, now: Date.now()});
					await sleep(retryMs);
				} else {
					// The events stream broke for another reason: back off briefly and reconnect.
					await sleep(1000);
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
			needFull = true;
			schedule();
		},
		ready,
		stop() {
			controller.abort();
			clearInterval(poll);
			if (timer) clearTimeout(timer);
		},
	};
}
