/**
 * The images lifecycle's text inputs, for prompts.ts: the form (pull and tag prompts, the
 * credentials and build forms) and the inspect view's search line. Each hook returns true when
 * it handled the key, so the prompt commands fall through to their own cases otherwise.
 */
import path from 'node:path';
import {buildFieldNames, checkBuildFields} from '../format/build-form.js';
import {parsePullReference} from '../format/pull-reference.js';
import {parseReference} from '../format/reference.js';
import type {LineState} from '../input/line-editor.js';
import type {ImageFormModal} from '../state/images-types.js';
import type {Action, AppState} from '../state/types.js';
import type {CommandContext} from './types.js';

/** Whether an images input has the keyboard (the prompt layer). */
export function imagePromptOpen(state: AppState): boolean {
	const modal = state.modal;
	return modal?.kind === 'image-form' || (modal?.kind === 'inspect' && modal.search?.editing === true);
}

/** A form with more than one field (Tab moves between them). */
export function hasFields(state: AppState): boolean {
	return state.modal?.kind === 'image-form' && state.modal.fields.length > 1;
}

export function activeImageLine(state: AppState): {line: LineState; set: (line: LineState) => Action} | undefined {
	const modal = state.modal;
	if (modal?.kind === 'image-form') return {line: modal.fields[modal.field]!, set: line => ({type: 'image-form-line', line})};
	if (modal?.kind === 'inspect' && modal.search?.editing) return {line: modal.search.line, set: line => ({type: 'inspect-search-line', line})};
	return undefined;
}

function submitForm(ctx: CommandContext, modal: ImageFormModal): void {
	const {dispatch, services} = ctx;
	if (modal.pending) return;
	const values = modal.fields.map(line => line.value);
	const refuse = (field: number, error: string) => dispatch({type: 'image-form-field', field, error});
	switch (modal.purpose) {
		case 'pull': {
			const parsed = parsePullReference(values[0]!);
			if (!parsed.ok) return refuse(0, parsed.reason);
			const refused = services.images.pull(parsed.ref);
			if (refused) refuse(0, refused);
			return;
		}
		case 'tag': {
			const parsed = parseReference(values[0]!);
			if (!parsed.ok) return refuse(0, parsed.reason);
			dispatch({type: 'close'});
			return services.images.tag(modal.target!, parsed.repo, parsed.tag);
		}
		case 'login': {
			const [username, password] = values as [string, string];
			if (username.trim() === '') return refuse(0, 'Type the user name');
			if (password === '') return refuse(1, 'Type the password');
			return services.images.login(modal.transfer!, username.trim(), password);
		}
		case 'build': {
			const fields = Object.fromEntries(buildFieldNames.map((name, index) => [name, values[index]!])) as Record<(typeof buildFieldNames)[number], string>;
			const checked = checkBuildFields(fields, services.images.cwd);
			if (!checked.ok) return refuse(buildFieldNames.indexOf(checked.field), `${checked.field}: ${checked.reason}`);
			const name = checked.options.tags?.[0] ?? path.basename(checked.options.contextDir);
			const refused = services.images.build(checked.options, name);
			if (refused) refuse(0, refused);
		}
	}
}

export function submitImageInput(ctx: CommandContext): boolean {
	const modal = ctx.state.modal;
	if (modal?.kind === 'inspect' && modal.search?.editing) {
		ctx.dispatch({type: 'inspect-search', search: {...modal.search, editing: false}});
		return true;
	}
	if (modal?.kind !== 'image-form') return false;
	submitForm(ctx, modal);
	return true;
}

export function cancelImageInput(ctx: CommandContext): boolean {
	const modal = ctx.state.modal;
	if (modal?.kind === 'inspect' && modal.search?.editing) {
		ctx.dispatch({type: 'inspect-search', search: undefined});
		return true;
	}
	if (modal?.kind !== 'image-form') return false;
	ctx.dispatch({type: 'close'});
	if (modal.purpose === 'login') ctx.services.images.cancelLogin(modal.transfer!);
	else ctx.say('info', 'Cancelled; nothing was changed');
	return true;
}

export function imageFormField(ctx: CommandContext, delta: 1 | -1): boolean {
	const modal = ctx.state.modal;
	if (modal?.kind !== 'image-form') return false;
	const count = modal.fields.length;
	ctx.dispatch({type: 'image-form-field', field: (modal.field + delta + count) % count, error: modal.error});
	return true;
}
