import React from 'react';
import {Box, Text} from 'ink';
import type {ImageLayer, ImageLayers} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

/** Enter on an image: a layer browser — each step's command, size, age, comment and sharing. */
export interface HistoryViewProps {
	imageId: string;
	name: string;
	query: {data?: ImageLayers; error?: unknown; loading: boolean};
	width: number;
	height: number;
	scroll: number;
	now: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

/** "RUN make" rather than "/bin/sh -c make"; "CMD …" rather than "/bin/sh -c #(nop)  CMD …". */
export function createdByText(createdBy: string): string {
	const text = createdBy.replace(/\s+/g, ' ').trim();
	const nop = /^\/bin\/sh -c #\(nop\)\s*(.*)$/.exec(text);
	if (nop) return nop[1]!.trim() || '-';
	const run = /^\/bin\/sh -c (.*)$/.exec(text);
	if (run) return `RUN ${run[1]!.trim()}`;
	return text || '-';
}

function shared(layer: ImageLayer): string {
	if (!layer.diffId) return '';
	if (layer.sharedWith.length === 0) return '-';
	const names = layer.sharedWith.slice(0, 3).join(', ');
	return layer.sharedWith.length > 3 ? `${names} +${layer.sharedWith.length - 3}` : names;
}

export function HistoryView({imageId, name, query, width, height, scroll, now, keys, onExtent}: HistoryViewProps) {
	const data = query.data;
	const layers = data?.layers ?? [];
	const rows = layers.map(layer => [
		layer.diffId ? shortId(layer.diffId) : '(no layer)',
		formatAgeShort(layer.created, now),
		formatBytes(layer.size),
		createdByText(layer.createdBy),
		layer.comment || '',
		shared(layer),
	]);
	return (
		<ScrollView title={`History — ${sanitizeInline(name)} (${shortId(imageId)})   ${keys}`} width={width} height={height} scroll={scroll} loading={query.loading && !data} onExtent={onExtent}>
			{/* The name is sanitised before it is quoted: "$(printf '\033')" quoting would show a payload as text. */}
			<Text color={tone('muted')}>{fit(`$ ${cliFor.history(sanitizeInline(name))}`, width)}</Text>
			{query.error ? <Text color={tone('bad')}>Could not read the layers: {sanitizeInline(String((query.error as Error).message ?? query.error))}</Text> : null}
			{data ? (
				<Box flexDirection="column">
					<Text bold>
						{fit(`Size ${formatBytes(data.size)}: ${formatBytes(data.sharedSize)} shared with other local images, ${formatBytes(data.uniqueSize)} only in this one`, width)}
					</Text>
					<FittedTable title={`Layers (${layers.length} steps, newest first)`} columns={['Layer', 'Created', 'Size', 'Created by', 'Comment', 'Shared with']} rows={rows} width={width} />
					<Text bold color={tone('accent')}>
						Commands in full
					</Text>
					{layers.map((layer, i) => (
						<Box key={i} flexDirection="column">
							<Text color={tone('muted')}>{fit(`${layers.length - i}. ${formatAgeShort(layer.created, now)} ago, ${formatBytes(layer.size)}${layer.tags.length > 0 ? `, ${sanitizeInline(layer.tags.join(', '))}` : ''}`, width)}</Text>
							{wrapText(sanitizeInline(createdByText(layer.createdBy), {maxLength: 8192}), Math.max(10, width - 4)).map((line, j) => (
								<Text key={j}>{fit(`    ${line}`, width)}</Text>
							))}
						</Box>
					))}
				</Box>
			) : null}
		</ScrollView>
	);
}
