/**
 * Forms: several fields (line editors or choices) in one dialog; Tab and Shift-Tab move between
 * them, ←/→ or Space change a choice, Enter submits. Each form has a handler that checks what
 * was typed (a refused field gets the cursor and a one-line reason, and nothing reaches the
 * engine) and carries it out.
 */
import {lineAtEnd} from '../input/line-editor.js';
import type {ConfirmTarget, FormField, FormModal} from '../state/types.js';
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

const handlers = new Map<string, FormSubmit>();

/** Registers what submitting a form does (each form's module calls this once). */
export function defineForm(form: string, submit: FormSubmit): void {
	handlers.set(form, submit);
}

export function openForm(ctx: CommandContext, form: string, title: string, verb: string, fields: FieldSpec[], target?: ConfirmTarget): void {
	const built: FormField[] = fields.map(f => ({
		key: f.key,
		label: f.label,
		hint: f.hint,
		line: lineAtEnd(f.value ?? f.choices?.[0] ?? ''),
		choices: f.choices,
		secret: f.secret,
	}));
	ctx.dispatch({type: 'open', modal: {kind: 'form', form, title, verb, fields: built, field: 0, target}});
}

export function formValues(form: FormModal): Record<string, string> {
	return Object.fromEntries(form.fields.map(f => [f.key, f.line.value]));
}

/** Enter in a form: check and carry it out (once: a form waiting for the engine ignores it). */
export function submitForm(ctx: CommandContext, form: FormModal): void {
	if (form.pending) return;
	const outcome = handlers.get(form.form)?.(ctx, formValues(form), form);
	if (outcome) {
		const index = Math.max(0, form.fields.findIndex(f => f.key === outcome.field));
		const label = form.fields[index]?.label.toLowerCase() ?? outcome.field;
		ctx.dispatch({type: 'form-field', field: index, error: `${label}: ${outcome.reason}`});
	}
}

/** Tab / Shift-Tab. */
export function moveField(ctx: CommandContext, form: FormModal, delta: 1 | -1): void {
	ctx.dispatch({type: 'form-field', field: (form.field + delta + form.fields.length) % form.fields.length, error: form.error});
}

/** ←/→ or Space on a choice: the next or previous value. Returns false when the field is not a choice. */
export function stepChoice(ctx: CommandContext, form: FormModal, delta: 1 | -1): boolean {
	const field = form.fields[form.field];
	if (!field?.choices) return false;
	const index = Math.max(0, field.choices.indexOf(field.line.value));
	const next = field.choices[(index + delta + field.choices.length) % field.choices.length]!;
	ctx.dispatch({type: 'form-line', line: lineAtEnd(next)});
	return true;
}
