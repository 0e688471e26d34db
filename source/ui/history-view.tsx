import React from 'react';
import {Text} from 'ink';
import type {ImageHistoryEntry} from '../engine/types.js';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

/** Enter on an image: its layers, newest first, with what created each and its size. */
export interface HistoryViewProps {
	imageId: string;
	name: string;
	query: {data?: ImageHistoryEntry[]; error?: unknown; loading: boolean};
	width: number;
	height: number;
	scroll: number;
	now: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

export function HistoryView({imageId, name, query, width, height, scroll, now, keys, onExtent}: HistoryViewProps) {
	const rows = (query.data ?? []).map(h => [
		h.id === '<missing>' ? '<missing>' : shortId(h.id),
		formatAgeShort(h.created, now),
		h.createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/\s+/g, ' ').trim() || '-',
		formatBytes(h.size),
	]);
	const total = (query.data ?? []).reduce((sum, h) => sum + h.size, 0);
	return (
		<ScrollView title={`History — ${sanitizeInline(name)} (${shortId(imageId)})   ${keys}`} width={width} height={height} scroll={scroll} onExtent={onExtent}>
			{query.error ? <Text color={tone('bad')}>Could not read the history: {sanitizeInline(String((query.error as Error).message ?? query.error))}</Text> : null}
			{query.loading && !query.data ? <Text color={tone('muted')}>Loading…</Text> : null}
			{query.data ? <FittedTable title={`Layers (${rows.length}, ${formatBytes(total)} in all)`} columns={['Layer', 'Created', 'Created by', 'Size']} rows={rows} width={width} /> : null}
		</ScrollView>
	);
}
