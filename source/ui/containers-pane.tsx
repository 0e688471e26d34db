import React, {memo, useMemo} from 'react';
import {Text} from 'ink';
import type {ContainerStats, ContainerSummary} from '../engine/types.js';
import type {HostCount} from '../state/selectors.js';
import {stateGlyph} from '../format/format.js';
import type {LineState} from '../input/line-editor.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth} from '../text/width.js';
import {contentWidths, fitColumns} from './column-room.js';
import {containerCells, containerColumns, statusCell, statusColumn} from './container-columns.js';
import {joinCells, type Column} from './columns.js';
import {ListPane} from './list-pane.js';
import {tone} from './theme.js';

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
	const cells = containerCells(c, hosts, statusCell(c, status, busy), stats, marked);
	const rest = joinCells(cells.slice(1), widths.slice(1), columns.slice(1));
	// A host that cannot be reached: its rows as last seen, greyed (the cause is in the header).
	if (c.unreachable) {
		return (
			<Text inverse={selected === 'focus'} bold={selected === 'dim'} color={tone('muted')} wrap="truncate-end">
				{fit(cells[0]!, widths[0]!)} {rest}
			</Text>
		);
	}
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} wrap="truncate-end">
			<Text color={tone(glyph.tone)}>{fit(cells[0]!, widths[0]!)}</Text>
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
	const columns = useMemo(() => containerColumns(props.showStats, hostNames ? hostNames.split('\n') : []), [props.showStats, hostNames]);
	// Room by content: what every row (not only those on screen) needs, so nothing moves while scrolling.
	const cellWants = useMemo(
		() => contentWidths(columns, containers.map(c => containerCells(c, hostNames !== '', '', undefined, props.marked[c.id] === true))),
		[columns, containers, hostNames, props.marked],
	);
	const statusAt = statusColumn(columns);
	let statusWant = stringWidth(columns[statusAt]?.title ?? '');
	for (const c of containers) statusWant = Math.max(statusWant, stringWidth(statusCell(c, props.statusOf(c), props.busy[c.id])));
	const wants = cellWants.map((w, i) => (i === statusAt ? statusWant : w));
	const wantsKey = wants.join(',');
	// eslint-disable-next-line react-hooks/exhaustive-deps -- the widths change only when a want does (wantsKey), so the rows stay memoised
	const widths = useMemo(() => fitColumns(columns, wants, width), [columns, wantsKey, width]);
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
