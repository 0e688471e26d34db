import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import type {LogLine} from '../engine/types.js';
import type {RingBuffer} from '../text/ring-buffer.js';
import {sanitizeInline, sanitizeLine} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {tailWindow} from './tail-window.js';
import {tone} from './theme.js';

export interface OutputViewProps {
	title: string;
	lines?: RingBuffer<LogLine>;
	/** Moves when lines arrive (the view redraws then). */
	version: number;
	done?: {ok: boolean; text: string};
	scroll: number;
	width: number;
	height: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

/** Output berth streams (an attached run): the last lines live, then how it ended. */
export function OutputView({title, lines, done, scroll, width, height, keys, onExtent}: OutputViewProps) {
	const rows = Math.max(1, height - 2);
	const total = lines?.length ?? 0;
	// The scroll counts back from the live end; it stops at the first line.
	useEffect(() => onExtent?.(total + 1), [onExtent, total]);
	const {from, shown} = tailWindow(lines, scroll, rows);
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
				{fit(done ? ` ${sanitizeInline(done.text)} — Esc returns` : ' Running… (Esc returns; it keeps running)', width)}
			</Text>
		</Box>
	);
}
