import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import {fit} from '../text/width.js';
import {helpLines} from './key-hints.js';
import {tone} from './theme.js';

/** Full-screen list of every key, with why a key cannot be used now (`reasons`, by command id); scrolls when it does not fit. */
export function HelpOverlay({width, height, scroll, reasons, onExtent}: {width: number; height: number; scroll: number; reasons?: ReadonlyMap<string, string>; onExtent?: (lines: number) => void}) {
	const lines = helpLines(width, reasons);
	const rows = Math.max(1, height - 1);
	useEffect(() => onExtent?.(lines.length), [onExtent, lines.length]);
	const top = Math.min(scroll, Math.max(0, lines.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` Keys — Esc or ? closes${lines.length > rows ? ', ↑/↓ PgUp/PgDn scroll' : ''}`, width)}
			</Text>
			{lines.slice(top, top + rows).map((line, i) => (
				<Text key={top + i} bold={line.heading} color={line.heading ? tone('accent') : undefined} wrap="truncate-end">
					{fit(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
