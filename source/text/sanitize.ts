/**
 * Neutralises untrusted text (container names, labels, env, log lines, engine messages)
 * before it reaches the terminal.
 *
 * A container can write anything to its log, and anyone who can create a container can choose
 * its name and labels. Passed through verbatim, that text could move the cursor, clear the
 * screen, retitle the window, set the clipboard (OSC 52), switch to the alternate screen,
 * fake hyperlinks, reorder text with bidi overrides, or hide characters. The functions here
 * reduce it to one line of printable characters with no escape or control sequences at all
 * (colours included: berth colours lines itself).
 *
 * The work is one hand-written left-to-right scan: linear in the input, no regular
 * expressions, so hostile input (a 100 KB line of escape sequences, an unterminated OSC)
 * costs no more than ordinary text. Output is capped, and once the cap is reached the rest of
 * the input is only scanned, not copied.
 */
import {boundaryAtOrBefore, dropLeadingMarks, dropLooseJoiners} from './graphemes.js';
import {isPrintableAscii, measureWidth} from './width.js';

/** Options for `sanitizeLine` and `sanitizeInline`. */
export interface SanitizeOptions {
	/** Columns between tab stops (1–64); a tab becomes the spaces up to the next stop. */
	tabWidth?: number;
	/** Longest result in UTF-16 code units, "…" included. Longer text is cut and ends with "…". */
	maxLength?: number;
	/** What a line break inside the text becomes (`sanitizeLine`: "↵", `sanitizeInline`: " "). */
	newline?: string;
}

/** Default `maxLength` of `sanitizeLine`. */
export const MAX_LINE_LENGTH = 4096;
/** Default `maxLength` of `sanitizeInline`. */
export const MAX_INLINE_LENGTH = 256;
/** What `sanitizeLine` shows for a line break inside a line. */
export const NEWLINE_MARK = '↵';

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const C1_ST = 0x9c;

/**
 * Format and invisible characters that are dropped: bidi embeddings, overrides, isolates and
 * marks (they reorder or disguise text); zero-width space, word joiner, invisible operators,
 * BOM, soft hyphen, Mongolian vowel separator, interlinear annotation controls, Hangul fillers
 * (blank but not spaces), the Unicode tag characters (invisible ASCII), and every other format
 * character. The zero-width joiner and non-joiner (U+200D, U+200C) are kept: they are part of
 * how emoji sequences, Indic conjuncts and Persian words are written; one that joins nothing is
 * dropped afterwards (graphemes.ts: dropLooseJoiners).
 */
function isDroppedFormat(cp: number): boolean {
	if (cp < 0xad) return false;
	if (cp < 0x10000) {
		let known = dropped[cp]!;
		if (known === 0) known = dropped[cp] = isInvisible(cp) ? 1 : 2;
		return known === 1;
	}
	return isInvisible(cp);
}

/** Per BMP code unit: 0 not looked at yet, 1 dropped, 2 kept. */
const dropped = new Uint8Array(0x10000);
const FORMAT = /^\p{Cf}$/u;
const UNASSIGNED_IGNORABLE = /^(?=\p{Cn})\p{Default_Ignorable_Code_Point}$/u;

/**
 * The characters named above, every other format character (they have no width and some,
 * like the musical and hieroglyph format controls, stand alone as a zero-width grapheme), and
 * unassigned default-ignorable code points (shown as nothing).
 */
function isInvisible(cp: number): boolean {
	if (cp === 0x200c || cp === 0x200d) return false;
	if (
		cp === 0xad ||
		cp === 0x115f ||
		cp === 0x1160 ||
		cp === 0x3164 ||
		cp === 0xffa0 ||
		(cp >= 0x2060 && cp <= 0x206f) ||
		(cp >= 0xfff9 && cp <= 0xfffb) ||
		(cp >= 0xe0000 && cp <= 0xe007f)
	) {
		return true;
	}
	const ch = String.fromCodePoint(cp);
	return FORMAT.test(ch) || UNASSIGNED_IGNORABLE.test(ch);
}

