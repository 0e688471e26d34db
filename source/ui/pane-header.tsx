import React from 'react';
import {Text} from 'ink';
import type {LineState} from '../input/line-editor.js';
import {fit, stringWidth, truncate} from '../text/width.js';
import {sanitizeInline} from '../text/sanitize.js';
import {LineInput} from './line-input.js';
import {tone} from './theme.js';

export interface PaneHeaderProps {
	/** The pane's number key, when it has one. */
	number?: number;
	title: string;
	/** Counts or context after the title, e.g. "3 running / 8". */
	info?: string;
	focused: boolean;
	width: number;
	/** The filter in force. */
	filter?: string;
	/** The filter as it is being typed (with its cursor). */
	edit?: LineState;
	/** What the typed text is called: "filter" (lists) or "search" (logs). */
	filterLabel?: string;
	/** Why a word of the filter was left out (`status=bogus`), said after it. */
	problem?: string;
}

/**
 * One line naming the pane, its number key, what it holds and its filter. The filter is the
 * last thing to be cut: on a narrow terminal the counts and notes give way first.
 */
export function PaneHeader({number, title, info, focused, width, filter, edit, filterLabel = 'filter', problem}: PaneHeaderProps) {
	const head = number === undefined ? ` ${title}` : ` ${number} ${title}`;
	// The filter with its hint when there is room, else without it; the info gives way first. A
	// word left out says why instead of the hint.
	const clean = filter ? sanitizeInline(filter) : '';
	const why = problem ? ` — ${sanitizeInline(problem)}` : '';
	const full = clean ? `  ${filterLabel}: ${clean}${why || ' (/ edits, Esc clears)'}` : '';
	const fits = stringWidth(head) + stringWidth(info ? `  ${info}` : '') + stringWidth(full) <= width;
	const shownFilter = edit ? undefined : fits || !clean ? full : `  ${filterLabel}: ${clean}${why}`;
	const editRoom = edit ? Math.max(8, Math.min(40, width - stringWidth(head) - 5)) : 0;
	const filterWidth = edit ? editRoom + 3 + stringWidth(why) : stringWidth(shownFilter ?? '');
	const infoRoom = Math.max(0, width - stringWidth(head) - filterWidth);
	const infoText = info ? truncate(`  ${info}`, infoRoom) : '';
	const style = {inverse: focused, bold: focused, color: focused ? undefined : tone('muted')};
	if (!edit) {
		return (
			<Text {...style} wrap="truncate-end">
				{fit(head + infoText + shownFilter, width)}
			</Text>
		);
	}
	const before = truncate(head + infoText + '  /', width - 1);
	const inputWidth = Math.max(1, Math.min(editRoom, width - stringWidth(before)));
	const after = fit(why, Math.max(0, width - stringWidth(before) - inputWidth));
	return (
		<Text {...style} wrap="truncate-end">
			{before}
			<LineInput line={edit} width={inputWidth} />
			{after}
		</Text>
	);
}
