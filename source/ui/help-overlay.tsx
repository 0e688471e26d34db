import React from 'react';
import {Box, Text} from 'ink';
import {bindingKeys, keymap, scopeTitles} from '../keys/keymap.js';
import {fit} from '../text/width.js';
import {tone} from './theme.js';

/** Every line of the `?` overlay, from the keymap table. */
export function helpLines(): Array<{text: string; heading?: boolean}> {
	const lines: Array<{text: string; heading?: boolean}> = [];
	for (const [scope, title] of scopeTitles) {
		const bindings = keymap.filter(b => b.scope === scope);
		if (bindings.length === 0) continue;
		if (lines.length > 0) lines.push({text: ''});
		lines.push({text: title, heading: true});
		for (const b of bindings) lines.push({text: `  ${bindingKeys(b).padEnd(16)} ${b.description}`});
	}
	return lines;
}

/** Full-screen list of every key; scrolls when it does not fit. */
export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const lines = helpLines();
	const rows = Math.max(1, height - 1);
	const top = Math.min(scroll, Math.max(0, lines.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` Keys — Esc or ? closes${lines.length > rows ? ', ↑/↓ scroll' : ''}`, width)}
			</Text>
			{lines.slice(top, top + rows).map((line, i) => (
				<Text key={top + i} bold={line.heading} color={line.heading ? tone('accent') : undefined} wrap="truncate-end">
					{fit(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
