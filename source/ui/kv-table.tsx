import React from 'react';
import {Box, Text} from 'ink';
import {Table} from 'ink-table';
import {sanitizeInline} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {tone} from './theme.js';

type Row = Record<string, string>;

/** Column titles: bold, in the accent colour only when colours are on (ink-table's own is always blue). */
function TableHeader({children}: {children?: React.ReactNode}) {
	return (
		<Text bold color={tone('accent')}>
			{children}
		</Text>
	);
}

/**
 * A bordered ink-table table whose cells are sanitised and truncated so the whole table fits in
 * `width` cells (ink-table itself neither truncates nor wraps).
 */
export function FittedTable({title, columns, rows, width}: {title: string; columns: string[]; rows: string[][]; width: number}) {
	if (rows.length === 0) {
		return (
			<Box flexDirection="column">
				<Text bold color={tone('accent')}>{title}</Text>
				<Text color={tone('muted')}>  (none)</Text>
			</Box>
		);
	}
	// Each column costs its content plus 2 of padding plus 1 border; one more border closes the row.
	const budget = Math.max(columns.length * 4, width - 1 - columns.length * 3);
	const natural = columns.map((c, i) => Math.max(c.length, ...rows.map(r => sanitizeInline(r[i] ?? '').length)));
	const widths = [...natural];
	let total = widths.reduce((a, b) => a + b, 0);
	// Shrink the widest column until it fits.
	while (total > budget) {
		let widest = 0;
		for (let i = 1; i < widths.length; i++) if (widths[i]! > widths[widest]!) widest = i;
		if (widths[widest]! <= 4) break;
		widths[widest]!--;
		total--;
	}
	const data: Row[] = rows.map(r => {
		const row: Row = {};
		columns.forEach((c, i) => {
			row[c] = truncate(sanitizeInline(r[i] ?? ''), widths[i]!);
		});
		return row;
	});
	return (
		<Box flexDirection="column">
			<Text bold color={tone('accent')}>{title}</Text>
			<Table data={data} columns={columns} header={TableHeader} />
		</Box>
	);
}
