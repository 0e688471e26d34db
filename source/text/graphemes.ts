/**
 * Grapheme-level clean-up for the sanitiser (sanitize.ts): what is left of zero-width
 * characters once controls are gone, and cutting text between graphemes.
 */

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/** A code point that may make up a grapheme of no width (string-width's test, negated). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;

/**
 * Removes graphemes that take no column: a combining mark or joiner with nothing before it to
 * attach to (at the start, or after a removed control). string-width counts them 0 but Ink
 * gives every grapheme at least one cell, so left in they would make a row wider on screen
 * than it was measured.
 */
export function dropZeroWidthGraphemes(s: string): string {
	if (!INVISIBLE.test(s)) return s;
	let out = '';
	let kept = 0;
	for (const {segment, index} of segmenter.segment(s)) {
		if (VISIBLE.test(segment)) continue;
		out += s.slice(kept, index);
		kept = index + segment.length;
	}
	return kept === 0 ? s : out + s.slice(kept);
}

const isJoiner = (c: number) => c === 0x200c || c === 0x200d;
const isBlank = (c: number) => c === 0x20 || c === 0x21b5 || c === 0x3000;

/**
 * Keeps a run of zero-width joiners/non-joiners only between two characters it can join:
 * one at the end, before a space or after one is dropped (it would only hide in the text).
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

/** The last grapheme boundary at or before `at` (a code point boundary when graphemes are huge). */
export function graphemeBoundaryBefore(s: string, at: number): number {
	if (at <= 0) return 0;
	const from = Math.max(0, at - 64);
	let boundary = from;
	for (const {index} of segmenter.segment(s.slice(from, at + 64))) {
		if (from + index > at) break;
		boundary = from + index;
	}
	if (boundary === from && from > 0) {
		const c = s.charCodeAt(at - 1);
		return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
	}
	return boundary;
}
