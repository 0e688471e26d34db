import React, {useLayoutEffect} from 'react';
import {Box, Text} from 'ink';
import type {ServiceLogLine} from '../engine/types.js';
import type {RingBuffer} from '../text/ring-buffer.js';
import {sanitizeInline, sanitizeLine} from '../text/sanitize.js';
import {fit, stringWidth, truncate} from '../text/width.js';
import type {FollowScroll, FollowSeen} from '../state/follow-scroll.js';
import {linesBelow, tailWindow} from './tail-window.js';
import {sourceTone, tone} from './theme.js';

export interface ServiceLogsViewProps {
	title: string;
	lines?: RingBuffer<ServiceLogLine>;
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

/**
 * A service's log merged across its tasks, each line after its task and node as `docker service
 * logs` prints them (`web.1.0123456789ab@node1 | …`), each task in a colour of its own; the live
 * end shows unless scrolled back.
 */
export function ServiceLogsView({title, lines, done, tail, width, height, keys, onFollow}: ServiceLogsViewProps) {
	const rows = Math.max(1, height - 2);
	const total = lines?.length ?? 0;
	const {from, shown, seen} = tailWindow(lines, tail, rows);
	useLayoutEffect(() => onFollow?.(seen), [onFollow, seen.first, seen.total, seen.rows]); // eslint-disable-line react-hooks/exhaustive-deps -- reported when what it holds changes
	const below = linesBelow(tail, seen);
	// A colour per task, in the order the tasks first appear on screen.
	const colours = new Map<string, number>();
	for (const line of shown) if (!colours.has(line.prefix)) colours.set(line.prefix, colours.size);
	const prefixWidth = Math.min(Math.floor(width / 2), Math.max(0, ...shown.map(line => stringWidth(sanitizeInline(line.prefix)))));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{fit(` ${sanitizeInline(title)}   ${keys}`, width)}
			</Text>
			{shown.map((line, i) => {
				const prefix = fit(truncate(sanitizeInline(line.prefix), prefixWidth), prefixWidth);
				const text = sanitizeLine(line.text);
				return (
					<Text key={from + i} wrap="truncate-end">
						<Text color={sourceTone(colours.get(line.prefix) ?? 0)}>{` ${prefix}`}</Text>
						<Text color={tone('muted')}>{' | '}</Text>
						<Text color={line.stream === 'stderr' ? tone('stderr') : undefined}>{truncate(text, Math.max(0, width - prefixWidth - 4))}</Text>
					</Text>
				);
			})}
			{total === 0 && !done ? <Text color={tone('muted')}>  Waiting for the log…</Text> : null}
			<Box flexGrow={1} />
			<Text color={tone(done ? (done.ok ? 'info' : 'bad') : 'muted')} wrap="truncate-end">
				{fit(done ? ` ${sanitizeInline(done.text)} — Esc returns` : below > 0 ? ` ${below} lines below (G follows) — Esc returns` : ' Following — Esc returns', width)}
			</Text>
		</Box>
	);
}