/** Index just past a CSI sequence whose parameters start at `j` (the introducer already skipped). */
function skipCsi(s: string, j: number): number {
	const n = s.length;
	// Parameter (0x30–0x3F, including private markers like '?') and intermediate (0x20–0x2F) bytes.
	while (j < n) {
		const c = s.charCodeAt(j);
		if (c < 0x20 || c > 0x3f) break;
		j++;
	}
	// The final byte. Anything else ends the sequence there and is processed as ordinary input.
	if (j < n) {
		const c = s.charCodeAt(j);
		if (c >= 0x40 && c <= 0x7e) j++;
	}
	return j;
}

/**
 * Index just past a control string (OSC, DCS, SOS, PM, APC) whose body starts at `j`: it ends
 * at BEL, at ST (ESC \ or U+009C), or at CAN/SUB (which cancel it); an ESC not followed by
 * "\" aborts it and is processed as the start of a new sequence; an unterminated string
 * runs to the end of the text.
 */
function skipString(s: string, j: number): number {
	const n = s.length;
	while (j < n) {
		const c = s.charCodeAt(j);
		if (c === BEL || c === C1_ST || c === CAN || c === SUB) return j + 1;
		if (c === ESC) return s.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
		j++;
	}
	return n;
}

function sanitize(s: string, tabWidth: number, maxLength: number, newline: string): string {
	maxLength = Math.floor(maxLength);
	if (!(maxLength > 0)) return '';
	if (s.length <= maxLength && isPrintableAscii(s)) return s;
	const tw = Math.min(64, Math.max(1, Math.floor(tabWidth) || 1));

	const out: string[] = [];
	let len = 0; // code units in `out`
	let overflow = false; // text was dropped because the cap was reached
	// The display column is worked out only where a tab needs it: `col` is the column after
	// the first `colParts` parts of `out`.
	let col = 0;
	let colParts = 0;
	// Where the current line (after the last line break) starts, for carriage returns.
	let lineParts = 0;
	let lineLen = 0;
	let lineOverflow = false;
	let pendingCr = false;
	let pendingNewlines = 0;

	const append = (text: string): void => {
		if (len <= maxLength) {
			out.push(text);
			len += text.length;
		} else {
			overflow = true;
		}
	};
	const column = (): number => {
		if (colParts < out.length) {
			col += measureWidth(out.slice(colParts).join(''));
			colParts = out.length;
		}
		return col;
	};
	// Called before visible text: a carriage return or line break only takes effect once
	// text follows it, so trailing ones vanish.
	const settle = (): void => {
		if (pendingNewlines > 0) {
			for (; pendingNewlines > 0; pendingNewlines--) append(newline);
			lineParts = out.length;
			lineLen = len;
			lineOverflow = overflow;
		}
		if (pendingCr) {
			if (colParts > lineParts) {
				column();
				col -= measureWidth(out.slice(lineParts).join(''));
				colParts = lineParts;
			}
			out.length = lineParts;
			len = lineLen;
			overflow = lineOverflow;
			pendingCr = false;
		}
	};

	const n = s.length;
	let i = 0;
	while (i < n) {
		const c = s.charCodeAt(i);
		if (c >= 0x20 && c < 0x7f) {
			settle();
			append(s[i]);
			i++;
			continue;
		}
		if (c < 0x20 || c === 0x7f) {
			if (c === ESC) {
				if (i + 1 >= n) {
					i = n; // lone ESC at the end
					continue;
				}
				const d = s.charCodeAt(i + 1);
				if (d === 0x5b) i = skipCsi(s, i + 2); // ESC [  CSI
				else if (d === 0x5d || d === 0x50 || d === 0x58 || d === 0x5e || d === 0x5f) {
					i = skipString(s, i + 2); // ESC ] OSC, ESC P DCS, ESC X SOS, ESC ^ PM, ESC _ APC
				} else if (d >= 0x20 && d <= 0x2f) {
					// ESC, intermediates, final byte: charset designations (ESC ( B), ESC # 8, ...
					let j = i + 1;
					while (j < n && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++;
					if (j < n && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x7e) j++;
					i = j;
				} else if (d >= 0x30 && d <= 0x7e) {
					i += 2; // two-character sequences: ESC c, ESC 7, ESC 8, ESC =, ESC M, ...
				} else {
					i += 1; // ESC before a control or non-ASCII character: drop the ESC alone
				}
			} else if (c === 0x0a) {
				pendingCr = false;
				pendingNewlines++;
				i++;
			} else if (c === 0x0d) {
				pendingCr = true;
				i++;
			} else if (c === 0x09) {
				settle();
				const spaces = tw - (column() % tw);
				append(' '.repeat(spaces));
				i++;
			} else {
				i++; // NUL, BEL, BS, VT, FF, SO, SI, DEL, ...
			}
			continue;
		}
		if (c <= 0x9f) {
			// 8-bit C1 controls, as they arrive once the log is decoded as UTF-8 or Latin-1.
			if (c === 0x9b) i = skipCsi(s, i + 1);
			else if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) i = skipString(s, i + 1);
			else i++;
			continue;
		}
		if (c >= 0xd800 && c <= 0xdfff) {
			const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
			if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
				const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
				if (!isDroppedFormat(cp)) {
					settle();
					append(s.slice(i, i + 2));
				}
				i += 2;
			} else {
				settle();
				append('\ufffd'); // lone surrogate: what an invalid UTF-8 sequence should have become
				i++;
			}
			continue;
		}
		if (c === 0x2028 || c === 0x2029) {
			pendingCr = false;
			pendingNewlines++;
		} else if (!isDroppedFormat(c)) {
			settle();
			append(s[i]);
		}
		i++;
	}

	let result = out.join('');
	if (!isPrintableAscii(result)) result = dropLeadingMarks(dropLooseJoiners(result));
	if (overflow || result.length > maxLength) result = result.slice(0, boundaryAtOrBefore(result, maxLength - 1)) + '…';
	return result;
}

