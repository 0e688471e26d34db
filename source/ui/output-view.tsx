import React, {useLayoutEffect} from 'react';
import {Box, Text} from 'ink';
import type {LogLine} from '../engine/types.js';
import type {RingBuffer} from '../text/ring-buffer.js';
import {sanitizeInline, sanitizeLine} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import type {FollowScroll, FollowSeen} from '../state/follow-scroll.js';
import {linesBelow, tailWindow} from './tail-window.js';
import {tone} from './theme.js';

export interface OutputViewProps {
	title: string;
	lines?: RingBuffer<LogLine>;
	/** Moves when lines arrive (the view redraws then). */
	version: number;
	done?: {ok: boolean; text: string};
	/** Following the end, or parked (state/follow-scroll.ts). */
	tail: FollowScroll;
	width: number;
	height: number;
	keys: string;
	/** Told what the view holds and shows, in the commit that draws it. */
	onFollow?: (seen: FollowSeen) => void;
}

/** Output berth streams (an attached run): the last lines live, then how it ended. */
export function OutputView({title, lines, done, tail, width, height, keys, onFollow}: OutputViewProps) {
	const rows = Math.max(1, height - 2);
	const total = lines?.length ?? 0;
	const {from, shown, seen} = tailWindow(lines, tail, rows);
	useLayoutEffect(() => onFollow?.(seen), [onFollow, seen.first, seen.total, seen.rows]); // eslint-disable-line react-hooks/exhaustive-deps -- reported when what it holds changes
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{fit(` ${sanitizeInline(title)}   ${keys}`, width)}
			</Text>
			{shown.map((line, i) => (
				<Text key={from + i} color={line.stream === 'stderr' ? tone('stderr') : undefined} wrap="truncate-end">
					{fit(` ${sanitizeLine(line.text)}`, width)}
				</Text>
			))}
			{total === 0 && !done ? <Text color={tone('muted')}>  Waiting for output…</Text> : null}
			<Box flexGrow={1} />
			<Text color={tone(done ? (done.ok ? 'ok' : 'bad') : 'info')} bold wrap="truncate-end">
				{fit(done ? ` ${sanitizeInline(done.text)} — Esc returns` : ` Running…${linesBelow(tail, seen) ? ` (${linesBelow(tail, seen)} lines below: G follows)` : ''} (Esc returns; it keeps running)`, width)}
			</Text>
		</Box>
	);
}
