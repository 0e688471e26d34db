/**
 * berth's pure reducer. Every change to the state, from the engine (snapshots, the
 * connection), from keys (through the commands) and from the log stream, is one of the actions
 * in types.ts. Keys that arrive together are applied one after another to the state each left.
 */
import {timesAgree} from '../format/ages.js';
import {lineAtEnd} from '../input/line-editor.js';
import {reduceCopies} from './copies-reducer.js';
import {reduceImages} from './images-reducer.js';
import {reduceLogs} from './logs-reducer.js';
import {initialLogsState, type LogsAction} from './logs-types.js';
import {imageRowsOf, layoutOf, pageOf, sortContainers} from './selectors.js';
import {dropStaleModal, followWindows, moveSelection, reselect} from './selection.js';
import {isModalAction, reduceModal} from './modal-reducer.js';
import {isSwarmAction, reduceSwarm} from './swarm-reducer.js';
import {swarmRowIds} from './swarm-selectors.js';
import {panes, sortKeys, type Action, type AppState, type Modal} from './types.js';

export function initialState(options: {showAll?: boolean; showStats?: boolean; columns?: number; rows?: number; clock?: number} = {}): AppState {
	return {
		conn: {kind: 'connecting'},
		containers: [],
		imageRows: [],
		loaded: false,
		listedAt: {},
		focus: 'containers',
		showAll: options.showAll ?? true,
		selected: {},
		windows: {containers: 0, images: 0},
		filters: {containers: '', images: '', logs: ''},
		busy: {},
		logs: initialLogsState(),
		marked: {},
		sort: {key: 'state', reverse: false},
		stats: {},
		showStats: options.showStats ?? true,
		size: {columns: options.columns ?? 80, rows: options.rows ?? 24},
		clock: options.clock ?? 0,
		times: {},
		imageJobs: {transfers: []},
		commandLog: [],
		hosts: [],
		copies: [],
	};
}

/** Rows a full-screen view shows below its title line. */
export function viewRows(state: AppState): number {
	return Math.max(1, layoutOf(state).height - 3);
}

function withScroll(modal: Modal, scroll: number, state: AppState): Modal {
	if (!('scroll' in modal)) return modal;
	const max = modal.extent === undefined ? Number.POSITIVE_INFINITY : Math.max(0, modal.extent - viewRows(state));
	return {...modal, scroll: Math.max(0, Math.min(max, scroll))};
}

