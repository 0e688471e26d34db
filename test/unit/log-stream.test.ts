/**
 * The logs pane's stream follows the selection once it has rested: moving through the list,
 * key after key, opens no stream for the rows passed on the way (each would be a request to the
 * engine and two store updates landing on the next key presses).
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {floodIntervalMs, renderIntervalMs, settleMs, startLogStream} from '../../source/logs/log-stream.js';
import {initialState} from '../../source/state/reducer.js';
import {selectedContainer} from '../../source/state/selectors.js';
import {createStore} from '../../source/state/store.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';

const info = {version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64'};

function setUp() {
	const containers = Array.from({length: 20}, (_, i) => fakeContainer({name: `c${String(i).padStart(2, '0')}`}));
	const engine = new FakeEngine({containers});
	const store = createStore(initialState({columns: 120, rows: 40}));
	store.dispatch({type: 'snapshot', containers, images: []});
	store.dispatch({type: 'conn-up', info});
	const streamed = () => engine.calls.filter(call => call[0] === 'streamLogs').map(call => call[1]);
	return {engine, store, streamed};
}

describe('log stream following the selection', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('opens no stream for the rows passed while keys keep arriving faster than the settle time', async () => {
		const {engine, store, streamed} = setUp();
		const stream = startLogStream(engine, store);
		await vi.advanceTimersByTimeAsync(0);
		const first = selectedContainer(store.getState())!.id;
		expect(streamed()).toEqual([first]);

		// Ten ↓ presses, each well within the settle time of the one before, for longer than
		// the settle time in all.
		const gap = Math.floor(settleMs / 2);
		for (let i = 0; i < 10; i++) {
			store.dispatch({type: 'move', delta: 1});
			await vi.advanceTimersByTimeAsync(gap);
		}
		expect(streamed()).toEqual([first]);

		await vi.advanceTimersByTimeAsync(settleMs);
		const last = selectedContainer(store.getState())!.id;
		expect(last).not.toBe(first);
		expect(streamed()).toEqual([first, last]);
		expect(engine.logFollowers()).toEqual([last]);
		stream.stop();
	});

	it('going back to the row it already follows keeps that stream', async () => {
		const {engine, store, streamed} = setUp();
		const stream = startLogStream(engine, store);
		await vi.advanceTimersByTimeAsync(0);
		store.dispatch({type: 'move', delta: 1});
		await vi.advanceTimersByTimeAsync(settleMs / 2);
		store.dispatch({type: 'move', delta: -1});
		await vi.advanceTimersByTimeAsync(settleMs * 2);
		expect(streamed()).toHaveLength(1);
		stream.stop();
	});

	it('reports lines to the store every 50 ms, and every 100 ms while they flood in', async () => {
		const {engine, store} = setUp();
		const stream = startLogStream(engine, store);
		await vi.advanceTimersByTimeAsync(0);
		const id = selectedContainer(store.getState())!.id;
		const reports: number[] = [];
		let version = store.getState().logs.version;
		store.subscribe(() => {
			const next = store.getState().logs.version;
			if (next !== version) reports.push(Date.now());
			version = next;
		});
		// A line every 10 ms for a second, then 200 lines every 10 ms (20,000 a second) for a second.
		const during = async (perTick: number) => {
			const from = reports.length;
			for (let tick = 0; tick < 100; tick++) {
				engine.pushLog(id, Array.from({length: perTick}, (_, i) => `line ${tick}.${i}`));
				await vi.advanceTimersByTimeAsync(10);
			}
			return reports.slice(from);
		};
		const slow = await during(1);
		const flood = await during(200);
		expect(slow.length).toBeGreaterThanOrEqual(1000 / renderIntervalMs - 2);
		expect(slow.length).toBeLessThanOrEqual(1000 / renderIntervalMs + 1);
		// The first report of the flood still comes 50 ms after the slow ones; then every 100 ms.
		expect(flood.length).toBeLessThanOrEqual(1000 / floodIntervalMs + 1);
		expect(flood.length).toBeGreaterThanOrEqual(1000 / floodIntervalMs - 2);
		await vi.advanceTimersByTimeAsync(floodIntervalMs);
		expect(store.getState().logs.total).toBe(100 + 200 * 100);
		stream.stop();
	});
});
