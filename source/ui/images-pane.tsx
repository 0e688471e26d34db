import React, {memo, useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import type {ImageRow} from '../state/app-state.js';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {joinCells, layoutColumns, type Column} from './columns.js';
import {windowTop} from './list-window.js';
import {PaneHeader} from './pane-header.js';
import {tone} from './theme.js';

const columns: readonly Column[] = [
	{title: 'REPOSITORY:TAG', weight: 1, min: 12},
	{title: 'IMAGE ID', width: 12},
	{title: 'SIZE', width: 8, align: 'right'},
	{title: 'CREATED', width: 7, align: 'right', hideBelow: 50},
	{title: 'USED BY', width: 7, align: 'right', hideBelow: 60},
];

interface RowProps {
	row: ImageRow;
	widths: number[];
	selected?: 'focus' | 'dim';
	busy?: string;
	now: number;
}

const ImageRowView = memo(function ImageRowView({row, widths, selected, busy, now}: RowProps) {
	const uses = row.image.containers ?? 0;
	const cells = [
		row.ref ? sanitizeInline(row.ref) : '<none>',
		busy ?? shortId(row.image.id),
		formatBytes(row.image.size),
		formatAgeShort(row.image.created, now),
		uses === 0 ? '-' : String(uses),
	];
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} color={busy ? tone('warn') : row.ref ? undefined : tone('muted')} wrap="truncate-end">
			{joinCells(cells, widths, columns)}
		</Text>
	);
});

export interface ImagesPaneProps {
	rows: ImageRow[];
	selectedKey?: string;
	busy: Record<string, string>;
	focused: boolean;
	width: number;
	height: number;
	filter: string;
	editing: boolean;
	loaded: boolean;
	/** Unix seconds; ages are computed against it. */
	now: number;
}

/** The images list: one row per tag (dangling images as <none>), virtualised. */
export function ImagesPane(props: ImagesPaneProps) {
	const {rows, selectedKey, busy, focused, width, height, filter, editing, now} = props;
	const widths = useMemo(() => layoutColumns(columns, width), [width]);
	const rowsHeight = Math.max(0, height - 2);
	const selected = Math.max(0, rows.findIndex(r => r.key === selectedKey));
	const topRef = useRef(0);
	const top = windowTop(topRef.current, selected, rowsHeight, rows.length);
	topRef.current = top;
	const visible = rows.slice(top, top + rowsHeight);
	const unique = new Set(rows.map(r => r.image.id)).size;
	const info = `${rows.length} tags, ${unique} images${rows.length > rowsHeight ? `  ${selected + 1}/${rows.length}` : ''}`;
	let empty: string | undefined;
	if (!props.loaded) empty = 'Loading…';
	else if (rows.length === 0) empty = filter ? 'No image matches the filter' : 'No images';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader number={2} title="Images" info={info} focused={focused} width={width} filter={filter} editing={editing} />
			<Text color={tone('muted')} bold wrap="truncate-end">
				{joinCells(columns.map(c => c.title), widths, columns)}
			</Text>
			{empty ? <Text color={tone('muted')}>{fit(`  ${empty}`, width)}</Text> : null}
			{visible.map(r => (
				<ImageRowView
					key={r.key}
					row={r}
					widths={widths}
					selected={r.key === rows[selected]?.key ? (focused ? 'focus' : 'dim') : undefined}
					busy={busy[r.image.id]}
					now={now}
				/>
			))}
		</Box>
	);
}
