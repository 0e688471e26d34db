/**
 * The part of a line being edited that is drawn in a prompt's cells: the graphemes around the
 * cursor that fit, with "…" on a side where the line goes on. The walk starts at the cursor and
 * stops at the edge of the room, measuring each grapheme it shows once: the cost is in
 * proportion to what is shown, whatever the length of the line (a 100 KB paste included).
 */
import {eachGrapheme, eachGraphemeBackward, graphemeEnd} from '../text/graphemes.js';
import {ELLIPSIS} from '../text/width.js';
import type {LineState} from './line-editor.js';

export interface LineWindow {
	/** What is drawn before the cursor cell ("…" first when the line goes on to the left). */
	before: string;
	/** The cursor cell: the grapheme under the cursor, or a space at the end. */
	at: string;
	/** What is drawn after it ("…" last when the line goes on to the right). */
	after: string;
}

const MASK = '•';

/**
 * The graphemes from the cursor outwards (`walk` visits them nearest first) that fit in `room`
 * columns, with "…" taking a column when not all of them fit: the span of those kept, how many,
 * whether the line was cut there, and the columns used (the mark included).
 */
function fitSide(
	value: string,
	room: number,
	walk: (visit: (start: number, end: number) => boolean) => void,
	measure: (s: string) => number,
	mask: boolean,
): {from: number; to: number; count: number; cut: boolean; used: number} {
	const kept: Array<{start: number; end: number; width: number}> = [];
	let used = 0;
	let cut = false;
	walk((start, end) => {
		const width = mask ? 1 : Math.max(1, measure(value.slice(start, end)));
		if (used + width > room) {
			cut = true;
			return false;
		}
		used += width;
		kept.push({start, end, width});
		return true;
	});
	if (cut && room >= 1) {
		// Give back graphemes, the farthest first, until the mark fits too.
		while (kept.length > 0 && used + 1 > room) used -= kept.pop()!.width;
		used += 1;
	}
	const from = Math.min(...kept.map(g => g.start));
	const to = Math.max(...kept.map(g => g.end));
	return kept.length === 0 ? {from: 0, to: 0, count: 0, cut: cut && room >= 1, used} : {from, to, count: kept.length, cut: cut && room >= 1, used};
}

/**
 * The line as drawn in `width` cells: the part around the cursor that fits, split at the cursor
 * so the view can draw the cursor cell. The text before the cursor has the room first (the
 * cursor stays in view), keeping one cell for what follows when something does. `mask` draws
 * every grapheme as `•` (secret fields).
 */
export function visibleLine(line: LineState, width: number, measure: (s: string) => number, mask = false): LineWindow {
	const {value, cursor} = line;
	const atEnd = cursor < value.length ? graphemeEnd(value, cursor) : cursor;
	const at = cursor < value.length ? (mask ? MASK : value.slice(cursor, atEnd)) : ' ';
	const room = Math.max(1, width) - (mask ? 1 : Math.max(1, measure(at)));
	const more = atEnd < value.length;
	const text = (side: {from: number; to: number; count: number}) => (mask ? MASK.repeat(side.count) : value.slice(side.from, side.to));

	const left = fitSide(value, Math.max(0, room - (more ? 1 : 0)), visit => eachGraphemeBackward(value, cursor, visit), measure, mask);
	const before = (left.cut ? ELLIPSIS : '') + text(left);
	const right = more ? fitSide(value, Math.max(0, room - left.used), visit => eachGrapheme(value, atEnd, visit), measure, mask) : undefined;
	const after = right ? text(right) + (right.cut ? ELLIPSIS : '') : '';
	return {before, at, after};
}
