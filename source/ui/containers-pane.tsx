import React, {memo, useMemo} from 'react';
import {Box, Text} from 'ink';
import type {ContainerStats, ContainerSummary} from '../engine/types.js';
import {formatBytes, formatPorts, shortId, stateGlyph, stateLabel} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {joinCells, layoutColumns, type Column} from './columns.js';
import {PaneHeader} from './pane-header.js';
import {tone} from './theme.js';

const columns: readonly Column[] = [
	{title: 'STATE', width: 14},
	{title: 'NAME', weight: 3, min: 10},
	{title: 'IMAGE', weight: 3, min: 8},
	{title: 'STATUS', weight: 2, min: 10, hideBelow: 60},
	{title: 'CPU', width: 6, align: 'right', hideBelow: 70},
	{title: 'MEM', width: 7, align: 'right', hideBelow: 70},
	{title: 'ID', width: 12, hideBelow: 110},
	{title: 'PORTS', weight: 2, min: 8, hideBelow: 90},
];

interface RowProps {
	c: ContainerSummary;
	widths: number[];
	/** 'focus': the selection of the focused pane (inverse); 'dim': selected in another pane (bold). */
	selected?: 'focus' | 'dim';
	busy?: string;
	stats?: ContainerStats;
	marked?: boolean;
}

/** One container line; re-rendered only when its container, its widths or its marks change. */
const ContainerRow = memo(function ContainerRow({c, widths, selected, busy, stats, marked}: RowProps) {
	const glyph = stateGlyph(c.state, c.health, c.exitCode);
	const label = stateLabel(c);
	const cells = [
		'',
		(marked ? '✓ ' : '') + sanitizeInline(c.name),
		sanitizeInline(c.image),
		busy ?? sanitizeInline(c.status),
		stats ? `${stats.cpuPercent.toFixed(1)}%` : '',
		stats ? formatBytes(stats.memoryUsage) : '',
		shortId(c.id),
		sanitizeInline(formatPorts(c.ports)),
	];
	const rest = joinCells(cells.slice(1), widths.slice(1), columns.slice(1));
	const stateCell = fit(`${glyph.glyph} ${label}`, widths[0]!);
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} wrap="truncate-end">
			<Text color={tone(glyph.tone)}>{stateCell}</Text>
			{' '}
			{busy ? <Text color={tone('warn')}>{rest}</Text> : rest}
		</Text>
	);
});

export interface ContainersPaneProps {
	containers: ContainerSummary[];
	selectedId?: string;
	busy: Record<string, string>;
	focused: boolean;
	width: number;
	height: number;
	showAll: boolean;
	total: number;
	running: number;
	filter: string;
	editing: boolean;
	loaded: boolean;
	stats: Record<string, ContainerStats>;
	marked: Record<string, true>;
	/** First visible row (the app keeps it, so it can sample stats for exactly these rows). */
	top: number;
	/** The sort, when it is not the default. */
	sortLabel?: string;
}

/** The containers list: a header, column titles and only the rows that fit (virtualised). */
export function ContainersPane(props: ContainersPaneProps) {
	const {containers, selectedId, busy, focused, width, height, showAll, filter, editing} = props;
	const widths = useMemo(() => layoutColumns(columns, width), [width]);
	const rowsHeight = Math.max(0, height - 2);
	const selected = Math.max(0, containers.findIndex(c => c.id === selectedId));
	const top = props.top;
	const visible = containers.slice(top, top + rowsHeight);
	const marks = Object.keys(props.marked).length;
	const info = `${props.running} running / ${props.total} total${showAll ? '' : ' — running only (a: all)'}${
		containers.length > rowsHeight ? `  ${selected + 1}/${containers.length}` : ''
	}${props.sortLabel ? `  sort: ${props.sortLabel}` : ''}${marks ? `  ${marks} marked (L: merged logs)` : ''}`;
	let empty: string | undefined;
	if (!props.loaded) empty = 'Loading…';
	else if (containers.length === 0)
		empty = filter ? 'No container matches the filter' : showAll ? 'No containers' : 'No running containers (a: show all)';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader number={1} title="Containers" info={info} focused={focused} width={width} filter={filter} editing={editing} />
			<Text color={tone('muted')} bold wrap="truncate-end">
				{joinCells(columns.map(c => c.title), widths, columns)}
			</Text>
			{empty ? <Text color={tone('muted')}>{fit(`  ${empty}`, width)}</Text> : null}
			{visible.map(c => (
				<ContainerRow
					key={c.id}
					c={c}
					widths={widths}
					selected={c.id === containers[selected]?.id ? (focused ? 'focus' : 'dim') : undefined}
					busy={busy[c.id]}
					stats={props.stats[c.id]}
					marked={props.marked[c.id] === true}
				/>
			))}
		</Box>
	);
}
