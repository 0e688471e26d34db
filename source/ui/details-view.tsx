import React from 'react';
import {Box, Text} from 'ink';
import type {ContainerDetails, ContainerStats, ContainerSummary} from '../engine/types.js';
import {shortId} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {LiveStats} from './live-stats.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

function words(list: string[]): string {
	return list.length === 0 ? '-' : list.map(w => (/\s/.test(w) ? JSON.stringify(w) : w)).join(' ');
}

function time(value: string): string {
	return !value || value.startsWith('0001-') ? '-' : value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** With a health check: how it goes, and the last check's exit code and output (what a failing one said). */
function healthRows(d: ContainerDetails): string[][] {
	const check = d.healthCheck;
	if (!d.health || !check) return [];
	const streak = check.failingStreak > 0 ? `: ${check.failingStreak} failing check${check.failingStreak === 1 ? '' : 's'} in a row` : '';
	const output = check.output.replace(/\s+/g, ' ').trim();
	return [
		['Health', `${d.health}${streak}`],
		['Last check', `exit ${check.exitCode}${output ? `: ${output.length > 400 ? `${output.slice(0, 400)}…` : output}` : ''}`],
	];
}

/** The rows of the summary table. */
export function summaryRows(d: ContainerDetails): string[][] {
	return [
		['Name', d.name],
		['ID', shortId(d.id)],
		['Image', `${d.image} (${shortId(d.imageId)})`],
		['State', d.state + (d.health ? ` (${d.health})` : '') + (d.oomKilled ? ', OOM-killed' : '')],
		...healthRows(d),
		['Command', words(d.cmd)],
		['Entrypoint', words(d.entrypoint)],
		['Started', time(d.startedAt)],
		['Finished', time(d.finishedAt)],
		['Exit code', d.running ? '-' : String(d.exitCode)],
		['Restart policy', `${d.restartPolicy.name || 'no'}${d.restartPolicy.maximumRetryCount ? ` (max ${d.restartPolicy.maximumRetryCount})` : ''}, restarted ${d.restartCount}×`],
		['Working dir', d.workingDir || '/'],
		['User', d.user || 'root (default)'],
		['TTY', d.tty ? 'yes' : 'no'],
		['Networks', d.networks.join(', ') || '-'],
		...(d.error ? [['Error', d.error]] : []),
	];
}

export interface DetailsViewProps {
	container: ContainerSummary;
	details?: ContainerDetails;
	error?: unknown;
	stats: {samples: ContainerStats[]; error?: string};
	width: number;
	height: number;
	scroll: number;
	keys: string;
	onExtent?: (lines: number) => void;
}

/** Enter on a container: its inspect summary in bordered tables. Esc closes. */
export function DetailsView({container, details: d, error, stats, width, height, scroll, keys, onExtent}: DetailsViewProps) {
	return (
		<ScrollView title={`Details — ${sanitizeInline(container.name)} (${shortId(container.id)})   ${keys}`} width={width} height={height} scroll={scroll} loading={!d && !error} onExtent={onExtent}>
			{error && !d ? <Text color={tone('bad')}>Could not inspect: {sanitizeInline(String((error as Error).message ?? error))}</Text> : null}
			{d ? (
				<Box flexDirection="column">
					<LiveStats samples={stats.samples} error={stats.error} running={container.state === 'running'} />
					<FittedTable title="Summary" columns={['Field', 'Value']} rows={summaryRows(d)} width={width} />
					<FittedTable
						title="Ports"
						columns={['Container', 'Host']}
						rows={d.ports.map(p => [`${p.privatePort}/${p.type}`, p.publicPort ? `${p.ip ?? ''}:${p.publicPort}` : '(not published)'])}
						width={width}
					/>
					<FittedTable title="Mounts" columns={['Type', 'Source', 'Destination', 'Mode']} rows={d.mounts.map(m => [m.type, m.source, m.destination, `${m.rw ? 'rw' : 'ro'}${m.mode ? ` ${m.mode}` : ''}`])} width={width} />
					<FittedTable
						title="Environment"
						columns={['Name', 'Value']}
						rows={d.env.map(e => {
							const i = e.indexOf('=');
							return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
						})}
						width={width}
					/>
					<FittedTable title="Labels" columns={['Label', 'Value']} rows={Object.entries(d.labels).sort(([a], [b]) => (a < b ? -1 : 1))} width={width} />
				</Box>
			) : null}
		</ScrollView>
	);
}
