import React from 'react';
import {Text} from 'ink';
import type {Engine} from '../engine/types.js';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {useQuery} from '../hooks/use-query.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

/** Enter on an image: its layers, newest first, with what created each and its size. */
export function HistoryView({engine, imageId, name, width, height, scroll, now}: {engine: Engine; imageId: string; name: string; width: number; height: number; scroll: number; now: number}) {
	const query = useQuery(() => engine.imageHistory(imageId), `history|${engine.endpoint}|${imageId}`);
	const rows = (query.data ?? []).map(h => [
		h.id === '<missing>' ? '<missing>' : shortId(h.id),
		formatAgeShort(h.created, now),
		h.createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/\s+/g, ' ').trim() || '-',
		formatBytes(h.size),
	]);
	const total = (query.data ?? []).reduce((sum, h) => sum + h.size, 0);
	return (
		<ScrollView title={`History — ${sanitizeInline(name)} (${shortId(imageId)})   Esc back, ↑/↓ scroll`} width={width} height={height} scroll={scroll}>
			{query.error ? <Text color={tone('bad')}>Could not read the history: {sanitizeInline(String((query.error as Error).message ?? query.error))}</Text> : null}
			{query.loading && !query.data ? <Text color={tone('muted')}>Loading…</Text> : null}
			{query.data ? <FittedTable title={`Layers (${rows.length}, ${formatBytes(total)} in all)`} columns={['Layer', 'Created', 'Created by', 'Size']} rows={rows} width={width} /> : null}
		</ScrollView>
	);
}
