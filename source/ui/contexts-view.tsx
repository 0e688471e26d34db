import React from 'react';
import {Box, Text} from 'ink';
import type {ContextsModal} from '../state/contexts-types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {joinCells, layoutColumns, type Column} from './columns.js';
import {tone} from './theme.js';

const columns: readonly Column[] = [
	{title: 'NAME', weight: 2, min: 10},
	{title: 'DESCRIPTION', weight: 3, min: 10, hideBelow: 70},
	{title: 'DOCKER ENDPOINT', weight: 3, min: 12},
	{title: 'ENGINE', weight: 2, min: 10},
];

/** `0`: the docker contexts, marked the way `docker context ls` marks them, with whether each answers. */
export function ContextsView({modal, width, height, keys}: {modal: ContextsModal; width: number; height: number; keys: string}) {
	const widths = layoutColumns(columns, width - 4);
	const rows = Math.max(1, height - 3 - (modal.problems.length ? 1 : 0));
	const top = Math.max(0, Math.min(modal.selected - rows + 1, modal.rows.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{fit(` Docker contexts — * is the CLI's current one, ▸ what berth shows   ${keys}`, width)}
			</Text>
			<Text color={tone('muted')} bold wrap="truncate-end">
				{'    ' + joinCells(columns.map(c => c.title), widths, columns)}
			</Text>
			{modal.rows.slice(top, top + rows).map((row, i) => {
				const at = top + i;
				const engine = row.error ? row.error : row.check.state === 'checking' ? 'checking…' : row.check.state === 'up' ? `up, Engine ${row.check.version}` : row.check.error;
				const engineTone = row.error || row.check.state === 'down' ? 'bad' : row.check.state === 'up' ? 'ok' : 'muted';
				const cells = [`${row.name}${row.current ? ' *' : ''}`, row.description, row.endpoint, ''];
				const flags = `${row.inUse ? '▸' : ' '}${modal.marked[row.name] ? '✓' : ' '}  `;
				return (
					<Text key={row.name} inverse={at === modal.selected} wrap="truncate-end">
						{flags}
						{joinCells(cells.map(c => sanitizeInline(c)), widths.slice(0, 3).concat([0]), columns)}
						{' '}
						<Text color={tone(engineTone)}>{fit(sanitizeInline(engine), widths[3]!)}</Text>
					</Text>
				);
			})}
			{modal.problems.length ? <Text color={tone('warn')}>{fit(`  Could not read: ${sanitizeInline(modal.problems.join('; '))}`, width)}</Text> : null}
		</Box>
	);
}
