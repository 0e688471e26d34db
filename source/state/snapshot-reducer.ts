/**
 * A snapshot of the engine feed into the state: each kind takes its rows from it (containers and
 * images from the feed's own lists, the others from what their `feed.list` returned); marks,
 * busy markers, stats and the containers' inspect facts stay only while their rows exist; each
 * selection stays on its row.
 */
import {timesAgree} from '../format/ages.js';
import type {ContainerSummary} from '../engine/types.js';
import {kinds} from '../kinds/all-kinds.js';
import {listOf} from './lists.js';
import {dropStaleModal, reselect} from './selection.js';
import type {Action, AppState, ListState} from './types.js';

type Snapshot = Extract<Action, {type: 'snapshot'}>;

/** Marks whose rows are still there. */
function keptMarks(list: ListState, keys: ReadonlySet<string>): ListState['marked'] {
	const entries = Object.keys(list.marked);
	if (entries.every(key => keys.has(key))) return list.marked;
	const marked: Record<string, true> = {};
	for (const key of entries) if (keys.has(key)) marked[key] = true;
	return marked;
}

export function reduceSnapshot(state: AppState, action: Snapshot): AppState {
	const lists = {...state.lists};
	const ids = new Set<string>();
	for (const kind of kinds) {
		const rows = kind.fromSnapshot ? kind.fromSnapshot(action) : kind.feed ? action.lists?.[kind.name] : undefined;
		const list = listOf(state, kind.name);
		const idOf = kind.id ?? kind.key;
		if (rows === undefined) {
			for (const row of list.rows) ids.add(idOf(row));
			continue;
		}
		for (const row of rows) ids.add(idOf(row));
		lists[kind.name] = {...list, rows, loaded: true, marked: keptMarks(list, new Set(rows.map(row => kind.key(row))))};
	}
	const containers = lists['containers']!.rows as readonly ContainerSummary[];
	// An entry the engine listed again is as of now; one kept from before, as of then.
	const before = new Map((listOf(state, 'containers').rows as readonly ContainerSummary[]).map(c => [c.id, c]));
	const listedAt: Record<string, number> = {};
	for (const c of containers) listedAt[c.id] = before.get(c.id) === c ? (state.listedAt[c.id] ?? action.at ?? 0) : (action.at ?? 0);
	// A busy marker stays only while its row exists.
	const busy: Record<string, string> = {};
	for (const [id, label] of Object.entries(state.busy)) if (ids.has(id)) busy[id] = label;
	const running = new Set(containers.filter(c => c.state === 'running').map(c => c.id));
	const stats: AppState['stats'] = {};
	for (const [id, sample] of Object.entries(state.stats)) if (running.has(id)) stats[id] = sample;
	const times: AppState['times'] = {};
	for (const c of containers) {
		const known = state.times[c.id];
		if (known && timesAgree(c, known, listedAt[c.id]!)) times[c.id] = known;
	}
	const next: AppState = {...state, lists, listedAt, busy, stats, times};
	return dropStaleModal(reselect(state, next));
}
