/**
 * The Swarm's tasks of the selected service (`4`, the view's middle part), the newest first as
 * `docker service ps` lists them: slot, node, desired and current state, age, error. An older
 * task of a slot is marked under its newest (`\_`).
 */
import type {TaskSummary} from '../engine/types.js';
import {formatAgeShort, shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import {stateText} from '../format/swarm.js';
import {sanitizeInline} from '../text/sanitize.js';
import {selectedServiceOf, taskRows} from '../state/swarm-selectors.js';
import type {AppState} from '../state/types.js';
import type {Kind, KindColumn} from './kind.js';

const failed = new Set(['failed', 'rejected', 'orphaned']);

/** Whether the task above is of the same slot (or, for a global service, the same node): this one is older. */
function older(t: TaskSummary, before: TaskSummary | undefined): boolean {
	return before !== undefined && (t.slot !== undefined ? before.slot === t.slot : before.slot === undefined && before.nodeId === t.nodeId);
}

const columns: Array<KindColumn<TaskSummary>> = [
	{
		id: 'slot',
		title: 'SLOT',
		width: 6,
		priority: 9,
		cell: (t, ctx) => {
			const slot = t.slot === undefined ? '-' : String(t.slot);
			return older(t, ctx.previous as TaskSummary | undefined) ? ` \\_ ${slot}` : slot;
		},
	},
	{id: 'id', title: 'ID', width: 12, priority: 3, hideBelow: 100, cell: t => shortId(t.id)},
	{id: 'node', title: 'NODE', min: 8, weight: 2, priority: 7, cell: t => sanitizeInline(t.node ?? '')},
	{id: 'desired', title: 'DESIRED', width: 8, priority: 6, cell: t => sanitizeInline(stateText(t.desiredState))},
	{id: 'current', title: 'CURRENT', min: 9, weight: 1, priority: 8, cell: t => sanitizeInline(stateText(t.state))},
	{
		id: 'age',
		title: 'AGE',
		width: 4,
		align: 'right',
		priority: 5,
		cell: (t, ctx) => {
			const since = Date.parse(t.stateSince);
			return Number.isNaN(since) ? '' : formatAgeShort(since / 1000, ctx.state.clock / 1000);
		},
	},
	{id: 'error', title: 'ERROR', min: 8, weight: 3, priority: 4, cell: t => sanitizeInline(t.error ?? '')},
];

export const tasksKind: Kind<TaskSummary> = {
	name: 'tasks',
	title: 'Tasks',
	noun: 'task',
	nouns: 'tasks',
	key: t => t.id,
	label: t => t.name,
	// The tasks of the selected service, once read (none while they are being read).
	source: state => (state.swarm ? taskRows(state) : []),
	place: {view: 'swarm'},
	columns,
	text: t => `${t.name} ${t.node ?? ''} ${t.state} ${t.desiredState} ${t.error ?? ''}`,
	idPrefix: t => t.id,
	words: [{name: 'desired-state', values: ['running', 'shutdown', 'accepted'], matches: (t, value) => t.desiredState === value}],
	sort: [{id: 'newest', label: 'newest'}],
	unpinned: true,
	tone: t => (failed.has(t.state) ? 'bad' : t.desiredState !== 'running' ? 'muted' : t.state !== 'running' ? 'warn' : undefined),
	heading: state => {
		const service = state.swarm ? selectedServiceOf(state) : undefined;
		return service ? `Tasks of ${sanitizeInline(service.name)}` : 'Tasks';
	},
	header(state, all) {
		if (tasksLoading(state)) return {lead: []};
		return {lead: [`${plural(all.length, 'task')}, ${all.filter(t => t.state === 'running').length} running`]};
	},
	empty: (state, filtered) => {
		if (!selectedServiceOf(state)) return 'Select a service to see its tasks';
		if (tasksLoading(state)) return 'Loading…';
		return filtered ? 'No task matches the filter' : 'No tasks';
	},
};

/** The selected service's tasks are being read. */
function tasksLoading(state: AppState): boolean {
	const service = selectedServiceOf(state);
	return service !== undefined && state.swarm?.tasksOf !== service.id;
}
