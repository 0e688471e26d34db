/**
 * Which of a kind's columns show now, and how wide each one's content is: its widest cell over
 * every row the list draws from (not only those on screen, so nothing moves while scrolling),
 * measured again only when the rows or what the column declares it depends on (the clock, the
 * marks, …) change. A key that moves the selection measures nothing; a clock tick measures
 * only the columns that read the clock. Pure (the results are cached per list of rows).
 */
import type {AnyKind, KindColumn} from '../kinds/kind.js';
import {stringWidth} from '../text/width.js';
import {listOf, sourceRows} from './lists.js';
import type {AppState} from './types.js';

const chosen = new Map<string, Map<string, ReadonlyArray<KindColumn<unknown>>>>();

/** The kind's columns that show now (the same array while the same ones show). */
export function shownColumns(state: AppState, kind: AnyKind): ReadonlyArray<KindColumn<unknown>> {
	const rows = sourceRows(state, kind);
	const shown = kind.columns.filter(column => !column.when || column.when(state, rows));
	const key = shown.map(column => column.id).join(',');
	let byKey = chosen.get(kind.name);
	if (!byKey) chosen.set(kind.name, (byKey = new Map()));
	const known = byKey.get(key);
	if (known) return known;
	byKey.set(key, shown);
	return shown;
}

type Measured = {deps: readonly unknown[]; want: number};
const measured = new WeakMap<readonly unknown[], Map<string, Measured>>();

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The width each column's content needs: its title or its widest cell (a fixed column: its width). */
export function columnWants(state: AppState, kind: AnyKind, columns: ReadonlyArray<KindColumn<unknown>>): number[] {
	const rows = sourceRows(state, kind);
	let byColumn = measured.get(rows);
	if (!byColumn) measured.set(rows, (byColumn = new Map()));
	const ctx = {state, list: listOf(state, kind.name)};
	return columns.map(column => {
		if (column.width !== undefined) return column.width;
		const deps = column.dependsOn?.(state) ?? [];
		const known = byColumn.get(column.id);
		if (known && sameDeps(known.deps, deps)) return known.want;
		let want = stringWidth(column.title);
		for (const row of rows) {
			const cell = column.cell(row, ctx);
			if (cell !== '') want = Math.max(want, stringWidth(cell));
		}
		byColumn.set(column.id, {deps, want});
		return want;
	});
}
