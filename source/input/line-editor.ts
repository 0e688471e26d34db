/**
 * The line editor every text input uses (filters, searches, the commit, exec and save prompts,
 * every form's fields): a value and a cursor, edited by key names. Positions are in grapheme
 * clusters, so an emoji or a letter with its combining marks moves and deletes as one. A key
 * looks only around the cursor (graphemes.ts), never at the whole line: a pasted 100 KB line
 * costs a key no more than a short one. The window of the line that is drawn: line-window.ts.
 */
import {graphemeEnd, graphemeStartBefore} from '../text/graphemes.js';

export interface LineState {
	value: string;
	/** Cursor position as a UTF-16 offset into `value`, always on a grapheme boundary. */
	cursor: number;
	/**
	 * The value is what the prompt suggested (`sh`, a snapshot tag, a default path), not what was
	 * typed: the first text typed or pasted replaces it; an editing key (←, Backspace, …) keeps
	 * it as typed text and edits it.
	 */
	prefilled?: boolean;
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

/** A line with the cursor at its end. */
export function lineAtEnd(value: string): LineState {
	return {value, cursor: value.length};
}

/** A suggested value, cursor at its end: the first text typed replaces it (see LineState.prefilled). */
export function prefilledLine(value: string): LineState {
	return value === '' ? lineAtEnd('') : {value, cursor: value.length, prefilled: true};
}

/** Inserts text at the cursor (typed keys, or a paste taken literally); over a prefilled value, instead of it. */
export function insertText(line: LineState, text: string): LineState {
	if (text === '') return line;
	if (line.prefilled) return lineAtEnd(text);
	return {value: line.value.slice(0, line.cursor) + text + line.value.slice(line.cursor), cursor: line.cursor + text.length};
}

/** Applies an editing key. */
export function editLine(line: LineState, op: EditOp): LineState {
	const {value, cursor} = line;
	switch (op) {
		case 'left':
			return {value, cursor: graphemeStartBefore(value, cursor)};
		case 'right':
			return {value, cursor: graphemeEnd(value, cursor)};
		case 'home':
			return {value, cursor: 0};
		case 'end':
			return {value, cursor: value.length};
		case 'backspace': {
			if (cursor === 0) return line.prefilled ? {value, cursor} : line;
			const from = graphemeStartBefore(value, cursor);
			return {value: value.slice(0, from) + value.slice(cursor), cursor: from};
		}
		case 'delete': {
			if (cursor >= value.length) return line.prefilled ? {value, cursor} : line;
			return {value: value.slice(0, cursor) + value.slice(graphemeEnd(value, cursor)), cursor};
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
