import React from 'react';
import {Box, Text} from 'ink';
import type {Modal} from '../state/app-state.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, truncate} from '../text/width.js';
import {tone} from './theme.js';

/** Wraps plain text to `width` cells on spaces (hard-breaking long words). */
export function wrapText(text: string, width: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let w = word;
		while (w.length > width) {
			if (line) {
				out.push(line);
				line = '';
			}
			out.push(w.slice(0, width));
			w = w.slice(width);
		}
		if (!line) line = w;
		else if (line.length + 1 + w.length <= width) line += ' ' + w;
		else {
			out.push(line);
			line = w;
		}
	}
	if (line || out.length === 0) out.push(line);
	return out;
}

/**
 * A confirm dialog or a prompt, drawn as an opaque box over the panes. Its lines are padded
 * to its width so nothing behind it shows through.
 */
export function Dialog({modal, width, height}: {modal: Modal; width: number; height: number}) {
	if (modal.kind !== 'confirm' && modal.kind !== 'prompt' && modal.kind !== 'run') return null;
	const boxWidth = Math.max(20, Math.min(width - 4, 76));
	const inner = boxWidth - 4;
	const lines: Array<{text: string; tone?: 'bad' | 'warn' | 'muted' | 'info'; bold?: boolean}> = [];
	if (modal.kind === 'confirm') {
		for (const l of wrapText(sanitizeInline(modal.title), inner)) lines.push({text: l, bold: true});
		for (const body of modal.body) {
			for (const l of wrapText(sanitizeInline(body), inner)) lines.push({text: l, tone: 'warn'});
		}
		lines.push({text: ''});
		lines.push({
			text: modal.forceOffered ? 'f force   n/Esc cancel (default)' : 'y yes   n/Esc no (default)',
			tone: 'info',
		});
	} else if (modal.kind === 'prompt') {
		const name = sanitizeInline(modal.target.name);
		const titles = {
			commit: `Commit ${name} to repository:tag`,
			'save-logs': `Save the log of ${name} to a file`,
			exec: `Run a command in ${name} (with a terminal)`,
		};
		lines.push({text: titles[modal.purpose], bold: true});
		if (modal.purpose === 'save-logs') {
			lines.push({
				text: modal.scope === 'engine' ? 'What: the whole log, fetched again from the engine (Tab: the buffer)' : 'What: the lines in the buffer (Tab: the whole log from the engine)',
				tone: 'info',
			});
		}
		lines.push({text: `> ${truncate(sanitizeInline(modal.value), inner - 3)}█`});
		if (modal.error) for (const l of wrapText(sanitizeInline(modal.error), inner)) lines.push({text: l, tone: 'bad'});
		const verbs = {commit: 'commit', 'save-logs': 'save', exec: 'run'};
		lines.push({text: `Enter ${verbs[modal.purpose]}   Esc cancel`, tone: 'muted'});
	} else {
		lines.push({text: `Run a container from ${sanitizeInline(modal.image)}`, bold: true});
		const labels = {name: 'Name', command: 'Command', ports: 'Ports', env: 'Env', binds: 'Binds'};
		const hints = {name: '(optional)', command: "(empty: the image's)", ports: 'e.g. 8080:80 53:53/udp', env: 'e.g. A=1 B=2', binds: 'e.g. /srv/data:/data:ro'};
		(['name', 'command', 'ports', 'env', 'binds'] as const).forEach((field, i) => {
			const active = i === modal.field;
			const value = sanitizeInline(modal.fields[field]);
			const shown = value || (active ? '' : hints[field]);
			lines.push({text: `${active ? '>' : ' '} ${labels[field].padEnd(8)} ${truncate(shown, inner - 12)}${active ? '█' : ''}`, tone: value || active ? undefined : 'muted', bold: active});
		});
		if (modal.error) for (const l of wrapText(sanitizeInline(modal.error), inner)) lines.push({text: l, tone: 'bad'});
		lines.push({text: 'Tab/Shift-Tab field   Enter run   Esc cancel', tone: 'muted'});
	}
	const shown = lines.slice(0, Math.max(1, height - 4));
	const top = Math.max(0, Math.floor((height - shown.length - 2) / 2));
	const left = Math.max(0, Math.floor((width - boxWidth) / 2));
	return (
		<Box position="absolute" marginTop={top} marginLeft={left} width={boxWidth} flexDirection="column" borderStyle="round" borderColor={tone(modal.kind === 'confirm' ? 'warn' : 'info')}>
			{shown.map((line, i) => (
				<Text key={i} color={tone(line.tone)} bold={line.bold}>
					{' ' + fit(line.text, inner) + ' '}
				</Text>
			))}
		</Box>
	);
}
