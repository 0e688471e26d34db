import React from 'react';
import {Text} from 'ink';
import type {ContainerChange, ContainerSummary} from '../engine/types.js';
import {shortId} from '../format/format.js';
import type {LineState} from '../input/line-editor.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {LineInput} from './line-input.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

export interface DiffViewProps {
	container: ContainerSummary;
	changes?: ContainerChange[];
	error?: unknown;
	filter: string;
	edit?: LineState;
	width: number;
	height: number;
	scroll: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

const kindTone = {A: 'ok', C: 'warn', D: 'bad'} as const;
const kindWord = {A: 'added', C: 'changed', D: 'deleted'} as const;

/** `D`: the container's filesystem changes against its image, with counts of each kind; `/` filters by path. */
export function DiffView({container, changes, error, filter, edit, width, height, scroll, keys, onExtent}: DiffViewProps) {
	const needle = filter.toLowerCase();
	const shown = (changes ?? []).filter(c => needle === '' || c.path.toLowerCase().includes(needle));
	const count = (kind: 'A' | 'C' | 'D') => shown.filter(c => c.kind === kind).length;
	const counts = changes ? `${count('A')} added, ${count('C')} changed, ${count('D')} deleted${filter ? ` (filter: ${sanitizeInline(filter)})` : ''}` : '';
	return (
		<ScrollView title={`Diff — ${sanitizeInline(container.name)} (${shortId(container.id)})  ${counts}   ${keys}`} width={width} height={height} scroll={scroll} loading={!changes && !error} onExtent={onExtent}>
			{edit ? (
				<Text>
					{' /'}
					<LineInput line={edit} width={Math.max(1, width - 3)} />
				</Text>
			) : null}
			{error ? <Text color={tone('bad')}>Could not read the changes: {sanitizeInline(String((error as Error).message ?? error))}</Text> : null}
			{changes && shown.length === 0 ? <Text color={tone('muted')}>{changes.length === 0 ? '  No changes: the filesystem is as the image made it' : '  No change matches the filter'}</Text> : null}
			{shown.map((c, i) => (
				<Text key={i} wrap="truncate-end">
					<Text color={tone(kindTone[c.kind])}>{` ${c.kind} `}</Text>
					{fit(sanitizeInline(c.path, {maxLength: 4096}), Math.max(1, width - 13))}
					<Text color={tone('muted')}>{` ${kindWord[c.kind]}`}</Text>
				</Text>
			))}
		</ScrollView>
	);
}
