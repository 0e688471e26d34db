/**
 * The ages clock reads the exact start and finish times of the rows on screen (one inspect per
 * container). Rows scrolled past while keys keep arriving are not read: each read is a request
 * and a store update landing on the next key presses. And it moves the state's clock when an age
 * shown would read differently, ages in minutes on a shared grid so that they turn over together.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {coarseAgeGridMs, readSettleMs, startAgesClock, untilNextChange} from '../../source/controller/ages-clock.js';
import {containerStatusText} from '../../source/format/ages.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {listRows, visibleContainers} from '../../source/state/selectors.js';
import {createStore} from '../../source/state/store.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';

describe('ages clock reads', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('reads the first screen at once, and rows scrolled into view only once the list stands still', async () => {
		const containers = Array.from({length: 200}, (_, i) => fakeContainer({name: `c${String(i).padStart(3, '0')}`}));
		const engine = new FakeEngine({containers});
		const store = createStore(initialState({columns: 120, rows: 40}));
		store.dispatch({type: 'snapshot', containers, images: []});
		const inspected = () => engine.calls.filter(call => call[0] === 'inspectContainer').map(call => call[1] as string);
		const stop = startAgesClock(engine, store, () => Date.now());
		await vi.advanceTimersByTimeAsync(0);
		const rows = listRows(store.getState(), 'containers');
		const onScreen = () => {
			const state = store.getState();
			return visibleContainers(state).slice(state.lists.containers!.top, state.lists.containers!.top + rows).map(c => c.id);
		};
		expect(inspected().sort()).toEqual(onScreen().sort());
		const firstScreen = inspected().length;

		// Far enough down to scroll by several screens, a key every 30 ms.
		for (let i = 0; i < rows * 3; i++) {
			store.dispatch({type: 'move', delta: 1});
			await vi.advanceTimersByTimeAsync(30);
		}
		expect(inspected()).toHaveLength(firstScreen);

		// Store updates that leave the screen as it is (here the clock; engine events, stats) do
		// not put the read off: under churn it would never come.
		for (let i = 0; i < 6; i++) {
			store.dispatch({type: 'clock', now: Date.now()});
			await vi.advanceTimersByTimeAsync(readSettleMs / 3);
		}
		const read = new Set(inspected());
		expect(onScreen().every(id => read.has(id))).toBe(true);
		// The screens passed on the way were not read.
		expect(read.size).toBeLessThan(firstScreen + rows + 1);
		stop();
	});

	it('reads a container again after a restart, even when its status reads as it did before (a restart loop)', async () => {
		const flaky = fakeContainer({name: 'flaky', status: 'Up Less than a second'});
		const engine = new FakeEngine({containers: [flaky]});
		engine.inspected.set(flaky.id, {restartCount: 1});
		const store = createStore(initialState({columns: 120, rows: 40}));
		store.dispatch({type: 'snapshot', containers: [flaky], images: [], at: Date.now()});
		const stop = startAgesClock(engine, store, () => Date.now());
		await vi.advanceTimersByTimeAsync(0);
		expect(store.getState().times[flaky.id]?.restartCount).toBe(1);
		// It died and was started again: its start time moved, so what was read no longer holds;
		// the list says "Up Less than a second" again.
		engine.times.set(flaky.id, {startedAt: new Date(Date.now() + 5000).toISOString()});
		engine.inspected.set(flaky.id, {restartCount: 2});
		await vi.advanceTimersByTimeAsync(5000);
		store.dispatch({type: 'snapshot', containers: [{...flaky}], images: [], at: Date.now()});
		expect(store.getState().times[flaky.id]).toBeUndefined();
		await vi.advanceTimersByTimeAsync(readSettleMs + 10);
		expect(store.getState().times[flaky.id]?.restartCount).toBe(2);
		stop();
	});

	it('ages in minutes turn over together on a 10-second grid; ages in seconds on their second', () => {
		const now = Date.parse('2026-12-02T10:00:00Z');
		const a = fakeContainer({name: 'a', status: 'Up 34 minutes'});
		const b = fakeContainer({name: 'b', status: 'Up 34 minutes'});
		let state = reducer(initialState({columns: 120, rows: 40}), {type: 'snapshot', containers: [a, b], images: []});
		// Started 34 min 3 s and 34 min 7 s ago: their minute changes in 57 s and 53 s.
		state = reducer(state, {type: 'times', id: a.id, times: {state: 'running', startedAt: now - (34 * 60 + 3) * 1000}});
		state = reducer(state, {type: 'times', id: b.id, times: {state: 'running', startedAt: now - (34 * 60 + 7) * 1000}});
		const wait = untilNextChange(state, now);
		expect(wait).toBe(60_000);
		expect((now + wait) % coarseAgeGridMs).toBe(0);
		// One frame at that instant shows both turned over.
		const at = now + wait;
		expect([a, b].map(c => containerStatusText(c, state.times[c.id], now, at))).toEqual(['Up 35 minutes', 'Up 35 minutes']);

		const young = fakeContainer({name: 'c', status: 'Up 5 seconds'});
		state = reducer(state, {type: 'snapshot', containers: [a, b, young], images: []});
		state = reducer(state, {type: 'times', id: young.id, times: {state: 'running', startedAt: now - 5500}});
		expect(untilNextChange(state, now)).toBe(500);
	});
});
