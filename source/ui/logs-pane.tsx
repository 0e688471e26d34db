import React, {memo} from 'react';
import {Box, Text} from 'ink';
import type {LogLine} from '../engine/types.js';
import type {LogStreamView} from '../hooks/use-log-stream.js';
import {sanitizeInline, sanitizeLine} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {PaneHeader} from './pane-header.js';
import {tone} from './theme.js';

/** Where the logs pane looks: following the live end, or parked with `end` as the absolute index after the last shown line. */
export type LogScroll = {follow: true} | {follow: false; end: number};

/** Longest part of a line that is ever sanitised for a one-line view (the rest cannot be seen). */
const maxShown = 4096;

const LogRow = memo(function LogRow({line, width}: {line: LogLine; width: number}) {
	const text = sanitizeLine(line.text.length > maxShown ? line.text.slice(0, maxShown) : line.text);
	const gutter = line.stream === 'stderr' ? '┃ ' : '  ';
	return (
		<Text wrap="truncate-end">
			<Text color={tone('stderr')}>{gutter}</Text>
			<Text color={line.stream === 'stderr' ? tone('stderr') : undefined}>{fit(text, Math.max(0, width - 2))}</Text>
		</Text>
	);
});

/** The absolute index range [start, end) the pane shows for a scroll position. */
export function logWindow(scroll: LogScroll, dropped: number, length: number, height: number): [number, number] {
	const total = dropped + length;
	let end = scroll.follow ? total : Math.min(total, scroll.end);
	end = Math.max(end, Math.min(total, dropped + height));
	const start = Math.max(dropped, end - height);
	return [start, end];
}

export interface LogsPaneProps {
	view: LogStreamView;
	containerName?: string;
	containerState?: string;
	scroll: LogScroll;
	focused: boolean;
	width: number;
	height: number;
}

/** The selected container's log, live, with stderr marked; PgUp/PgDn scroll back, G follows. */
export function LogsPane({view, containerName, containerState, scroll, focused, width, height}: LogsPaneProps) {
	const {buffer} = view;
	const rowsHeight = Math.max(0, height - 1);
	const [start, end] = logWindow(scroll, buffer.dropped, buffer.length, rowsHeight);
	const lines: LogLine[] = [];
	for (let i = start; i < end; i++) lines.push(buffer.get(i - buffer.dropped)!);
	let info = containerName ? `${sanitizeInline(containerName)}` : 'no container selected';
	if (containerName) {
		if (view.state === 'error') info += ' — stream failed';
		else if (view.state === 'ended' || containerState !== 'running') info += ` — ${containerState ?? 'stopped'}`;
		else info += scroll.follow ? ' — following' : '';
		if (!scroll.follow) info += ` — ${buffer.dropped + buffer.length - end} lines below (G: follow)`;
		if (buffer.dropped > 0) info += ` — ${buffer.dropped} older lines dropped`;
	}
	let empty: string | undefined;
	if (view.state === 'error') empty = `Could not read the log: ${sanitizeInline(view.error ?? '')}`;
	else if (containerName && buffer.length === 0) empty = view.state === 'streaming' ? 'Waiting for output…' : 'No output';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneHeader number={3} title="Logs" info={info} focused={focused} width={width} />
			{empty ? <Text color={tone(view.state === 'error' ? 'bad' : 'muted')}>{fit(`  ${empty}`, width)}</Text> : null}
			{lines.map((line, i) => (
				<LogRow key={start + i} line={line} width={width} />
			))}
		</Box>
	);
}
