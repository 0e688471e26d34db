/**
 * The Swarm's nodes (`4`, the view's bottom part): hostname (`*` for this engine), status,
 * availability, manager status, engine version, labels, as `docker node ls` shows them.
 */
import type {NodeSummary} from '../engine/types.js';
import {shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import {managerStatusText, stateText} from '../format/swarm.js';
import {sanitizeInline} from '../text/sanitize.js';
import type {Kind, KindColumn} from './kind.js';
import {labelWord} from './words.js';

const labelsText = (labels: Record<string, string>) =>
	Object.entries(labels)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, v]) => (v === '' ? k : `${k}=${v}`))
		.join(', ');

const columns: Array<KindColumn<NodeSummary>> = [
	// "*" marks the engine berth talks to, as `docker node ls` marks it.
	{id: 'hostname', title: 'HOSTNAME', min: 10, weight: 2, priority: 9, cell: n => sanitizeInline(`${n.hostname || n.id}${n.self ? ' *' : ''}`)},
	{id: 'id', title: 'ID', width: 12, priority: 3, hideBelow: 100, cell: n => shortId(n.id)},
	{id: 'status', title: 'STATUS', width: 7, priority: 8, cell: n => sanitizeInline(stateText(n.status))},
	{id: 'availability', title: 'AVAILABILITY', width: 12, priority: 7, cell: (n, ctx) => sanitizeInline(ctx.state.busy[n.id] ?? stateText(n.availability))},
	{id: 'manager', title: 'MANAGER', width: 11, priority: 6, cell: n => managerStatusText(n)},
	{id: 'engine', title: 'ENGINE', width: 14, priority: 4, cell: n => sanitizeInline(n.engineVersion)},
	{id: 'labels', title: 'LABELS', min: 6, weight: 2, priority: 2, cell: n => sanitizeInline(labelsText(n.labels))},
];

export const nodesKind: Kind<NodeSummary> = {
	name: 'nodes',
	title: 'Nodes',
	noun: 'node',
	nouns: 'nodes',
	key: n => n.id,
	label: n => n.hostname || n.id,
	place: {view: 'swarm'},
	columns,
	text: n => `${n.hostname} ${n.status} ${n.availability} ${n.role}`,
	idPrefix: n => n.id,
	words: [
		{name: 'role', values: ['manager', 'worker'], matches: (n, value) => n.role === value},
		{name: 'availability', values: ['active', 'pause', 'drain'], matches: (n, value) => n.availability === value},
		labelWord(n => n.labels),
	],
	sort: [{id: 'hostname', label: 'hostname'}],
	tone: (n, ctx) => (ctx.state.busy[n.id] || n.availability !== 'active' ? 'warn' : n.status !== 'ready' ? 'bad' : undefined),
	header(_state, all) {
		const down = all.filter(n => n.status !== 'ready').length;
		return {lead: [`${plural(all.length, 'node')}${down ? `, ${down} not ready` : ''}`]};
	},
	empty: (_state, filtered) => (filtered ? 'No node matches the filter' : 'No nodes'),
};
