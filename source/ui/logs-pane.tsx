import React, {memo, useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import type {LineState} from '../input/line-editor.js';
import {buildLogView, type LogBufferView, type LogRow, type LogScroll, type MatchSet} from '../logs/log-view.js';
import type {Matcher} from '../text/matcher.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth, truncate} from '../text/width.js';
import {PaneHeader} from './pane-header.js';
import {sourceTone, tone} from './theme.js';

/** One screen row of the log: gutter (stderr mark, current match), prefix, text with highlights. */
const LogRowView = memo(function LogRowView({row, width}: {row: LogRow; width: number}) {
	const gutter = row.current ? '▶ ' : row.stream === 'stderr' ? '┃ ' : '  ';
	const room = Math.max(0, width - 2 - stringWidth(row.prefix));
	const text = truncate(row.text, room);
	// Most rows of a busy log: stdout, no prefix, no match. One text node instead of five (the
	// gutter's colour is on blanks, so nothing on screen differs): a flood redraws every row.
	if (row.stream !== 'stderr' && !row.current && !row.prefix && row.highlights.length === 0) return <Text wrap="truncate-end">{`  ${text}`}</Text>;
	const parts: React.ReactNode[] = [];
	let at = 0;
	for (const [start, end] of row.highlights) {
		if (start >= text.length) break;
		if (start > at) parts.push(text.slice(at, start));
		parts.push(
			<Text key={start} inverse>
				{text.slice(start, Math.min(end, text.length))}
			</Text>,
		);
		at = Math.min(end, text.length);
	}
	if (at < text.length) parts.push(text.slice(at));
	const sourceStart = row.source === undefined ? -1 : row.prefix.lastIndexOf(row.source);
	return (
		<Text wrap="truncate-end">
			<Text color={tone(row.current ? 'accent' : 'stderr')} bold={row.current}>
				{gutter}
			</Text>
			{sourceStart >= 0 ? (
				<>
					<Text color={tone('muted')}>{row.prefix.slice(0, sourceStart)}</Text>
					<Text color={sourceTone(row.sourceIndex ?? 0)}>{row.prefix.slice(sourceStart)}</Text>
				</>
			) : (
				<Text color={tone('muted')}>{row.prefix}</Text>
			)}
			<Text color={row.stream === 'stderr' ? tone('stderr') : undefined}>{parts}</Text>
		</Text>
	);
});

export interface LogsPaneProps {
	buffer: LogBufferView;
	/** What the pane shows: a container name, or "merged: a, b, c". */
	title?: string;
	/** Extra state for the header: "following", "exited", "stream failed". */
	state?: string;
	error?: string;
	scroll: LogScroll;
	focused: boolean;
	width: number;
	height: number;
	timestamps: boolean;
	wrap: boolean;
	filterMode: boolean;
	matcher?: Matcher;
	/** The search's matches (filter mode shows these lines). */
	matches?: MatchSet;
	/** The search in force. */
	search: string;
	/** The search as it is being typed (with its cursor). */
	edit?: LineState;
	searchError?: string;
	/** Absolute index of the current match and its place among all matches. */
	current?: number;
	matchInfo?: string;
	/** Stream settings for the header ("since 1h, tail 500"). */
	settings: string;
	/** Lines evicted from the ring buffer so far. */
	dropped: number;
	/** The buffer's version: the pane redraws when it changes. */
	version?: number;
}

/**
 * The selected container's (or the merged) log, live; search, filter, timestamps and wrap.
 * Memoised: a key press in another pane leaves it as it is (the buffer changes only with
 * `version`).
 */
export const LogsPane = memo(function LogsPane(props: LogsPaneProps) {
	const {buffer, scroll, focused, width, height} = props;
	const rowsHeight = Math.max(0, height - 1);
	const view = buildLogView(buffer, scroll, {
		height: rowsHeight,
		width: width - 2,
		timestamps: props.timestamps,
		wrap: props.wrap,
		filterMode: props.filterMode,
		matcher: props.matcher,
		matches: props.matches,
		current: props.current,
	});
	// Highlights have a work budget per screen: what it did not reach is drawn on the next turn.
	const [, redraw] = useState(0);
	useEffect(() => {
		if (!view.highlightsPending) return;
		const next = setImmediate(() => redraw(n => n + 1));
		return () => clearImmediate(next);
	});
	const parts: string[] = [];
	if (props.title) parts.push(sanitizeInline(props.title));
	else parts.push('no container selected');
	if (props.state) parts.push(props.state);
	parts.push(props.settings);
	if (props.filterMode && props.search) parts.push('filter on (f)');
	if (props.matchInfo) parts.push(props.matchInfo);
	if (!scroll.follow) parts.push(`${view.below} below (G: follow)`);
	if (props.dropped > 0) parts.push(`${props.dropped} dropped`);
	let empty: string | undefined;
	if (props.error) empty = `Could not read the log: ${sanitizeInline(props.error)}`;
	else if (props.title && view.rows.length === 0) empty = props.filterMode && props.search ? 'No line matches' : 'No output yet';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader
				number={3}
				title="Logs"
				info={parts.join(' · ')}
				focused={focused}
				width={width}
				filter={props.search}
				edit={props.edit}
				filterLabel="search"
			/>
			{props.searchError ? <Text color={tone('bad')}>{fit(`  ${sanitizeInline(props.searchError)}`, width)}</Text> : null}
			{empty ? <Text color={tone(props.error ? 'bad' : 'muted')}>{fit(`  ${empty}`, width)}</Text> : null}
			{/* Keyed by place on screen, not by line: a flood moves every line every frame, and a
			    row keyed by its line would be a new element (and layout node) each time. */}
			{view.rows.slice(props.searchError ? 1 : 0).map((row, place) => (
				<LogRowView key={place} row={row} width={width} />
			))}
		</Box>
	);
});
