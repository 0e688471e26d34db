import React, {memo, useMemo} from 'react';
import {Text} from 'ink';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import type {LineState} from '../input/line-editor.js';
import type {ImageRow} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {contentWidths, fitColumns} from './column-room.js';
import {hostColumn, joinCells, type Column} from './columns.js';
import {ListPane} from './list-pane.js';
import {tone} from './theme.js';

/** The columns, as data for column-room.ts: the reference matters most and takes the room left. */
const oneHost: readonly Column[] = [
	{title: 'REPOSITORY:TAG', weight: 1, min: 12, priority: 9},
	{title: 'IMAGE ID', width: 12, priority: 6},
	{title: 'SIZE', width: 8, align: 'right', priority: 7},
	{title: 'CREATED', width: 7, align: 'right', priority: 5},
	{title: 'USED BY', width: 7, align: 'right', priority: 4},
];

/** The cells whose width depends on the row (the host, the reference); the others are fixed. */
const refCells = (row: ImageRow, hosts: boolean) => [...(hosts ? [sanitizeInline(row.image.host ?? '')] : []), row.ref ? sanitizeInline(row.ref) : '<none>'];

interface RowProps {
	row: ImageRow;
	columns: readonly Column[];
	widths: number[];
	selected?: 'focus' | 'dim';
	busy?: string;
	/** The age as shown ("46s", "3h"). */
	age: string;
}

const ImageRowView = memo(function ImageRowView({row, columns, widths, selected, busy, age}: RowProps) {
	const uses = row.image.containers ?? 0;
	const cells = [...refCells(row, columns[0]?.title === 'HOST'), busy ?? shortId(row.image.id), formatBytes(row.image.size), age, uses === 0 ? '-' : String(uses)];
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} color={busy ? tone('warn') : row.ref && !row.image.unreachable ? undefined : tone('muted')} wrap="truncate-end">
			{joinCells(cells, widths, columns)}
		</Text>
	);
});

export interface ImagesPaneProps {
	/** The rows shown (filtered). */
	rows: ImageRow[];
	/** Every row (for the counts). */
	all: ImageRow[];
	selectedKey?: string;
	busy: Record<string, string>;
	focused: boolean;
	width: number;
	height: number;
	filter: string;
	edit?: LineState;
	loaded: boolean;
	top: number;
	/** Unix seconds; ages are computed against it. */
	now: number;
	/** Pulls, pushes and a build in progress (images-selectors.ts activityNote). */
	activity?: string;
}

/** The images list: one row per tag (dangling images as <none>), virtualised. */
export function ImagesPane(props: ImagesPaneProps) {
	const {rows, selectedKey, width, height, filter, focused} = props;
	// With several hosts: the images grouped per host (the rows' order), HOST first.
	const hostNames = [...new Set(props.all.map(r => r.image.host).filter(h => h !== undefined))].join('\n');
	const columns = useMemo(() => (hostNames ? [{...hostColumn(hostNames.split('\n')), priority: 8}, ...oneHost] : oneHost), [hostNames]);
	// Room by content: what every row needs (not only those on screen), so nothing moves while scrolling.
	const wants = useMemo(() => contentWidths(columns, props.all.map(r => refCells(r, hostNames !== ''))), [columns, props.all, hostNames]);
	const widths = useMemo(() => fitColumns(columns, wants, width), [columns, wants, width]);
	const rowsHeight = Math.max(0, height - 2);
	const selected = Math.max(0, rows.findIndex(r => r.key === selectedKey));
	const tags = props.all.filter(r => r.ref !== undefined).length;
	const images = new Set(props.all.map(r => r.image.id)).size;
	const parts = [`${plural(tags, 'tag')}, ${plural(images, 'image')}`];
	if (props.activity) parts.unshift(sanitizeInline(props.activity, {maxLength: 1024}));
	if (rows.length !== props.all.length) parts.push(`${rows.length} of ${props.all.length} shown`);
	if (rows.length > rowsHeight) parts.push(`${selected + 1}/${rows.length}`);
	let empty: string | undefined;
	if (!props.loaded) empty = 'Loading…';
	else if (rows.length === 0) empty = filter ? 'No image matches the filter' : 'No images';
	const selectedRow = rows[selected]?.key;
	return (
		<ListPane
			number={2}
			title="Images"
			info={parts.join('  ')}
			focused={focused}
			width={width}
			height={height}
			columns={columns}
			widths={widths}
			rows={rows}
			top={props.top}
			filter={filter}
			edit={props.edit}
			empty={empty}
			row={r => (
				<ImageRowView
					key={r.key}
					row={r}
					columns={columns}
					widths={widths}
					selected={r.key === selectedRow ? (focused ? 'focus' : 'dim') : undefined}
					busy={props.busy[r.image.id]}
					age={formatAgeShort(r.image.created, props.now)}
				/>
			)}
		/>
	);
}
