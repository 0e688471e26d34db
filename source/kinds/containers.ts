/**
 * The containers kind: every container (running first, then by name), kept live from the engine
 * feed (its own list, fetched again per container an event names), its columns, filter words
 * and orders. The pane is `1`, on top. Its commands: source/commands/container-*.ts.
 */
import type {ContainerSummary} from '../engine/types.js';
import {containerStatusText} from '../format/ages.js';
import {formatBytes, formatPorts, shortId, stateGlyph, stateLabel} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import type {AppState} from '../state/types.js';
import type {Tone} from './column.js';
import type {CellContext, FilterWord, Kind, KindColumn, SortKey} from './kind.js';
import {lastOf} from '../state/memo.js';
import {hostWord, labelValueWord, labelWord} from './words.js';
import {hostColumn} from './host-column.js';

/** States counted and sorted as running. */
export const alive: ReadonlySet<string> = new Set(['running', 'paused', 'restarting']);

export const composeProject = 'com.docker.compose.project';
export const composeService = 'com.docker.compose.service';

/** Running (and paused/restarting) first, then by name, then by id: a stable total order. */
export function sortContainers(list: readonly ContainerSummary[]): ContainerSummary[] {
	return [...list].sort((a, b) => {
		const ga = alive.has(a.state) ? 0 : 1;
		const gb = alive.has(b.state) ? 0 : 1;
		if (ga !== gb) return ga - gb;
		if (a.name !== b.name) return a.name < b.name ? -1 : 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}

const containersOf = (state: AppState) => state.lists['containers']!.rows as readonly ContainerSummary[];

/** The STATUS cell: the action running on it, else the status as of now (or that its host cannot be reached). */
export function statusCell(c: ContainerSummary, state: AppState): string {
	const busy = state.busy[c.id];
	if (busy) return busy;
	if (c.unreachable) return 'unreachable';
	return sanitizeInline(containerStatusText(c, state.times[c.id], state.listedAt[c.id] ?? state.clock, state.clock));
}

const healthTone: Record<string, Tone | undefined> = {healthy: 'ok', unhealthy: 'bad', starting: 'info', none: undefined};

/** Whether any row has it, remembered per list of rows (a column's `when` is asked on every render). */
function anyRow(has: (c: ContainerSummary) => boolean): (rows: readonly ContainerSummary[]) => boolean {
	const known = new WeakMap<readonly ContainerSummary[], boolean>();
	return rows => {
		let result = known.get(rows);
		if (result === undefined) known.set(rows, (result = rows.some(has)));
		return result;
	};
}

const anyHealth = anyRow(c => c.health !== undefined);
const anyProject = anyRow(c => composeProject in c.labels);
const anyService = anyRow(c => composeService in c.labels);

/** Whether a container on screen has restarted (its inspect said so). */
const restarted = lastOf((times: AppState['times']) => Object.values(times).some(t => (t.restartCount ?? 0) > 0));

const columns: Array<KindColumn<ContainerSummary>> = [
	{
		id: 'state',
		title: 'STATE',
		min: 14,
		priority: 9,
		// The health has its own column; the glyph's colour still says it (an unhealthy one is red).
		cell: c => `${c.unreachable ? '?' : stateGlyph(c.state, c.health, c.exitCode).glyph} ${stateLabel({state: c.state, exitCode: c.exitCode})}`,
		tone: c => (c.unreachable ? 'muted' : stateGlyph(c.state, c.health, c.exitCode).tone),
	},
	{
		id: 'name',
		title: 'NAME',
		min: 10,
		weight: 3,
		priority: 7,
		cell: (c, ctx: CellContext) => (ctx.list.marked[c.id] ? '✓ ' : '') + sanitizeInline(c.name),
		dependsOn: state => [state.lists['containers']!.marked],
	},
	{...hostColumn<ContainerSummary>(c => c.host), priority: 6},
	{id: 'image', title: 'IMAGE', min: 8, weight: 3, priority: 5, cell: c => sanitizeInline(c.image)},
	{
		id: 'status',
		title: 'STATUS',
		min: 10,
		priority: 8,
		cell: (c, ctx) => statusCell(c, ctx.state),
		dependsOn: state => [state.clock, state.times, state.listedAt, state.busy],
	},
	{id: 'health', title: 'HEALTH', width: 9, priority: 6, when: (_state, rows) => anyHealth(rows), cell: c => c.health ?? '', tone: c => healthTone[c.health ?? 'none']},
	{id: 'restarts', title: 'RESTARTS', width: 8, align: 'right', priority: 3, when: state => restarted(state.times), cell: (c, ctx) => String(ctx.state.times[c.id]?.restartCount ?? '')},
	{id: 'project', title: 'PROJECT', min: 7, max: 24, weight: 1, priority: 3, when: (_state, rows) => anyProject(rows), cell: c => sanitizeInline(c.labels[composeProject] ?? '')},
	{id: 'service', title: 'SERVICE', min: 7, max: 24, weight: 1, priority: 3, when: (_state, rows) => anyService(rows), cell: c => sanitizeInline(c.labels[composeService] ?? '')},
	{id: 'cpu', title: 'CPU', width: 6, align: 'right', priority: 4, when: state => state.showStats, cell: (c, ctx) => ctx.state.stats[c.id] ? `${ctx.state.stats[c.id]!.cpuPercent.toFixed(1)}%` : ''},
	{id: 'mem', title: 'MEM', width: 7, align: 'right', priority: 4, when: state => state.showStats, cell: (c, ctx) => ctx.state.stats[c.id] ? formatBytes(ctx.state.stats[c.id]!.memoryUsage) : ''},
	{id: 'id', title: 'ID', width: 12, priority: 2, cell: c => shortId(c.id)},
	{id: 'ports', title: 'PORTS', min: 12, weight: 2, priority: 1, cell: c => sanitizeInline(formatPorts(c.ports))},
];

const byName = (a: ContainerSummary, b: ContainerSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
const stats = (state: AppState) => state.stats;
const statsOf = (input: unknown) => input as AppState['stats'];

const sortKeys: Array<SortKey<ContainerSummary>> = [
	{id: 'state', label: 'state'},
	{id: 'name', label: 'name', compare: byName},
	{id: 'cpu', label: 'CPU', input: stats, compare: (a, b, input) => (statsOf(input)[b.id]?.cpuPercent ?? -1) - (statsOf(input)[a.id]?.cpuPercent ?? -1) || byName(a, b)},
	{id: 'memory', label: 'memory', input: stats, compare: (a, b, input) => (statsOf(input)[b.id]?.memoryUsage ?? -1) - (statsOf(input)[a.id]?.memoryUsage ?? -1) || byName(a, b)},
	{id: 'created', label: 'created', compare: (a, b) => b.created - a.created || byName(a, b)},
];

const statusWords = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'] as const;
const labels = (c: ContainerSummary) => c.labels;

const words: Array<FilterWord<ContainerSummary>> = [
	{name: 'status', values: statusWords, matches: (c, value) => c.state === value},
	{name: 'health', values: ['healthy', 'unhealthy', 'starting', 'none'], matches: (c, value) => (c.health ?? 'none') === value},
	{
		name: 'ancestor',
		check: value => (value === '' ? 'ancestor= needs an image: name[:tag] or an id' : undefined),
		matches: (c, value) => c.image === value || c.image.startsWith(`${value}:`) || (/^(sha256:)?[0-9a-f]+$/i.test(value) && c.imageId.replace('sha256:', '').startsWith(value.replace('sha256:', '').toLowerCase())),
	},
	{name: 'network', check: value => (value === '' ? 'network= needs a network name' : undefined), matches: (c, value) => (c.networks ?? []).includes(value)},
	{name: 'volume', check: value => (value === '' ? 'volume= needs a volume name or a mount point' : undefined), matches: (c, value) => (c.mounts ?? []).some(m => m.name === value || m.destination === value)},
	labelValueWord('project', composeProject, labels),
	labelValueWord('service', composeService, labels),
	hostWord(c => c.host),
	labelWord(labels),
];

/** Only the running ones unless every container is shown (`a`). */
const sourceOf = lastOf((rows: readonly ContainerSummary[], showAll: boolean) => (showAll ? rows : rows.filter(c => alive.has(c.state))));

/** Running (as the counts count it) and total per host; the ones down last (their cause is long). */
export interface HostCount {
	name: string;
	state: 'connecting' | 'up' | 'down';
	error?: string;
	running: number;
	total: number;
}

export const hostCounts = lastOf((hosts: AppState['hosts'], containers: readonly ContainerSummary[]): HostCount[] => {
	const counts = hosts.map(host => {
		const mine = containers.filter(c => c.host === host.name);
		return {name: host.name, state: host.state, error: host.error, running: mine.filter(c => alive.has(c.state)).length, total: mine.length};
	});
	return [...counts.filter(c => c.state !== 'down'), ...counts.filter(c => c.state === 'down')];
});

/** "bd 4/8 · prod down: <cause>": running / total per host (as listed, whatever the filter), or why it is not there. */
function hostCountsText(hosts: readonly HostCount[]): string {
	return hosts
		.map(host => {
			const name = sanitizeInline(host.name);
			if (host.state === 'down') return `${name} down${host.error ? `: ${sanitizeInline(host.error)}` : ''}`;
			if (host.state === 'connecting') return `${name} connecting…`;
			return `${name} ${host.running}/${host.total}`;
		})
		.join(' · ');
}

const countsOf = lastOf((rows: readonly ContainerSummary[]) => {
	let running = 0;
	for (const c of rows) if (alive.has(c.state)) running++;
	return {running, stopped: rows.length - running};
});

/** Running and stopped counts, over every container (not just those shown). */
export function containerCounts(state: AppState): {running: number; stopped: number} {
	return countsOf(containersOf(state));
}

export const containersKind: Kind<ContainerSummary> = {
	name: 'containers',
	title: 'Containers',
	noun: 'container',
	nouns: 'containers',
	key: c => c.id,
	label: c => c.name,
	host: c => c.host,
	unreachable: c => c.unreachable !== undefined,
	source: state => sourceOf(containersOf(state), state.showAll),
	fromSnapshot: snapshot => sortContainers(snapshot.containers),
	place: {pane: {key: '1', slot: 'top'}},
	columns,
	text: c => `${c.name} ${c.image} ${c.state} ${c.status}`,
	idPrefix: c => c.id,
	words,
	sort: sortKeys,
	markable: true,
	markHint: 'L: merged logs',
	tone: (c, ctx) => (c.unreachable ? 'muted' : ctx.state.busy[c.id] ? 'warn' : undefined),
	header(state) {
		const counts = containerCounts(state);
		const lead = [`${counts.running} running / ${counts.running + counts.stopped} total`];
		if (!state.showAll) lead.push('running only (a: all)');
		const several = state.hosts.length > 0;
		return {lead, notes: state.showStats ? [] : ['stats off (M)'], tail: several ? [hostCountsText(hostCounts(state.hosts, containersOf(state)))] : []};
	},
	empty: (state, filtered) => (filtered ? 'No container matches the filter' : state.showAll ? 'No containers' : 'No running containers (a: show all)'),
};
