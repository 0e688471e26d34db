import {describe, it, expect} from 'vitest';
import {RingBuffer} from '../../source/text/ring-buffer.js';

describe('RingBuffer', () => {
	it('rejects invalid capacities', () => {
		expect(() => new RingBuffer(0)).toThrow(RangeError);
		expect(() => new RingBuffer(-1)).toThrow(RangeError);
		expect(() => new RingBuffer(1.5)).toThrow(RangeError);
		expect(() => new RingBuffer(NaN)).toThrow(RangeError);
	});

	it('starts empty', () => {
		const b = new RingBuffer<number>(3);
		expect(b.length).toBe(0);
		expect(b.dropped).toBe(0);
		expect(b.version).toBe(0);
		expect(b.toArray()).toEqual([]);
		expect(b.get(0)).toBeUndefined();
		expect(b.last()).toBeUndefined();
	});

	it('keeps items in order below capacity', () => {
		const b = new RingBuffer<string>(3);
		b.push('a');
		b.push('b');
		expect(b.length).toBe(2);
		expect(b.toArray()).toEqual(['a', 'b']);
		expect(b.get(0)).toBe('a');
		expect(b.get(1)).toBe('b');
		expect(b.last()).toBe('b');
		expect(b.dropped).toBe(0);
	});

	it('evicts the oldest when full and counts drops', () => {
		const b = new RingBuffer<number>(3);
		for (let i = 1; i <= 5; i++) b.push(i);
		expect(b.length).toBe(3);
		expect(b.toArray()).toEqual([3, 4, 5]);
		expect(b.get(0)).toBe(3);
		expect(b.get(2)).toBe(5);
		expect(b.get(3)).toBeUndefined();
		expect(b.get(-1)).toBeUndefined();
		expect(b.dropped).toBe(2);
	});

	it('never grows beyond capacity', () => {
		const b = new RingBuffer<number>(100);
		for (let i = 0; i < 10_000; i++) b.push(i);
		expect(b.length).toBe(100);
		expect(b.dropped).toBe(9_900);
		expect(b.get(0)).toBe(9_900);
		expect(b.last()).toBe(9_999);
	});

	it('pushMany appends in order and wraps around', () => {
		const b = new RingBuffer<number>(4);
		b.pushMany([1, 2, 3]);
		b.pushMany([4, 5]);
		expect(b.toArray()).toEqual([2, 3, 4, 5]);
		expect(b.dropped).toBe(1);
	});

	it('pushMany with more items than capacity keeps the last ones', () => {
		const b = new RingBuffer<number>(3);
		b.pushMany([1, 2]);
		b.pushMany([10, 11, 12, 13, 14]);
		expect(b.toArray()).toEqual([12, 13, 14]);
		expect(b.dropped).toBe(4); // 1, 2, 10, 11
		b.pushMany([20, 21, 22]);
		expect(b.toArray()).toEqual([20, 21, 22]);
		expect(b.dropped).toBe(7);
	});

	it('pushMany with an empty batch changes nothing', () => {
		const b = new RingBuffer<number>(3);
		b.push(1);
		const v = b.version;
		b.pushMany([]);
		expect(b.version).toBe(v);
		expect(b.toArray()).toEqual([1]);
	});

	it('pushMany is equivalent to repeated push', () => {
		let seed = 7;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed % n;
		};
		const a = new RingBuffer<number>(7);
		const b = new RingBuffer<number>(7);
		let next = 0;
		for (let round = 0; round < 200; round++) {
			const batch = Array.from({length: rand(12)}, () => next++);
			a.pushMany(batch);
			for (const item of batch) b.push(item);
			expect(a.toArray()).toEqual(b.toArray());
			expect(a.dropped).toBe(b.dropped);
		}
	});

	it('increments version on every mutation', () => {
		const b = new RingBuffer<number>(2);
		const versions = [b.version];
		b.push(1);
		versions.push(b.version);
		b.push(2);
		versions.push(b.version);
		b.push(3); // evicting
		versions.push(b.version);
		b.pushMany([4, 5, 6]);
		versions.push(b.version);
		b.clear();
		versions.push(b.version);
		for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]);
	});

	it('does not change version on reads', () => {
		const b = new RingBuffer<number>(2);
		b.push(1);
		const v = b.version;
		b.get(0);
		b.slice(0, 1);
		b.toArray();
		void [...b];
		expect(b.version).toBe(v);
	});

	it('slices with Array.prototype.slice semantics', () => {
		const b = new RingBuffer<number>(5);
		for (let i = 0; i < 8; i++) b.push(i); // holds 3..7
		const model = [3, 4, 5, 6, 7];
		const cases: Array<[number | undefined, number | undefined]> = [
			[undefined, undefined],
			[0, 5],
			[1, 3],
			[2, undefined],
			[-2, undefined],
			[-4, -1],
			[3, 1],
			[0, 100],
			[-100, 2],
			[5, 6],
		];
		for (const [s, e] of cases) {
			expect(b.slice(s, e), `${s}, ${e}`).toEqual(model.slice(s, e));
		}
	});

	it('clear empties and resets dropped', () => {
		const b = new RingBuffer<number>(2);
		b.pushMany([1, 2, 3]);
		expect(b.dropped).toBe(1);
		b.clear();
		expect(b.length).toBe(0);
		expect(b.dropped).toBe(0);
		expect(b.toArray()).toEqual([]);
		b.push(9);
		expect(b.toArray()).toEqual([9]);
	});

	it('iterates oldest first', () => {
		const b = new RingBuffer<string>(3);
		b.pushMany(['a', 'b', 'c', 'd']);
		expect([...b]).toEqual(['b', 'c', 'd']);
	});

	it('gives absolute line numbers through dropped + index', () => {
		const b = new RingBuffer<number>(3);
		for (let line = 0; line < 10; line++) b.push(line);
		for (let i = 0; i < b.length; i++) expect(b.get(i)).toBe(b.dropped + i);
	});

	it('pushes a million items quickly', () => {
		const b = new RingBuffer<number>(10_000);
		const t0 = performance.now();
		for (let i = 0; i < 1_000_000; i++) b.push(i);
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(b.last()).toBe(999_999);
	});
});
