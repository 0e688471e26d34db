/**
 * Terminal display width of text, and width-aware truncation and padding for table cells.
 *
 * There is one width model in berth: string-width's, which Ink uses to lay out and place text
 * (Ink measures each line with it and advances each grapheme by `max(1, width)`). berth used to
 * keep a table of its own here; it disagreed with Ink on about 1,700 code points (the Yijing
 * hexagrams U+4DC0–U+4DFF and trigrams are two columns in Unicode 16, skin-tone modifiers
 * join their emoji), so a row measured here as fitting overflowed on screen. Everything here
 * therefore measures with string-width, whole graphemes at a time: a ZWJ sequence (👨‍👩‍👧),
 * a flag, a base with its combining marks is one unit and is never split.
 *
 * Printable ASCII, most of what berth shows, is its own width and takes a fast path. So does
 * other text made only of characters that are each a grapheme on their own whatever surrounds
 * them (graphemes.ts): its width is the sum of theirs, from a table. Anything else goes to
 * string-width, remembered in a bounded cache (the render path is hot, and string-width and
 * Intl.Segmenter are slow: bench/micro/width.mjs has the numbers); text longer than
 * CACHED_LENGTH is summed grapheme by grapheme instead. Cutting and wrapping walk graphemes
 * lazily, so truncating a 32 KB line to a row costs a row's worth of work.
 */
import measure from 'string-width';
import {BoundedCache} from './bounded-cache.js';
import {eachGrapheme, standaloneWidth} from './graphemes.js';

export {standaloneWidth} from './graphemes.js';

/** The character used to mark truncated text. One column wide. */
export const ELLIPSIS = '…';

const widths = new BoundedCache<string, number>(4000);
/** Longer texts are summed grapheme by grapheme: the cache must not hold on to long log lines. */
const CACHED_LENGTH = 1024;

/** Entries in the width cache, and its limit (diagnostics, tests). */
export function widthCacheSize(): {size: number; limit: number} {
	return {size: widths.size, limit: widths.limit};
}

/** Whether `s` is only printable ASCII (each character one column wide). */
export function isPrintableAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || c > 0x7e) return false;
	}
	return true;
}

/**
 * Number of terminal columns `s` occupies, as string-width (and so Ink) measures it. ANSI
 * escape sequences take none; expects text without other controls (sanitised text).
 */
export function stringWidth(s: string): number {
	if (isPrintableAscii(s)) return s.length;
	const standalone = standaloneWidth(s);
	if (standalone >= 0) return standalone;
	return s.length > CACHED_LENGTH ? sumWidths(s) : widths.get(s, measure);
}

function sumWidths(s: string): number {
	let total = 0;
	eachGrapheme(s, 0, (start, end) => {
		total += end - start === 1 ? charWidth(s.charCodeAt(start)) : stringWidth(s.slice(start, end));
		return true;
	});
	return total;
}

/** `stringWidth` without the cache, for text measured once (a log line, say). */
export function measureWidth(s: string): number {
	if (isPrintableAscii(s)) return s.length;
	const standalone = standaloneWidth(s);
	return standalone >= 0 ? standalone : s.length > CACHED_LENGTH ? sumWidths(s) : measure(s);
}

/** Columns one code point takes on its own (string-width's measure of it alone): 0, 1 or 2. */
export function charWidth(cp: number): number {
	if (cp >= 0x20 && cp < 0x7f) return 1;
	return stringWidth(String.fromCodePoint(cp));
}

/** The grapheme clusters of `s` (user-perceived characters), in order. */
export function graphemes(s: string): string[] {
	if (isPrintableAscii(s)) return s.split('');
	const out: string[] = [];
	eachGrapheme(s, 0, (start, end) => {
		out.push(s.slice(start, end));
		return true;
	});
	return out;
}

/** Width of the grapheme s[start, end). */
function graphemeWidth(s: string, start: number, end: number): number {
	return end - start === 1 ? charWidth(s.charCodeAt(start)) : stringWidth(s.slice(start, end));
}

/**
 * The longest start of `s` from index `from` that fits in `width` columns, cut between
 * graphemes: [end index, columns used]. Looks no further than it needs to.
 */
export function fitPrefix(s: string, width: number, from = 0): [number, number] {
	if (isPrintableAscii(s)) {
		const end = Math.min(s.length, from + Math.max(0, width));
		return [end, end - from];
	}
	let used = 0;
	let end = from;
	eachGrapheme(s, from, (start, stop) => {
		const w = graphemeWidth(s, start, stop);
		if (used + w > width) return false;
		used += w;
		end = stop;
		return true;
	});
	return [end, used];
}

/**
 * Cuts `s` to at most `width` columns. Text that does not fit ends with "…" (which takes one
 * column); a grapheme (a wide character, an emoji sequence, a letter with its marks) is never
 * split, so the result may be one column narrower than `width`. `width` ≤ 0 gives "".
 */
export function truncate(s: string, width: number): string {
	if (width <= 0) return '';
	if (isPrintableAscii(s)) return s.length <= width ? s : s.slice(0, width - 1) + ELLIPSIS;
	if (s.length <= CACHED_LENGTH && stringWidth(s) <= width) return s;
	let used = 0;
	let cut = 0; // end of what fits in width - 1 columns
	let fits = true;
	eachGrapheme(s, 0, (start, end) => {
		used += graphemeWidth(s, start, end);
		if (used > width) {
			fits = false;
			return false;
		}
		if (used <= width - 1) cut = end;
		return true;
	});
	return fits ? s : s.slice(0, cut) + ELLIPSIS;
}

/** `s` truncated (see `truncate`) and padded with spaces on the right to exactly `width` columns. */
export function padEnd(s: string, width: number): string {
	const t = truncate(s, width);
	const w = stringWidth(t);
	return w >= width ? t : t + ' '.repeat(width - w);
}

/** `s` truncated (see `truncate`) and padded with spaces on the left to exactly `width` columns. */
export function padStart(s: string, width: number): string {
	const t = truncate(s, width);
	const w = stringWidth(t);
	return w >= width ? t : ' '.repeat(width - w) + t;
}

/** Horizontal alignment for `fit`. */
export type Align = 'left' | 'right' | 'center';

/**
 * `s` made exactly `width` columns wide: truncated with "…" when too wide, padded with spaces
 * when too narrow, aligned left (default), right or centre (extra space goes on the right).
 */
export function fit(s: string, width: number, align: Align = 'left'): string {
	if (width <= 0) return '';
	if (align === 'left') return padEnd(s, width);
	if (align === 'right') return padStart(s, width);
	const t = truncate(s, width);
	const gap = width - stringWidth(t);
	if (gap <= 0) return t;
	const left = gap >> 1;
	return ' '.repeat(left) + t + ' '.repeat(gap - left);
}
