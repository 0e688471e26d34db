/**
 * Grapheme clusters (user-perceived characters) without paying for Intl.Segmenter on every
 * character: it costs microseconds a call here (bench/micro/width.mjs), so a 32 KB log line
 * segmented in one go takes a visible fraction of a second.
 *
 * Most characters stand alone: they are a grapheme of their own whatever surrounds them (no
 * combining marks, joiners, variation selectors, Hangul jamo, controls, astral characters).
 * A table, filled as characters are first seen, says which, and their string-width width. Only
 * around the others is the segmenter asked, for one cluster at a time from a short window.
 */
import measure from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/** Longest cluster looked for at once; longer ones (stacks of marks) are taken in pieces. */
const WINDOW = 64;
const JOINS = /[\p{Grapheme_Extend}\p{M}\p{C}\p{Zl}\p{Zp}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0d4e\u0e33\u0eb3]/u;

/** Per BMP code unit: 0 not looked at yet, 1 or 2 its width when it stands alone, 3 it does not. */
const single = new Uint8Array(0x10000);
for (let c = 0x20; c < 0x7f; c++) single[c] = 1;

function classify(c: number): number {
	if (c >= 0xd800 && c <= 0xdfff) return 3;
	const ch = String.fromCharCode(c);
	if (JOINS.test(ch)) return 3;
	const w = measure(ch);
	return w === 1 || w === 2 ? w : 3;
}

/** 1 or 2: the code unit stands alone and is that wide; 3: it may join its neighbours. */
function standalone(c: number): number {
	const w = single[c]!;
	return w === 0 ? (single[c] = classify(c)) : w;
}

/** The width of text made only of characters that stand alone, or -1 when it has any other. */
export function standaloneWidth(s: string): number {
	let total = 0;
	for (let i = 0; i < s.length; i++) {
		const w = standalone(s.charCodeAt(i));
		if (w === 3) return -1;
		total += w;
	}
	return total;
}

/**
 * Calls `visit(start, end)` for each grapheme of `s` from index `from` (a grapheme boundary),
 * in order, until it returns false.
 */
export function eachGrapheme(s: string, from: number, visit: (start: number, end: number) => boolean): void {
	const n = s.length;
	let i = from;
	while (i < n) {
		if (standalone(s.charCodeAt(i)) !== 3 && (i + 1 === n || standalone(s.charCodeAt(i + 1)) !== 3)) {
			if (!visit(i, i + 1)) return;
			i++;
			continue;
		}
		const end = i + segmenter.segment(s.slice(i, i + WINDOW)).containing(0)!.segment.length;
		if (!visit(i, end)) return;
		i = end;
	}
}

/** The last grapheme boundary at or before index `at` (looked for within a short distance). */
export function boundaryAtOrBefore(s: string, at: number): number {
	if (at <= 0) return 0;
	if (at >= s.length) return s.length;
	// Back to a place known to be a boundary: the start, or between two characters that stand alone.
	let k = at;
	const limit = Math.max(0, at - 2 * WINDOW);
	while (k > limit && !(standalone(s.charCodeAt(k)) !== 3 && standalone(s.charCodeAt(k - 1)) !== 3)) k--;
	if (k > 0 && !(standalone(s.charCodeAt(k)) !== 3 && standalone(s.charCodeAt(k - 1)) !== 3)) {
		const c = s.charCodeAt(at);
		return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at; // none found: at least keep surrogate pairs whole
	}
	let boundary = k;
	eachGrapheme(s, k, (_start, end) => {
		if (end > at) return false;
		boundary = end;
		return true;
	});
	return boundary;
}

/** The first grapheme boundary at or after index `at`. */
export function boundaryAtOrAfter(s: string, at: number): number {
	const before = boundaryAtOrBefore(s, at);
	if (before === at) return at;
	let after = s.length;
	eachGrapheme(s, before, (_start, end) => {
		if (end < at) return true;
		after = end;
		return false;
	});
	return after;
}

/** The end of the grapheme that starts at `at` (a boundary); `s.length` at the end. */
export function graphemeEnd(s: string, at: number): number {
	let end = s.length;
	eachGrapheme(s, at, (_start, stop) => {
		end = stop;
		return false;
	});
	return end;
}

/**
 * The nearest index at or before `at` known to be a boundary without asking the segmenter: the
 * start, the end, or between two characters that stand alone. Steps back only over characters
 * that may join (a run of emoji, say), a table lookup each.
 */
function safeBoundaryBefore(s: string, at: number): number {
	if (at >= s.length) return s.length;
	let k = Math.max(0, at);
	while (k > 0 && !(standalone(s.charCodeAt(k)) !== 3 && standalone(s.charCodeAt(k - 1)) !== 3)) k--;
	return k;
}

/**
 * Calls `visit(start, end)` for each grapheme of `s` that ends at or before `to` (a boundary),
 * from the last one back, until it returns false. Segments a short stretch before `to` at a
 * time: the work is in proportion to how far back it goes, not to the length of `s` (except in
 * a run of characters that may all join, segmented once from where it starts).
 */
export function eachGraphemeBackward(s: string, to: number, visit: (start: number, end: number) => boolean): void {
	let end = Math.min(to, s.length);
	while (end > 0) {
		const from = safeBoundaryBefore(s, Math.max(0, end - 2 * WINDOW));
		const starts: number[] = [];
		eachGrapheme(s, from, (start, stop) => {
			starts.push(start);
			return stop < end;
		});
		for (let i = starts.length - 1; i >= 0; i--) {
			const start = starts[i]!;
			const stop = i + 1 < starts.length ? starts[i + 1]! : end;
			if (!visit(start, stop)) return;
		}
		end = from;
	}
}

/** The start of the grapheme that ends at `at` (a boundary); 0 at the start. */
export function graphemeStartBefore(s: string, at: number): number {
	let result = 0;
	eachGraphemeBackward(s, at, start => {
		result = start;
		return false;
	});
	return result;
}

const isJoiner = (c: number) => c === 0x200c || c === 0x200d;
const isBlank = (c: number) => c === 0x20 || c === 0x21b5 || c === 0x3000;

/**
 * Keeps a run of zero-width joiners/non-joiners only between two characters it can join:
 * one at the start or the end, before a space or after one is dropped (it would only hide in
 * the text).
 */
export function dropLooseJoiners(s: string): string {
	if (!s.includes('\u200c') && !s.includes('\u200d')) return s;
	let out = '';
	let kept = 0;
	for (let i = 0; i < s.length; i++) {
		if (!isJoiner(s.charCodeAt(i))) continue;
		let j = i;
		while (j < s.length && isJoiner(s.charCodeAt(j))) j++;
		if (i === 0 || j === s.length || isBlank(s.charCodeAt(i - 1)) || isBlank(s.charCodeAt(j))) {
			out += s.slice(kept, i);
			kept = j;
		}
		i = j - 1;
	}
	return kept === 0 ? s : out + s.slice(kept);
}

const LEADING_MARKS = /^[\p{Grapheme_Extend}\p{Mn}\p{Me}\u200c\u200d]+/u;

/**
 * Removes combining marks (and joiners) at the very start, which have no character to attach
 * to: string-width counts such a grapheme 0 but Ink gives it a cell, so a row would be wider on
 * screen than measured. (Elsewhere a mark always attaches to the character before it, once the
 * sanitiser has removed controls and format characters.)
 */
export function dropLeadingMarks(s: string): string {
	const m = LEADING_MARKS.exec(s);
	return m ? s.slice(m[0].length) : s;
}
