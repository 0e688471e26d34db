import React from 'react';
import {Text} from 'ink';
import {truncate} from '../text/width.js';
import {tone} from './theme.js';

/** The keys that work right now (from the command registry), on the bottom line. */
export function HelpBar({items, width}: {items: string[]; width: number}) {
	return (
		<Text color={tone('muted')} wrap="truncate-end">
			{truncate(' ' + items.join('  '), width)}
		</Text>
	);
}