/**
 * Reduces untrusted text to one printable line for a log or message view.
 *
 * - Every escape and control sequence is removed entirely: CSI (`ESC [`, including private
 *   modes like `ESC[?1049h` and all colours), OSC (`ESC ]` … BEL/ST, or to the end when
 *   unterminated; the visible text of an OSC 8 hyperlink is kept), DCS/SOS/PM/APC, two-byte
 *   escapes (`ESC c`, `ESC 7`), a lone ESC, and the 8-bit C1 forms (U+0080–U+009F; U+009B CSI
 *   and U+009D/U+0090/U+0098/U+009E/U+009F strings are removed with their parameters).
 * - Other C0 controls and DEL are removed.
 * - `\r`: only the text after the last carriage return that is followed by text is kept
 *   (within the current line), so "10%\r20%\r30%" gives "30%" and a trailing "\r" vanishes.
 * - `\t` becomes spaces up to the next tab stop (`tabWidth`, default 8; columns are display
 *   columns from the start of the result).
 * - A line break (`\n`, U+2028, U+2029) inside the text becomes the visible mark "↵"
 *   (`newline` option); line breaks at the end are dropped.
 * - Bidi overrides/isolates/marks, zero-width and other invisible format characters are
 *   removed; lone surrogates become U+FFFD.
 * - The result is at most `maxLength` (default 4096) UTF-16 code units, ending with "…" when cut.
 */
export function sanitizeLine(s: string, opts: SanitizeOptions = {}): string {
	return sanitize(s, opts.tabWidth ?? 8, opts.maxLength ?? MAX_LINE_LENGTH, opts.newline ?? NEWLINE_MARK);
}

/**
 * `sanitizeLine` for short fields (names, labels, image references, env values in a table):
 * line breaks become a space, a tab becomes one space (`tabWidth` default 1), and the result
 * is at most `maxLength` (default 256) code units.
 */
export function sanitizeInline(s: string, opts: SanitizeOptions = {}): string {
	return sanitize(s, opts.tabWidth ?? 1, opts.maxLength ?? MAX_INLINE_LENGTH, opts.newline ?? ' ');
}
