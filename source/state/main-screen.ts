/**
 * The main screen's model: which panes there are (every kind placed in a pane, and the logs),
 * their number keys, and the slots they show in. Stacked (30 rows or more), the screen shows
 * the top slot (containers), the middle slot (images, or the pane of that slot chosen last) and
 * the logs; shorter, the focused pane alone with a tab strip. A number key shows its pane in its
 * slot and focuses it; Tab moves between the three panes shown.
 */
import {kinds} from '../kinds/all-kinds.js';
import type {AppState, PaneId, Slots} from './types.js';

export interface MainPane {
	id: PaneId;
	/** Its number key. */
	key: string;
	title: string;
	slot: 'top' | 'middle' | 'bottom';
}

const logsPane: MainPane = {id: 'logs', key: '3', title: 'Logs', slot: 'bottom'};

let panes: {count: number; list: readonly MainPane[]} = {count: -1, list: []};

/** Every pane of the main screen, by number key: each kind placed in a pane, and the logs. */
export function mainPanes(): readonly MainPane[] {
	if (panes.count !== kinds.length) {
		const list = [...kinds.flatMap(kind => ('pane' in kind.place ? [{id: kind.name, key: kind.place.pane.key, title: kind.title, slot: kind.place.pane.slot}] : [])), logsPane];
		panes = {count: kinds.length, list: list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))};
	}
	return panes.list;
}

/** The slots as berth starts: each holds its first pane by number key. */
export function initialSlots(): Slots {
	const first = (slot: 'top' | 'middle') => mainPanes().find(pane => pane.slot === slot)?.id ?? 'logs';
	return {top: first('top'), middle: first('middle')};
}

/** The panes shown (stacked), top to bottom: what Tab moves between. */
export function shownPanes(state: AppState): PaneId[] {
	return [state.slots.top, state.slots.middle, 'logs'];
}

/** Focuses a pane, showing it in its slot. */
export function focusPane(state: AppState, id: PaneId): AppState {
	const pane = mainPanes().find(p => p.id === id);
	if (!pane) return state;
	const slots = pane.slot === 'bottom' || state.slots[pane.slot] === id ? state.slots : {...state.slots, [pane.slot]: id};
	return {...state, focus: id, slots, filterEdit: undefined};
}
