/**
 * What the Swarm view derives from its state: the rows of each part, the selected service, task
 * and node, and how the screen's rows are shared between the three parts. Pure.
 */
import type {NodeSummary, ServiceSummary, TaskSummary} from '../engine/types.js';
import {layoutOf} from './selectors.js';
import type {SwarmPart, SwarmView} from './swarm-view-types.js';
import type {AppState} from './types.js';

type Row = ServiceSummary | TaskSummary | NodeSummary;

/** The rows a part lists (the tasks only once they are those of the selected service). */
export function partRows(view: SwarmView, part: SwarmPart): readonly Row[] {
	if (part === 'services') return view.services;
	if (part === 'nodes') return view.nodes;
	return taskRows(view);
}

/** The tasks of the selected service, once read (none while they are being read). */
export function taskRows(view: SwarmView): TaskSummary[] {
	return view.tasksOf !== undefined && view.tasksOf === selectedServiceOf(view)?.id ? view.tasks : [];
}

function pick<T extends {id: string}>(rows: readonly T[], id: string | undefined): T | undefined {
	return rows.find(row => row.id === id) ?? rows[0];
}

export function selectedServiceOf(view: SwarmView): ServiceSummary | undefined {
	return pick(view.services, view.selected.services);
}

export function selectedIndexOf(view: SwarmView, part: SwarmPart): number {
	const rows = partRows(view, part);
	return Math.max(0, rows.findIndex(row => row.id === view.selected[part]));
}

/** The service the keys act on: the selected one, while the view shows a manager's services. */
export function selectedService(state: AppState): ServiceSummary | undefined {
	return state.swarm && !state.modal ? selectedServiceOf(state.swarm) : undefined;
}

export function selectedNodeOf(view: SwarmView): NodeSummary | undefined {
	return pick(view.nodes, view.selected.nodes);
}

export function selectedNode(state: AppState): NodeSummary | undefined {
	return state.swarm && !state.modal ? selectedNodeOf(state.swarm) : undefined;
}

export function selectedTask(view: SwarmView): TaskSummary | undefined {
	return pick(taskRows(view), view.selected.tasks);
}

/**
 * Rows of each part, header and column titles included: services on top, the selected service's
 * tasks below, nodes at the bottom; the view's title (and an error line) above them.
 */
export function swarmHeights(state: AppState): Record<SwarmPart, number> {
	const body = Math.max(9, layoutOf(state).height - 3 - (state.swarm?.error ? 1 : 0));
	const view = state.swarm;
	// Services and nodes get what they hold, up to their share (40 % and 28 %); what one leaves
	// goes to the other when it needs more, the rest to the tasks (so the nodes stay at the
	// bottom, and moving between services with more or fewer tasks moves nothing).
	const share: Record<SwarmPart, number> = {services: Math.floor(body * 0.4), tasks: Math.floor(body * 0.32), nodes: 0};
	share.nodes = body - share.services - share.tasks;
	if (!view) return share;
	const need = (part: 'services' | 'nodes') => Math.max(1, partRows(view, part).length) + 2;
	const heights = {services: Math.min(need('services'), share.services), tasks: share.tasks, nodes: Math.min(need('nodes'), share.nodes)};
	let left = body - heights.services - heights.tasks - heights.nodes;
	for (const part of ['services', 'nodes'] as const) {
		const more = Math.min(left, need(part) - heights[part]);
		heights[part] += more;
		left -= more;
	}
	heights.tasks += left;
	return heights;
}

/** Rows of data a part shows (its height less its header and column titles). */
export function swarmListRows(state: AppState, part: SwarmPart): number {
	return Math.max(1, swarmHeights(state)[part] - 2);
}

/** Ids of the swarm rows on screen, whose busy markers stay while they exist. */
export function swarmRowIds(state: AppState): Set<string> {
	const view = state.swarm;
	return new Set(view ? [...view.services.map(s => s.id), ...view.nodes.map(n => n.id)] : []);
}
