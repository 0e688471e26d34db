import React, {type ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {LineState} from '../input/line-editor.js';
import {fit} from '../text/width.js';
import {joinCells, type Column} from './columns.js';
import {PaneHeader} from './pane-header.js';
import {tone} from './theme.js';

export interface ListPaneProps<T> {
	number?: number;
	title: string;
	info: string;
	focused: boolean;
	width: number;
	height: number;
	columns: readonly Column[];
	widths: number[];
	/** Every row the list holds (filtered and sorted); only the window's rows are drawn. */
	rows: readonly T[];
	/** First row shown (the state keeps it, following the selection). */
	top: number;
	filter: string;
	edit?: LineState;
	/** Shown instead of rows (loading, nothing matches). */
	empty?: string;
	row(item: T): ReactNode;
}

/**
 * A dense, virtualised list pane: a header naming it and its filter, column titles, and only
 * the rows that fit. The containers and images panes are both one (and so will later panes be).
 */
export function ListPane<T>(props: ListPaneProps<T>) {
	const {width, height, columns, widths} = props;
	const rowsHeight = Math.max(0, height - 2);
	const visible = props.rows.slice(props.top, props.top + rowsHeight);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader number={props.number} title={props.title} info={props.info} focused={props.focused} width={width} filter={props.filter} edit={props.edit} />
			<Text color={tone('muted')} bold wrap="truncate-end">
				{joinCells(columns.map(c => c.title), widths, columns)}
			</Text>
			{props.empty ? <Text color={tone('muted')}>{fit(`  ${props.empty}`, width)}</Text> : null}
			{visible.map(item => props.row(item))}
		</Box>
	);
}
