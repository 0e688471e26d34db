/**
 * What the Swarm view derives from its state: the selected service, task and node (its parts are
 * lists like any other: lists.ts), the tasks shown (those of the selected service, once read),
 * and how the screen's rows are shared between the three parts. Pure.
 */
import type {NodeSummary, ServiceSummary, TaskSummary} from '../engine/types.js';
import {nodesKind} from '../kinds/nodes.js';
import {servicesKind} from '../kinds/services.js';
import {screenHeight} from './layout.js';
import {listOf, selectedRow, shownRows} from './lists.js';
import type {SwarmPart} from './swarm-view-types.js';
import type {AppState} from './types.js';

/** The selected service (the tasks part shows its tasks). */
export function selectedServiceOf(state: AppState): ServiceSummary | undefined {
	return selectedRow(state, servicesKind);
}

/** The tasks of the selected service, once read (none while they are being read). */
export function taskRows(state: AppState): readonly TaskSummary[] {
	const tasksOf = state.swarm?.tasksOf;
	return tasksOf !== undefined && tasksOf === selectedServiceOf(state)?.id ? (listOf(state, 'tasks').rows as readonly TaskSummary[]) : [];
}

/** The service the keys act on: the selected one, while the view shows a manager's services. */
export function selectedService(state: AppState): ServiceSummary | undefined {
	return state.swarm && !state.modal ? selectedServiceOf(state) : undefined;
}

export function selectedNodeOf(state: AppState): NodeSummary | undefined {
	return selectedRow(state, nodesKind);
}

export function selectedNode(state: AppState): NodeSummary | undefined {
	return state.swarm && !state.modal ? selectedNodeOf(state) : undefined;
}

/**
 * Rows of each part, header and column titles included: services on top, the selected service's
 * tasks below, nodes at the bottom; the view's title (and an error line) above them.
 */
export function swarmHeights(state: AppState): Record<SwarmPart, number> {
	const body = Math.max(9, screenHeight(state.size.rows) - 3 - (state.swarm?.error ? 1 : 0));
	// Services and nodes get what they hold, up to their share (40 % and 28 %); what one leaves
	// goes to the other when it needs more, the rest to the tasks (so the nodes stay at the
	// bottom, and moving between services with more or fewer tasks moves nothing).
	const share: Record<SwarmPart, number> = {services: Math.floor(body * 0.4), tasks: Math.floor(body * 0.32), nodes: 0};
	share.nodes = body - share.services - share.tasks;
	if (!state.swarm) return share;
	const need = (part: 'services' | 'nodes') => Math.max(1, (part === 'services' ? shownRows(state, servicesKind) : shownRows(state, nodesKind)).length) + 2;
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
export function swarmListRows(state: AppState, part: string): number {
	return Math.max(1, (swarmHeights(state) as Record<string, number>)[part]! - 2);
}
