import {followWindow, type FollowScroll, type FollowSeen} from '../state/follow-scroll.js';
import type {RingBuffer} from '../text/ring-buffer.js';

/**
 * The lines a live view shows (state/follow-scroll.ts): `rows` of them ending at the live end
 * while it follows, else where it was parked; their absolute index (the rows' keys), and what
 * the view holds, to report.
 */
export function tailWindow<T>(lines: RingBuffer<T> | undefined, tail: FollowScroll, rows: number): {from: number; shown: T[]; seen: FollowSeen} {
	const first = lines?.dropped ?? 0;
	const total = first + (lines?.length ?? 0);
	const {from, to} = followWindow(tail, {first, total}, rows);
	const shown: T[] = [];
	for (let i = from; i < to; i++) shown.push(lines!.get(i - first)!);
	return {from, shown, seen: {first, total, rows}};
}

/** Lines after the last one shown (0 while following). */
export function linesBelow(tail: FollowScroll, seen: FollowSeen): number {
	return tail.follow ? 0 : Math.max(0, seen.total - tail.end);
}
