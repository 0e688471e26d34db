import React, {useEffect, useMemo} from 'react';
import {Box, Text} from 'ink';
import type {ImageDetails} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {formatBytes, shortId} from '../format/format.js';
import type {InspectModal} from '../state/images-types.js';
import {compileMatcher} from '../text/matcher.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth, truncate} from '../text/width.js';
import {FittedTable} from './kv-table.js';
import {LineInput} from './line-input.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

function words(list: readonly string[] | undefined): string {
	return !list || list.length === 0 ? '-' : list.map(w => (/\s/.test(w) || w === '' ? JSON.stringify(w) : w)).join(' ');
}

function time(value: string): string {
	return !value || value.startsWith('0001-') ? '-' : value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** The image's summary and config, as rows of field and value. */
export function imageRows(d: ImageDetails): {summary: string[][]; config: string[][]} {
	const platform = [d.os, d.architecture, d.variant].filter(Boolean).join('/');
	return {
		summary: [
			['ID', d.id],
			['Tags', d.repoTags.join(', ') || '<none>'],
			['Digests', d.repoDigests.join(', ') || '-'],
			['Created', time(d.created)],
			['Author', d.author || '-'],
			['Comment', d.comment || '-'],
			['Platform', platform || '-'],
			['Size', formatBytes(d.size)],
			['Docker version', d.dockerVersion || '-'],
			['Parent', d.parent ? shortId(d.parent) : '-'],
		],
		config: [
			['Entrypoint', words(d.config.entrypoint)],
			['Cmd', words(d.config.cmd)],
			['Working dir', d.config.workingDir || '/'],
			['User', d.config.user || 'root (default)'],
			['Stop signal', d.config.stopSignal || '-'],
			['Healthcheck', words(d.config.healthcheck)],
			['Shell', words(d.config.shell)],
			['On build', d.config.onBuild.join('; ') || '-'],
		],
	};
}

function Tables({details: d, width}: {details: ImageDetails; width: number}) {
	const {summary, config} = imageRows(d);
	return (
		<Box flexDirection="column">
			<FittedTable title="Image" columns={['Field', 'Value']} rows={summary} width={width} />
			<FittedTable title="Config" columns={['Field', 'Value']} rows={config} width={width} />
			<FittedTable
				title="Environment"
				columns={['Name', 'Value']}
				rows={d.config.env.map(e => {
					const i = e.indexOf('=');
					return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
				})}
				width={width}
			/>
			<FittedTable title="Exposed ports" columns={['Port']} rows={d.config.exposedPorts.map(p => [p])} width={width} />
			<FittedTable title="Volumes" columns={['Path']} rows={d.config.volumes.map(v => [v])} width={width} />
			<FittedTable title="Labels" columns={['Label', 'Value']} rows={Object.entries(d.config.labels).sort(([a], [b]) => (a < b ? -1 : 1))} width={width} />
			<FittedTable title={`Layers (${d.layers.length}, base first)`} columns={['#', 'Digest']} rows={d.layers.map((digest, i) => [String(i + 1), digest])} width={width} />
		</Box>
	);
}

/** One raw line, its matches drawn inverse (the current match's line in the accent colour). */
function RawLine({text, width, ranges, current}: {text: string; width: number; ranges: Array<[number, number]>; current: boolean}) {
	const shown = truncate(text, width);
	if (ranges.length === 0) return <Text>{fit(shown, width)}</Text>;
	const parts: React.ReactNode[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (start >= shown.length) break;
		if (start > at) parts.push(shown.slice(at, start));
		parts.push(
			<Text key={start} inverse color={current ? tone('accent') : undefined}>
				{shown.slice(start, Math.min(end, shown.length))}
			</Text>,
		);
		at = Math.min(end, shown.length);
	}
	if (at < shown.length) parts.push(shown.slice(at));
	return (
		<Text>
			{parts}
			{' '.repeat(Math.max(0, width - stringWidth(shown)))}
		</Text>
	);
}

function Raw({modal, width, height, keys, onExtent}: {modal: InspectModal; width: number; height: number; keys: string; onExtent?: (lines: number) => void}) {
	const lines = modal.rawLines ?? [];
	const search = modal.search;
	const matcher = useMemo(() => {
		const compiled = search?.line.value ? compileMatcher(search.line.value) : undefined;
		return compiled?.ok ? compiled : undefined;
	}, [search?.line.value]);
	const rows = Math.max(1, height - 1 - (search ? 1 : 0));
	const extent = lines.length + (search ? 1 : 0);
	useEffect(() => {
		onExtent?.(extent);
	}, [extent, onExtent]);
	const top = Math.min(modal.scroll, Math.max(0, lines.length - rows));
	const currentLine = search?.matches[search.current];
	let searchInfo = '';
	if (search?.error) searchInfo = sanitizeInline(search.error);
	else if (search && search.line.value) searchInfo = search.matches.length === 0 ? 'no match' : `match ${search.current + 1} of ${search.matches.length} lines`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` Inspect — ${sanitizeInline(modal.name)} (raw JSON)   ${keys}`, width)}
			</Text>
			{search ? (
				search.editing ? (
					<Text>
						{'/'}
						<LineInput line={search.line} width={Math.max(4, Math.min(40, width - 2 - stringWidth(searchInfo) - 2))} />
						<Text color={tone(search.error ? 'bad' : 'muted')}>{fit(`  ${searchInfo}`, Math.max(0, width - 1 - Math.max(4, Math.min(40, width - 2 - stringWidth(searchInfo) - 2))))}</Text>
					</Text>
				) : (
					<Text color={tone(search.error ? 'bad' : 'info')}>{fit(`search: ${sanitizeInline(search.line.value)}  ${searchInfo}  (n/N next/previous, / edits, Esc clears)`, width)}</Text>
				)
			) : null}
			{lines.slice(top, top + rows).map((line, i) => (
				<RawLine key={top + i} text={line} width={width} ranges={matcher ? matcher.ranges(truncate(line, width)) : []} current={top + i === currentLine} />
			))}
		</Box>
	);
}

/** `i` on an image: its config in tables, or (r) the raw JSON, searchable with /. */
export function InspectView({modal, width, height, keys, onExtent}: {modal: InspectModal; width: number; height: number; keys: string; onExtent?: (lines: number) => void}) {
	if (modal.raw && modal.rawLines) return <Raw modal={modal} width={width} height={height} keys={keys} onExtent={onExtent} />;
	return (
		<ScrollView title={`Inspect — ${sanitizeInline(modal.name)} (${shortId(modal.id)})   ${keys}`} width={width} height={height} scroll={modal.scroll} loading={!modal.details && !modal.error} onExtent={onExtent}>
			{/* The name is sanitised before it is quoted: "$(printf '\033')" quoting would show a payload as text. */}
			<Text color={tone('muted')}>{fit(`$ ${cliFor.inspectImage(sanitizeInline(modal.name))}`, width)}</Text>
			{modal.error ? <Text color={tone('bad')}>Could not inspect: {sanitizeInline(modal.error, {maxLength: 1024})}</Text> : null}
			{modal.details ? <Tables details={modal.details} width={width} /> : null}
		</ScrollView>
	);
}
