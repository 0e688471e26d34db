import React from 'react';
import {Text} from 'ink';
import type {ContainerSummary, ProcessList} from '../engine/types.js';
import {shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

export interface TopViewProps {
	container: ContainerSummary;
	list?: ProcessList;
	error?: string;
	width: number;
	height: number;
	scroll: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

/** `T`: the container's processes (docker top), refreshed every 2 s while open. */
export function TopView({container, list, error, width, height, scroll, keys, onExtent}: TopViewProps) {
	return (
		<ScrollView title={`Processes — ${sanitizeInline(container.name)} (${shortId(container.id)}), every 2 s   ${keys}`} width={width} height={height} scroll={scroll} loading={!list && !error} onExtent={onExtent}>
			{error ? <Text color={tone('bad')}>{sanitizeInline(error)}</Text> : null}
			{list ? <FittedTable title={plural(list.processes.length, 'process')} columns={list.titles} rows={list.processes} width={width} /> : null}
		</ScrollView>
	);
}
