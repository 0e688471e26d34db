/**
 * The ages clock reads the exact start and finish times of the rows on screen (one inspect per
 * container). Rows scrolled past while keys keep arriving are not read: each read is a request
 * and a store update landing on the next key presses.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {readSettleMs, startAgesClock} from '../../source/controller/ages-clock.js';
import {initialState} from '../../source/state/reducer.js';
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
			return visibleContainers(state).slice(state.windows.containers, state.windows.containers + rows).map(c => c.id);
		};
		expect(inspected().sort()).toEqual(onScreen().sort());
		const firstScreen = inspected().length;

		// Far enough down to scroll by several screens, a key every 30 ms.
		for (let i = 0; i < rows * 3; i++) {
			store.dispatch({type: 'move', delta: 1});
			await vi.advanceTimersByTimeAsync(30);
		}
		expect(inspected()).toHaveLength(firstScreen);

		await vi.advanceTimersByTimeAsync(readSettleMs);
		const read = new Set(inspected());
		expect(onScreen().every(id => read.has(id))).toBe(true);
		// The screens passed on the way were not read.
		expect(read.size).toBeLessThan(firstScreen + rows + 1);
		stop();
	});
});
