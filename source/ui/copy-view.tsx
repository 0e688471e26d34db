import React, {useEffect} from 'react';
import {Text} from 'ink';
import {byteProgressText} from '../format/byte-progress.js';
import type {CopyJob} from '../state/copy-types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {progressBar} from './progress-bar.js';
import {ScrollView} from './scroll-view.js';
import {tone, type Tone} from './theme.js';

type Row = {text: string; tone?: Tone; bold?: boolean};

/** The copy as screen rows: what it is, how far it got (or its question, or its outcome), then every entry refused. */
function copyRows(job: CopyJob, width: number): Row[] {
	const rows: Row[] = [];
	const add = (text: string, t?: Tone, bold = false) => {
		for (const line of wrapText(sanitizeInline(text, {maxLength: 4096}), Math.max(10, width - 1))) rows.push({text: line, tone: t, bold});
	};
	add(`$ ${job.cli}`, 'muted');
	const progress = job.progress ? byteProgressText({...job.progress, rate: job.rate}) : undefined;
	if (job.status === 'running') {
		add(`Copying${progress ? `: ${progress}` : '…'}`, 'info');
		if (job.progress?.total) rows.push({text: progressBar(job.progress.bytes, job.progress.total, Math.max(0, Math.min(60, width - 2))), tone: 'info'});
		if (job.progress?.current) add(`${job.progress.entries} so far, now ${job.progress.current}`, 'muted');
	} else if (job.status === 'asking') {
		const count = job.conflicts?.length ?? 0;
		add(`The archive is read (${progress ?? '…'}). ${count} ${count === 1 ? 'entry exists' : 'entries exist'} in ${job.into} already:`, 'warn', true);
		const them = count === 1 ? 'it' : 'them';
		add(`y replaces ${them}; n keeps ${them}, and nothing is copied (what the copy wrote is removed); x cancels.`, 'warn');
		for (const name of job.conflicts ?? []) add(`  ${name}`);
	} else if (job.status === 'done') {
		add(`✔ ${job.message ?? 'Copied'}`, 'ok');
	} else if (job.status === 'cancelled') {
		add(`✖ ${job.message ?? 'Cancelled'}`, 'warn', true);
	} else {
		add(`✖ Copy failed: ${job.message ?? 'unknown error'}`, 'bad', true);
	}

	if (job.status === 'done' || job.refused.length > 0) {
		rows.push({text: ''});
		const refusedWord = job.direction === 'out' ? 'refused' : 'skipped';
		add(`Written: ${job.written ?? 0} · ${refusedWord[0]!.toUpperCase()}${refusedWord.slice(1)}: ${job.refused.length}`, 'accent', true);
		for (const entry of job.refused) add(`  ${entry.path} — ${entry.reason}`, 'warn');
	}

	return rows;
}

/**
 * One copy in or out: the docker CLI line, its progress (bytes, rate, and the percentage, a bar
 * and the time left when the size is known), its question about files that exist, or its outcome
 * with the counts and every refused entry and why. Only the rows in view are drawn.
 */
export function CopyView({job, width, height, scroll, keys, onExtent}: {job?: CopyJob; width: number; height: number; scroll: number; keys: string; onExtent?: (lines: number) => void}) {
	const rows = job ? copyRows(job, width) : [{text: 'This copy is no longer listed.', tone: 'muted' as Tone}];
	useEffect(() => {
		onExtent?.(rows.length);
	}, [rows.length, onExtent]);
	const title = job ? `Copy ${job.direction} — ${job.direction === 'out' ? `${job.container.name}:${job.from} → ${job.into}` : `${job.from} → ${job.container.name}:${job.into}`}` : 'Copy';
	const shown = rows.slice(scroll, scroll + Math.max(1, height - 1));
	return (
		<ScrollView title={`${sanitizeInline(title)}   ${keys}`} width={width} height={height} scroll={0}>
			{shown.map((row, i) => (
				<Text key={scroll + i} color={tone(row.tone)} bold={row.bold}>
					{fit(row.text, width)}
				</Text>
			))}
		</ScrollView>
	);
}
