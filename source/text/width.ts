/**
 * Terminal display width of text, and width-aware truncation and padding for table cells.
 *
 * The model is the usual wcwidth one, kept small: East Asian Wide and Fullwidth characters
 * and emoji with emoji presentation take two columns; combining marks, format characters
 * (zero-width space, joiners, bidi controls), variation selectors and control characters
 * take none; everything else, including East Asian "ambiguous" characters such as `…`, `●`
 * and `■`, takes one. A few sequences are recognised so the common cases agree with
 * terminals: a pair of regional indicators (a flag) is two columns, a narrow pictograph
 * followed by VS16 (U+FE0F) is two, and a pictograph after a zero-width joiner adds nothing.
 */

/** The character used to mark truncated text. One column wide. */
export const ELLIPSIS = '…';

/** Sorted, non-overlapping [first, last] code point ranges that are two columns wide. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
	[0x1100, 0x115f], // Hangul Jamo initial consonants
	[0x231a, 0x231b],
	[0x2329, 0x232a],
	[0x23e9, 0x23ec],
	[0x23f0, 0x23f0],
	[0x23f3, 0x23f3],
	[0x25fd, 0x25fe],
	[0x2614, 0x2615],
	[0x2648, 0x2653],
	[0x267f, 0x267f],
	[0x2693, 0x2693],
	[0x26a1, 0x26a1],
	[0x26aa, 0x26ab],
	[0x26bd, 0x26be],
	[0x26c4, 0x26c5],
	[0x26ce, 0x26ce],
	[0x26d4, 0x26d4],
	[0x26ea, 0x26ea],
	[0x26f2, 0x26f3],
	[0x26f5, 0x26f5],
	[0x26fa, 0x26fa],
	[0x26fd, 0x26fd],
	[0x2705, 0x2705],
	[0x270a, 0x270b],
	[0x2728, 0x2728],
	[0x274c, 0x274c],
	[0x274e, 0x274e],
	[0x2753, 0x2755],
	[0x2757, 0x2757],
	[0x2795, 0x2797],
	[0x27b0, 0x27b0],
	[0x27bf, 0x27bf],
	[0x2b1b, 0x2b1c],
	[0x2b50, 0x2b50],
	[0x2b55, 0x2b55],
	[0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
	[0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
	[0x3400, 0x4dbf], // CJK extension A
	[0x4e00, 0x9fff], // CJK unified ideographs
	[0xa000, 0xa4cf], // Yi
	[0xa960, 0xa97f], // Hangul Jamo extended A
	[0xac00, 0xd7a3], // Hangul syllables
	[0xf900, 0xfaff], // CJK compatibility ideographs
	[0xfe10, 0xfe19], // vertical forms
	[0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
	[0xff00, 0xff60], // fullwidth forms
	[0xffe0, 0xffe6],
	[0x16fe0, 0x16fe4],
	[0x17000, 0x18cff], // Tangut, Khitan
	[0x1aff0, 0x1b2ff], // Kana supplement and extensions, Nushu
	[0x1f004, 0x1f004],
	[0x1f0cf, 0x1f0cf],
	[0x1f18e, 0x1f18e],
	[0x1f191, 0x1f19a],
	[0x1f1e6, 0x1f1ff], // regional indicators (paired into flags below)
	[0x1f200, 0x1f202],
	[0x1f210, 0x1f23b],
	[0x1f240, 0x1f248],
	[0x1f250, 0x1f251],
	[0x1f260, 0x1f265],
	[0x1f300, 0x1f320],
	[0x1f32d, 0x1f335],
	[0x1f337, 0x1f37c],
	[0x1f37e, 0x1f393],
	[0x1f3a0, 0x1f3ca],
	[0x1f3cf, 0x1f3d3],
	[0x1f3e0, 0x1f3f0],
	[0x1f3f4, 0x1f3f4],
	[0x1f3f8, 0x1f43e],
	[0x1f440, 0x1f440],
	[0x1f442, 0x1f4fc],
	[0x1f4ff, 0x1f53d],
	[0x1f54b, 0x1f54e],
	[0x1f550, 0x1f567],
	[0x1f57a, 0x1f57a],
	[0x1f595, 0x1f596],
	[0x1f5a4, 0x1f5a4],
	[0x1f5fb, 0x1f64f],
	[0x1f680, 0x1f6c5],
	[0x1f6cc, 0x1f6cc],
	[0x1f6d0, 0x1f6d2],
	[0x1f6d5, 0x1f6d8],
	[0x1f6dc, 0x1f6df],
	[0x1f6eb, 0x1f6ec],
	[0x1f6f4, 0x1f6fc],
	[0x1f7e0, 0x1f7eb],
	[0x1f7f0, 0x1f7f0],
	[0x1f90c, 0x1f93a],
	[0x1f93c, 0x1f945],
	[0x1f947, 0x1f9ff],
	[0x1fa70, 0x1faff], // symbols and pictographs extended A
	[0x20000, 0x2fffd], // CJK extensions B..F, compatibility supplement
	[0x30000, 0x3fffd], // CJK extensions G, H
];

const ZERO_WIDTH_RE = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const PICTOGRAPHIC_RE = /^\p{Extended_Pictographic}$/u;

function inWide(cp: number): boolean {
	let lo = 0;
	let hi = WIDE.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const range = WIDE[mid];
		if (cp < range[0]) hi = mid - 1;
		else if (cp > range[1]) lo = mid + 1;
		else return true;
	}
	return false;
}

/**
 * Columns one code point takes on its own: 0 for controls, combining marks, format
 * characters and Hangul medial/final Jamo; 2 for wide, fullwidth and emoji-presentation
 * characters; 1 otherwise.
 */