function reduce(state: AppState, action: Action): AppState {
	const images = reduceImages(state, action) ?? reduceCopies(state, action);
	if (images) return images;
	if (isModalAction(action)) return reduceModal(state, action);
	if (isSwarmAction(action)) return dropStaleModal(reduceSwarm(state, action));
	switch (action.type) {
		case 'conn-up':
			return {...state, conn: {kind: 'up', info: action.info}};
		case 'conn-down': {
			const attempts = state.conn.kind === 'down' ? state.conn.attempts + 1 : 1;
			const since = state.conn.kind === 'down' ? state.conn.since : action.now;
			return {...state, conn: {kind: 'down', error: action.error, since, attempts}};
		}
		case 'snapshot': {
			const containers = sortContainers(action.containers);
			// An entry the engine listed again is as of now; one kept from before, as of then.
			const before = new Map(state.containers.map(c => [c.id, c]));
			const listedAt: Record<string, number> = {};
			for (const c of containers) listedAt[c.id] = before.get(c.id) === c ? (state.listedAt[c.id] ?? action.at ?? 0) : (action.at ?? 0);
			const next: AppState = {
				...state,
				loaded: true,
				listedAt,
				containers,
				imageRows: imageRowsOf(action.images, containers),
			};
			const ids = new Set(containers.map(c => c.id));
			const imageIds = new Set(action.images.map(i => i.id));
			// A busy marker stays only while its row exists.
			const swarmIds = swarmRowIds(state);
			const busy: Record<string, string> = {};
			for (const [id, label] of Object.entries(state.busy)) if (ids.has(id) || imageIds.has(id) || swarmIds.has(id)) busy[id] = label;
			const marked: Record<string, true> = {};
			for (const id of Object.keys(state.marked)) if (ids.has(id)) marked[id] = true;
			const running = new Set(containers.filter(c => c.state === 'running').map(c => c.id));
			const stats: AppState['stats'] = {};
			for (const [id, sample] of Object.entries(state.stats)) if (running.has(id)) stats[id] = sample;
			const times: AppState['times'] = {};
			for (const c of containers) {
				const known = state.times[c.id];
				if (known && timesAgree(c, known, listedAt[c.id]!)) times[c.id] = known;
			}
			return dropStaleModal({...next, busy, marked, stats, times, selected: reselect(state, next)});
		}
		case 'hosts':
			return {...state, hosts: action.hosts};
		case 'resize':
			if (state.size.columns === action.columns && state.size.rows === action.rows) return state;
			return {...state, size: {columns: action.columns, rows: action.rows}};
		case 'focus':
			return {...state, focus: action.pane, filterEdit: undefined};
		case 'cycle-focus': {
			const index = panes.indexOf(state.focus);
			return {...state, focus: panes[(index + action.delta + panes.length) % panes.length]!, filterEdit: undefined};
		}
		case 'move':
			return moveSelection(state, index => index + action.delta);
		case 'move-to':
			return moveSelection(state, (_index, length) => (action.where === 'first' ? 0 : length - 1));
		case 'select':
			return {...state, selected: {...state.selected, [action.pane]: action.key}};
		case 'toggle-stats':
			return {...state, showStats: !state.showStats, stats: {}};
		case 'toggle-all': {
			const next = {...state, showAll: !state.showAll};
			return {...next, selected: reselect(state, next)};
		}
		case 'filter-start':
			return {...state, filterEdit: {pane: state.focus, line: lineAtEnd(state.filters[state.focus])}};
		case 'filter-line': {
			if (!state.filterEdit) return state;
			const pane = state.filterEdit.pane;
			const next = {...state, filterEdit: {pane, line: action.line}, filters: {...state.filters, [pane]: action.line.value}};
			if (pane === 'logs' && action.line.value !== state.filters.logs) {
				// The matches were the old pattern's: the new one's come from the search, which hears
				// of the change only after the keys of this read (a jump meanwhile waits for them).
				const searched = action.line.value === '';
				next.logs = {...state.logs, matches: [], searched, searchError: undefined, current: undefined, pendingJump: undefined};
			}
			return {...next, selected: reselect(state, next)};
		}
		case 'filter-commit':
			return {...state, filterEdit: undefined};
		case 'filter-clear': {
			const pane = state.filterEdit?.pane ?? state.focus;
			const next = {...state, filterEdit: undefined, filters: {...state.filters, [pane]: ''}};
			// A jump still waiting for the cleared search's matches is dropped with it.
			if (pane === 'logs' && state.logs.pendingJump !== undefined) next.logs = {...state.logs, pendingJump: undefined};
			return {...next, selected: reselect(state, next)};
		}
		case 'open':
			return {...state, modal: action.modal, filterEdit: undefined};
		case 'close':
			return {...state, modal: undefined};
		case 'scroll-modal':
			if (!state.modal || !('scroll' in state.modal)) return state;
			return {...state, modal: withScroll(state.modal, state.modal.scroll + action.delta, state)};
		case 'modal-extent': {
			const modal = state.modal;
			if (!modal || !('scroll' in modal) || modal.extent === action.lines) return state;
			return {...state, modal: withScroll({...modal, extent: action.lines}, modal.scroll, state)};
		}
		case 'prompt-line': {
			const modal = state.modal;
			if (modal?.kind !== 'prompt') return state;
			return {...state, modal: {...modal, line: action.line, error: action.error}};
		}
		case 'prompt-scope': {
			const modal = state.modal;
			if (modal?.kind !== 'prompt' || modal.purpose !== 'save-logs') return state;
			return {...state, modal: {...modal, scope: modal.scope === 'engine' ? 'buffer' : 'engine'}};
		}
		case 'busy': {
			const busy = {...state.busy};
			if (action.label) busy[action.id] = action.label;
			else delete busy[action.id];
			return {...state, busy};
		}
		case 'status':
			return {...state, status: action.status};
		case 'mark': {
			const marked = {...state.marked};
			if (marked[action.id]) delete marked[action.id];
			else marked[action.id] = true;
			return {...state, marked};
		}
		case 'clear-marks':
			return Object.keys(state.marked).length === 0 ? state : {...state, marked: {}};
		case 'sort-next':
			return {...state, sort: {key: sortKeys[(sortKeys.indexOf(state.sort.key) + 1) % sortKeys.length]!, reverse: false}};
		case 'sort-reverse':
			return {...state, sort: {...state.sort, reverse: !state.sort.reverse}};
		case 'stats': {
			const same =
				Object.keys(action.stats).length === Object.keys(state.stats).length &&
				Object.entries(action.stats).every(([id, s]) => state.stats[id] === s);
			return same ? state : {...state, stats: action.stats};
		}
		case 'clock':
			return action.now === state.clock ? state : {...state, clock: action.now};
		case 'times':
			return {...state, times: {...state.times, [action.id]: action.times}};
		default: {
			// Images actions were handled by reduceImages above.
			const {logs, say} = reduceLogs(state.logs, action as LogsAction, pageOf(state, 'logs'), state.filters.logs);
			const next = logs === state.logs ? state : {...state, logs};
			return say === undefined ? next : {...next, status: {tone: 'info', text: say}};
		}
	}
}

export function reducer(state: AppState, action: Action): AppState {
	const next = reduce(state, action);
	return next === state ? state : followWindows(next);
}
