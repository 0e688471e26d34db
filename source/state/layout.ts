import type {Pane} from './types.js';

/** Below this many rows berth shows one pane at a time (number keys and Tab switch). */
export const stackedMinRows = 30;

export interface Layout {
	mode: 'stacked' | 'single';
	width: number;
	/** Height of the root box: one row less than the terminal, so Ink never clears the screen. */
	height: number;
	/** Rows for the panes (everything but the status line, the help bar and, in single mode, the tab strip). */
	body: number;
	heights: Record<Pane, number>;
}

/** How many rows the two lists hold (as shown: filtered). */
export interface ListCounts {
	containers: number;
	images: number;
}

/** The lists' share of the stacked body (the logs keep the rest), and the containers' part of it. */
const listsShare = 0.62;
const containersPart = 40 / 62;

/**
 * Pane sizes for a terminal size: all three stacked when tall enough, else the focused one
 * alone. Stacked, the heights follow what the lists hold: each list is guaranteed its share
 * (or less, when it holds less), a list that needs more takes what the other does not use, and
 * the logs get the rest, never less than their share.
 */
export function computeLayout(columns: number, rows: number, focus: Pane, counts: ListCounts): Layout {
	// The last column stays empty: a line that fills it leaves the terminal in its "pending wrap"
	// state, where the erase-to-end-of-line Ink writes after each line would wipe the last cell.
	const width = Math.max(20, columns - 1);
	const height = Math.max(5, rows - 1);
	if (rows < stackedMinRows) {
		const body = Math.max(1, height - 3);
		const heights = {containers: 0, images: 0, logs: 0};
		heights[focus] = body;
		return {mode: 'single', width, height, body, heights};
	}
	const body = height - 2;
	const room = Math.floor(body * listsShare);
	// A list's need: its rows (at least one: the "no containers" line) under its header and titles.
	const needs = {containers: Math.max(1, counts.containers) + 2, images: Math.max(1, counts.images) + 2};
	let containers = Math.min(needs.containers, Math.floor(room * containersPart));
	let images = Math.min(needs.images, room - Math.floor(room * containersPart));
	const spare = room - containers - images;
	const more = Math.min(spare, needs.containers - containers);
	containers += more;
	images += Math.min(spare - more, needs.images - images);
	return {mode: 'stacked', width, height, body, heights: {containers, images, logs: body - containers - images}};
}

/** Rows of data a pane shows (its height less the header and, for lists, the column titles). */
export function pageSize(layout: Layout, pane: Pane): number {
	return Math.max(1, layout.heights[pane] - (pane === 'logs' ? 1 : 2));
}