export function charWidth(cp: number): 0 | 1 | 2 {
	if (cp < 0x300) {
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
		if (cp === 0xad) return 0; // soft hyphen
		return 1;
	}
	if (cp >= 0x1160 && cp <= 0x11ff) return 0;
	if (cp >= 0xd800 && cp <= 0xdfff) return 1; // a lone surrogate renders as U+FFFD
	if (inWide(cp)) return 2;
	if (ZERO_WIDTH_RE.test(String.fromCodePoint(cp))) return 0;
	return 1;
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
 * Walks a string code point by code point, calling `visit(index, end, width)` with the
 * columns each code point adds in context (see the module comment for the sequences that
 * are recognised). `visit` returns false to stop.
 */
function walk(s: string, visit: (index: number, end: number, width: number) => boolean): void {
	let prevCp = -1;
	let prevWidth = 0;
	let pendingRegional = false;
	for (let i = 0; i < s.length; ) {
		const cp = s.codePointAt(i)!;
		const end = i + (cp > 0xffff ? 2 : 1);
		let w: number = charWidth(cp);
		if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
			// Regional indicators: the first of a pair takes the two columns of the flag.
			w = pendingRegional ? 0 : 2;
			pendingRegional = !pendingRegional;
		} else {
			pendingRegional = false;
			if (cp === 0xfe0f && prevWidth === 1 && PICTOGRAPHIC_RE.test(String.fromCodePoint(prevCp))) {
				w = 1; // VS16 turns a narrow pictograph into a two-column emoji
			} else if (prevCp === 0x200d && w > 0 && PICTOGRAPHIC_RE.test(String.fromCodePoint(cp))) {
				w = 0; // joined into the preceding emoji
			}
		}
		if (!visit(i, end, w)) return;
		prevCp = cp;
		prevWidth = w;
		i = end;
	}
}

/** Number of terminal columns `s` occupies. Expects sanitised text (controls count 0). */
export function stringWidth(s: string): number {
	if (isPrintableAscii(s)) return s.length;
	let total = 0;
	walk(s, (_i, _end, w) => {
		total += w;
		return true;
	});
	return total;
}

/**
 * Cuts `s` to at most `width` columns. Text that does not fit ends with "…" (which takes one
 * column); a wide character is never split, so the result may be one column narrower than
 * `width`. Zero-width marks stay with the character they follow. `width` ≤ 0 gives "".
 */
export function truncate(s: string, width: number): string {
	if (width <= 0) return '';
	if (isPrintableAscii(s)) return s.length <= width ? s : s.slice(0, width - 1) + ELLIPSIS;
	if (stringWidth(s) <= width) return s;
	const budget = width - 1;
	let used = 0;
	let cut = 0;
	walk(s, (_i, end, w) => {
		if (used + w > budget) return false;
		used += w;
		cut = end;
		return true;
	});
	return s.slice(0, cut) + ELLIPSIS;
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
