import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import type {Keymap} from '../commands/keymap.js';
import {keyLabel, keysLabel} from '../commands/key-labels.js';
import {keysOfId} from '../commands/registry.js';
import {fit} from '../text/width.js';
import {helpLines} from './key-hints.js';
import {tone} from './theme.js';

/** Full-screen list of every key in effect, with why a key cannot be used now (`reasons`, by command id); scrolls when it does not fit. */
export function HelpOverlay({width, height, scroll, reasons, keymap, onExtent}: {width: number; height: number; scroll: number; reasons?: ReadonlyMap<string, string>; keymap?: Keymap; onExtent?: (lines: number) => void}) {
	const lines = helpLines(width, reasons, keymap);
	const keys = (id: string) => keysOfId(id, {keymap});
	const first = (id: string) => (keys(id)[0] ? keyLabel(keys(id)[0]!) : '');
	const close = keys('help.close').length ? `${keysLabel(keys('help.close'))} closes` : 'Ctrl-C quits';
	const rows = Math.max(1, height - 1);
	useEffect(() => onExtent?.(lines.length), [onExtent, lines.length]);
	const top = Math.min(scroll, Math.max(0, lines.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` Keys — ${close}${lines.length > rows ? `, ${first('help.up')}/${first('help.down')} ${first('help.page-up')}/${first('help.page-down')} scroll` : ''}`, width)}
			</Text>
			{lines.slice(top, top + rows).map((line, i) => (
				<Text key={top + i} bold={line.heading} color={line.heading ? tone('accent') : undefined} wrap="truncate-end">
					{fit(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
