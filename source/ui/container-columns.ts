/**
 * The containers list's columns, as data for column-room.ts (what each needs and how much it
 * matters: the state and its time are cut last; the ports, the last column, whose list can be
 * long, are cut first), and the cells of one row.
 */
import type {ContainerStats, ContainerSummary} from '../engine/types.js';
import {formatBytes, formatPorts, shortId, stateGlyph, stateLabel} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {hostColumn, type Column} from './columns.js';

const allColumns: readonly Column[] = [
	{title: 'STATE', min: 14, priority: 9},
	{title: 'NAME', min: 10, weight: 3, priority: 7},
	{title: 'IMAGE', min: 8, weight: 3, priority: 5},
	{title: 'STATUS', min: 10, priority: 8},
	{title: 'CPU', width: 6, align: 'right', priority: 4},
	{title: 'MEM', width: 7, align: 'right', priority: 4},
	{title: 'ID', width: 12, priority: 2},
	{title: 'PORTS', min: 12, weight: 2, priority: 1},
];

/** The columns: without CPU and MEM when the stats are off (M, --no-stats); with several hosts, HOST after NAME. */
export function containerColumns(showStats: boolean, hosts: readonly string[]): Column[] {
	const base = showStats ? [...allColumns] : allColumns.map(c => (c.title === 'CPU' || c.title === 'MEM' ? {...c, hideBelow: Number.POSITIVE_INFINITY} : c));
	return hosts.length > 0 ? [...base.slice(0, 2), {...hostColumn(hosts), priority: 6}, ...base.slice(2)] : base;
}

export const statusColumn = (columns: readonly Column[]) => columns.findIndex(c => c.title === 'STATUS');

/** One row's cells, in the columns' order (`hosts`: with a HOST column); `status` is what the STATUS cell shows. */
export function containerCells(c: ContainerSummary, hosts: boolean, status: string, stats?: ContainerStats, marked?: boolean): string[] {
	return [
		c.unreachable ? `? ${stateLabel(c)}` : `${stateGlyph(c.state, c.health, c.exitCode).glyph} ${stateLabel(c)}`,
		(marked ? '✓ ' : '') + sanitizeInline(c.name),
		...(hosts ? [sanitizeInline(c.host ?? '')] : []),
		sanitizeInline(c.image),
		status,
		stats ? `${stats.cpuPercent.toFixed(1)}%` : '',
		stats ? formatBytes(stats.memoryUsage) : '',
		shortId(c.id),
		sanitizeInline(formatPorts(c.ports)),
	];
}

/** What the STATUS cell shows: the action running on it, else the status (or that its host cannot be reached). */
export function statusCell(c: ContainerSummary, status: string, busy?: string): string {
	return busy ?? (c.unreachable ? 'unreachable' : sanitizeInline(status));
}
