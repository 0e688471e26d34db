import React from 'react';
import {Box, Text} from 'ink';
import {buildFieldNames, checkBuildFields} from '../format/build-form.js';
import {cliFor} from '../format/cli-for.js';
import {shortId} from '../format/format.js';
import {parsePullReference} from '../format/pull-reference.js';
import {parseReference} from '../format/reference.js';
import {registryLabel} from '../format/registry.js';
import type {LineState} from '../input/line-editor.js';
import type {ImageFormModal} from '../state/images-types.js';
import {transferOf} from '../state/images-selectors.js';
import type {AppState} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, truncate} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {LineInput} from './line-input.js';
import {tone, type Tone} from './theme.js';

type Line = {text: string; tone?: Tone; bold?: boolean; input?: {line: LineState; label: string; mask: boolean}};

const fieldLabels = {
	pull: ['Image'],
	tag: ['New tag'],
	login: ['User', 'Password'],
	build: ['Context', 'Dockerfile', 'Tag', 'Build args'],
} as const;

const fieldHints: Record<ImageFormModal['purpose'], string[]> = {
	pull: ['e.g. app, app:1.2, 127.0.0.1:5000/team/app:v1, app@sha256:…'],
	tag: ['repository:tag'],
	login: ['', ''],
	build: ['directory sent to the engine', 'relative to the context, or absolute', '(optional) repository:tag', "e.g. VERSION=1.2 NOTE='two words' HTTP_PROXY"],
};

/** The docker CLI line the form would run, when what is typed is valid. */
function cliLine(modal: ImageFormModal): string | undefined {
	const values = modal.fields.map(f => f.value);
	switch (modal.purpose) {
		case 'pull': {
			const parsed = parsePullReference(values[0]!);
			return parsed.ok ? cliFor.pull(parsed.ref) : undefined;
		}
		case 'tag': {
			const parsed = parseReference(values[0]!);
			const target = modal.target!;
			return parsed.ok ? cliFor.tag(sanitizeInline(target.ref ?? shortId(target.id)), parsed.repo, parsed.tag) : undefined;
		}
		case 'login':
			return cliFor.login(modal.registry ?? '', values[0]!.trim() || undefined);
		case 'build': {
			if (modal.cwd === undefined) return undefined;
			const fields = Object.fromEntries(buildFieldNames.map((name, index) => [name, values[index]!])) as Record<(typeof buildFieldNames)[number], string>;
			const checked = checkBuildFields(fields, modal.cwd);
			return checked.ok ? cliFor.build(checked.options) : undefined;
		}
	}
}

function title(state: AppState, modal: ImageFormModal): string[] {
	switch (modal.purpose) {
		case 'pull':
			return ['Pull an image (tag latest when none is given)'];
		case 'tag':
			return [`Tag ${sanitizeInline(modal.target!.name)} as`];
		case 'login': {
			const transfer = modal.transfer ? transferOf(state, modal.transfer) : undefined;
			const what = transfer ? ` to ${transfer.kind} ${sanitizeInline(transfer.ref)}` : '';
			const lines = [`Log in to ${sanitizeInline(registryLabel(modal.registry ?? ''))}${what}`];
			if (transfer?.message) lines.push(`The registry said: ${sanitizeInline(transfer.message, {maxLength: 1024})}`);
			return lines;
		}
		case 'build':
			return ['Build an image (classic builder)'];
	}
}

/**
 * The images lifecycle's prompts and forms (pull, tag, credentials, build) as a box over the
 * panes, each field a line editor, with the docker CLI line it would run. The password field is
 * drawn masked; what the CLI line shows never holds it.
 */
export function FormDialog({state, modal, width, height, keys}: {state: AppState; modal: ImageFormModal; width: number; height: number; keys: string}) {
	const boxWidth = Math.max(24, Math.min(width - 4, 84));
	const inner = boxWidth - 4;
	const lines: Line[] = [];
	const wrapped = (text: string, style: Omit<Line, 'text'> = {}) => {
		for (const l of wrapText(text, inner)) lines.push({text: l, ...style});
	};
	const [first, ...rest] = title(state, modal);
	wrapped(first!, {bold: true});
	for (const line of rest) wrapped(line, {tone: 'warn'});
	const labels = fieldLabels[modal.purpose];
	const labelWidth = Math.max(...labels.map(l => l.length)) + 3;
	modal.fields.forEach((value, i) => {
		const label = `${i === modal.field ? '>' : ' '} ${labels[i]!.padEnd(labelWidth - 2)}`;
		const mask = modal.purpose === 'login' && i === 1;
		if (i === modal.field) lines.push({text: '', bold: true, input: {line: value, label, mask}});
		else {
			const shown = mask ? '•'.repeat(Math.min(value.value.length, 32)) : sanitizeInline(value.value);
			lines.push({text: label + truncate(shown || fieldHints[modal.purpose][i] || '', inner - label.length), tone: value.value ? undefined : 'muted'});
		}
	});
	const hint = fieldHints[modal.purpose][modal.field];
	if (hint && modal.fields.length === 1) lines.push({text: ' '.repeat(labelWidth) + truncate(hint, inner - labelWidth), tone: 'muted'});
	if (modal.purpose === 'login') wrapped('Kept for this session, in memory only; never shown or logged.', {tone: 'muted'});
	const cli = cliLine(modal);
	if (cli) wrapped(`Runs: ${sanitizeInline(cli, {maxLength: 1024})}`, {tone: 'info'});
	if (modal.pending) lines.push({text: modal.purpose === 'login' ? 'Checking with the registry…' : 'Working…', tone: 'info'});
	else if (modal.error) wrapped(sanitizeInline(modal.error, {maxLength: 1024}), {tone: 'bad'});
	lines.push({text: keys, tone: 'muted'});
	const shown = lines.slice(0, Math.max(1, height - 4));
	const top = Math.max(0, Math.floor((height - shown.length - 2) / 2));
	const left = Math.max(0, Math.floor((width - boxWidth) / 2));
	return (
		<Box position="absolute" marginTop={top} marginLeft={left} width={boxWidth} flexDirection="column" borderStyle="round" borderColor={tone('info')}>
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
