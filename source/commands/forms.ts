/**
 * Forms: several fields (line editors or choices) in one dialog; Tab and Shift-Tab move between
 * them, ←/→ or Space change a choice, Enter submits, Esc cancels. Each form has a handler that
 * checks what was typed (a refused field gets the cursor and a one-line reason, and nothing
 * reaches the engine) and carries it out; it may also say which docker CLI line the values would
 * run (shown as they are typed), what Esc does and what leaving a field tells the others. Secret fields (passwords) are drawn masked
 * and never go into a CLI line: the preview is not given their values.
 */
import {lineAtEnd, prefilledLine, type LineState} from '../input/line-editor.js';
import type {Action, ConfirmTarget, FormField, FormModal} from '../state/types.js';
import type {CommandContext} from './types.js';

/** A field as a form declares it. */
export interface FieldSpec {
	key: string;
	label: string;
	hint?: string;
	value?: string;
	choices?: readonly string[];
	secret?: boolean;
}

/** What a form does with its values: a reason and the field it is about, or nothing (it went ahead). */
export type FormSubmit = (ctx: CommandContext, values: Record<string, string>, form: FormModal) => {field: string; reason: string} | void;

export interface FormHandler {
	submit: FormSubmit;
	/** The docker CLI line the values (secret fields left out) would run, or undefined while they are not valid. Pure. */
	preview?: (values: Record<string, string>, form: FormModal) => string | undefined;
	/** Esc (the form is closed first); by default "… cancelled; nothing was changed". */
	cancel?: (ctx: CommandContext, form: FormModal) => void;
	/** Tab or Shift-Tab has left the field `key` (what it holds may tell the other fields' hints). */
	leave?: (ctx: CommandContext, key: string, values: Record<string, string>) => void;
}

/** What a form shows besides its title and fields. */
export interface FormExtras {
	target?: ConfirmTarget;
	body?: FormModal['body'];
	payload?: Record<string, string>;
	working?: string;
}

const handlers = new Map<string, FormHandler>();

/** Registers what submitting a form does (each form's module calls this once). */
export function defineForm(form: string, submit: FormSubmit, options: Omit<FormHandler, 'submit'> = {}): void {
	handlers.set(form, {submit, ...options});
}

export function formValues(form: FormModal): Record<string, string> {
	return Object.fromEntries(form.fields.map(f => [f.key, f.line.value]));
}

/** The form's CLI line for its values; it is never given a secret field's value, so it cannot show one. */
function previewOf(form: FormModal): string | undefined {
	const shown = Object.fromEntries(form.fields.filter(f => !f.secret).map(f => [f.key, f.line.value]));
	return handlers.get(form.form)?.preview?.(shown, form);
}

/** The form as it opens (for the controller too, which opens the credentials form itself). */
export function formModal(form: string, title: string, verb: string, fields: FieldSpec[], extras: FormExtras = {}): FormModal {
	const built: FormField[] = fields.map(f => ({
		key: f.key,
		label: f.label,
		hint: f.hint,
		// A field's value is a suggestion: the first text typed replaces it.
		line: f.choices ? lineAtEnd(f.value ?? f.choices[0] ?? '') : prefilledLine(f.value ?? ''),
		choices: f.choices,
		secret: f.secret,
	}));
	const modal: FormModal = {kind: 'form', form, title, verb, fields: built, field: 0, ...extras};
	const preview = previewOf(modal);
	return preview === undefined ? modal : {...modal, preview};
}

export function openForm(ctx: CommandContext, form: string, title: string, verb: string, fields: FieldSpec[], target?: ConfirmTarget, extras: Omit<FormExtras, 'target'> = {}): void {
	ctx.dispatch({type: 'open', modal: formModal(form, title, verb, fields, {target, ...extras})});
}

/** The action that puts `line` in the focused field, with the form's preview for the new values. */
export function formLine(form: FormModal, line: LineState): Action {
	const next = {...form, fields: form.fields.map((f, i) => (i === form.field ? {...f, line} : f))};
	return {type: 'form-line', line, preview: previewOf(next)};
}

/** Enter in a form: check and carry it out (once: a form waiting for the engine ignores it). */
export function submitForm(ctx: CommandContext, form: FormModal): void {
	if (form.pending) return;
	const outcome = handlers.get(form.form)?.submit(ctx, formValues(form), form);
	if (outcome) {
		const index = Math.max(0, form.fields.findIndex(f => f.key === outcome.field));
		const label = form.fields[index]?.label.toLowerCase() ?? outcome.field;
		ctx.dispatch({type: 'form-field', field: index, error: `${label}: ${outcome.reason}`});
	}
}

/** Esc in a form: closed, and the form's own cancel (or a word that nothing changed). */
export function cancelForm(ctx: CommandContext, form: FormModal): void {
	ctx.dispatch({type: 'close'});
	const cancel = handlers.get(form.form)?.cancel;
	if (cancel) return cancel(ctx, form);
	ctx.say('info', `${form.title.split(' ')[0]} cancelled; nothing was changed`);
}

/** Tab / Shift-Tab. */
export function moveField(ctx: CommandContext, form: FormModal, delta: 1 | -1): void {
	ctx.dispatch({type: 'form-field', field: (form.field + delta + form.fields.length) % form.fields.length, error: form.error});
	const left = form.fields[form.field];
	if (left) handlers.get(form.form)?.leave?.(ctx, left.key, formValues(form));
}

/** ←/→ or Space on a choice: the next or previous value. Returns false when the field is not a choice. */
export function stepChoice(ctx: CommandContext, form: FormModal, delta: 1 | -1): boolean {
	const field = form.fields[form.field];
	if (!field?.choices) return false;
	const index = Math.max(0, field.choices.indexOf(field.line.value));
	const next = field.choices[(index + delta + field.choices.length) % field.choices.length]!;
	ctx.dispatch(formLine(form, lineAtEnd(next)));
	return true;
}
