import React, {memo, useMemo} from 'react';
import {Box, Text} from 'ink';
import type {AnyKind, KindColumn} from '../kinds/kind.js';
import type {Tone} from '../kinds/column.js';
import {columnWants, shownColumns} from '../state/column-wants.js';
import {filterWords, listOf, parsedFilter, selectedIndex, shownRows, sourceRows} from '../state/lists.js';
import type {AppState} from '../state/types.js';
import {fit} from '../text/width.js';
import {fitColumns} from './column-room.js';
import {joinCells} from './columns.js';
import {PaneHeader} from './pane-header.js';
import {tone} from './theme.js';

/** A run of a row's text in one colour. */
interface Segment {
	text: string;
	tone?: Tone;
}

interface RowProps {
	segments: Segment[];
	/** 'focus': the selection of the focused pane (inverse); 'dim': selected in another pane (bold). */
	selected?: 'focus' | 'dim';
}

const sameRow = (a: RowProps, b: RowProps) =>
	a.selected === b.selected && a.segments.length === b.segments.length && a.segments.every((s, i) => s.text === b.segments[i]!.text && s.tone === b.segments[i]!.tone);

/** One row; drawn again only when its text, its colours or its selection change. */
const KindRow = memo(function KindRow({segments, selected}: RowProps) {
	return (
		<Text inverse={selected === 'focus'} bold={selected === 'dim'} wrap="truncate-end">
			{segments.map((s, i) => (s.tone ? <Text key={i} color={tone(s.tone)}>{s.text}</Text> : s.text))}
		</Text>
	);
}, sameRow);

/** A row's cells fitted to their columns, in runs of one colour (a cell's own tone, else the row's). */
function segmentsOf(row: unknown, previous: unknown, kind: AnyKind, columns: ReadonlyArray<KindColumn<unknown>>, widths: number[], state: AppState): Segment[] {
	const ctx = {state, list: listOf(state, kind.name), previous};
	const rowTone = kind.tone?.(row, ctx);
	const segments: Segment[] = [];
	for (const [i, column] of columns.entries()) {
		const width = widths[i] ?? 0;
		if (width <= 0) continue;
		const text = (segments.length > 0 ? ' ' : '') + fit(column.cell(row, ctx), width, column.align ?? 'left');
		const own = column.tone?.(row, ctx) ?? rowTone;
		const last = segments.at(-1);
		if (last && last.tone === own) last.text += text;
		else segments.push({text, tone: own});
	}
	return segments;
}

export interface KindPaneProps {
	state: AppState;
	kind: AnyKind;
	focused: boolean;
	width: number;
	height: number;
	/** The pane's number key, when it has one. */
	number?: number;
}

/**
 * Any kind's list (source/kinds/): a header naming it, its counts and its filter (and why a
 * filter word was left out), the column titles, and only the rows that fit (virtualised). The
 * columns get their room by what their content needs and how much each matters (column-room.ts),
 * measured again only when their content can have changed (state/column-wants.ts).
 */
export function KindPane({state, kind, focused, width, height, number}: KindPaneProps) {
	const list = listOf(state, kind.name);
	const rows = shownRows(state, kind);
	const all = sourceRows(state, kind);
	const columns = shownColumns(state, kind);
	const wants = columnWants(state, kind, columns);
	const wantsKey = wants.join(',');
	// eslint-disable-next-line react-hooks/exhaustive-deps -- the widths change only when a want does (wantsKey), so the rows stay memoised
	const widths = useMemo(() => fitColumns(columns, wants, width), [columns, wantsKey, width]);
	const rowsHeight = Math.max(0, height - 2);
	const selected = selectedIndex(state, kind);
	const words = kind.header(state, all);
	const parts = [...words.lead];
	if (rows.length !== all.length) parts.push(`${rows.length} of ${all.length} shown`);
	if (rows.length > rowsHeight) parts.push(`${selected + 1}/${rows.length}`);
	const sortKey = kind.sort.find(s => s.id === list.sort.key);
	if (sortKey && (sortKey !== kind.sort[0] || list.sort.reverse)) parts.push(`sort: ${sortKey.label}${list.sort.reverse ? ' ↑' : ' ↓'}`);
	parts.push(...(words.notes ?? []));
	const marks = Object.keys(list.marked).length;
	if (marks > 0) parts.push(`${marks} marked${kind.markHint ? ` (${kind.markHint})` : ''}`);
	parts.push(...(words.tail ?? []));
	const problem = list.filter ? parsedFilter(state, kind, filterWords.others).error : undefined;
	let empty: string | undefined;
	if (rows.length === 0) empty = !list.loaded && !kind.loading ? 'Loading…' : kind.loading && !list.loaded ? kind.loading(state) : kind.empty(state, list.filter !== '');
	const edit = !state.modal && state.filterEdit?.pane === kind.name ? state.filterEdit.line : undefined;
	const visible = rows.slice(list.top, list.top + rowsHeight);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader number={number} title={kind.heading?.(state) ?? kind.title} info={parts.join('  ')} focused={focused} width={width} filter={list.filter} edit={edit} problem={problem} />
			<Text color={tone('muted')} bold wrap="truncate-end">
				{joinCells(
					columns.map(c => c.title),
					widths,
					columns,
				)}
			</Text>
			{empty ? <Text color={tone('muted')}>{fit(`  ${empty}`, width)}</Text> : null}
			{visible.map((row, i) => {
				const at = list.top + i;
				return <KindRow key={kind.key(row)} segments={segmentsOf(row, rows[at - 1], kind, columns, widths, state)} selected={at === selected ? (focused ? 'focus' : 'dim') : undefined} />;
			})}
		</Box>
	);
}
