import React from 'react';
import {Box, Text} from 'ink';
import {commandLogRows, windowTop} from '../state/selection.js';
import type {LoggedCommand} from '../state/types.js';
import {NEWLINE_MARK, sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {tone} from './theme.js';

const mark = {running: '…', ok: '✓', error: '✗'} as const;
const markTone = {running: 'info', ok: 'ok', error: 'bad'} as const;

function time(at: number): string {
	const d = new Date(at);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** `:`: what berth did this session, oldest first: time, result, the docker CLI line (a newline inside a quoted word shown as ↵), the outcome. */
export function CommandLogView({entries, selected, scroll, width, height, keys}: {entries: readonly LoggedCommand[]; selected: number; scroll: number; width: number; height: number; keys: string}) {
	const rows = commandLogRows(height);
	// The state keeps the window (moving it only as far as the selection needs); this keeps the
	// selection in it after a resize too.
	const first = windowTop(scroll, selected, rows, entries.length);
	const shown = entries.slice(first, first + rows);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{fit(` Command log — ${entries.length} this session; berth ran none of these through a shell   ${keys}`, width)}
			</Text>
			{entries.length === 0 ? <Text color={tone('muted')}>  Nothing yet: actions appear here with their docker CLI line.</Text> : null}
			{shown.map((e, i) => (
				<Box key={e.id} flexDirection="column">
					<Text inverse={first + i === selected} wrap="truncate-end">
						<Text color={tone(markTone[e.result])}>{` ${mark[e.result]} `}</Text>
						{fit(`${time(e.at)}  ${sanitizeInline(e.cli, {maxLength: 4096, newline: NEWLINE_MARK})}`, Math.max(1, width - 3))}
					</Text>
					<Text color={tone(e.result === 'error' ? 'bad' : 'muted')} wrap="truncate-end">
						{fit(`            ${sanitizeInline(e.message ?? '')}`, width)}
					</Text>
				</Box>
			))}
		</Box>
	);
}
