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

/** Pane sizes for a terminal size: all three stacked when tall enough, else the focused one alone. */
export function computeLayout(columns: number, rows: number, focus: Pane): Layout {
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
	const containers = Math.floor(body * 0.4);
	const images = Math.floor(body * 0.22);
	const logs = body - containers - images;
	return {mode: 'stacked', width, height, body, heights: {containers, images, logs}};
}

/** Rows of data a pane shows (its height less the header and, for lists, the column titles). */
export function pageSize(layout: Layout, pane: Pane): number {
	return Math.max(1, layout.heights[pane] - (pane === 'logs' ? 1 : 2));
}
