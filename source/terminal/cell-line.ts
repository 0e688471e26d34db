/**
 * One line of a rendered frame as terminal cells: what each column shows and in which style.
 * The frame writer (frame-diff.ts) compares two of these to rewrite only the columns that
 * changed.
 *
 * Ink's output holds text and SGR sequences (`ESC[...m`) only; any other escape sequence is
 * skipped, and control characters are dropped (berth's text is sanitised before it reaches
 * Ink, so none are expected).
 */
import {isPrintableAscii, stringWidth} from '../text/width.js';

export interface CellLine {
	/** The character (grapheme) at each column; '' for the second column of a wide character. */
	chars: string[];
	/** The canonical SGR parameters in force at each column ('' = default). */
	styles: string[];
	/** Columns from this one to the end are blank spaces in the default style. */
	blankFrom: number;
}

/** SGR flags that turn on with one code; the order here is the order of the canonical form. */
const flagCodes = [1, 2, 3, 4, 5, 7, 8, 9] as const;
const flagOff: Record<number, number[]> = {22: [1, 2], 23: [3], 24: [4], 25: [5], 27: [7], 28: [8], 29: [9]};

interface SgrState {
	flags: Set<number>;
	fg: string;
	bg: string;
}

function applySgr(state: SgrState, params: string): void {
	const parts = params === '' ? ['0'] : params.split(';');
	for (let i = 0; i < parts.length; i++) {
		const n = Number(parts[i] || '0');
		if (n === 0) {
			state.flags.clear();
			state.fg = '';
			state.bg = '';
		} else if ((flagCodes as readonly number[]).includes(n)) state.flags.add(n);
		else if (flagOff[n]) for (const f of flagOff[n]) state.flags.delete(f);
		else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) state.fg = String(n);
		else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) state.bg = String(n);
		else if (n === 39) state.fg = '';
		else if (n === 49) state.bg = '';
		else if (n === 38 || n === 48) {
			let value: string | undefined;
			if (parts[i + 1] === '5') {
				value = `${n};5;${parts[i + 2] ?? '0'}`;
				i += 2;
			} else if (parts[i + 1] === '2') {
				value = `${n};2;${parts[i + 2] ?? '0'};${parts[i + 3] ?? '0'};${parts[i + 4] ?? '0'}`;
				i += 4;
			}
			if (value !== undefined) {
				if (n === 38) state.fg = value;
				else state.bg = value;
			}
		}
	}
}

function canonical(state: SgrState): string {
	const parts: string[] = [];
	for (const f of flagCodes) if (state.flags.has(f)) parts.push(String(f));
	if (state.fg) parts.push(state.fg);
	if (state.bg) parts.push(state.bg);
	return parts.join(';');
}

let segmenter: Intl.Segmenter | undefined;

/** Splits one frame line (text and SGR sequences, no line breaks) into cells. */
export function parseCellLine(line: string): CellLine {
	const chars: string[] = [];
	const styles: string[] = [];
	const state: SgrState = {flags: new Set(), fg: '', bg: ''};
	let style = '';
	let i = 0;
	while (i < line.length) {
		if (line.charCodeAt(i) === 0x1b) {
			const kind = line[i + 1];
			if (kind === '[') {
				let j = i + 2;
				while (j < line.length && !(line.charCodeAt(j) >= 0x40 && line.charCodeAt(j) <= 0x7e)) j++;
				if (line[j] === 'm') {
					applySgr(state, line.slice(i + 2, j));
					style = canonical(state);
				}
				i = j + 1;
			} else if (kind === ']') {
				// An OSC (e.g. a hyperlink): skip to its terminator.
				const bel = line.indexOf('\u0007', i);
				const st = line.indexOf('\u001B\\', i + 2);
				const ends = [bel < 0 ? Infinity : bel + 1, st < 0 ? Infinity : st + 2];
				const end = Math.min(...ends);
				i = end === Infinity ? line.length : end;
			} else i += 2;
			continue;
		}
		let j = line.indexOf('\u001B', i);
		if (j < 0) j = line.length;
		const run = line.slice(i, j);
		if (isPrintableAscii(run)) {
			for (const ch of run) {
				chars.push(ch);
				styles.push(style);
			}
		} else {
			segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
			for (const {segment} of segmenter.segment(run)) {
				const code = segment.codePointAt(0)!;
				if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
				const width = stringWidth(segment);
				if (width === 0) {
					// A lone combining mark or format character: it belongs to the cell before.
					const last = chars.length - (chars.at(-1) === '' ? 2 : 1);
					if (last >= 0) chars[last] += segment;
					continue;
				}
				chars.push(segment);
				styles.push(style);
				if (width >= 2) {
					chars.push('');
					styles.push(style);
				}
			}
		}
		i = j;
	}
	let blankFrom = chars.length;
	while (blankFrom > 0 && chars[blankFrom - 1] === ' ' && styles[blankFrom - 1] === '') blankFrom--;
	return {chars, styles, blankFrom};
}
