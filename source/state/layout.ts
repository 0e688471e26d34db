import type {PaneId, Slots} from './types.js';

/** Below this many rows berth shows one pane at a time (number keys and Tab switch). */
export const stackedMinRows = 30;

export interface Layout {
	mode: 'stacked' | 'single';
	width: number;
	/** Height of the root box: one row less than the terminal, so Ink never clears the screen. */
	height: number;
	/** Rows for the panes (everything but the status line, the help bar and, in single mode, the tab strip). */
	body: number;
	/** Each pane's rows (a pane not shown: absent, 0). */
	heights: Readonly<Record<PaneId, number>>;
}

/** How many rows the lists in the two slots hold (as shown: filtered). */
export interface ListCounts {
	top: number;
	middle: number;
}

/** The lists' share of the stacked body (the logs keep the rest), and the top slot's part of it. */
const listsShare = 0.62;
const topPart = 40 / 62;

/**
 * Pane sizes for a terminal size: the two slots' lists and the logs stacked when tall enough,
 * else the focused pane alone. Stacked, the heights follow what the lists hold: each list is
 * guaranteed its share (or less, when it holds less), a list that needs more takes what the
 * other does not use, and the logs get the rest, never less than their share.
 */
export function computeLayout(columns: number, rows: number, focus: PaneId, slots: Slots, counts: ListCounts): Layout {
	// The last column stays empty: a line that fills it leaves the terminal in its "pending wrap"
	// state, where the erase-to-end-of-line Ink writes after each line would wipe the last cell.
	const width = Math.max(20, columns - 1);
	const height = screenHeight(rows);
	if (rows < stackedMinRows) {
		const body = Math.max(1, height - 3);
		return {mode: 'single', width, height, body, heights: {[focus]: body}};
	}
	const body = height - 2;
	const room = Math.floor(body * listsShare);
	// A list's need: its rows (at least one: the "no containers" line) under its header and titles.
	const needs = {top: Math.max(1, counts.top) + 2, middle: Math.max(1, counts.middle) + 2};
	let top = Math.min(needs.top, Math.floor(room * topPart));
	let middle = Math.min(needs.middle, room - Math.floor(room * topPart));
	const spare = room - top - middle;
	const more = Math.min(spare, needs.top - top);
	top += more;
	middle += Math.min(spare - more, needs.middle - middle);
	return {mode: 'stacked', width, height, body, heights: {[slots.top]: top, [slots.middle]: middle, logs: body - top - middle}};
}

/** Height of the root box: one row less than the terminal, so Ink never clears the screen. */
export function screenHeight(rows: number): number {
	return Math.max(5, rows - 1);
}

/** A pane's rows (0: not shown). */
export function heightOf(layout: Layout, pane: PaneId): number {
	return layout.heights[pane] ?? 0;
}

/** Rows of data a pane shows (its height less the header and, for lists, the column titles). */
export function pageSize(layout: Layout, pane: PaneId): number {
	return Math.max(1, heightOf(layout, pane) - (pane === 'logs' ? 1 : 2));
}
