/**
 * The line editor every text input uses (filters, searches, the commit, exec, save and run-form
 * prompts): a value and a cursor, edited by key names. Positions are in grapheme clusters, so
 * an emoji or a letter with its combining marks moves and deletes as one.
 */

export interface LineState {
	value: string;
	/** Cursor position as a UTF-16 offset into `value`, always on a grapheme boundary. */
	cursor: number;
}

export type EditOp =
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'backspace'
	| 'delete'
	| 'kill-to-start'
	| 'kill-to-end'
	| 'kill-word';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Grapheme boundaries of `s`, from 0 to its length. */
function boundaries(s: string): number[] {
	const out: number[] = [];
	for (const {index} of segmenter.segment(s)) out.push(index);
	out.push(s.length);
	return out;
}

function previousBoundary(s: string, at: number): number {
	let result = 0;
	for (const b of boundaries(s)) {
		if (b >= at) break;
		result = b;
	}
	return result;
}

function nextBoundary(s: string, at: number): number {
	for (const b of boundaries(s)) if (b > at) return b;
	return s.length;
}

/** A line with the cursor at its end. */
export function lineAtEnd(value: string): LineState {
	return {value, cursor: value.length};
}

/** Inserts text at the cursor (typed keys, or a paste taken literally). */
export function insertText(line: LineState, text: string): LineState {
	if (text === '') return line;
	return {value: line.value.slice(0, line.cursor) + text + line.value.slice(line.cursor), cursor: line.cursor + text.length};
}

/** Applies an editing key. */
export function editLine(line: LineState, op: EditOp): LineState {
	const {value, cursor} = line;
	switch (op) {
		case 'left':
			return {value, cursor: previousBoundary(value, cursor)};
		case 'right':
			return {value, cursor: nextBoundary(value, cursor)};
		case 'home':
			return {value, cursor: 0};
		case 'end':
			return {value, cursor: value.length};
		case 'backspace': {
			if (cursor === 0) return line;
			const from = previousBoundary(value, cursor);
			return {value: value.slice(0, from) + value.slice(cursor), cursor: from};
		}
		case 'delete': {
			if (cursor >= value.length) return line;
			return {value: value.slice(0, cursor) + value.slice(nextBoundary(value, cursor)), cursor};
		}
		case 'kill-to-start':
			return {value: value.slice(cursor), cursor: 0};
		case 'kill-to-end':
			return {value: value.slice(0, cursor), cursor};
		case 'kill-word': {
			// As in a shell: the spaces before the cursor, then the word before them.
			let from = cursor;
			while (from > 0 && /\s/.test(value[from - 1]!)) from--;
			while (from > 0 && !/\s/.test(value[from - 1]!)) from--;
			return {value: value.slice(0, from) + value.slice(cursor), cursor: from};
		}
	}
}

/**
 * The line as drawn in `width` cells: the part around the cursor that fits, split at the
 * cursor so the view can draw the cursor cell (the character under it, or a space at the end).
 * `mask` draws every character as `•` (secret fields).
 */
export function visibleLine(
	line: LineState,
	width: number,
	measure: (s: string) => number,
	mask = false,
): {before: string; at: string; after: string} {
	const shown = mask ? maskValue(line) : line;
	const {value, cursor} = shown;
	const atEnd = nextBoundary(value, cursor);
	let before = value.slice(0, cursor);
	const at = cursor < value.length ? value.slice(cursor, atEnd) : ' ';
	let after = value.slice(atEnd);
	const room = Math.max(1, width);
	// Keep the cursor in view: drop graphemes from the start of `before`, then the end of `after`.
	while (before !== '' && measure(before) + measure(at) > room) before = before.slice(nextBoundary(before, 0));
	while (after !== '' && measure(before) + measure(at) + measure(after) > room) after = after.slice(0, previousBoundary(after, after.length));
	return {before, at, after};
}

function maskValue(line: LineState): LineState {
	const graphemes = boundaries(line.value).length - 1;
	const beforeCursor = boundaries(line.value.slice(0, line.cursor)).length - 1;
	return {value: '•'.repeat(graphemes), cursor: beforeCursor};
}
