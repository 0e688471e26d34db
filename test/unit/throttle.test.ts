import {afterEach, describe, expect, it, vi} from 'vitest';
import {createController} from '../../source/controller/controller.js';
import {throttle} from '../../source/controller/throttle.js';
import {PROGRESS_INTERVAL_MS} from '../../source/controller/transfers.js';
import {initialState} from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import type {Action} from '../../source/state/types.js';
import {FakeEngine} from '../support/fake-engine.js';

afterEach(() => {
	vi.useRealTimers();
});

describe('throttle', () => {
	it('passes the first value at once, then only the newest once per interval, and the rest on flush', () => {
		vi.useFakeTimers();
		const seen: number[] = [];
		const t = throttle<number>(100, value => seen.push(value));
		for (let i = 1; i <= 500; i++) t.push(i);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(100);
		expect(seen).toEqual([1, 500]);
		vi.advanceTimersByTime(1000);
		expect(seen).toEqual([1, 500]);
		t.push(501);
		t.push(502);
		expect(seen).toEqual([1, 500, 501]);
		t.flush();
		expect(seen).toEqual([1, 500, 501, 502]);
		t.push(503);
		t.cancel();
		vi.advanceTimersByTime(1000);
		expect(seen).toEqual([1, 500, 501, 502, 503]);
	});
});

describe('pull progress reaches the store about ten times a second', () => {
	it('a registry reporting 2000 times at once costs two progress updates of the store', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']});
		const settle = async () => {
			for (let i = 0; i < 20; i++) await new Promise(resolve => setImmediate(resolve));
		};
		const engine = new FakeEngine();
		engine.lifecycle.remote.set('app:1', [1_000_000]);
		engine.lifecycle.progressRepeats = 2000;
		let release!: () => void;
		engine.lifecycle.transferPause = new Promise(resolve => {
			release = resolve;
		});
		const store = createStore(initialState());
		const actions: Action[] = [];
		const dispatch = store.dispatch;
		store.dispatch = action => {
			actions.push(action);
			dispatch(action);
		};
		const controller = createController({engine, store, now: () => new Date(), exit: () => {}});
		try {
			const progressUpdates = () => actions.filter(a => a.type === 'transfer-update' && a.patch.progress).length;
			const progress = () => store.getState().imageJobs.transfers[0]?.progress;
			controller.keys([{kind: 'key', name: '2'}, {kind: 'key', name: 'P'}, {kind: 'paste', text: 'app:1'}, {kind: 'key', name: 'enter'}]);
			await settle();
			expect(engine.callsTo('pull')).toHaveLength(1);
			// The waiting step went through at once; the 2001 downloading reports after it wait for the interval.
			expect(progressUpdates()).toBe(1);
			expect(progress()?.layers[0]?.phase).toBe('waiting');
			vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
			expect(progressUpdates()).toBe(2);
			expect(progress()?.layers[0]?.phase).toBe('downloading');
			expect(progress()?.current).toBe(500_000);
			vi.advanceTimersByTime(PROGRESS_INTERVAL_MS * 10);
			expect(progressUpdates()).toBe(2);
			release();
			await settle();
			expect(store.getState().imageJobs.transfers[0]?.status).toBe('done');
			expect(progress()?.finished).toBe(1);
			expect(progressUpdates()).toBe(3);
		} finally {
			controller.stop();
		}
	});
});
