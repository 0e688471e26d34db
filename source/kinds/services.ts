/**
 * The Swarm's services (`4`, the view's top part): name, mode, replicas as `docker service ls`
 * counts them, image, ingress ports, the update state (or the scale being followed). Read by the
 * Swarm view's poller while the view is open (controller/swarm-poller.ts); commands:
 * source/commands/swarm-actions.ts.
 */
import type {ServiceSummary} from '../engine/types.js';
import {plural} from '../format/plural.js';
import {replicasText, serviceConverged, servicePortsText} from '../format/swarm.js';
import {sanitizeInline} from '../text/sanitize.js';
import type {AppState} from '../state/types.js';
import type {Kind, KindColumn} from './kind.js';
import {labelWord} from './words.js';

/** UPDATE: what runs on it now (berth's action, a scale being followed), else how the last update went. */
function updateText(service: ServiceSummary, state: AppState): string {
	const busy = state.busy[service.id];
	if (busy) return busy;
	const following = state.swarm?.following[service.id]?.replicas;
	if (following !== undefined) return `scaling to ${following}…`;
	const update = service.updateStatus;
	if (!update) return '';
	const words = update.state.replace('_', ' ');
	return /paused/.test(update.state) && update.message ? `${words}: ${update.message}` : words;
}

const columns: Array<KindColumn<ServiceSummary>> = [
	{id: 'name', title: 'NAME', min: 8, weight: 2, priority: 9, cell: s => sanitizeInline(s.name)},
	{id: 'mode', title: 'MODE', width: 10, priority: 5, cell: s => sanitizeInline(s.mode)},
	{id: 'replicas', title: 'REPLICAS', width: 8, priority: 8, cell: s => replicasText(s)},
	{id: 'image', title: 'IMAGE', min: 10, weight: 3, priority: 6, cell: s => sanitizeInline(s.image)},
	{id: 'ports', title: 'PORTS', min: 6, weight: 2, priority: 2, hideBelow: 70, cell: s => sanitizeInline(servicePortsText(s.ports))},
	{id: 'update', title: 'UPDATE', min: 9, weight: 1, priority: 7, cell: (s, ctx) => sanitizeInline(updateText(s, ctx.state)), dependsOn: state => [state.busy, state.swarm?.following]},
];

export const servicesKind: Kind<ServiceSummary> = {
	name: 'services',
	title: 'Services',
	noun: 'service',
	nouns: 'services',
	key: s => s.id,
	label: s => s.name,
	place: {view: 'swarm'},
	columns,
	text: s => `${s.name} ${s.image} ${s.mode}`,
	idPrefix: s => s.id,
	words: [labelWord(s => s.labels)],
	sort: [{id: 'name', label: 'name'}],
	tone: (s, ctx) => (ctx.state.busy[s.id] || !serviceConverged(s) ? 'warn' : undefined),
	header(_state, all) {
		const unsettled = all.filter(s => !serviceConverged(s)).length;
		return {lead: [`${plural(all.length, 'service')}${unsettled ? `, ${unsettled} converging` : ''}`]};
	},
	empty: (_state, filtered) => (filtered ? 'No service matches the filter' : 'No services (docker service create makes one)'),
};
