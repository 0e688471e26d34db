/**
 * Room for a list's columns by what their content needs and how much each matters. Columns are
 * data (columns.ts `Column`): a fixed `width`, or a width from the content (`wants`: the widest
 * cell, title included: state/column-wants.ts), at least `min`, at most `max`, and cut down to no
 * less than `min`; a `priority` (higher matters more); a `weight` for room left over. When everything fits, every column is as wide as its content.
 * When not, the least important column gives first: it is cut down to its min, and dropped when
 * even that does not fit, before a more important column loses a cell. Ties: the rightmost gives
 * first. Pure.
 */
import {stringWidth} from '../text/width.js';
import type {Column} from './columns.js';

/** The width each column's content needs: its widest cell or its title (the lists measure theirs once per change: state/column-wants.ts). */
export function contentWidths(columns: readonly Column[], rows: Iterable<readonly string[]>): number[] {
	const wants = columns.map(c => stringWidth(c.title));
	for (const cells of rows) {
		for (const [i, cell] of cells.entries()) {
			if (i < wants.length && cell !== '') wants[i] = Math.max(wants[i]!, stringWidth(cell));
		}
	}
	return wants;
}

/** Widths for `columns` in `total` cells (one space between columns); 0 = not shown. */
export function fitColumns(columns: readonly Column[], wants: readonly number[], total: number): number[] {
	// A flexible column is at least its min wide (short content does not make it jump), and is never cut below it.
	const want = columns.map((c, i) => c.width ?? Math.max(1, c.min ?? 1, Math.min(c.max ?? Number.POSITIVE_INFINITY, wants[i] ?? 1)));
	const floor = columns.map((c, i) => c.width ?? Math.max(1, c.min ?? want[i]!));
	const widths = want.map((w, i) => (columns[i]!.hideBelow !== undefined && total < columns[i]!.hideBelow! ? 0 : w));
	const used = () => {
		const shown = widths.filter(w => w > 0);
		return shown.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1);
	};
	// Who gives first: the least important, then the rightmost.
	const order = columns.map((_, i) => i).sort((a, b) => (columns[a]!.priority ?? 0) - (columns[b]!.priority ?? 0) || b - a);
	for (const i of order) {
		let over = used() - total;
		if (over <= 0) break;
		if (widths[i] === 0) continue;
		const cut = Math.min(over, widths[i]! - floor[i]!);
		widths[i]! -= cut;
		over -= cut;
		// The last column standing is cut rather than dropped.
		if (over > 0) widths[i] = widths.filter(w => w > 0).length > 1 ? 0 : Math.max(1, widths[i]! - over);
	}
	// Room a drop freed beyond what was needed: back to the columns that were cut, most important first.
	let spare = total - used();
	for (const i of [...order].reverse()) {
		if (spare <= 0) break;
		if (widths[i] === 0 || widths[i]! >= want[i]!) continue;
		const back = Math.min(spare, want[i]! - widths[i]!);
		widths[i]! += back;
		spare -= back;
	}
	// What is still left: shared by the columns with a weight, the remainder to the last of them.
	const growing = columns.map((c, i) => (widths[i]! > 0 && c.width === undefined && (c.weight ?? 0) > 0 ? i : -1)).filter(i => i >= 0);
	const weights = growing.reduce((sum, i) => sum + columns[i]!.weight!, 0);
	if (spare > 0 && weights > 0) {
		let given = 0;
		for (const i of growing) {
			const share = Math.floor((spare * columns[i]!.weight!) / weights);
			widths[i]! += share;
			given += share;
		}
		widths[growing.at(-1)!]! += spare - given;
	}
	return widths;
}
