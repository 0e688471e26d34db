import React, {useMemo} from 'react';
import {Text} from 'ink';
import type {NodeSummary, ServiceSummary, TaskSummary} from '../engine/types.js';
import {formatAgeShort, shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import {managerStatusText, replicasText, serviceConverged, servicePortsText, stateText} from '../format/swarm.js';
import type {SwarmFollow} from '../state/swarm-view-types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {joinCells, layoutColumns, type Column} from './columns.js';
import {ListPane} from './list-pane.js';
import {tone} from './theme.js';

type Selected = 'focus' | 'dim' | undefined;

interface PartProps<T> {
	rows: readonly T[];
	selectedId?: string;
	focused: boolean;
	width: number;
	height: number;
	top: number;
}

const mark = (focused: boolean, selected: boolean): Selected => (selected ? (focused ? 'focus' : 'dim') : undefined);
const position = (rows: readonly {id: string}[], id: string | undefined, height: number) =>
	rows.length > Math.max(0, height - 2) ? `  ${Math.max(0, rows.findIndex(r => r.id === id)) + 1}/${rows.length}` : '';

function Row({cells, widths, columns, selected, color}: {cells: string[]; widths: number[]; columns: readonly Column[]; selected: Selected; color?: string}) {
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} color={color} wrap="truncate-end">
			{joinCells(cells, widths, columns)}
		</Text>
	);
}

const serviceColumns: readonly Column[] = [
	{title: 'NAME', weight: 2, min: 8},
	{title: 'MODE', width: 10},
	{title: 'REPLICAS', width: 8},
	{title: 'IMAGE', weight: 3, min: 10},
	{title: 'PORTS', weight: 2, min: 6, hideBelow: 70},
	{title: 'UPDATE', weight: 1, min: 9},
];

/** UPDATE: what runs on it now (berth's action, a scale being followed), else how the last update went. */
function updateText(service: ServiceSummary, busy: string | undefined, following: number | undefined): string {
	if (busy) return busy;
	if (following !== undefined) return `scaling to ${following}…`;
	const update = service.updateStatus;
	if (!update) return '';
	const state = update.state.replace('_', ' ');
	return /paused/.test(update.state) && update.message ? `${state}: ${update.message}` : state;
}

export function ServicesPart(props: PartProps<ServiceSummary> & {busy: Record<string, string>; following: Record<string, SwarmFollow>; empty?: string}) {
	const {rows, width, focused} = props;
	const widths = useMemo(() => layoutColumns(serviceColumns, width), [width]);
	const unsettled = rows.filter(s => !serviceConverged(s)).length;
	const info = `${plural(rows.length, 'service')}${unsettled ? `, ${unsettled} converging` : ''}${position(rows, props.selectedId, props.height)}`;
	return (
		<ListPane
			title="Services"
			info={info}
			focused={focused}
			width={width}
			height={props.height}
			columns={serviceColumns}
			widths={widths}
			rows={rows}
			top={props.top}
			filter=""
			empty={props.empty ?? (rows.length === 0 ? 'No services (docker service create makes one)' : undefined)}
			row={s => {
				const busy = props.busy[s.id];
				const cells = [s.name, s.mode, replicasText(s), s.image, servicePortsText(s.ports), updateText(s, busy, props.following[s.id]?.replicas)].map(c => sanitizeInline(c));
				const color = busy || !serviceConverged(s) ? tone('warn') : undefined;
				return <Row key={s.id} cells={cells} widths={widths} columns={serviceColumns} selected={mark(focused, s.id === props.selectedId)} color={color} />;
			}}
		/>
	);
}

const taskColumns: readonly Column[] = [
	{title: 'SLOT', width: 6},
	{title: 'ID', width: 12, hideBelow: 100},
	{title: 'NODE', weight: 2, min: 8},
	{title: 'DESIRED', width: 8},
	{title: 'CURRENT', weight: 1, min: 9},
	{title: 'AGE', width: 4, align: 'right'},
	{title: 'ERROR', weight: 3, min: 8},
];

const failed = new Set(['failed', 'rejected', 'orphaned']);

