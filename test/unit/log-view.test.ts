import {describe, expect, it} from 'vitest';
import {buildLogView, displayText, findMatches, VIEW_RANGES_BUDGET} from '../../source/logs/log-view.js';
import {MergedBuffer} from '../../source/logs/merged-buffer.js';
import {timestampKey} from '../../source/logs/timestamps.js';
import {RingBuffer} from '../../source/text/ring-buffer.js';
import {compileMatcher, MAX_PROGRAM, type Budget, type Matcher} from '../../source/text/matcher.js';
import {stringWidth} from '../../source/text/width.js';
import type {ShownLine} from '../../source/logs/log-view.js';

const lines = (n: number, prefix = 'line') => Array.from({length: n}, (_, i): ShownLine => ({stream: 'stdout', text: `${prefix} ${i}`}));
const options = {height: 3, width: 80, timestamps: false, wrap: false, filterMode: false};

describe('log view', () => {
	it('follows the live end, or stays parked with the lines below counted', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany(lines(10));
		expect(buildLogView(buffer, {follow: true}, options).rows.map(r => r.text)).toEqual(['line 7', 'line 8', 'line 9']);
		const parked = buildLogView(buffer, {follow: false, end: 5}, options);
		expect(parked.rows.map(r => r.text)).toEqual(['line 2', 'line 3', 'line 4']);
		expect(parked.below).toBe(5);
	});

	it('keeps absolute positions when the ring buffer drops old lines', () => {
		const buffer = new RingBuffer<ShownLine>(5);
		buffer.pushMany(lines(12));
		expect(buffer.dropped).toBe(7);
		// Parked at an index that was evicted: clamps to the oldest lines kept.
		expect(buildLogView(buffer, {follow: false, end: 2}, options).rows.map(r => r.text)).toEqual(['line 7', 'line 8', 'line 9']);
	});

	it('filter mode shows only matching lines; matches are absolute indices with highlight ranges', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany([...lines(3, 'ok'), {stream: 'stderr', text: 'error: disk'}, ...lines(3, 'ok'), {stream: 'stdout', text: 'another error'}]);
		const matcher = compileMatcher('error') as Matcher;
		expect(findMatches(buffer, matcher)).toEqual([3, 7]);
		const view = buildLogView(buffer, {follow: true}, {...options, filterMode: true, matcher, current: 7});
		expect(view.rows.map(r => r.text)).toEqual(['error: disk', 'another error']);
		expect(view.rows[1]!.highlights).toEqual([[8, 13]]);
		expect(view.rows[1]!.current).toBe(true);
	});

	it('wraps long lines into rows and prefixes timestamps', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany([{stream: 'stdout', text: 'a'.repeat(25), timestamp: '2026-11-23T10:00:00.5Z'}]);
		const view = buildLogView(buffer, {follow: true}, {...options, height: 10, width: 10, wrap: true});
		expect(view.rows.map(r => r.text)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
		const stamped = buildLogView(buffer, {follow: true}, {...options, timestamps: true});
		expect(stamped.rows[0]!.prefix).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00\.500 $/);
	});

	it('bounds the highlighting work of a whole screen of long lines, and finishes it over later renders', () => {
		const buffer = new RingBuffer<ShownLine>(100);
		buffer.pushMany(Array.from({length: 40}, (_, i) => ({stream: 'stdout' as const, text: `${i} ${'a'.repeat(30_000)}c`})));
		const matcher = compileMatcher('/(a|aa)*c/') as Matcher;
		let used = 0;
		const counting: Matcher = {
			...matcher,
			ranges: (text: string, budget?: Budget) => {
				const b = budget ?? {left: Infinity};
				const before = b.left;
				const out = matcher.ranges(text, b);
				used += before - b.left;
				return out;
			},
		};
		const view = () => buildLogView(buffer, {follow: true}, {...options, height: 40, matcher: counting});
		let result = view();
		// The screen's budget, plus at most one character's steps past it.
		expect(used).toBeLessThanOrEqual(VIEW_RANGES_BUDGET + 2 * MAX_PROGRAM + 2);
		expect(result.highlightsPending).toBe(true);
		for (let i = 0; i < 100 && result.highlightsPending; i++) {
			used = 0;
			result = view();
			expect(used).toBeLessThanOrEqual(VIEW_RANGES_BUDGET + 2 * MAX_PROGRAM + 2);
		}
		expect(result.rows.every(r => r.highlights.length === 1)).toBe(true);
	});

	it('wraps between graphemes: a ZWJ sequence or a wide character is never split across rows', () => {
		const family = '👨\u200d👩\u200d👧';
		const buffer = new RingBuffer<ShownLine>(10);
		buffer.pushMany([{stream: 'stdout', text: `ab${family}日本${family}c`}]);
		const rows = buildLogView(buffer, {follow: true}, {...options, height: 10, width: 3, wrap: true}).rows.map(r => r.text);
		expect(rows).toEqual(['ab', family, '日', '本', `${family}c`]);
		for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(3);
	});

	it('marks a line the parser cut', () => {
		expect(displayText({stream: 'stdout', text: 'x'.repeat(10), cut: true} as ShownLine)).toBe(`${'x'.repeat(10)} … [line cut: longer than 64 KiB]`);
	});

	it('neutralises escape sequences in what it displays', () => {
		const buffer = new RingBuffer<ShownLine>(10);
		buffer.pushMany([{stream: 'stdout', text: 'a\u001B]52;c;SGVsbG8=\u0007b\u001B[2Jc\u009b31md'}]);
		expect(buildLogView(buffer, {follow: true}, options).rows[0]!.text).toBe('abcd');
	});
});

