/**
 * What every list derives from its state, the same for every kind: the rows it shows (filtered
 * and sorted, remembered while their inputs stay the same, so a key that only moves the
 * selection re-filters nothing), the selected row and its index, the marked rows, a row as a
 * dialog's target. Pure. The kinds themselves are in source/kinds/; this module takes a kind as
 * an argument and never imports the list of them (the kinds may use it).
 */
import type {AnyKind, Kind} from '../kinds/kind.js';
import {filterRows, parseFilter, type ParsedFilter} from './filter-parse.js';
import {lastOf} from './memo.js';
import type {AppState, ConfirmTarget, ListState} from './types.js';

/** A list nobody has shown yet. */
export function emptyList(kind: Pick<AnyKind, 'sort'>): ListState {
	return {rows: [], loaded: false, top: 0, filter: '', sort: {key: kind.sort[0]?.id ?? '', reverse: false}, marked: {}};
}

const none = emptyList({sort: []});

/** The list's state (an empty one for a kind the state does not know). */
export function listOf(state: AppState, name: string): ListState {
	return state.lists[name] ?? none;
}

/** The rows a kind's list draws from, before the filter and the sort. */
export function sourceRows<Row>(state: AppState, kind: Kind<Row>): readonly Row[] {
	return kind.source ? kind.source(state) : (listOf(state, kind.name).rows as readonly Row[]);
}

type Memo = {
	parse: (text: string, others: ReadonlyMap<string, readonly string[]>) => ParsedFilter<unknown>;
	shown: (rows: readonly unknown[], parsed: ParsedFilter<unknown>, key: string, reverse: boolean, input: unknown, grouped: boolean) => readonly unknown[];
	index: (rows: readonly unknown[], selected: string | undefined) => number;
};
const memos = new Map<string, Memo>();

function memoOf(kind: AnyKind): Memo {
	let memo = memos.get(kind.name);
	if (!memo) {
		memo = {
			parse: lastOf((text: string, others: ReadonlyMap<string, readonly string[]>) => parseFilter(text, kind, others)),
			shown: lastOf((rows: readonly unknown[], parsed: ParsedFilter<unknown>, key: string, reverse: boolean, input: unknown, grouped: boolean) =>
				ordered(filterRows(rows, kind, parsed), kind, key, reverse, input, grouped),
			),
			index: lastOf((rows: readonly unknown[], selected: string | undefined) => rows.findIndex(row => kind.key(row) === selected)),
		};
		memos.set(kind.name, memo);
	}
	return memo;
}

/** The rows in the chosen order: the natural one unless a sort key says otherwise; with several hosts, grouped by host when the kind is. */
function ordered(rows: readonly unknown[], kind: AnyKind, key: string, reverse: boolean, input: unknown, grouped: boolean): readonly unknown[] {
	const sortKey = kind.sort.find(s => s.id === key) ?? kind.sort[0];
	const compare = sortKey?.compare;
	if (!compare && !reverse) return rows;
	const sorted = compare ? [...rows].sort((a, b) => compare(a, b, input)) : [...rows];
	if (reverse) sorted.reverse();
	if (grouped) {
		const host = (row: unknown) => kind.host?.(row) ?? '';
		sorted.sort((a, b) => (host(a) < host(b) ? -1 : host(a) > host(b) ? 1 : 0));
	}
	return sorted;
}

/** The list's filter as parsed (its words, its free text, why a word was left out). */
export function parsedFilter<Row>(state: AppState, kind: Kind<Row>, others: ReadonlyMap<string, readonly string[]> = new Map()): ParsedFilter<Row> {
	return memoOf(kind as AnyKind).parse(listOf(state, kind.name).filter, others) as ParsedFilter<Row>;
}

/** The rows the list shows: the filter's, in the chosen order. */
export function shownRows<Row>(state: AppState, kind: Kind<Row>): readonly Row[] {
	const list = listOf(state, kind.name);
	const memo = memoOf(kind as AnyKind);
	const sortKey = kind.sort.find(s => s.id === list.sort.key) ?? kind.sort[0];
	const input = sortKey?.input?.(state);
	const grouped = kind.groupByHost === true && state.hosts.length > 0;
	return memo.shown(sourceRows(state, kind), memo.parse(list.filter, filterWords.others), list.sort.key, list.sort.reverse, input, grouped) as readonly Row[];
}

/**
 * The filter words of every kind, for the parser to say which list a word filters; set by the
 * registry of kinds (all-kinds.ts imports this module, never the other way round).
 */
export const filterWords: {others: ReadonlyMap<string, readonly string[]>} = {others: new Map()};

/** Index of the selected row among those shown (0 when nothing is chosen or it is not shown). */
export function selectedIndex(state: AppState, kind: AnyKind): number {
	return Math.max(0, memoOf(kind).index(shownRows(state, kind), listOf(state, kind.name).selected));
}

/** The selected row, if any is shown: the one chosen, else the first. */
export function selectedRow<Row>(state: AppState, kind: Kind<Row>): Row | undefined {
	const rows = shownRows(state, kind);
	return rows[selectedIndex(state, kind as AnyKind)];
}

/** The marked rows that still exist, in the list's order. */
export function markedRows<Row>(state: AppState, kind: Kind<Row>): Row[] {
	const {marked} = listOf(state, kind.name);
	if (Object.keys(marked).length === 0) return [];
	return sourceRows(state, kind).filter(row => marked[kind.key(row)]);
}

/** A row as a dialog's and an action's target: its full id (qualified with several hosts), its name, its host. */
export function targetOf<Row>(kind: Kind<Row>, row: Row): ConfirmTarget {
	const host = kind.host?.(row);
	return {kind: kind.noun, id: kind.id ? kind.id(row) : kind.key(row), name: kind.label(row), ...(host ? {host} : {})};
}

/** Whether the list (as the engine last gave it) still has a row with this id. */
export function hasRow(state: AppState, kind: AnyKind, id: string): boolean {
	const idOf = kind.id ?? kind.key;
	return listOf(state, kind.name).rows.some(row => idOf(row) === id);
}
