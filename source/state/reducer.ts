/**
 * berth's pure reducer. Every change to the state, from the engine (snapshots, the
 * connection), from keys (through the commands) and from the log stream, is one of the actions
 * in types.ts. Keys that arrive together are applied one after another to the state each left.
 */
import {kinds} from '../kinds/all-kinds.js';
import {reduceCopies} from './copies-reducer.js';
import {reduceFollowViews} from './follow-reducer.js';
import {reduceImages} from './images-reducer.js';
import {reduceLists} from './list-reducer.js';
import {emptyList} from './lists.js';
import {reduceLogs} from './logs-reducer.js';
import {initialLogsState, type LogsAction} from './logs-types.js';
import {layoutOf, pageOf} from './selectors.js';
import {focusPane, initialSlots, shownPanes} from './main-screen.js';
import {dropStaleModal, followWindows} from './selection.js';
import {isModalAction, reduceModal} from './modal-reducer.js';
import {reduceSnapshot} from './snapshot-reducer.js';
import {isSwarmAction, reduceSwarm, settleTasks} from './swarm-reducer.js';
import type {Action, AppState, Modal} from './types.js';

export function initialState(options: {showAll?: boolean; showStats?: boolean; columns?: number; rows?: number; clock?: number} = {}): AppState {
	const slots = initialSlots();
	return {
		conn: {kind: 'connecting'},
		lists: Object.fromEntries(kinds.map(kind => [kind.name, emptyList(kind)])),
		listedAt: {},
		focus: slots.top,
		slots,
		showAll: options.showAll ?? true,
		busy: {},
		logs: initialLogsState(),
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
	const images = reduceImages(state, action) ?? reduceCopies(state, action) ?? reduceFollowViews(state, action);
	if (images) return images;
	if (isModalAction(action)) return reduceModal(state, action);
	if (isSwarmAction(action)) return dropStaleModal(reduceSwarm(state, action));
	const lists = reduceLists(state, action);
	if (lists) return lists;
	switch (action.type) {
		case 'conn-up':
			return {...state, conn: {kind: 'up', info: action.info}};
		case 'conn-down': {
			const attempts = state.conn.kind === 'down' ? state.conn.attempts + 1 : 1;
			const since = state.conn.kind === 'down' ? state.conn.since : action.now;
			return {...state, conn: {kind: 'down', error: action.error, since, attempts}};
		}
		case 'snapshot':
			return reduceSnapshot(state, action);
		case 'hosts':
			return {...state, hosts: action.hosts};
		case 'resize':
			if (state.size.columns === action.columns && state.size.rows === action.rows) return state;
			return {...state, size: {columns: action.columns, rows: action.rows}};
		case 'focus':
			return focusPane(state, action.pane);
		case 'cycle-focus': {
			const panes = shownPanes(state);
			const index = panes.indexOf(state.focus);
			return focusPane(state, panes[(index + action.delta + panes.length) % panes.length]!);
		}
		case 'toggle-stats':
			return {...state, showStats: !state.showStats, stats: {}};
		case 'open':
			return {...state, modal: action.modal, filterEdit: undefined};
		case 'close':
			return {...state, modal: undefined};
		case 'scroll-modal':
			if (!state.modal || !('scroll' in state.modal)) return state;
			return {...state, modal: withScroll(state.modal, state.modal.scroll + action.delta, state)};
		case 'follow-extent':
			return state;
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
			const {logs, say} = reduceLogs(state.logs, action as LogsAction, pageOf(state, 'logs'), state.logs.search);
			const next = logs === state.logs ? state : {...state, logs};
			return say === undefined ? next : {...next, status: {tone: 'info', text: say}};
		}
	}
}

export function reducer(state: AppState, action: Action): AppState {
	const next = reduce(state, action);
	return next === state ? state : followWindows(settleTasks(state, next));
}
