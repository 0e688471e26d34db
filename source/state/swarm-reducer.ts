/**
 * The reducer's part for the Swarm view: opening and closing it, what the engine answered (its
 * role, the services and nodes, the selected service's tasks), moving between the parts, and the
 * scales being followed: one is dropped, with a note, once its service has converged. The parts
 * are lists like any other (list-reducer.ts moves within one; the selection stays on its row
 * across reads); another service selected drops the tasks of the one before.
 */
import {replicasText, serviceConverged} from '../format/swarm.js';
import type {NodeSummary, ServiceSummary} from '../engine/types.js';
import {listOf} from './lists.js';
import {reselect, withList} from './selection.js';
import {selectedServiceOf} from './swarm-selectors.js';
import {swarmParts, type SwarmAction, type SwarmView} from './swarm-view-types.js';
import type {Action, AppState} from './types.js';

const swarmActionTypes = new Set<string>(['swarm-open', 'swarm-close', 'swarm-role', 'swarm-error', 'swarm-lists', 'swarm-tasks', 'swarm-part', 'swarm-follow', 'service-logs']);

export function isSwarmAction(action: Action): action is SwarmAction {
	return swarmActionTypes.has(action.type);
}

export function openedSwarmView(opening: number): SwarmView {
	return {opening, part: 'services', role: 'checking', following: {}};
}

const byName = <T>(name: (row: T) => string) => (a: T, b: T) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);

/** The parts' rows go (the view closed, or the engine is no longer a manager); each selection's id stays, for when they come back. */
function withoutRows(state: AppState): AppState {
	let next = state;
	for (const part of swarmParts) next = withList(next, part, {rows: [], loaded: false, top: 0});
	return next;
}

/** Follows that have arrived: each dropped, with what it came to. */
function settle(state: AppState, view: SwarmView, services: readonly ServiceSummary[]): AppState {
	let status = state.status;
	const following = {...view.following};
	for (const [id, {replicas, from}] of Object.entries(view.following)) {
		const service = services.find(s => s.id === id);
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

/** Another service selected: the tasks of the one before go (they are read again). */
export function settleTasks(before: AppState, after: AppState): AppState {
	const view = after.swarm;
	if (!view || view.tasksOf === undefined || selectedServiceOf(after)?.id === view.tasksOf) return after;
	if (selectedServiceOf(before)?.id === selectedServiceOf(after)?.id) return after;
	return withList({...after, swarm: {...view, tasksOf: undefined}}, 'tasks', {rows: [], top: 0});
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
	switch (action.type) {
		case 'swarm-close':
			return withoutRows({...state, swarm: undefined, filterEdit: undefined});
		case 'swarm-role': {
			const role = {role: action.role, localState: action.localState, roleError: action.error};
			if (action.role === 'manager') return {...state, swarm: {...view, ...role}};
			// No longer a manager (demoted, left): what it listed goes with the keys that act on it.
			return withoutRows({...state, swarm: {...view, ...role, tasksOf: undefined, following: {}, error: undefined}});
		}
		case 'swarm-error':
			return {...state, swarm: {...view, error: action.error}};
		case 'swarm-lists': {
			const services = [...action.services].sort(byName(s => s.name));
			const nodes = [...action.nodes].sort(byName<NodeSummary>(n => n.hostname));
			const next = withList(withList({...state, swarm: {...view, error: undefined}}, 'services', {rows: services, loaded: true}), 'nodes', {rows: nodes, loaded: true});
			return settle(reselect(state, next), next.swarm!, services);
		}
		case 'swarm-tasks': {
			if (action.serviceId !== selectedServiceOf(state)?.id) return state;
			// Tasks nobody moved to stay unchosen (kinds/tasks.ts `unpinned`): the newest shows selected.
			return reselect(state, withList({...state, swarm: {...view, tasksOf: action.serviceId}}, 'tasks', {rows: action.tasks, loaded: true}));
		}
		case 'swarm-part': {
			const at = swarmParts.indexOf(view.part);
			return {...state, swarm: {...view, part: swarmParts[(at + action.delta + swarmParts.length) % swarmParts.length]!}, filterEdit: undefined};
		}
		case 'swarm-follow': {
			const services = listOf(state, 'services').rows as readonly ServiceSummary[];
			const from = services.find(s => s.id === action.id)?.version ?? 0;
			return {...state, swarm: {...view, following: {...view.following, [action.id]: {replicas: action.replicas, from}}}};
		}
	}
}
