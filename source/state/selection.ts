/**
 * Selection rules of the reducer, for every kind's list alike: the selection stays on the same
 * row across updates (or moves to its neighbour when that row goes), moves clamp at the ends,
 * each list's window follows its selection, and a dialog or view whose object disappeared
 * closes with a note.
 */
import {kindOfNoun, kinds} from '../kinds/all-kinds.js';
import type {AnyKind} from '../kinds/kind.js';
import {hasRow, listOf, selectedIndex, shownRows} from './lists.js';
import {layoutOf, listRows} from './selectors.js';
import type {AppState, ListState} from './types.js';

/** The state with one list changed (the same object when nothing did). */
export function withList(state: AppState, name: string, change: Partial<ListState>): AppState {
	const list = listOf(state, name);
	if (Object.entries(change).every(([key, value]) => list[key as keyof ListState] === value)) return state;
	return {...state, lists: {...state.lists, [name]: {...list, ...change}}};
}

/**
 * Keeps each list's selection on the same row; when that row is gone (or filtered out),
 * selects its neighbour (the row now at the old index, or the last row). A list whose shown
 * rows did not change is not looked at.
 */
export function reselect(before: AppState, after: AppState): AppState {
	let next = after;
	for (const kind of kinds) {
		const rows = shownRows(after, kind);
		if (rows === shownRows(before, kind) && listOf(before, kind.name).selected === listOf(after, kind.name).selected) continue;
		const selected = listOf(after, kind.name).selected;
		if (selected === undefined && kind.unpinned) continue;
		if (selected !== undefined && rows.some(row => kind.key(row) === selected)) continue;
		const old = shownRows(before, kind);
		const oldIndex = Math.max(0, old.findIndex(row => kind.key(row) === listOf(before, kind.name).selected));
		const neighbour = rows[Math.min(oldIndex, rows.length - 1)];
		next = withList(next, kind.name, {selected: neighbour === undefined ? undefined : kind.key(neighbour)});
	}
	return next;
}

/** Moves a list's selection to the index `to` gives (clamped to the rows shown). */
export function moveSelection(state: AppState, kind: AnyKind | undefined, to: (index: number, length: number) => number): AppState {
	if (!kind) return state;
	const rows = shownRows(state, kind);
	if (rows.length === 0) return state;
	const index = Math.min(rows.length - 1, Math.max(0, to(selectedIndex(state, kind), rows.length)));
	return withList(state, kind.name, {selected: kind.key(rows[index]!)});
}

/**
 * The first row a virtualised list shows: keeps `selected` visible while moving the window as
 * little as possible from `previousTop`.
 */
export function windowTop(previousTop: number, selected: number, height: number, length: number): number {
	if (height <= 0 || length <= height) return 0;
	let top = Math.min(previousTop, length - height);
	if (selected < top) top = selected;
	if (selected >= top + height) top = selected - height + 1;
	return Math.max(0, top);
}

/** Entries the command log shows at once in a view `height` rows high: two lines each, under its title. */
export function commandLogRows(height: number): number {
	return Math.max(1, Math.floor((height - 1) / 2));
}

/** The command log's page: the entries its view shows at once (the view is the screen less the status and help lines). */
export function commandLogPage(state: AppState): number {
	return commandLogRows(layoutOf(state).height - 2);
}

/** Every list's window after a change (the same state when none moved). */
export function followWindows(state: AppState): AppState {
	let next = state;
	for (const kind of kinds) {
		const list = listOf(state, kind.name);
		const top = windowTop(list.top, selectedIndex(state, kind), listRows(state, kind), shownRows(state, kind).length);
		if (top !== list.top) next = withList(next, kind.name, {top});
	}
	return next;
}

/** Whether the row a dialog names still exists (a file always does). */
function targetExists(state: AppState, target: {kind: string; id: string}): boolean {
	const kind = kindOfNoun(target.kind);
	return kind ? hasRow(state, kind, target.id) : true;
}

/** Whether the modal still refers to something that exists; closes it with a note if not. */
export function dropStaleModal(state: AppState): AppState {
	const modal = state.modal;
	if (!modal) return state;
	const close = (text: string): AppState => ({...state, modal: undefined, status: {tone: 'info', text}});
	if ((modal.kind === 'confirm' || modal.kind === 'prompt') && !targetExists(state, modal.target)) return close(`${modal.target.name} was removed outside berth; nothing was done`);
	const container = (id: string) => targetExists(state, {kind: 'container', id});
	if ((modal.kind === 'details' || modal.kind === 'top' || modal.kind === 'diff') && !container(modal.id)) return close('The container was removed');
	if (modal.kind === 'form' && modal.target?.kind === 'container' && !container(modal.target.id)) return close(`${modal.target.name} was removed outside berth; nothing was done`);
	if ((modal.kind === 'history' || modal.kind === 'inspect') && !targetExists(state, {kind: 'image', id: modal.id})) return close('The image was removed');
	return state;
}
