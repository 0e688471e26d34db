/**
 * Keeps the relative times on screen right: moves the state's clock exactly when an age shown
 * would read differently (a row a few seconds old each second, one minutes old once a minute,
 * an idle screen of old containers almost never), and reads the exact start and finish times
 * of the containers on screen (their inspect, once per container and state) so their ages are
 * right to the second rather than to the unit the engine's text gave.
 */
import type {Engine} from '../engine/types.js';
import {humanDuration, nextChangeAfter, statusAge, statusAges} from '../format/ages.js';
import {formatAgeShort} from '../format/format.js';
import type {Store} from '../state/store.js';
import {containersKind} from '../kinds/containers.js';
import {imagesKind} from '../kinds/images.js';
import {tasksKind} from '../kinds/tasks.js';
import {rowsOnScreen} from '../state/selectors.js';
import type {AppState} from '../state/types.js';
import {inspectKey, sharedRead} from './shared-reads.js';

/** How long the list must stand still before the exact times of rows scrolled into view are read. */
export const readSettleMs = 150;

function onScreen(state: AppState) {
	return {containers: rowsOnScreen(state, containersKind), images: rowsOnScreen(state, imagesKind)};
}

/**
 * Ages shown in minutes or coarser change on a shared 10-second grid of the wall clock, not each
 * at its own second: rows started a few seconds apart then turn "34 minutes" into "35" in one
 * frame, not one frame each (an idle screen of a dozen such rows drew a dozen frames a minute).
 * Ages in seconds change on their second.
 */
export const coarseAgeGridMs = 10_000;

/** Milliseconds from `now` until an age `elapsed` seconds old, read by `word`, reads differently. */
function untilAgeChanges(elapsed: number, word: (seconds: number) => string, now: number): number {
	const wait = (nextChangeAfter(elapsed, word) - elapsed) * 1000;
	if (elapsed < 60) return wait;
	return Math.ceil((now + wait) / coarseAgeGridMs) * coarseAgeGridMs - now;
}

/** Milliseconds until the first age on screen reads differently (Infinity: none ages). */
export function untilNextChange(state: AppState, now: number): number {
	const {containers, images} = onScreen(state);
	let soonest = Number.POSITIVE_INFINITY;
	for (const c of containers) {
		const elapsed = statusAge(c, state.times[c.id], state.listedAt[c.id] ?? now, now);
		if (elapsed !== undefined) soonest = Math.min(soonest, untilAgeChanges(elapsed, humanDuration, now));
	}
	const ages = [...images.map(row => row.image.created), ...swarmTaskTimes(state)];
	for (const since of ages) {
		const elapsed = now / 1000 - since;
		if (elapsed < 0) continue;
		soonest = Math.min(soonest, untilAgeChanges(elapsed, s => formatAgeShort(0, s), now));
	}
	return soonest;
}

/** When the tasks the Swarm view shows entered their state (unix seconds). */
function swarmTaskTimes(state: AppState): number[] {
	if (!state.swarm || state.modal) return [];
	return rowsOnScreen(state, tasksKind)
		.map(task => Date.parse(task.stateSince) / 1000)
		.filter(at => !Number.isNaN(at));
}

function parseTime(text: string): number | undefined {
	if (!text || text.startsWith('0001-')) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

export function startAgesClock(engine: Engine, store: Store, now: () => number): () => void {
	let timer: NodeJS.Timeout | undefined;
	let due = Number.POSITIVE_INFINITY;
	let stopped = false;
	const asked = new Set<string>();

	/** The containers on screen whose exact times are not known or asked for yet. */
	const unread = (state: AppState) =>
		onScreen(state).containers.filter(c => statusAges(c) && !state.times[c.id] && !asked.has(inspectKey(engine.endpoint, c)));

	const readTimes = (state: AppState) => {
		for (const c of unread(state)) {
			const key = inspectKey(engine.endpoint, c);
			asked.add(key);
			sharedRead(key, () => engine.containers.inspect(c.id)).then(
				d => {
					if (stopped) return;
					// Read: asked again only once what it said no longer holds (a restart loop shows the
					// same status text again and again; the snapshot drops facts that disagree).
					asked.delete(key);
					store.dispatch({type: 'times', id: c.id, times: {state: d.state, startedAt: parseTime(d.startedAt), finishedAt: parseTime(d.finishedAt), restartCount: d.restartCount}});
				},
				() => {
					// Gone meanwhile, or the engine is away: the text's own count stays.
				},
			);
		}
	};

	// Rows that come into view are read once the set to read has stayed the same a moment (the
	// first screen at once): scrolling through the list costs no inspect, and no store update,
	// per row passed. Other store updates (engine events, stats) do not restart the wait.
	let readTimer: NodeJS.Timeout | undefined;
	let pending = '';
	let firstRead = true;
	const readSoon = (state: AppState) => {
		const wanted = unread(state);
		if (wanted.length === 0) return;
		if (firstRead) {
			firstRead = false;
			readTimes(state);
			return;
		}
		const key = wanted.map(c => c.id).join(',');
		if (key === pending && readTimer) return;
		pending = key;
		if (readTimer) clearTimeout(readTimer);
		readTimer = setTimeout(() => {
			readTimer = undefined;
			if (!stopped) readTimes(store.getState());
		}, readSettleMs);
		readTimer.unref?.();
	};

	const follow = () => {
		if (stopped) return;
		const state = store.getState();
		readSoon(state);
		const at = now();
		// Anything drawn now is drawn as of now (a row scrolled into view, a new container).
		if (at - state.clock >= 1000) return store.dispatch({type: 'clock', now: at});
		const wait = untilNextChange(state, at);
		const next = at + wait;
		if (next >= due && timer) return;
		if (timer) clearTimeout(timer);
		timer = undefined;
		due = next;
		if (!Number.isFinite(wait)) return;
		timer = setTimeout(() => {
			timer = undefined;
			due = Number.POSITIVE_INFINITY;
			store.dispatch({type: 'clock', now: now()});
			follow();
		}, Math.min(3_600_000, Math.max(10, Math.ceil(wait))));
		timer.unref?.();
	};

	store.dispatch({type: 'clock', now: now()});
	const unsubscribe = store.subscribe(follow);
	follow();
	return () => {
		stopped = true;
		unsubscribe();
		if (timer) clearTimeout(timer);
		if (readTimer) clearTimeout(readTimer);
	};
}
