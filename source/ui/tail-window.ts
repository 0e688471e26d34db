import type {RingBuffer} from '../text/ring-buffer.js';

/**
 * The lines a live view shows: `rows` of them ending `scroll` lines back from the live end, and
 * the index of the first (the rows' keys).
 */
export function tailWindow<T>(lines: RingBuffer<T> | undefined, scroll: number, rows: number): {from: number; shown: T[]} {
	const end = Math.max(0, (lines?.length ?? 0) - scroll);
	const from = Math.max(0, end - rows);
	const shown: T[] = [];
	for (let i = from; i < end; i++) shown.push(lines!.get(i)!);
	return {from, shown};
}
