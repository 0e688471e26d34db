import React from 'react';
import {Box, Text} from 'ink';
import type {LineState} from '../input/line-editor.js';
import {fieldHint} from '../state/selectors.js';
import type {Modal} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, truncate} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {LineInput} from './line-input.js';
import {tone} from './theme.js';

type DialogLine = {text: string; tone?: 'bad' | 'warn' | 'muted' | 'info' | 'ok'; bold?: boolean; input?: {line: LineState; label: string; mask?: boolean}};

const promptTitles = {
	commit: 'Commit NAME to repository:tag',
	'save-logs': 'Save the log of NAME to a file',
	exec: 'Run a command in NAME (with a terminal)',
	rename: 'Rename NAME to',
	'stop-timeout': 'Stop NAME: seconds to wait before SIGKILL',
	scale: 'Scale NAME to how many replicas? (docker service scale)',
};

function lines(modal: Modal, inner: number, keys: string): DialogLine[] {
	const out: DialogLine[] = [];
	const wrapped = (text: string, style: Omit<DialogLine, 'text'> = {}) => {
		for (const l of wrapText(sanitizeInline(text, {maxLength: 4096}), inner)) out.push({text: l, ...style});
	};
	/** A form's docker line: at most three lines of the dialog, then how much more there is (the log keeps it whole). */
	const commandLine = (text: string) => {
		const all = wrapText(sanitizeInline(text, {maxLength: 4096}), inner);
		if (all.length <= 3) {
			for (const l of all) out.push({text: l, tone: 'info'});
			return;
		}
		for (const l of all.slice(0, 2)) out.push({text: l, tone: 'info'});
		const shown = all.slice(0, 2).reduce((n, l) => n + l.length, 0);
		const more = `… (${(text.length - shown).toLocaleString('en-US')} more characters; the whole line goes into the command log)`;
		out.push({text: truncate(more, inner), tone: 'info'});
	};
	if (modal.kind === 'confirm') {
		wrapped(modal.title, {bold: true});
		for (const body of modal.body) wrapped(body, {tone: 'warn'});
		out.push({text: ''});
	} else if (modal.kind === 'prompt') {
		out.push({text: promptTitles[modal.purpose].replace('NAME', sanitizeInline(modal.target.name)), bold: true});
		if (modal.purpose === 'save-logs') {
			out.push({
				text: modal.scope === 'engine' ? 'What: the whole log, fetched again from the engine (Tab: the buffer)' : 'What: the lines in the buffer (Tab: the whole log from the engine)',
				tone: 'info',
			});
		}
		out.push({text: '', input: {line: modal.line, label: '> '}});
		if (modal.purpose === 'rename' && modal.error === 'Renaming…') {
			out.push({text: 'Renaming…', tone: 'info'});
		} else
		if (modal.error) wrapped(modal.error, {tone: 'bad'});
	} else if (modal.kind === 'form') {
		wrapped(modal.title, {bold: true});
		for (const line of modal.body ?? []) wrapped(line.text, {tone: line.tone});
		const width = Math.max(...modal.fields.map(f => f.label.length)) + 1;
		modal.fields.forEach((field, i) => {
			const label = `${i === modal.field ? '>' : ' '} ${field.label.padEnd(width)} `;
			const value = field.line.value;
			if (field.choices) {
				const choices = field.choices.map(c => (c === value ? `[${c}]` : c)).join(' ');
				out.push({text: label + choices + (i === modal.field ? '   ←/→ change' : ''), bold: i === modal.field});
			} else if (i === modal.field) out.push({text: '', bold: true, input: {line: field.line, label, mask: field.secret}});
			else {
				const shown = field.secret ? '•'.repeat([...value].length) : sanitizeInline(value);
				out.push({text: label + truncate(shown || (fieldHint(modal, field) ?? ''), inner - label.length), tone: value ? undefined : 'muted'});
			}
		});
		// One field is always being edited, so its hint goes under it.
		const only = modal.fields.length === 1 ? modal.fields[0] : undefined;
		const onlyHint = only && fieldHint(modal, only);
		if (onlyHint) out.push({text: ' '.repeat(width + 3) + truncate(onlyHint, inner - width - 3), tone: 'muted'});
		if (modal.preview) commandLine(`Runs: ${modal.preview}`);
		if (modal.pending) out.push({text: modal.working ?? 'Working on it…', tone: 'info'});
		else if (modal.error) wrapped(modal.error, {tone: 'bad'});
	} else if (modal.kind === 'notice') {
		wrapped(modal.title, {bold: true});
		for (const line of modal.lines) wrapped(line.text, {tone: line.tone === 'bad' ? 'bad' : line.tone === 'ok' ? 'ok' : 'info'});
		out.push({text: ''});
	}
	out.push({text: keys, tone: modal.kind === 'confirm' ? 'info' : 'muted'});
	return out;
}

/**
 * A confirm dialog or a prompt, drawn as an opaque box over the panes. Its lines are padded
 * to its width so nothing behind it shows through. `keys` are the keys it offers (from the
 * command registry: only those that work in it now).
 */
export function Dialog({modal, width, height, keys}: {modal: Modal; width: number; height: number; keys: string}) {
	if (modal.kind !== 'confirm' && modal.kind !== 'prompt' && modal.kind !== 'form' && modal.kind !== 'notice') return null;
	const boxWidth = Math.max(20, Math.min(width - 4, 76));
	const inner = boxWidth - 4;
	const shown = lines(modal, inner, keys).slice(0, Math.max(1, height - 4));
	const top = Math.max(0, Math.floor((height - shown.length - 2) / 2));
	const left = Math.max(0, Math.floor((width - boxWidth) / 2));
	return (
		<Box position="absolute" marginTop={top} marginLeft={left} width={boxWidth} flexDirection="column" borderStyle="round" borderColor={tone(modal.kind === 'confirm' ? 'warn' : modal.kind === 'notice' ? 'bad' : 'info')}>
			{shown.map((line, i) =>
				line.input ? (
					<Text key={i} bold={line.bold}>
						{' ' + line.input.label}
						<LineInput line={line.input.line} width={inner - line.input.label.length} mask={line.input.mask} />
						{' '}
					</Text>
				) : (
					<Text key={i} color={tone(line.tone)} bold={line.bold}>
						{' ' + fit(line.text, inner) + ' '}
					</Text>
				),
			)}
		</Box>
	);
}
