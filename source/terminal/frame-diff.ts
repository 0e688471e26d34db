/**
 * Writes frames to a full-screen terminal by rewriting only what changed.
 *
 * Ink's own incremental renderer rewrites every line that changed in full (a selection move in
 * a 120-column list costs three whole lines) and a list that scrolls by one row rewrites every
 * visible row. This writer keeps what is on the screen and, for each new frame:
 *
 * - moves a block of lines that the frame shows shifted by one to three rows with the
 *   terminal's own scrolling (a scroll region and line feeds or reverse index, VT100), so a
 *   list scrolling by a row costs one new row, not a screenful;
 * - rewrites, in each changed line, only the runs of columns that differ (with absolute cursor
 *   positioning, so nothing depends on where the cursor was), with one SGR sequence per change
 *   of style, and clears to the end of a line that became shorter.
 *
 * Frame lines map to screen rows from the top (berth runs on the alternate screen).
 */
import {type CellLine, parseCellLine} from './cell-line.js';

/** Unchanged columns between two changed runs that are rewritten rather than skipped (a cursor move costs about as much). */
const MERGE_GAP = 6;
/** The largest shift that scrolling handles, and how many moved lines make it worth it. */
const MAX_SHIFT = 3;
const MIN_MOVED = 3;

const blankLine: CellLine = {chars: [], styles: [], blankFrom: 0};

function move(row: number, column: number): string {
	return `\u001B[${row + 1};${column + 1}H`;
}

function sgr(style: string): string {
	return style === '' ? '\u001B[0m' : `\u001B[0;${style}m`;
}

interface Shift {
	/** First and last screen row (0-based) of the scroll region. */
	top: number;
	bottom: number;
	/** Positive: contents move up by this many rows; negative: down. */
	by: number;
}

/**
 * The block of lines that `next` shows shifted against `previous`, when scrolling it is
 * worth it: at least MIN_MOVED lines that are not already in place.
 */
export function findShift(previous: readonly string[], next: readonly string[]): Shift | undefined {
	let best: (Shift & {score: number}) | undefined;
	for (let k = 1; k <= MAX_SHIFT; k++) {
		for (const by of [k, -k]) {
			let start = -1;
			let score = 0;
			const close = (end: number) => {
				// Lines start..end-1 of `next` equal lines start+by..end-1+by of `previous`.
				if (start >= 0 && score >= MIN_MOVED && (!best || score > best.score)) {
					best =
						by > 0
							? {top: start, bottom: end - 1 + by, by, score}
							: {top: start + by, bottom: end - 1, by, score};
				}
				start = -1;
				score = 0;
			};
			for (let i = 0; i < next.length; i++) {
				const j = i + by;
				if (j >= 0 && j < previous.length && next[i] === previous[j]) {
					if (start < 0) start = i;
					if (next[i] !== previous[i]) score++;
				} else close(i);
			}
			close(next.length);
		}
	}
	if (!best) return undefined;
	const {top, bottom, by} = best;
	return {top, bottom, by};
}

/** The terminal's size when a frame is written (unknown: no check). */
export interface ScreenSize {
	columns: number;
	rows: number;
}

export class FrameDiff {
	private lines: string[] = [];
	private cells: Array<CellLine | undefined> = [];
	private valid = false;
	private size: ScreenSize | undefined;

	/** What is on the screen is unknown (cleared, resized, used by another program): the next frame repaints it all. */
	invalidate(): void {
		this.valid = false;
	}

