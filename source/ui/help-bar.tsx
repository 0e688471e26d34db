import React from 'react';
import {Text} from 'ink';
import {bindingKeys} from '../keys/keymap.js';
import {helpBarBindings, type Layer, type Pane} from '../keys/match.js';
import {truncate} from '../text/width.js';
import {tone} from './theme.js';

/** The keys that work right now, generated from the keymap table. */
export function HelpBar({layer, pane, width}: {layer: Layer; pane: Pane; width: number}) {
	const items = helpBarBindings(layer, pane).map(b => `${bindingKeys(b)} ${b.label}`);
	return (
		<Text color={tone('muted')} wrap="truncate-end">
			{truncate(' ' + items.join('  '), width)}
		</Text>
	);
}
