/**
 * The images pane's forms, on the generic forms (forms.ts): pull (a reference), tag (the new
 * repository:tag), the credentials a registry asks for (a user and a masked password) and build
 * (context, Dockerfile, repository:tag, build args). Each checks what was typed before anything
 * reaches the engine and shows the docker CLI line Enter would run; the password is in no line.
 */
import path from 'node:path';
import {buildFieldNames, checkBuildFields, type BuildFields} from '../format/build-form.js';
import {cliFor} from '../format/cli-for.js';
import {shortId} from '../format/format.js';
import {parsePullReference} from '../format/pull-reference.js';
import {parseReference} from '../format/reference.js';
import {registryLabel} from '../engine/images/registry-names.js';
import type {TransferState} from '../state/images-types.js';
import type {ConfirmTarget, FormModal} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {defineForm, formModal, openForm} from './forms.js';
import type {CommandContext} from './types.js';

/** A refusal that is about no one field (the same pull running): said in the form, which stays. */
function refuse(ctx: CommandContext, reason: string | undefined): void {
	if (reason) ctx.dispatch({type: 'form-pending', pending: false, error: reason});
}

defineForm(
	'pull',
	(ctx, values) => {
		const parsed = parsePullReference(values['ref']!);
		if (!parsed.ok) return {field: 'ref', reason: parsed.reason};
		refuse(ctx, ctx.services.images.pull(parsed.ref));
	},
	{
		preview(values) {
			const parsed = parsePullReference(values['ref']!);
			return parsed.ok ? cliFor.pull(parsed.ref) : undefined;
		},
	},
);

export function openPullForm(ctx: CommandContext): void {
	openForm(ctx, 'pull', 'Pull an image (tag latest when none is given)', 'pull', [{key: 'ref', label: 'Image', hint: 'e.g. app, app:1.2, 127.0.0.1:5000/team/app:v1, app@sha256:…'}]);
}

defineForm(
	'tag',
	(ctx, values, form) => {
		const parsed = parseReference(values['ref']!);
		if (!parsed.ok) return {field: 'ref', reason: parsed.reason};
		ctx.dispatch({type: 'close'});
		ctx.services.images.tag(form.target!, parsed.repo, parsed.tag);
	},
	{
		preview(values, form) {
			const parsed = parseReference(values['ref']!);
			const target = form.target!;
			// The engine's name sanitised before quoting (quoting would spell out a payload).
			return parsed.ok ? cliFor.tag(sanitizeInline(target.ref ?? shortId(target.id)), parsed.repo, parsed.tag) : undefined;
		},
	},
);

export function openTagForm(ctx: CommandContext, target: ConfirmTarget): void {
	openForm(ctx, 'tag', `Tag ${target.name} as`, 'tag', [{key: 'ref', label: 'New tag', value: target.ref ?? '', hint: 'repository:tag'}], target);
}

defineForm(
	'login',
	(ctx, values, form) => {
		const username = values['user']!.trim();
		if (username === '') return {field: 'user', reason: 'type the user name'};
		if (values['password'] === '') return {field: 'password', reason: 'type the password'};
		ctx.services.images.login(form.payload!['transfer']!, username, values['password']!);
	},
	{
		preview: (values, form) => cliFor.login(form.payload!['registry']!, values['user']!.trim() || undefined),
		// The transfer that asked ends as refused.
		cancel: (ctx, form) => ctx.services.images.cancelLogin(form.payload!['transfer']!),
	},
);

/** The credentials form a refused pull or push opens (the controller opens it); `said` is the registry's refusal. */
export function credentialsForm(transfer: Pick<TransferState, 'key' | 'kind' | 'ref' | 'registry'>, said: string): FormModal {
	return formModal(
		'login',
		`Log in to ${registryLabel(transfer.registry)} to ${transfer.kind} ${transfer.ref}`,
		'log in',
		[
			{key: 'user', label: 'User'},
			{key: 'password', label: 'Password', secret: true},
		],
		{
			payload: {transfer: transfer.key, registry: transfer.registry},
			working: 'Checking with the registry…',
			body: [
				{text: `The registry said: ${said}`, tone: 'warn'},
				{text: 'Kept for this session, in memory only; never shown or logged.', tone: 'muted'},
			],
		},
	);
}

const buildValues = (values: Record<string, string>) => Object.fromEntries(buildFieldNames.map(name => [name, values[name] ?? ''])) as unknown as BuildFields;

defineForm(
	'build',
	(ctx, values) => {
		const checked = checkBuildFields(buildValues(values), ctx.services.images.cwd);
		if (!checked.ok) return {field: checked.field, reason: checked.reason};
		const name = checked.options.tags?.[0] ?? path.basename(checked.options.contextDir);
		refuse(ctx, ctx.services.images.build(checked.options, name));
	},
	{
		preview(values, form) {
			const checked = checkBuildFields(buildValues(values), form.payload!['cwd']!);
			return checked.ok ? cliFor.build(checked.options) : undefined;
		},
	},
);

export function openBuildForm(ctx: CommandContext): void {
	openForm(
		ctx,
		'build',
		'Build an image (classic builder)',
		'build',
		[
			{key: 'context', label: 'Context', value: '.', hint: 'directory sent to the engine'},
			{key: 'dockerfile', label: 'Dockerfile', value: 'Dockerfile', hint: 'relative to the context, or absolute'},
			{key: 'tag', label: 'Tag', hint: '(optional) repository:tag'},
			{key: 'args', label: 'Build args', hint: "e.g. VERSION=1.2 NOTE='two words' HTTP_PROXY"},
		],
		undefined,
		{payload: {cwd: ctx.services.images.cwd}},
	);
}
