import React from 'react';
import {Box, Text} from 'ink';
import type {PruneItem} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {formatBytes, shortId} from '../format/format.js';
import {kindTitle, pruneChoices, pruneCounts, pruneKinds} from '../format/prune-choices.js';
import type {PruneModal} from '../state/images-types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {ScrollView} from './scroll-view.js';
import {tone, type Tone} from './theme.js';

function Lines({text, width, color, bold}: {text: string; width: number; color?: Tone; bold?: boolean}) {
	return (
		<>
			{wrapText(text, Math.max(10, width - 1)).map((line, i) => (
				<Text key={i} color={tone(color)} bold={bold}>
					{fit(line, width)}
				</Text>
			))}
		</>
	);
}

/** What a plan or report names, grouped by kind: each item's name, id and size. */
function Items({items, width}: {items: readonly PruneItem[]; width: number}) {
	return (
		<Box flexDirection="column">
			{pruneKinds.map(kind => {
				const list = items.filter(item => item.kind === kind);
				if (list.length === 0) return null;
				return (
					<Box key={kind} flexDirection="column" marginTop={1}>
						<Text bold color={tone('accent')}>
							{fit(`${kindTitle(kind)} (${list.length})`, width)}
						</Text>
						{list.map(item => {
							const id = kind === 'volume' || kind === 'network' || item.name === shortId(item.id) ? '' : `  ${shortId(item.id)}`;
							const size = item.size === undefined ? '' : `  ${formatBytes(item.size)}`;
							const untag = item.action === 'untag' ? `  (only untagged: ${item.untagged?.join(', ') ?? ''}; the image stays)` : '';
							return <Text key={item.id}>{fit(`  ${sanitizeInline(item.name)}${id}${size}${sanitizeInline(untag, {maxLength: 512})}`, width)}</Text>;
						})}
					</Box>
				);
			})}
		</Box>
	);
}

/**
 * X: choose what to prune; the preview names what would be removed, with counts and the space to
 * reclaim, and asks (No is the default); afterwards, what the engine removed and the space it
 * reports reclaimed.
 */
export function PruneView({modal, width, height, keys, onExtent}: {modal: PruneModal; width: number; height: number; keys: string; onExtent?: (lines: number) => void}) {
	const choice = pruneChoices[modal.choice]!;
	const cli = cliFor.prune(choice.targets);
	let body: React.ReactNode;
	if (modal.step === 'choose') {
		body = (
			<Box flexDirection="column">
				<Text bold>{fit('What should go? (nothing is removed before you confirm the preview)', width)}</Text>
				{pruneChoices.map((c, i) => (
					<Text key={c.label} inverse={i === modal.choice}>
						{fit(`  ${c.label.padEnd(30)} ${c.detail}`, width)}
					</Text>
				))}
				<Box marginTop={1}>
					<Text color={tone('muted')}>{fit(`$ ${cli}`, width)}</Text>
				</Box>
			</Box>
		);
	} else if (modal.step === 'previewing') {
		body = <Text color={tone('muted')}>{fit(`Working out what “${choice.label.toLowerCase()}” would remove…`, width)}</Text>;
	} else if (modal.step === 'preview' && modal.plan) {
		const plan = modal.plan;
		const nothing = plan.items.length === 0;
		body = (
			<Box flexDirection="column">
				<Text color={tone('muted')}>{fit(`$ ${cli}`, width)}</Text>
				<Lines text={nothing ? `${choice.label}: nothing to remove.` : `Would remove ${pruneCounts(plan.counts)}; space to reclaim: ${formatBytes(plan.space)}`} width={width} color="warn" bold />
				{nothing ? null : <Lines text="Prune these? y prunes; n, Esc or q prunes nothing (the default)." width={width} color="info" />}
				<Items items={plan.items} width={width} />
			</Box>
		);
	} else if (modal.step === 'pruning') {
		body = <Text color={tone('info')}>{fit(`Pruning ${choice.label.toLowerCase()}… (Esc hides this; the outcome shows on the status line)`, width)}</Text>;
	} else if (modal.step === 'done' && modal.report) {
		const report = modal.report;
		body = (
			<Box flexDirection="column">
				<Text color={tone('muted')}>{fit(`$ ${cli}`, width)}</Text>
				<Lines text={`✔ Removed ${pruneCounts(report.counts)}; the engine reports ${formatBytes(report.spaceReclaimed)} reclaimed`} width={width} color="ok" bold />
				<Items items={report.removed} width={width} />
			</Box>
		);
	} else {
		body = <Lines text={`✖ ${sanitizeInline(modal.error ?? 'The prune failed', {maxLength: 2048})}`} width={width} color="bad" bold />;
	}
	return (
		<ScrollView title={`Prune${modal.step === 'choose' ? '' : ` — ${choice.label}`}   ${keys}`} width={width} height={height} scroll={modal.scroll} onExtent={onExtent}>
			{body}
		</ScrollView>
	);
}
