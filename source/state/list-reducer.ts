/**
 * The reducer's part for the lists, the same for every kind: moving and choosing the selection,
 * marks, the sort (`o` the next of the kind's keys, `O` reversed), the `/` filter (and the logs
 * pane's search, typed the same way), and what every container shows or not (`a`). A list
 * action names its list, or goes to the one with the keyboard. Returns undefined for actions it
 * leaves to reducer.ts.
 */
import {kindNamed} from '../kinds/all-kinds.js';
import type {AnyKind} from '../kinds/kind.js';
import {lineAtEnd} from '../input/line-editor.js';
import {listOf} from './lists.js';
import {activeKind} from './selectors.js';
import {moveSelection, reselect, withList} from './selection.js';
import type {Action, AppState, PaneId} from './types.js';

/** The list an action is for: the one it names, else the one with the keyboard. */
function kindFor(state: AppState, name: string | undefined): AnyKind | undefined {
	return name === undefined ? activeKind(state) : kindNamed(name);
}

/** What `/` filters now: the list with the keyboard, or the logs pane (its search). */
function filterTarget(state: AppState): PaneId {
	return activeKind(state)?.name ?? state.focus;
}

/** A filter (or the logs' search) changed to `value`. */
function setFilter(state: AppState, pane: PaneId, value: string): AppState {
	if (pane !== 'logs') return reselect(state, withList(state, pane, {filter: value}));
	if (value === state.logs.search) return state;
	// The matches were the old pattern's: the new one's come from the search, which hears of the
	// change only after the keys of this read (a jump meanwhile waits for them).
	return {...state, logs: {...state.logs, search: value, matches: [], searched: value === '', searchError: undefined, current: undefined, pendingJump: undefined}};
}

export function reduceLists(state: AppState, action: Action): AppState | undefined {
	switch (action.type) {
		case 'move':
			return moveSelection(state, kindFor(state, action.list), index => index + action.delta);
		case 'move-to':
			return moveSelection(state, kindFor(state, action.list), (_index, length) => (action.where === 'first' ? 0 : length - 1));
		case 'select':
			return withList(state, action.list, {selected: action.key});
		case 'mark': {
			const kind = kindFor(state, action.list);
			if (!kind) return state;
			const marked = {...listOf(state, kind.name).marked};
			if (marked[action.key]) delete marked[action.key];
			else marked[action.key] = true;
			return withList(state, kind.name, {marked});
		}
		case 'clear-marks': {
			const kind = kindFor(state, action.list);
			return !kind || Object.keys(listOf(state, kind.name).marked).length === 0 ? state : withList(state, kind.name, {marked: {}});
		}
		case 'sort-next':
		case 'sort-reverse': {
			const kind = kindFor(state, action.list);
			if (!kind) return state;
			const sort = listOf(state, kind.name).sort;
			if (action.type === 'sort-reverse') return withList(state, kind.name, {sort: {...sort, reverse: !sort.reverse}});
			const at = kind.sort.findIndex(s => s.id === sort.key);
			return withList(state, kind.name, {sort: {key: kind.sort[(at + 1) % kind.sort.length]?.id ?? sort.key, reverse: false}});
		}
		case 'toggle-all':
			return reselect(state, {...state, showAll: !state.showAll});
		case 'filter-start': {
			const pane = filterTarget(state);
			const current = pane === 'logs' ? state.logs.search : listOf(state, pane).filter;
			return {...state, filterEdit: {pane, line: lineAtEnd(current)}};
		}
		case 'filter-line': {
			if (!state.filterEdit) return state;
			const {pane} = state.filterEdit;
			return setFilter({...state, filterEdit: {pane, line: action.line}}, pane, action.line.value);
		}
		case 'filter-commit':
			return {...state, filterEdit: undefined};
		case 'filter-clear': {
			const pane = state.filterEdit?.pane ?? filterTarget(state);
			const cleared = setFilter({...state, filterEdit: undefined}, pane, '');
			// A jump still waiting for the cleared search's matches is dropped with it.
			if (pane === 'logs' && cleared.logs.pendingJump !== undefined) return {...cleared, logs: {...cleared.logs, pendingJump: undefined}};
			return cleared;
		}
		default:
			return undefined;
	}
}
