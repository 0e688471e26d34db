import React, {memo, useMemo} from 'react';
import {Text} from 'ink';
import type {ContainerStats, ContainerSummary} from '../engine/types.js';
import type {HostCount} from '../state/selectors.js';
import {formatBytes, formatPorts, shortId, stateGlyph, stateLabel} from '../format/format.js';
import type {LineState} from '../input/line-editor.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {hostColumn, joinCells, layoutColumns, type Column} from './columns.js';
import {ListPane} from './list-pane.js';
import {tone} from './theme.js';

const allColumns: readonly Column[] = [
	{title: 'STATE', width: 14},
	{title: 'NAME', weight: 3, min: 10},
	{title: 'IMAGE', weight: 3, min: 8},
	{title: 'STATUS', weight: 2, min: 10, hideBelow: 60},
	{title: 'CPU', width: 6, align: 'right', hideBelow: 70},
	{title: 'MEM', width: 7, align: 'right', hideBelow: 70},
	{title: 'ID', width: 12, hideBelow: 110},
	{title: 'PORTS', weight: 2, min: 8, hideBelow: 90},
];
/** Without the stats columns (M, --no-stats): CPU and MEM never shown. */
const withoutStats: readonly Column[] = allColumns.map(c => (c.title === 'CPU' || c.title === 'MEM' ? {...c, hideBelow: Number.POSITIVE_INFINITY} : c));
/** With several hosts: HOST after NAME. */
const withHost = (columns: readonly Column[], hosts: readonly string[]) => [...columns.slice(0, 2), hostColumn(hosts), ...columns.slice(2)];

interface RowProps {
	c: ContainerSummary;
	columns: readonly Column[];
	/** The status text as of now (the engine's, aged since it was listed). */
	status: string;
	widths: number[];
	/** 'focus': the selection of the focused pane (inverse); 'dim': selected in another pane (bold). */
	selected?: 'focus' | 'dim';
	busy?: string;
	stats?: ContainerStats;
	marked?: boolean;
}

/** One container line; re-rendered only when something it shows changes. */
const ContainerRow = memo(function ContainerRow({c, columns, status, widths, selected, busy, stats, marked}: RowProps) {
	const glyph = stateGlyph(c.state, c.health, c.exitCode);
	const hosts = columns[2]?.title === 'HOST';
	const cells = [
		'',
		(marked ? '✓ ' : '') + sanitizeInline(c.name),
		...(hosts ? [sanitizeInline(c.host ?? '')] : []),
		sanitizeInline(c.image),
		busy ?? (c.unreachable ? 'unreachable' : sanitizeInline(status)),
		stats ? `${stats.cpuPercent.toFixed(1)}%` : '',
		stats ? formatBytes(stats.memoryUsage) : '',
		shortId(c.id),
		sanitizeInline(formatPorts(c.ports)),
	];
	const rest = joinCells(cells.slice(1), widths.slice(1), columns.slice(1));
	// A host that cannot be reached: its rows as last seen, greyed (the cause is in the header).
	if (c.unreachable) {
		return (
			<Text inverse={selected === 'focus'} bold={selected === 'dim'} color={tone('muted')} wrap="truncate-end">
				{fit(`? ${stateLabel(c)}`, widths[0]!)} {rest}
			</Text>
		);
	}
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} wrap="truncate-end">
			<Text color={tone(glyph.tone)}>{fit(`${glyph.glyph} ${stateLabel(c)}`, widths[0]!)}</Text>
			{' '}
			{busy ? <Text color={tone('warn')}>{rest}</Text> : rest}
		</Text>
	);
});

export interface ContainersPaneProps {
	/** The containers shown (filtered and sorted). */
	containers: ContainerSummary[];
	selectedId?: string;
	busy: Record<string, string>;
	focused: boolean;
	width: number;
	height: number;
	showAll: boolean;
	/** Every container the engine has, and how many of them run. */
	total: number;
	running: number;
	filter: string;
	edit?: LineState;
	loaded: boolean;
	stats: Record<string, ContainerStats>;
	marked: Record<string, true>;
	top: number;
	/** The sort, when it is not the default. */
	sortLabel?: string;
	/** The status text of a container as of now. */
	statusOf(c: ContainerSummary): string;
	/** The CPU and MEM columns (off: M, --no-stats). */
	showStats: boolean;
	/** With several hosts: each one's state and counts (a HOST column and per-host counts). */
	hosts: HostCount[];
}

/** The containers list: a header, column titles and only the rows that fit (virtualised). */
export function ContainersPane(props: ContainersPaneProps) {
	const {containers, selectedId, width, height, showAll, filter, focused} = props;
	const several = props.hosts.length > 0;
	const hostNames = props.hosts.map(h => h.name).join('\n');
	const columns = useMemo(() => {
		const base = props.showStats ? allColumns : withoutStats;
		return hostNames ? withHost(base, hostNames.split('\n')) : base;
	}, [props.showStats, hostNames]);
	const widths = useMemo(() => layoutColumns(columns, width), [columns, width]);
	const rowsHeight = Math.max(0, height - 2);
	const selected = Math.max(0, containers.findIndex(c => c.id === selectedId));
	const marks = Object.keys(props.marked).length;
	const parts = [`${props.running} running / ${props.total} total`];
	if (!showAll) parts.push('running only (a: all)');
	if (containers.length !== props.total) parts.push(`${containers.length} of ${props.total} shown`);
	if (containers.length > rowsHeight) parts.push(`${selected + 1}/${containers.length}`);
	if (props.sortLabel) parts.push(`sort: ${props.sortLabel}`);
	if (!props.showStats) parts.push('stats off (M)');
	if (marks) parts.push(`${marks} marked (L: merged logs)`);
	// Last: a host's cause may be long, and the header cuts from the end.
	if (several) parts.push(hostCountsText(props.hosts));
	let empty: string | undefined;
	if (!props.loaded) empty = 'Loading…';
	else if (containers.length === 0) empty = filter ? 'No container matches the filter' : showAll ? 'No containers' : 'No running containers (a: show all)';
	const selectedRow = containers[selected]?.id;
	return (
		<ListPane
			number={1}
			title="Containers"
			info={parts.join('  ')}
			focused={focused}
			width={width}
			height={height}
			columns={columns}
			widths={widths}
			rows={containers}
			top={props.top}
			filter={filter}
			edit={props.edit}
			empty={empty}
			row={c => (
				<ContainerRow
					key={c.id}
					c={c}
					columns={columns}
					status={props.statusOf(c)}
					widths={widths}
					selected={c.id === selectedRow ? (focused ? 'focus' : 'dim') : undefined}
					busy={props.busy[c.id]}
					stats={props.stats[c.id]}
					marked={props.marked[c.id] === true}
				/>
			)}
		/>
	);
}

/** "bd 4/8 · prod down: <cause>": running / total per host (as listed, whatever the filter), or why it is not there. */
function hostCountsText(hosts: HostCount[]): string {
	return hosts
		.map(host => {
			const name = sanitizeInline(host.name);
			if (host.state === 'down') return `${name} down${host.error ? `: ${sanitizeInline(host.error)}` : ''}`;
			if (host.state === 'connecting') return `${name} connecting…`;
			return `${name} ${host.running}/${host.total}`;
		})
		.join(' · ');
}
