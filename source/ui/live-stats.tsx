import React from 'react';
import {Box, Text} from 'ink';
import type {ContainerStats} from '../engine/types.js';
import {formatBytes} from '../format/format.js';
import {plural} from '../format/plural.js';
import {sanitizeInline} from '../text/sanitize.js';
import {tone} from './theme.js';

const bars = '▁▂▃▄▅▆▇█';

/** A sparkline of values scaled to their maximum (at least `floor`). */
export function sparkline(values: number[], floor = 0): string {
	const max = Math.max(floor, ...values);
	if (max <= 0) return bars[0]!.repeat(values.length);
	return values.map(v => bars[Math.min(bars.length - 1, Math.max(0, Math.round((v / max) * (bars.length - 1))))]).join('');
}

/** Live stats of one running container (the engine's stats stream, for this container only). */
export function LiveStats({samples, error, running}: {samples: ContainerStats[]; error?: string; running: boolean}) {
	if (!running) return <Text color={tone('muted')}>Live stats: not running</Text>;
	if (error) return <Text color={tone('bad')}>Live stats: {sanitizeInline(error)}</Text>;
	const last = samples.at(-1);
	if (!last) return <Text color={tone('muted')}>Live stats: waiting for the first sample…</Text>;
	const rate = (pick: (s: ContainerStats) => number) => samples.map((s, i) => (i === 0 ? 0 : Math.max(0, pick(s) - pick(samples[i - 1]!))));
	const line = (label: string, value: string, spark: string) => (
		<Text>
			<Text bold>{label.padEnd(9)}</Text>
			{value.padEnd(24)}
			<Text color={tone('info')}>{spark}</Text>
		</Text>
	);
	return (
		<Box flexDirection="column">
			<Text bold color={tone('accent')}>Live stats (last {plural(samples.length, 'sample')})</Text>
			{line('CPU', `${last.cpuPercent.toFixed(1)}%`, sparkline(samples.map(s => s.cpuPercent), 1))}
			{line('Memory', `${formatBytes(last.memoryUsage)} / ${formatBytes(last.memoryLimit)}`, sparkline(samples.map(s => s.memoryUsage)))}
			{line('Net', `rx ${formatBytes(last.networkRx)} tx ${formatBytes(last.networkTx)}`, sparkline(rate(s => s.networkRx + s.networkTx)))}
			{line('Block IO', `r ${formatBytes(last.blockRead)} w ${formatBytes(last.blockWrite)}`, sparkline(rate(s => s.blockRead + s.blockWrite)))}
			{line('PIDs', String(last.pids), sparkline(samples.map(s => s.pids)))}
		</Box>
	);
}
