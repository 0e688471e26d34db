/**
 * The background log search: bounded slices whatever the pattern (work is counted in matcher
 * steps, not measured by the clock, so a loaded machine cannot fail it), the same answer as a
 * full scan, only new lines scanned, evicted lines dropped, restart on a new pattern.
 */
import {describe, expect, it} from 'vitest';
import {LogSearch, nextTurn, SLICE_BUDGET, type Scheduler} from '../../source/logs/log-search.js';
import {buildLogView, displayText, findMatches, type ShownLine} from '../../source/logs/log-view.js';
import {MergedBuffer} from '../../source/logs/merged-buffer.js';
import {compileMatcher, MAX_PROGRAM, type Matcher} from '../../source/text/matcher.js';
import {RingBuffer} from '../../source/text/ring-buffer.js';

function compile(pattern: string, maxProgram?: number): Matcher {
	const m = compileMatcher(pattern, {maxProgram});
	if (!m.ok) throw new Error(m.error);
	return m;
}

/** A scheduler the test drives: each `runOne` runs one slice. */
function manual() {
	const queue: Array<() => void> = [];
	const schedule: Scheduler = task => {
		queue.push(task);
		return () => {
			const at = queue.indexOf(task);
			if (at >= 0) queue.splice(at, 1);
		};
	};
	return {
		schedule,
		pending: () => queue.length,
		runOne: () => queue.shift()?.(),
		runAll(limit = 1_000_000) {
			let n = 0;
			while (queue.length > 0 && n++ < limit) queue.shift()!();
			return n;
		},
	};
}

const line = (text: string, timestamp?: string): ShownLine => ({stream: 'stdout', text, ...(timestamp ? {timestamp} : {})});
/** The clock never ends a slice here: slices are bounded by work alone. */
const frozenClock = () => 0;

