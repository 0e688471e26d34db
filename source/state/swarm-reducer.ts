/**
 * The reducer's part for the Swarm view: opening and closing it, what the engine answered
 * (its role, the lists, the selected service's tasks), moving between and within the parts
 * (the selection stays on the same id across reads; each part's window follows its selection),
 * and the scales being followed: one is dropped, with a note, once its service has converged.
 */
import {replicasText, serviceConverged} from '../format/swarm.js';
import {windowTop} from './selection.js';
import {partRows, selectedIndexOf, selectedServiceOf, swarmListRows} from './swarm-selectors.js';
import {swarmParts, type SwarmAction, type SwarmView} from './swarm-view-types.js';
import type {Action, AppState} from './types.js';

const swarmActionTypes = new Set<string>(['swarm-open', 'swarm-close', 'swarm-role', 'swarm-error', 'swarm-lists', 'swarm-tasks', 'swarm-part', 'swarm-move', 'swarm-follow', 'service-logs']);

export function isSwarmAction(action: Action): action is SwarmAction {
	return swarmActionTypes.has(action.type);
}

export function openedSwarmView(opening: number): SwarmView {
	return {opening, part: 'services', role: 'checking', loaded: false, services: [], nodes: [], tasks: [], selected: {}, windows: {services: 0, tasks: 0, nodes: 0}, following: {}};
}

/**
 * Keeps a part's selection on the same id, or on the row now at its old place when that one went.
 * Tasks nobody moved to yet stay unchosen: the first row (the newest task) shows selected, and a
 * new task coming in on top does not push the view down.
 */
function keep<T extends {id: string}>(before: readonly T[], after: readonly T[], id: string | undefined, options: {pin: boolean} = {pin: true}): string | undefined {
	if ((id === undefined && !options.pin) || after.some(row => row.id === id)) return id;
	const at = Math.max(0, before.findIndex(row => row.id === id));
	return after[Math.min(at, after.length - 1)]?.id;
}

const byName = <T>(name: (row: T) => string) => (a: T, b: T) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);

/** The windows after a change, each keeping its selected row in view. */
function follow(state: AppState, view: SwarmView): SwarmView {
	const windows = {...view.windows};
	for (const part of swarmParts) windows[part] = windowTop(view.windows[part], selectedIndexOf(view, part), swarmListRows(state, part), partRows(view, part).length);
	return swarmParts.every(part => windows[part] === view.windows[part]) ? view : {...view, windows};
}

/** Follows that have arrived: each dropped, with what it came to. */
function settle(state: AppState, view: SwarmView): AppState {
	let status = state.status;
	const following = {...view.following};
	for (const [id, {replicas, from}] of Object.entries(view.following)) {
		const service = view.services.find(s => s.id === id);
		// Gone, or changed to another count since (by someone else): nothing to follow any more. A read
		// of the version the scale was asked at (one under way meanwhile) still shows the old count.
		if (!service || (service.version > from && service.replicas !== replicas)) delete following[id];
		else if (service.desired === replicas && serviceConverged(service)) {
			delete following[id];
			status = {tone: 'ok', text: `${service.name} has converged: ${replicasText(service)} running`};
		}
	}
	return {...state, status, swarm: {...view, following}};
}

export function reduceSwarm(state: AppState, action: SwarmAction): AppState {
	if (action.type === 'swarm-open') return {...state, swarm: state.swarm ?? openedSwarmView(action.opening), filterEdit: undefined};
	if (action.type === 'service-logs') {
		const modal = state.modal;
		if (modal?.kind !== 'service-logs' || modal.id !== action.id) return state;
		return {...state, modal: {...modal, version: action.version, done: action.done ?? modal.done}};
	}
	const view = state.swarm;
	if (!view) return state;
	const next = (changed: SwarmView): AppState => ({...state, swarm: follow(state, changed)});
	switch (action.type) {
		case 'swarm-close':
			return {...state, swarm: undefined};
		case 'swarm-role': {
			const role = {role: action.role, localState: action.localState, roleError: action.error};
			if (action.role === 'manager') return next({...view, ...role});
			// No longer a manager (demoted, left): what it listed goes with the keys that act on it; the
			// selection's ids stay, for when it is a manager again.
			return next({...view, ...role, loaded: false, services: [], nodes: [], tasks: [], tasksOf: undefined, following: {}, error: undefined, windows: {services: 0, tasks: 0, nodes: 0}});
		}
		case 'swarm-error':
			return next({...view, error: action.error});
		case 'swarm-lists': {
			const services = [...action.services].sort(byName(s => s.name));
			const nodes = [...action.nodes].sort(byName(n => n.hostname));
			const selected = {...view.selected, services: keep(view.services, services, view.selected.services), nodes: keep(view.nodes, nodes, view.selected.nodes)};
			return settle(state, follow(state, {...view, services, nodes, selected, loaded: true, error: undefined}));
		}
		case 'swarm-tasks': {
			if (action.serviceId !== selectedServiceOf(view)?.id) return state;
			const before = view.tasksOf === action.serviceId ? view.tasks : [];
			return next({...view, tasks: action.tasks, tasksOf: action.serviceId, selected: {...view.selected, tasks: keep(before, action.tasks, view.selected.tasks, {pin: false})}});
		}
		case 'swarm-part': {
			const at = swarmParts.indexOf(view.part);
			return next({...view, part: swarmParts[(at + action.delta + swarmParts.length) % swarmParts.length]!});
		}
		case 'swarm-move': {
			const rows = partRows(view, view.part);
			if (rows.length === 0) return state;
			const from = selectedIndexOf(view, view.part);
			const to = action.delta === 'first' ? 0 : action.delta === 'last' ? rows.length - 1 : Math.max(0, Math.min(rows.length - 1, from + action.delta));
			const selected = {...view.selected, [view.part]: rows[to]!.id};
			// Another service: its tasks are read again (the old ones are not shown meanwhile).
			const tasks = view.part === 'services' && selected.services !== selectedServiceOf(view)?.id ? {tasks: [], tasksOf: undefined, windows: {...view.windows, tasks: 0}} : {};
			return next({...view, selected, ...tasks});
		}
		case 'swarm-follow': {
			const from = view.services.find(s => s.id === action.id)?.version ?? 0;
			return next({...view, following: {...view.following, [action.id]: {replicas: action.replicas, from}}});
		}
	}
}