describe('merged buffer', () => {
	it('orders lines from several containers by timestamp and stays bounded', () => {
		const buffer = new MergedBuffer(3);
		buffer.pushMany([{stream: 'stdout', text: 'b2', timestamp: '2026-11-23T10:00:02Z', source: 'b'}]);
		buffer.pushMany([
			{stream: 'stdout', text: 'a1', timestamp: '2026-11-23T10:00:01Z', source: 'a'},
			{stream: 'stdout', text: 'a3', timestamp: '2026-11-23T10:00:03.5Z', source: 'a'},
		]);
		expect([0, 1, 2].map(i => buffer.get(i)!.text)).toEqual(['a1', 'b2', 'a3']);
		buffer.pushMany([{stream: 'stdout', text: 'b4', timestamp: '2026-11-23T10:00:04Z', source: 'b'}]);
		expect(buffer.length).toBe(3);
		expect(buffer.dropped).toBe(1);
		expect(buffer.get(0)!.text).toBe('b2');
	});
});

describe('merged prefixes', () => {
	it('line up whatever the length of each container name', () => {
		const buffer = new MergedBuffer(10);
		buffer.pushMany([
			{stream: 'stdout', text: 'from api', timestamp: '2026-11-23T10:00:01Z', source: 'shop-api-1', sourceIndex: 0},
			{stream: 'stdout', text: 'from db', timestamp: '2026-11-23T10:00:02Z', source: 'shop-db-1', sourceIndex: 1},
			{stream: 'stdout', text: 'from x', timestamp: '2026-11-23T10:00:03Z', source: 'x', sourceIndex: 2},
		]);
		for (const timestamps of [false, true]) {
			const {rows} = buildLogView(buffer, {follow: true}, {height: 10, width: 100, timestamps, wrap: false, filterMode: false});
			const bars = rows.map(row => stringWidth(row.prefix.slice(0, row.prefix.indexOf('│'))));
			expect(new Set(bars).size, rows.map(r => r.prefix).join('\n')).toBe(1);
			expect(rows.map(r => r.prefix.trimEnd().endsWith('│'))).toEqual([true, true, true]);
		}
	});
});

describe('timestamps', () => {
	it('compares RFC 3339 nanosecond timestamps whatever their trailing zeros', () => {
		expect(timestampKey('2026-11-23T10:00:00.5Z')! > timestampKey('2026-11-23T10:00:00.123456789Z')!).toBe(true);
		expect(timestampKey('2026-11-23T11:00:00+01:00')).toBe(timestampKey('2026-11-23T10:00:00Z'));
		expect(timestampKey('nonsense')).toBeUndefined();
	});
});