describe('log search', () => {
	it('/(.?){1000}x/ is refused; run anyway over 5,000 lines, every slice is bounded and the result is a full scan’s', () => {
		const refused = compileMatcher('/(.?){1000}x/');
		expect(!refused.ok && refused.error).toBe(`pattern too large (2,002 states; at most ${MAX_PROGRAM.toLocaleString('en-US')})`);

		const buffer = new RingBuffer<ShownLine>(5000);
		buffer.pushMany(Array.from({length: 5000}, (_, i) => line(i % 7 === 0 ? 'x' : 'y')));
		const matcher = compile('/(.?){1000}x/', 2002);
		const sched = manual();
		const sliceBudget = 50_000;
		const search = new LogSearch({schedule: sched.schedule, sliceBudget, now: frozenClock});
		search.setQuery(buffer, matcher);
		expect(search.progress.done).toBe(false); // nothing ran synchronously
		const slices = sched.runAll();
		expect(search.progress.done).toBe(true);
		expect(slices).toBeGreaterThan(50);
		// One slice's work: its budget, plus at most one character's steps (≤ 2 × program size + 1) and one line's text cost.
		expect(search.stats.maxSliceWork).toBeLessThanOrEqual(sliceBudget + 2 * 2002 + 2);
		// The pattern matches exactly the lines that contain an x.
		const expected = Array.from({length: 5000}, (_, i) => i).filter(i => i % 7 === 0);
		expect(search.progress.matches).toEqual(expected);
		expect(findMatches({...buffer, length: 300, dropped: 0, version: 0, get: (i: number) => buffer.get(i)}, matcher)).toEqual(expected.filter(i => i < 300));
	}, 60_000);

	it('/(a{0,1000}){9}b/ is refused with its size; run anyway on a 2,049-character line it is still sliced', () => {
		const refused = compileMatcher('/(a{0,1000}){9}b/');
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.error).toMatch(/^pattern too large \(18,002 states; at most /);

		const buffer = new RingBuffer<ShownLine>(10);
		buffer.pushMany([line('a'.repeat(2049)), line('aab'), line('ccc')]);
		const sched = manual();
		const search = new LogSearch({schedule: sched.schedule, now: frozenClock});
		// Past the cap (18,002 states) a single character costs up to 36,000 steps: slices still end near the budget.
		search.setQuery(buffer, compile('/(a{0,1000}){9}b/', 20_000));
		for (let i = 0; i < 40 && sched.pending() > 0; i++) sched.runOne();
		expect(search.progress.scanned).toBe(0); // still inside the long line after 40 slices
		expect(search.stats.maxSliceWork).toBeLessThanOrEqual(SLICE_BUDGET + 2 * 18_002 + 1 + 2049 / 16 + 1);
		// A program of the same shape under the cap, to the end: the same answer as a full scan.
		const small = compile('/(a{0,50}){9}b/');
		search.setQuery(buffer, small);
		sched.runAll();
		expect(search.stats.maxSliceWork).toBeLessThanOrEqual(SLICE_BUDGET + 2 * MAX_PROGRAM + 1 + 2049 / 16 + 1);
		expect(search.progress.matches).toEqual([1]);
		expect(search.progress.matches).toEqual(findMatches(buffer, small));
	});

	it('lets other work run between slices on the real event loop', async () => {
		const buffer = new RingBuffer<ShownLine>(5000);
		buffer.pushMany(Array.from({length: 2000}, (_, i) => line(`line ${i} ${'y'.repeat(100)}`)));
		const search = new LogSearch({schedule: nextTurn, sliceBudget: 5_000});
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		await new Promise<void>(resolve => {
			search.subscribe(p => {
				if (p.done) resolve();
			});
			search.setQuery(buffer, compile('/(y|z)+q/'));
		});
		clearInterval(timer);
		expect(search.stats.slices).toBeGreaterThan(5);
		expect(ticks).toBeGreaterThan(0); // timers ran while the search was going on
	});

	it('scans only new lines as they arrive and forgets lines the ring buffer evicted', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany(Array.from({length: 80}, (_, i) => line(i % 10 === 0 ? `error ${i}` : `ok ${i}`)));
		const sched = manual();
		let scans = 0;
		const search = new LogSearch({schedule: sched.schedule, now: frozenClock, textOf: l => (scans++, displayText(l))});
		search.setQuery(buffer, compile('error'));
		sched.runAll();
		expect(search.progress.matches).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
		expect(scans).toBe(80);
		buffer.pushMany(Array.from({length: 50}, (_, i) => line((80 + i) % 10 === 0 ? `error ${80 + i}` : `ok ${80 + i}`)));
		search.refresh();
		sched.runAll();
		expect(scans).toBe(130); // only the 50 new lines
		expect(buffer.dropped).toBe(30);
		expect(search.progress.matches).toEqual([30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
		expect(search.progress.matches).toEqual(findMatches(buffer, compile('error')));
		expect(search.has(40)).toBe(true);
		expect(search.has(41)).toBe(false);
		expect(search.has(20)).toBe(false);
		expect(search.countBetween(50, 101)).toBe(6);
		// Cleared and refilled before the search looked again: starts over.
		buffer.clear();
		buffer.pushMany(Array.from({length: 140}, (_, i) => line(i === 5 ? 'error again' : 'fine')));
		search.refresh();
		sched.runAll();
		expect(search.progress.matches).toEqual(findMatches(buffer, compile('error')));
	});

	it('a new pattern cancels the scan in progress and starts over', () => {
		const buffer = new RingBuffer<ShownLine>(1000);
		buffer.pushMany(Array.from({length: 1000}, (_, i) => line(i % 2 ? `odd ${i}` : `even ${i}`)));
		const sched = manual();
		const search = new LogSearch({schedule: sched.schedule, sliceBudget: 500, now: frozenClock, notifyMs: 0});
		const seen: number[] = [];
		search.subscribe(p => seen.push(p.matches.length));
		search.setQuery(buffer, compile('odd'));
		sched.runOne();
		sched.runOne();
		expect(search.progress.done).toBe(false);
		search.setQuery(buffer, compile('/even 99\\d/'));
		expect(sched.pending()).toBe(1); // the old scan's next slice was cancelled
		sched.runAll();
		expect(search.progress.matches).toEqual([990, 992, 994, 996, 998]);
		search.setQuery(buffer, undefined);
		expect(search.progress).toMatchObject({matches: [], done: true});
		expect(seen.length).toBeGreaterThan(3);
	});

	it('tells subscribers at most every notifyMs while scanning, and always when done', () => {
		const buffer = new RingBuffer<ShownLine>(1000);
		buffer.pushMany(Array.from({length: 1000}, (_, i) => line(`line ${i}`)));
		const sched = manual();
		let clock = 0;
		const search = new LogSearch({schedule: sched.schedule, sliceBudget: 20, now: () => clock, notifyMs: 100});
		const seen: boolean[] = [];
		search.subscribe(p => seen.push(p.done));
		search.setQuery(buffer, compile('line 9'));
		while (sched.pending() > 0) {
			clock += 10; // ten slices per notification
			sched.runOne();
		}
		expect(search.stats.slices).toBeGreaterThan(50);
		expect(seen.length).toBeLessThan(search.stats.slices / 5);
		expect(seen.at(-1)).toBe(true);
	});

	it('follows a merged buffer that inserts lines in the middle', () => {
		const buffer = new MergedBuffer(50);
		const ts = (s: number) => `2026-11-23T10:00:${String(s).padStart(2, '0')}Z`;
		buffer.pushMany(Array.from({length: 30}, (_, i) => line(i % 3 === 0 ? `hit ${i}` : `miss ${i}`, ts(i * 2))));
		const sched = manual();
		const search = new LogSearch({schedule: sched.schedule, now: frozenClock});
		const matcher = compile('hit');
		search.setQuery(buffer, matcher);
		sched.runAll();
		expect(search.progress.matches).toEqual(findMatches(buffer, matcher));
		// Older lines from another container land between the ones scanned.
		buffer.pushMany([line('hit late', ts(11)), line('miss late', ts(21)), line('hit later', ts(51))]);
		buffer.pushMany(Array.from({length: 25}, (_, i) => line(i % 4 === 0 ? 'hit new' : 'miss new', ts(59))));
		search.refresh();
		sched.runAll();
		expect(buffer.dropped).toBeGreaterThan(0);
		expect(search.progress.matches).toEqual(findMatches(buffer, matcher));
	});

	it('filter mode shows the search’s matches without testing lines', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany([line('ok 1'), line('error: disk'), line('ok 2'), line('another error'), line('ok 3')]);
		const sched = manual();
		const search = new LogSearch({schedule: sched.schedule, now: frozenClock});
		const matcher = compile('error');
		search.setQuery(buffer, matcher);
		const options = {height: 5, width: 80, timestamps: false, wrap: false, filterMode: true, matcher, matches: search};
		// Before the search has run no line is known to match, so none is shown.
		expect(buildLogView(buffer, {follow: true}, options).rows).toEqual([]);
		sched.runAll();
		const view = buildLogView(buffer, {follow: true}, options);
		expect(view.rows.map(r => r.text)).toEqual(['error: disk', 'another error']);
		expect(buildLogView(buffer, {follow: false, end: 2}, {...options, height: 1}).below).toBe(1);
	});
});
