import React from 'react';
import {Box, Text} from 'ink';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth} from '../text/width.js';
import {tone} from './theme.js';

/** Column titles: bold, in the accent colour only when colours are on (ink-table's own is always blue). */
function TableHeader({children}: {children?: React.ReactNode}) {
	return (
		<Text bold color={tone('accent')}>
			{children}
		</Text>
	);
}

/** One line of the table: `left`, the cells padded to their widths with `fill`, `cross` between, `right`. */
function Line({cells, widths, fill, left, cross, right, header}: {cells?: string[]; widths: number[]; fill: string; left: string; cross: string; right: string; header?: boolean}) {
	const parts: React.ReactNode[] = [<Text key="l" bold>{left}</Text>];
	widths.forEach((w, i) => {
		if (i > 0) parts.push(<Text key={`x${i}`} bold>{cross}</Text>);
		const text = cells ? `${fill}${fit(cells[i]!, w)}${fill}` : fill.repeat(w + 2);
		parts.push(header ? <TableHeader key={i}>{text}</TableHeader> : cells ? <Text key={i}>{text}</Text> : <Text key={i} bold>{text}</Text>);
	});
	parts.push(<Text key="r" bold>{right}</Text>);
	return <Box flexDirection="row">{parts}</Box>;
}

/**
 * A bordered table (drawn as ink-table draws one) whose cells are sanitised and fitted, by
 * display width, so the whole table fits in `width` cells. ink-table itself measured cells by
 * `.length`, so a wide or emoji name pushed its row out of line.
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
	const cells = rows.map(r => columns.map((_, i) => sanitizeInline(r[i] ?? '')));
	const natural = columns.map((c, i) => Math.max(stringWidth(c), ...cells.map(r => stringWidth(r[i]!))));
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
	return (
		<Box flexDirection="column">
			<Text bold color={tone('accent')}>{title}</Text>
			<Line widths={widths} fill="─" left="┌" cross="┬" right="┐" />
			<Line widths={widths} cells={columns} fill=" " left="│" cross="│" right="│" header />
			{cells.map((row, r) => (
				<Box key={r} flexDirection="column">
					<Line widths={widths} fill="─" left="├" cross="┼" right="┤" />
					<Line widths={widths} cells={row} fill=" " left="│" cross="│" right="│" />
				</Box>
			))}
			<Line widths={widths} fill="─" left="└" cross="┴" right="┘" />
		</Box>
	);
}