	/**
	 * The bytes that turn the screen from the last frame into `frame` (lines without line
	 * breaks), on a terminal of `size`. A frame laid out for another size (rendered just before a
	 * resize, written just after) wraps on the terminal, so what the screen shows is no longer
	 * known: the next frame repaints everything. So does a frame after the size changed.
	 */
	render(frame: readonly string[], size?: ScreenSize): string {
		if (!this.valid || (size && this.size && (size.columns !== this.size.columns || size.rows !== this.size.rows))) {
			this.size = size;
			const out = this.repaint(frame);
			if (size) {
				this.cells = frame.map(line => parseCellLine(line));
				if (!fits(this.cells as CellLine[], size)) this.valid = false;
			}
			return out;
		}
		let out = '';
		const shift = findShift(this.lines, frame);
		if (shift) out += this.scroll(shift);
		let style = '';
		const rows = Math.max(frame.length, this.lines.length);
		for (let row = 0; row < rows; row++) {
			const next = frame[row];
			const previous = this.lines[row];
			if (next === previous) continue;
			if (next === undefined) {
				if (style !== '') out += sgr((style = ''));
				out += `${move(row, 0)}\u001B[2K`;
				continue;
			}
			const before = previous === undefined ? blankLine : (this.cells[row] ??= parseCellLine(previous));
			const after = parseCellLine(next);
			const written = writeChanges(row, before, after, style);
			out += written.out;
			style = written.style;
			this.cells[row] = after;
		}
		if (style !== '') out += sgr('');
		this.lines = [...frame];
		this.cells.length = frame.length;
		if (size && !fits(frame.map((line, row) => (this.cells[row] ??= parseCellLine(line))), size)) this.valid = false;
		return out;
	}

	private repaint(frame: readonly string[]): string {
		let out = '\u001B[0m\u001B[H\u001B[2J';
		frame.forEach((line, row) => {
			if (line !== '') out += `${move(row, 0)}${line}\u001B[0m`;
		});
		this.lines = [...frame];
		this.cells = [];
		this.valid = true;
		return out;
	}

	/** Scrolls the region on the screen and in the model of it. */
	private scroll({top, bottom, by}: Shift): string {
		let out = `\u001B[${top + 1};${bottom + 1}r`;
		const lines = this.lines.slice();
		const cells = this.cells.slice();
		while (lines.length <= bottom) lines.push('');
		if (by > 0) {
			out += move(bottom, 0) + '\n'.repeat(by);
			for (let row = top; row <= bottom; row++) {
				const from = row + by;
				lines[row] = from <= bottom ? this.lines[from] ?? '' : '';
				cells[row] = from <= bottom ? this.cells[from] : blankLine;
			}
		} else {
			out += move(top, 0) + '\u001BM'.repeat(-by);
			for (let row = bottom; row >= top; row--) {
				const from = row + by;
				lines[row] = from >= top ? this.lines[from] ?? '' : '';
				cells[row] = from >= top ? this.cells[from] : blankLine;
			}
		}
		this.lines = lines;
		this.cells = cells;
		return `${out}\u001B[r`;
	}
}

function fits(lines: readonly CellLine[], size: ScreenSize): boolean {
	return lines.length <= size.rows && lines.every(line => line.chars.length <= size.columns);
}

function same(a: CellLine, b: CellLine, column: number): boolean {
	return (a.chars[column] ?? ' ') === (b.chars[column] ?? ' ') && (a.styles[column] ?? '') === (b.styles[column] ?? '');
}

/** The bytes that rewrite the changed columns of one row; `style` is the SGR in force before and after. */
function writeChanges(row: number, before: CellLine, after: CellLine, style: string): {out: string; style: string} {
	const width = Math.max(before.chars.length, after.chars.length);
	let out = '';
	let column = 0;
	while (column < width) {
		if (same(before, after, column)) {
			column++;
			continue;
		}
		let start = column;
		let end = column + 1;
		let gap = 0;
		for (let c = end; c < width; c++) {
			if (same(before, after, c)) {
				if (++gap > MERGE_GAP) break;
			} else {
				gap = 0;
				end = c + 1;
			}
		}
		// Never start or stop inside a wide character, on either screen: writing half of one
		// makes the terminal erase the other half.
		while (start > 0 && (before.chars[start] === '' || after.chars[start] === '')) start--;
		while (end < width && (before.chars[end] === '' || after.chars[end] === '')) end++;
		out += move(row, start);
		for (let c = start; c < end; c++) {
			if (c >= after.blankFrom) {
				// The rest of the new line is blank: clear it, whatever the old line held there.
				if (style !== '') out += sgr((style = ''));
				out += '\u001B[K';
				end = width;
				break;
			}
			const ch = after.chars[c] ?? ' ';
			if (ch === '') continue;
			const cellStyle = after.styles[c] ?? '';
			if (cellStyle !== style) out += sgr((style = cellStyle));
			out += ch;
		}
		column = end;
	}
	return {out, style};
}
