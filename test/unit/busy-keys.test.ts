/**
 * Keys that arrive while berth is busy: the reader tells such a read from one that did not wait
 * (a probe timer that ran late or has not run yet; the clock here is a fake one, moved by hand),
 * and those keys act only on the screen they were typed at.
 */
import {EventEmitter} from 'node:events';
import {describe, expect, it, vi} from 'vitest';
import {createKeyRunner} from '../../source/commands/busy-keys.js';
import type {Services} from '../../source/commands/command-services.js';
import type {CommandContext} from '../../source/commands/types.js';
import {watchBusy} from '../../source/input/busy-watch.js';
import type {KeyEvent} from '../../source/input/decode-keys.js';
import {readKeys} from '../../source/input/key-reader.js';
import {initialState} from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';


describe('a read that waited behind busy work', () => {
	it('is told apart: a probe armed a second ago that has not run yet, or one that ran late in this turn', () => {
		// The loop's phases on fake timers: a zero-delay timer (the probe) runs, then the check
		// phase's immediates; real timers a millisecond apart could fall in different turns.
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate']});
		try {
			let now = 0;
			const watch = watchBusy(1000, () => now);
			expect(watch.read()).toBe(false);
			// Held up in the same turn (the frame of the first read took 2 s): the probe has not run.
			now = 2000;
			expect(watch.read()).toBe(true);
			// The probe runs (late); a read in the same turn of the loop, before its immediates, waited too.
			vi.advanceTimersToNextTimer();
			expect(watch.read()).toBe(true);
			// Once the loop has come round (the check phase ran), reads are fresh again.
			vi.runOnlyPendingTimers();
			now += 10;
			expect(watch.read()).toBe(false);
			vi.runOnlyPendingTimers();
			now += 10;
			expect(watch.read()).toBe(false);
			watch.stop();
		} finally {
			vi.useRealTimers();
		}
	});

	it('reaches the keys: the reader hands each read its flag, an Esc held to the end of a busy read too', async () => {
		let now = 0;
		const stdin = new EventEmitter();
		const reads: Array<[string[], boolean]> = [];
		const reader = readKeys(stdin, (events, busy) => reads.push([events.map(e => (e.kind === 'key' ? e.name : 'paste')), busy]), 5, watchBusy(1000, () => now));
		stdin.emit('data', 'a');
		now = 1500;
		stdin.emit('data', 'b\u001B');
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(reads).toEqual([
			[['a'], false],
			[['b'], true],
			[['escape'], true],
		]);
		reader.stop();
	});
});

/** The rule, on a real store; the services a quit needs. */
function world() {
	const store = createStore(initialState());
	const exit = vi.fn();
	const said: string[] = [];
	const ctx: CommandContext = {
		get state() {
			return store.getState();
		},
		dispatch: action => store.dispatch(action),
		say: (_tone, text) => said.push(text),
		services: {running: () => [], exit} as unknown as Services,
	};
	return {store, ctx, exit, said, run: createKeyRunner(ctx)};
}

const keys = (...names: string[]): KeyEvent[] => names.map(name => ({kind: 'key', name}));

describe('keys typed while berth was busy', () => {
	it('act on the screen they were typed at; once it changes, the rest are not run, and that is said', () => {
		const {store, run, said} = world();
		run(keys('/'), false);
		expect(store.getState().filterEdit).toBeDefined();
		// Typed into the filter while berth did not answer: "ab", Enter (the filter closes), then
		// ? and j, which the user typed at the filter and never at the panes.
		run(keys('a', 'b', 'enter', '?', 'j'), true);
		expect(store.getState().lists.containers!.filter).toBe('ab');
		expect(store.getState().filterEdit).toBeUndefined();
		expect(store.getState().modal).toBeUndefined();
		expect(said.at(-1)).toBe('Ignored 2 keys typed while berth was busy (the screen had changed)');
	});

	it('the spell lasts across its reads; a read while berth answers is run whole again', () => {
		const {store, run, said} = world();
		run(keys('/'), false);
		run(keys('x', 'escape'), true);
		expect(store.getState().filterEdit).toBeUndefined();
		run(keys('?'), true);
		expect(store.getState().modal).toBeUndefined();
		expect(said.at(-1)).toBe('Ignored 1 key typed while berth was busy (the screen had changed)');
		// Typing ahead while berth answers: / opens the filter, the keys after it go in it.
		run(keys('/', 'd', 'b', 'enter', '?'), false);
		expect(store.getState().lists.containers!.filter).toBe('db');
		expect(store.getState().modal?.kind).toBe('help');
	});

	it('Ctrl-C is never held back', () => {
		const {run, exit} = world();
		run(keys('/'), false);
		run(keys('escape', 'j', 'ctrl-c'), true);
		expect(exit).toHaveBeenCalledTimes(1);
	});

	it('a paste typed at the prompt goes into it', () => {
		const {store, run} = world();
		run(keys('/'), false);
		run([{kind: 'paste', text: 'web'}, ...keys('-', '1')], true);
		expect(store.getState().filterEdit?.line.value).toBe('web-1');
	});
});
