/**
 * A dense list's columns (kinds/column.ts `Column`) laid out by share (`layoutColumns`: the
 * contexts view) and one line of cells joined; by content and priority: column-room.ts.
 */
import {fit} from '../text/width.js';

import type {Column} from '../kinds/column.js';

export type {Column};

/** Widths for the columns that fit in `total` cells (one space between columns); 0 = hidden. */
export function layoutColumns(columns: readonly Column[], total: number): number[] {
	const shown = columns.map(c => !c.hideBelow || total >= c.hideBelow);
	const count = shown.filter(Boolean).length;
	let rest = total - Math.max(0, count - 1);
	let weights = 0;
	for (const [i, c] of columns.entries()) {
		if (!shown[i]) continue;
		if (c.width !== undefined) rest -= c.width;
		else {
			rest -= c.min ?? 1;
			weights += c.weight ?? 1;
		}
	}
	rest = Math.max(0, rest);
	const widths = columns.map((c, i) => {
		if (!shown[i]) return 0;
		if (c.width !== undefined) return c.width;
		return (c.min ?? 1) + Math.floor((rest * (c.weight ?? 1)) / Math.max(1, weights));
	});
	// Give rounding leftovers to the last flexible column.
	const used = widths.reduce((a, b) => a + b, 0) + Math.max(0, count - 1);
	const lastFlex = columns.map((c, i) => (shown[i] && c.width === undefined ? i : -1)).filter(i => i >= 0).pop();
	if (lastFlex !== undefined && used < total) widths[lastFlex]! += total - used;
	return widths;
}

/** One line of cells fitted to their widths and joined by single spaces. */
export function joinCells(cells: readonly string[], widths: readonly number[], columns: readonly Column[]): string {
	const parts: string[] = [];
	for (const [i, cell] of cells.entries()) {
		const width = widths[i] ?? 0;
		if (width <= 0) continue;
		parts.push(fit(cell, width, columns[i]?.align ?? 'left'));
	}
	return parts.join(' ');
}
