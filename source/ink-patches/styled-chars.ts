/**
 * The two steps of Ink's Output that profiles of a log flood had at the top (about a third of
 * berth's CPU there): turning a line of styled text into cells (`tokenize` +
 * `styledCharsFromTokens` of @alcalzone/ansi-tokenize) and a row of cells back into text
 * (`styledCharsToString`). The package walks every line with `Intl.Segmenter` (about 100 µs for
 * a log line here) and compares the styles of every pair of neighbouring cells.
 *
 * Same results, faster for the lines a screen of berth's is made of:
 *
 * - styledCharsOf(): a line of SGR sequences (`ESC [ digits/; m`) and characters that are a
 *   grapheme of their own whatever comes next to them (printable ASCII and the Latin, arrow,
 *   box-drawing, shape and symbol blocks berth draws with: Unicode's grapheme break property
 *   "Other", none of them a surrogate) is read by char code, one cell per character, with the
 *   package's own width flag for it; so the cells are the package's. Cells with the same
 *   styles share one styles array (the package copies it per cell; nothing changes a cell's
 *   styles). Any other character or escape leaves the whole line to the package.
 * - charsToString(): neighbours whose styles are the same array need no codes between them
 *   (the package's diff of a style set with itself is empty); other pairs go through the
 *   package's own diff.
 *
 * test/unit/styled-chars.test.ts compares both with the package on random lines.
 */
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode, type StyledChar} from '@alcalzone/ansi-tokenize';
import {BoundedCache} from '../text/bounded-cache.js';

const ESC = 0x1b;
const LEFT_BRACKET = 0x5b;
const LETTER_M = 0x6d;
const SEMICOLON = 0x3b;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** The styles of an unstyled cell; shared, never changed. */
export const noStyles: AnsiCode[] = [];

/** One SGR sequence's codes, split as the package splits compound ones ("1;31" is two codes). */
const sgrTokens = new BoundedCache<string, AnsiCode[]>(256);

function tokensOf(sequence: string): AnsiCode[] {
	return sgrTokens.get(sequence, text => tokenize(text).filter((token): token is AnsiCode => token.type === 'ansi'));
}

/**
 * Whether the UTF-16 unit `code` is a character that is one grapheme whatever surrounds it: not
 * a control, surrogate, combining mark, joiner, variation selector, prepend or Hangul jamo.
 */
function standsAlone(code: number): boolean {
	if (code < 0x7f) return code >= 0x20;
	return (
		(code >= 0xa0 && code <= 0x2ff && code !== 0xad) || // Latin-1, Latin Extended A/B, IPA, spacing modifiers
		(code >= 0x2010 && code <= 0x2027) || // dashes, quotes, bullets, ellipsis
		(code >= 0x2030 && code <= 0x205e) ||
		(code >= 0x2190 && code <= 0x23ff) || // arrows, operators, technical
		(code >= 0x2500 && code <= 0x27bf) // box drawing, blocks, shapes, symbols, dingbats
	);
}

/** Unstyled cells, one object per character (cells are never changed). */
const plainCells = new Map<number, StyledChar>();
/** The package's width flag for a character that stands alone. */
const fullWidths = new Map<number, boolean>();

function fullWidthOf(code: number): boolean {
	if (code < 0x7f) return false;
	let wide = fullWidths.get(code);
	if (wide === undefined) {
		const [token] = tokenize(String.fromCharCode(code));
		wide = token?.type === 'char' && token.fullWidth;
		fullWidths.set(code, wide);
	}
	return wide;
}

function cellOf(code: number, styles: AnsiCode[]): StyledChar {
	if (styles !== noStyles) return {type: 'char', value: String.fromCharCode(code), fullWidth: fullWidthOf(code), styles};
	let cell = plainCells.get(code);
	if (!cell) {
		cell = {type: 'char', value: String.fromCharCode(code), fullWidth: fullWidthOf(code), styles: noStyles};
		plainCells.set(code, cell);
	}
	return cell;
}

/** The index of the `m` ending the SGR sequence at `at` (`ESC [` there), or -1 if it is not one. */
function sgrEnd(line: string, at: number): number {
	for (let i = at + 2; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === LETTER_M) return i;
		if (code !== SEMICOLON && (code < DIGIT_0 || code > DIGIT_9)) return -1;
	}
	return -1;
}

/** Characters that stand alone and SGR, read by char code; undefined for anything else (left to the package). */
function simpleCells(line: string): StyledChar[] | undefined {
	const cells: StyledChar[] = [];
	let codes: AnsiCode[] = noStyles;
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (standsAlone(code)) {
			cells.push(cellOf(code, codes));
			continue;
		}
		if (code !== ESC || line.charCodeAt(i + 1) !== LEFT_BRACKET) return undefined;
		const end = sgrEnd(line, i);
		if (end === -1) return undefined;
		const next = reduceAnsiCodesIncremental(codes, tokensOf(line.slice(i, end + 1)));
		codes = next.length === 0 ? noStyles : next;
		i = end;
	}
	return cells;
}

/** A line's cells, as `styledCharsFromTokens(tokenize(line))` makes them. */
export function styledCharsOf(line: string): StyledChar[] {
	return simpleCells(line) ?? styledCharsFromTokens(tokenize(line));
}

/** A row's text, as `styledCharsToString(cells)` writes it. */
export function charsToString(cells: readonly StyledChar[]): string {
	let text = '';
	let previous: AnsiCode[] | undefined;
	for (const cell of cells) {
		const {styles} = cell;
		if (previous === undefined) text += ansiCodesToString(styles);
		else if (styles !== previous && (styles.length > 0 || previous.length > 0)) text += ansiCodesToString(diffAnsiCodes(previous, styles));
		text += cell.value;
		previous = styles;
	}
	if (previous !== undefined && previous.length > 0) text += ansiCodesToString(diffAnsiCodes(previous, []));
	return text;
}
