import React from 'react';
import {Box, Text} from 'ink';
import type {NodeDetails, ServiceDetails, ServiceUpdatePolicy} from '../engine/types.js';
import {formatBytes, shortId} from '../format/format.js';
import {managerStatusText, replicasText, servicePortsText, stateText} from '../format/swarm.js';
import {sanitizeInline} from '../text/sanitize.js';
import {FittedTable} from './kv-table.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

function words(list: string[]): string {
	return list.length === 0 ? '-' : list.map(w => (/\s/.test(w) ? JSON.stringify(w) : w)).join(' ');
}

function time(value: string | undefined): string {
	return !value || value.startsWith('0001-') ? '-' : value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

const seconds = (ns: number) => `${+(ns / 1e9).toFixed(3)}s`;
const cpus = (nano: number) => (nano > 0 ? `${+(nano / 1e9).toFixed(3)} CPUs` : '-');
const memory = (bytes: number) => (bytes > 0 ? formatBytes(bytes) : '-');
const sorted = (labels: Record<string, string>) => Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1));

function policyRows(policy: ServiceUpdatePolicy | undefined): string[][] {
	if (!policy) return [];
	return [
		['Parallelism', String(policy.parallelism)],
		['Delay', seconds(policy.delayNs)],
		['On failure', policy.failureAction || '-'],
		['Monitor', seconds(policy.monitorNs)],
		['Max failure ratio', String(policy.maxFailureRatio)],
		['Order', policy.order || '-'],
	];
}

/** The summary table of `docker service inspect --pretty`, in berth's words. */
export function serviceRows(d: ServiceDetails): string[][] {
	const update = d.updateStatus;
	return [
		['Name', d.name],
		['ID', d.id],
		['Mode', d.mode + (d.replicas === undefined ? '' : ` (${d.replicas} replicas)`)],
		['Tasks running', replicasText(d)],
		['Image', d.imageRef],
		['Command', words([...d.command, ...d.args])],
		['Working dir', d.workingDir || '-'],
		['User', d.user || '-'],
		['Hostname', d.hostname || '-'],
		['Ports', servicePortsText(d.ports) || '-'],
		['Endpoint mode', d.endpointMode || '-'],
		['Constraints', d.constraints.join(', ') || '-'],
		['Limits', `${cpus(d.limits.nanoCpus)}, memory ${memory(d.limits.memoryBytes)}`],
		['Reservations', `${cpus(d.reservations.nanoCpus)}, memory ${memory(d.reservations.memoryBytes)}`],
		['Restart policy', `${d.restartPolicy.condition || '-'}, delay ${seconds(d.restartPolicy.delayNs)}${d.restartPolicy.maxAttempts ? `, at most ${d.restartPolicy.maxAttempts}` : ''}`],
		['Update status', update ? `${update.state}${update.message ? `: ${update.message}` : ''}` : '-'],
		['Forced updates', String(d.forceUpdate)],
		['Previous spec', d.canRollback ? 'yes (rollback possible)' : 'none'],
		['Created', time(d.createdAt)],
		['Updated', time(d.updatedAt)],
	];
}

export function ServiceInspectView({name, details: d, error, width, height, scroll, keys, onExtent}: {name: string; details?: ServiceDetails; error?: unknown; width: number; height: number; scroll: number; keys: string; onExtent?: (lines: number) => void}) {
	return (
		<ScrollView title={`Service — ${sanitizeInline(name)}   ${keys}`} width={width} height={height} scroll={scroll} loading={!d && !error} onExtent={onExtent}>
			{error && !d ? <Text color={tone('bad')}>Could not inspect: {sanitizeInline(String((error as Error).message ?? error))}</Text> : null}
			{d ? (
				<Box flexDirection="column">
					<FittedTable title="Summary" columns={['Field', 'Value']} rows={serviceRows(d)} width={width} />
					<FittedTable
						title="Ports"
						columns={['Published', 'Target', 'Protocol', 'Mode']}
						rows={d.ports.map(p => [p.publishedPort === undefined ? '-' : String(p.publishedPort), String(p.targetPort), p.protocol, p.publishMode])}
						width={width}
					/>
					<FittedTable title="Mounts" columns={['Type', 'Source', 'Target', 'Mode']} rows={d.mounts.map(m => [m.type, m.source || '-', m.target, m.readOnly ? 'ro' : 'rw'])} width={width} />
					<FittedTable title="Networks" columns={['Network', 'Virtual IP']} rows={d.networks.map(n => [n, d.virtualIps.filter(v => v.networkId === n).map(v => v.address).join(', ') || '-'])} width={width} />
					<FittedTable
						title="Environment"
						columns={['Name', 'Value']}
						rows={d.env.map(e => {
							const i = e.indexOf('=');
							return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
						})}
						width={width}
					/>
					<FittedTable title="Update policy" columns={['Field', 'Value']} rows={policyRows(d.update)} width={width} />
					<FittedTable title="Rollback policy" columns={['Field', 'Value']} rows={policyRows(d.rollback)} width={width} />
					<FittedTable title="Labels" columns={['Label', 'Value']} rows={sorted(d.labels)} width={width} />
				</Box>
			) : null}
		</ScrollView>
	);
}

/** The summary table of `docker node inspect --pretty`, in berth's words. */
export function nodeRows(d: NodeDetails): string[][] {
	return [
		['Hostname', d.hostname + (d.self ? ' (this engine)' : '')],
		['ID', d.id],
		['Role', d.role],
		['Status', stateText(d.status) + (d.statusMessage ? ` (${d.statusMessage})` : '')],
		['Availability', stateText(d.availability)],
		['Manager status', d.role === 'manager' ? `${managerStatusText(d)}${d.managerAddress ? `, ${d.managerAddress}` : ''}` : '-'],
		['Address', d.address || '-'],
		['Engine version', d.engineVersion || '-'],
		['Platform', `${d.os || '-'}/${d.architecture || '-'}`],
		['Resources', `${cpus(d.nanoCpus)}, memory ${memory(d.memoryBytes)}`],
		['Created', time(d.createdAt)],
		['Updated', time(d.updatedAt)],
	];
}

export function NodeInspectView({name, details: d, error, width, height, scroll, keys, onExtent}: {name: string; details?: NodeDetails; error?: unknown; width: number; height: number; scroll: number; keys: string; onExtent?: (lines: number) => void}) {
	return (
		<ScrollView title={`Node — ${sanitizeInline(name)}${d ? ` (${shortId(d.id)})` : ''}   ${keys}`} width={width} height={height} scroll={scroll} loading={!d && !error} onExtent={onExtent}>
			{error && !d ? <Text color={tone('bad')}>Could not inspect: {sanitizeInline(String((error as Error).message ?? error))}</Text> : null}
			{d ? (
				<Box flexDirection="column">
					<FittedTable title="Summary" columns={['Field', 'Value']} rows={nodeRows(d)} width={width} />
					<FittedTable title="Node labels" columns={['Label', 'Value']} rows={sorted(d.labels)} width={width} />
					<FittedTable title="Engine labels" columns={['Label', 'Value']} rows={sorted(d.engineLabels)} width={width} />
					<FittedTable title="Plugins" columns={['Type', 'Name']} rows={d.plugins.map(p => [p.type, p.name])} width={width} />
				</Box>
			) : null}
		</ScrollView>
	);
}