export function TasksPart(props: PartProps<TaskSummary> & {service?: string; loading: boolean; now: number}) {
	const {rows, width, focused} = props;
	const widths = useMemo(() => layoutColumns(taskColumns, width), [width]);
	const running = rows.filter(t => t.state === 'running').length;
	const title = props.service ? `Tasks of ${sanitizeInline(props.service)}` : 'Tasks';
	const info = props.loading ? '' : `${plural(rows.length, 'task')}, ${running} running${position(rows, props.selectedId, props.height)}`;
	const empty = !props.service ? 'Select a service to see its tasks' : props.loading ? 'Loading…' : rows.length === 0 ? 'No tasks' : undefined;
	return (
		<ListPane
			title={title}
			info={info}
			focused={focused}
			width={width}
			height={props.height}
			columns={taskColumns}
			widths={widths}
			rows={rows}
			top={props.top}
			filter=""
			empty={empty}
			row={t => {
				// Older tasks of a slot (or node) come after its newest, marked as `docker service ps` marks them.
				const index = rows.indexOf(t);
				const before = rows[index - 1];
				const older = before !== undefined && (t.slot !== undefined ? before.slot === t.slot : before.slot === undefined && before.nodeId === t.nodeId);
				const slot = t.slot === undefined ? '-' : String(t.slot);
				const since = Date.parse(t.stateSince);
				const age = Number.isNaN(since) ? '' : formatAgeShort(since / 1000, props.now);
				const cells = [older ? ` \\_ ${slot}` : slot, shortId(t.id), t.node ?? '', stateText(t.desiredState), stateText(t.state), age, t.error ?? ''].map(c => sanitizeInline(c));
				const color = failed.has(t.state) ? tone('bad') : t.desiredState !== 'running' ? tone('muted') : t.state !== 'running' ? tone('warn') : undefined;
				return <Row key={t.id} cells={cells} widths={widths} columns={taskColumns} selected={mark(focused, t.id === props.selectedId)} color={color} />;
			}}
		/>
	);
}

const nodeColumns: readonly Column[] = [
	{title: 'HOSTNAME', weight: 2, min: 10},
	{title: 'ID', width: 12, hideBelow: 100},
	{title: 'STATUS', width: 7},
	{title: 'AVAILABILITY', width: 12},
	{title: 'MANAGER', width: 11},
	{title: 'ENGINE', width: 14},
	{title: 'LABELS', weight: 2, min: 6},
];

const labelsText = (labels: Record<string, string>) =>
	Object.entries(labels)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, v]) => (v === '' ? k : `${k}=${v}`))
		.join(', ');

export function NodesPart(props: PartProps<NodeSummary> & {busy: Record<string, string>}) {
	const {rows, width, focused} = props;
	const widths = useMemo(() => layoutColumns(nodeColumns, width), [width]);
	const down = rows.filter(n => n.status !== 'ready').length;
	const info = `${plural(rows.length, 'node')}${down ? `, ${down} not ready` : ''}${position(rows, props.selectedId, props.height)}`;
	return (
		<ListPane
			title="Nodes"
			info={info}
			focused={focused}
			width={width}
			height={props.height}
			columns={nodeColumns}
			widths={widths}
			rows={rows}
			top={props.top}
			filter=""
			empty={rows.length === 0 ? 'No nodes' : undefined}
			row={n => {
				const busy = props.busy[n.id];
				// "*" marks the engine berth talks to, as `docker node ls` marks it.
				const cells = [`${n.hostname || n.id}${n.self ? ' *' : ''}`, shortId(n.id), stateText(n.status), busy ?? stateText(n.availability), managerStatusText(n), n.engineVersion, labelsText(n.labels)].map(c => sanitizeInline(c));
				const color = busy || n.availability !== 'active' ? tone('warn') : n.status !== 'ready' ? tone('bad') : undefined;
				return <Row key={n.id} cells={cells} widths={widths} columns={nodeColumns} selected={mark(focused, n.id === props.selectedId)} color={color} />;
			}}
		/>
	);
}
