import React from 'react';
import {Text} from 'ink';
import {fit} from '../text/width.js';
import {sanitizeInline} from '../text/sanitize.js';
import {tone} from './theme.js';

export interface PaneHeaderProps {
	number: number;
	title: string;
	/** Counts or context after the title, e.g. "3 running / 8". */
	info?: string;
	focused: boolean;
	width: number;
	/** The filter text, with a cursor while it is being typed. */
	filter?: string;
	editing?: boolean;
	/** What the typed text is called: "filter" (lists) or "search" (logs). */
	filterLabel?: string;
}

/** One line naming the pane, its number key, what it holds and its filter. */
export function PaneHeader({number, title, info, focused, width, filter, editing, filterLabel = 'filter'}: PaneHeaderProps) {
	let text = ` ${number} ${title}`;
	if (info) text += `  ${info}`;
	if (editing) text += `  /${sanitizeInline(filter ?? '')}█`;
	else if (filter) text += `  ${filterLabel}: ${sanitizeInline(filter)} (/ edits, Esc clears)`;
	return (
		<Text inverse={focused} bold={focused} color={focused ? undefined : tone('muted')} wrap="truncate-end">
			{fit(text, width)}
		</Text>
	);
}
