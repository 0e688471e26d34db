import React, {useLayoutEffect, useMemo} from 'react';
import {Box, Text} from 'ink';
import {followWindow, type FollowScroll, type FollowSeen} from '../state/follow-scroll.js';
import type {BuildOutputLine, BuildState} from '../state/images-types.js';
import {sanitizeInline, sanitizeLine} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {byteProgressText} from '../format/byte-progress.js';
import {progressBar} from './progress-bar.js';
import {tone, type Tone} from './theme.js';

const kindTone: Record<BuildOutputLine['kind'], Tone | undefined> = {
	step: 'accent',
	output: undefined,
	cache: 'muted',
	running: 'muted',
	layer: 'muted',
	removing: 'muted',
	built: 'ok',
	tagged: 'ok',
	warning: 'warn',
};

type Row = {text: string; tone?: Tone; bold?: boolean};

/** The output as screen rows: each line wrapped to the width (the lines were sanitised as they came). */
function outputRows(lines: readonly BuildOutputLine[], width: number): Row[] {
	const rows: Row[] = [];
	for (const line of lines) {
		for (const text of wrapText(sanitizeLine(line.text), Math.max(10, width - 1))) rows.push({text, tone: kindTone[line.kind], bold: line.kind === 'step'});
	}
	return rows;
}

/**
 * The build's output, live: the docker CLI line and where the build is (or the failing step
 * with the engine's message) stay at the top; the output below follows its end until scrolled
 * up (G follows again). Only the rows in view are drawn.
 */
export function BuildView({build, tail, width, height, keys, onFollow}: {build?: BuildState; tail: FollowScroll; width: number; height: number; keys: string; onFollow?: (seen: FollowSeen) => void}) {
	const rows = useMemo(() => outputRows(build?.lines ?? [], width), [build?.lines, width]);
	const header: Row[] = [];
	const add = (text: string, t?: Tone, bold = false) => {
		for (const line of wrapText(sanitizeInline(text, {maxLength: 2048}), Math.max(10, width - 1))) header.push({text: line, tone: t, bold});
	};
	if (build) {
		add(`$ ${build.cli}`, 'muted');
		const step = build.step ? `step ${build.step.index}/${build.step.total}: ${build.step.instruction}` : undefined;
		const upload = build.upload;
		const sending = build.status === 'running' && upload !== undefined && (upload.total === undefined || upload.bytes < upload.total) && build.lines.length === 0;
		if (sending) {
			add(`Sending the build context: ${byteProgressText(upload)}`, 'info');
			if (upload.total) header.push({text: progressBar(upload.bytes, upload.total, Math.max(0, Math.min(60, width - 2))), tone: 'info'});
		} else if (build.status === 'running') add(`Building${step ? ` — ${step}` : '…'}`, 'info');
		else if (build.status === 'done') add(`✔ ${build.message ?? 'Built'}`, 'ok');
		else if (build.status === 'cancelled') add(`✖ Build cancelled${step ? ` at ${step}` : ' while its context was being sent: the engine got none of it'}`, 'warn', true);
		else {
			add(`✖ Build failed${step ? ` at ${step}` : ''}`, 'bad', true);
			add(build.message ?? 'unknown error', 'bad');
		}
		if (build.dropped > 0) add(`(${build.dropped} earlier lines not kept)`, 'muted');
	} else add('No build has run yet.', 'muted');
	const bodyRows = Math.max(1, height - 1);
	const windowRows = Math.max(1, bodyRows - header.length);
	// The output's screen rows follow their end until scrolled back (state/follow-scroll.ts).
	const {from: top, to} = followWindow(tail, {first: 0, total: rows.length}, windowRows);
	useLayoutEffect(() => onFollow?.({first: 0, total: rows.length, rows: windowRows}), [onFollow, rows.length, windowRows]);
	const shown = rows.slice(top, to);
	const where = rows.length > windowRows ? `  lines ${top + 1}-${top + shown.length} of ${rows.length}${tail.follow ? ' (following)' : ''}` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold>
				{fit(` Build — ${sanitizeInline(build?.name ?? '')}${where}   ${keys}`, width)}
			</Text>
			{header.map((row, i) => (
				<Text key={`h${i}`} color={tone(row.tone)} bold={row.bold}>
					{fit(row.text, width)}
				</Text>
			))}
			{shown.map((row, i) => (
				<Text key={top + i} color={tone(row.tone)} bold={row.bold}>
					{fit(row.text, width)}
				</Text>
			))}
		</Box>
	);
}
