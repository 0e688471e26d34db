import React from 'react';
import {Box, Text} from 'ink';
import type {LayerProgress} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {formatBytes} from '../format/format.js';
import type {TransferState} from '../state/images-types.js';
import {percentOf} from '../state/images-selectors.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, padEnd, padStart} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {progressBar} from './progress-bar.js';
import {ScrollView} from './scroll-view.js';
import {tone} from './theme.js';

const barred = new Set(['downloading', 'extracting', 'pushing']);

/** A layer's phase in words; the engine's own text where berth has no better word. */
function phaseText(layer: LayerProgress): string {
	switch (layer.phase) {
		case 'exists':
			return layer.status.startsWith('Mounted from') ? layer.status : 'already exists';
		case 'retrying':
		case 'other':
			return layer.status;
		default:
			return layer.phase;
	}
}

function layerLine(layer: LayerProgress, width: number): {text: string; tone?: 'ok' | 'muted' | 'warn'} {
	const id = padEnd(sanitizeInline(layer.id).slice(0, 12), 12);
	const words = sanitizeInline(phaseText(layer), {maxLength: 80});
	let rest = '';
	if (barred.has(layer.phase) && layer.total && layer.total > 0) {
		const current = Math.min(layer.current ?? 0, layer.total);
		const bytes = padStart(`${formatBytes(current)} / ${formatBytes(layer.total)}`, 19);
		const barWidth = Math.max(0, Math.min(30, width - 2 - 12 - 2 - 16 - 19 - 2 - 6));
		rest = `${bytes}  ${progressBar(current, layer.total, barWidth)} ${padStart(`${Math.floor((current / layer.total) * 100)}%`, 4)}`;
	}
	const done = layer.phase === 'done' || layer.phase === 'exists';
	// A column only when bytes follow it: "Mounted from team/app" is not cut short otherwise.
	const phase = rest ? padEnd(words, 16) : words;
	return {text: fit(`  ${id}  ${phase}${rest}`, width), tone: done ? 'ok' : layer.phase === 'waiting' || layer.phase === 'preparing' ? 'muted' : layer.phase === 'retrying' ? 'warn' : undefined};
}

function overall(transfer: TransferState, width: number): string | undefined {
	const p = transfer.progress;
	const verb = transfer.status === 'running' ? `${transfer.kind === 'pull' ? 'Pulling' : 'Pushing'}: ` : '';
	// Before the first layer: what it waits for (a credential helper, named), else the registry.
	if (!p || p.layers.length === 0) return verb ? `${verb}${p?.status ? sanitizeInline(p.status, {maxLength: 1024}) : 'waiting for the registry…'}` : undefined;
	const parts = [`${verb}${p.finished} of ${p.layers.length} layers done`];
	const percent = percentOf(p);
	if (p.total > 0) parts.push(`${formatBytes(p.current)} of ${p.unsized > 0 ? 'at least ' : ''}${formatBytes(p.total)}`);
	const head = parts.join(' · ');
	if (percent === undefined) return head;
	const barWidth = Math.max(0, Math.min(40, width - head.length - 10));
	return `${head}  ${progressBar(p.current, p.total, barWidth)} ${percent}%`;
}

/**
 * A pull or push: the docker CLI line, the overall progress, each layer's phase with its bytes
 * and a bar, and the outcome: the registry's error when it failed (never success).
 */
export function TransferView({transfer, width, height, scroll, keys, onExtent}: {transfer?: TransferState; width: number; height: number; scroll: number; keys: string; onExtent?: (lines: number) => void}) {
	if (!transfer) {
		return (
			<ScrollView title={`Transfer   ${keys}`} width={width} height={height} scroll={scroll} onExtent={onExtent}>
				<Text color={tone('muted')}>This transfer is no longer listed.</Text>
			</ScrollView>
		);
	}
	const verb = transfer.kind === 'pull' ? 'Pull' : 'Push';
	const status: Array<{text: string; tone: 'ok' | 'bad' | 'warn' | 'info'; bold?: boolean}> = [];
	const say = (text: string, t: 'ok' | 'bad' | 'warn' | 'info', bold = false) => {
		for (const line of wrapText(sanitizeInline(text, {maxLength: 2048}), Math.max(10, width - 1))) status.push({text: line, tone: t, bold});
	};
	if (transfer.status === 'done') say(`✔ ${transfer.message ?? `${verb} done`}`, 'ok');
	else if (transfer.status === 'credentials') say(`The registry wants credentials: ${transfer.message ?? 'unauthorized'}`, 'warn');
	else if (transfer.status === 'failed') say(`✖ ${verb} failed: ${transfer.message ?? 'unknown error'}`, 'bad', true);
	else if (transfer.status === 'cancelled') say(`✖ ${verb} cancelled`, 'warn', true);
	const summary = overall(transfer, width);
	if (summary) say(summary, 'info');
	const layers = transfer.progress?.layers ?? [];
	return (
		<ScrollView title={`${verb} — ${sanitizeInline(transfer.ref)}   ${keys}`} width={width} height={height} scroll={scroll} onExtent={onExtent}>
			{/* Built from the sanitised reference: quoting would spell out a control sequence's payload. */}
			<Text color={tone('muted')}>{fit(`$ ${(transfer.kind === 'pull' ? cliFor.pull : cliFor.push)(sanitizeInline(transfer.ref))}`, width)}</Text>
			{status.map((line, i) => (
				<Text key={`s${i}`} color={tone(line.tone)} bold={line.bold}>
					{fit(line.text, width)}
				</Text>
			))}
			{transfer.progress?.status && layers.length > 0 ? <Text color={tone('muted')}>{fit(sanitizeInline(transfer.progress.status, {maxLength: 1024}), width)}</Text> : null}
			<Box flexDirection="column" marginTop={1}>
				{layers.length > 0 ? <Text bold color={tone('accent')}>{fit(`Layers (${layers.length})`, width)}</Text> : null}
				{layers.map(layer => {
					const line = layerLine(layer, width);
					return (
						<Text key={layer.id} color={tone(line.tone)}>
							{line.text}
						</Text>
					);
				})}
			</Box>
		</ScrollView>
	);
}
