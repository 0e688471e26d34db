/**
 * Prompts: every text input (list filters, the log search, the commit, exec and save prompts,
 * every form's fields, the diff filter, the inspect view's search) is a line editor with the same keys. Enter submits, Esc cancels; text
 * typed or pasted goes in at the cursor.
 */
import {editLine, insertText, type EditOp, type LineState} from '../input/line-editor.js';
import {cliFor} from '../format/cli-for.js';
import {boundaryAtOrBefore} from '../text/graphemes.js';
import {parseReference} from '../format/reference.js';
import {splitCommand} from '../format/run-form.js';
import type {Action, AppState} from '../state/types.js';
import {submitStopTimeout} from './container-lifecycle.js';
import {cancelForm, formLine, moveField, stepChoice, submitForm} from './forms.js';
import {lineLimit} from './line-limits.js';
import {submitRename} from './rename.js';
import {submitScale} from './swarm-actions.js';
import type {Command, CommandContext} from './types.js';

/** The line being edited, if a prompt is open, and the action that replaces it. */
export function activeLine(state: AppState): {line: LineState; set: (line: LineState) => Action} | undefined {
	const modal = state.modal;
	if (modal?.kind === 'prompt') return {line: modal.line, set: line => ({type: 'prompt-line', line})};
	if (modal?.kind === 'form') {
		const field = modal.fields[modal.field];
		// A choice is not typed into.
		return field && !field.choices ? {line: field.line, set: line => formLine(modal, line)} : undefined;
	}
	if (modal?.kind === 'diff' && modal.edit) return {line: modal.edit, set: line => ({type: 'view-filter', edit: line})};
	if (modal?.kind === 'inspect' && modal.search?.editing) return {line: modal.search.line, set: line => ({type: 'inspect-search-line', line})};
	if (!modal && state.filterEdit) return {line: state.filterEdit.line, set: line => ({type: 'filter-line', line})};
	return undefined;
}

/** Types text into the open prompt (keys, or a paste taken literally: no control characters), up to the line's limit. */
export function typeText(ctx: CommandContext, text: string, pasted = false): void {
	const modal = ctx.state.modal;
	// Space on a choice steps it.
	if (modal?.kind === 'form' && modal.fields[modal.field]?.choices) {
		if (text === ' ') stepChoice(ctx, modal, 1);
		return;
	}
	const active = activeLine(ctx.state);
	if (!active) return;
	const clean = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
	if (clean === '') return;
	const {max, what} = lineLimit(ctx.state);
	const room = Math.max(0, max - (active.line.prefilled ? 0 : active.line.value.length));
	const fits = clean.length <= room ? clean : clean.slice(0, boundaryAtOrBefore(clean, room));
	if (fits !== '') ctx.dispatch(active.set(insertText(active.line, fits)));
	if (fits.length === clean.length) return;
	const most = max.toLocaleString('en-US');
	sayAtLine(ctx, pasted ? `Paste cut to ${most} characters: ${what} takes no more (${(clean.length - fits.length).toLocaleString('en-US')} left out)` : `Not typed: ${what} takes at most ${most} characters`);
}

/** A word about the line being edited: under it in a prompt or a form, else on the status line. */
function sayAtLine(ctx: CommandContext, text: string): void {
	const modal = ctx.state.modal;
	if (modal?.kind === 'prompt') return ctx.dispatch({type: 'prompt-line', line: modal.line, error: text});
	if (modal?.kind === 'form') return ctx.dispatch({type: 'form-field', field: modal.field, error: text});
	ctx.say('info', text);
}

function edit(op: EditOp) {
	return (ctx: CommandContext) => {
		const modal = ctx.state.modal;
		if (modal?.kind === 'form' && (op === 'left' || op === 'right') && stepChoice(ctx, modal, op === 'left' ? -1 : 1)) return;
		const active = activeLine(ctx.state);
		if (active) ctx.dispatch(active.set(editLine(active.line, op)));
	};
}

function cancel(ctx: CommandContext) {
	const {state} = ctx;
	if (state.modal?.kind === 'form') return cancelForm(ctx, state.modal);
	if (state.modal?.kind === 'diff') return ctx.dispatch({type: 'view-filter', edit: undefined, filter: ''});
	if (state.modal?.kind === 'inspect') return ctx.dispatch({type: 'inspect-search', search: undefined});
	if (state.modal?.kind === 'prompt') {
		ctx.dispatch({type: 'close'});
		return ctx.say('info', 'Cancelled; nothing was changed');
	}
	ctx.dispatch({type: 'filter-clear'});
}

function submit(ctx: CommandContext) {
	const {state, dispatch, services} = ctx;
	const modal = state.modal;
	if (modal?.kind === 'form') return submitForm(ctx, modal);
	if (modal?.kind === 'diff') return dispatch({type: 'view-filter', edit: undefined});
	// The inspect view's search: Enter keeps it (n/N then jump between its matches).
	if (modal?.kind === 'inspect') {
		if (modal.search) dispatch({type: 'inspect-search', search: {...modal.search, editing: false}});
		return;
	}
	if (modal?.kind === 'prompt') {
		const value = modal.line.value;
		if (modal.purpose === 'commit') {
			const parsed = parseReference(value);
			if (!parsed.ok) return dispatch({type: 'prompt-line', line: modal.line, error: parsed.reason});
			dispatch({type: 'close'});
			const t = modal.target;
			const ref = `${parsed.repo}:${parsed.tag}`;
			return services.act({
				id: t.id,
				busy: 'committing',
				name: t.name,
				verb: 'commit',
				cli: cliFor.commit(t.name, {repo: parsed.repo, tag: parsed.tag}),
				work: async engine => {
					const imageId = await engine.containers.commit(t.id, {repo: parsed.repo, tag: parsed.tag});
					return `Committed ${t.name} → ${ref} (${imageId.replace('sha256:', '').slice(0, 12)})`;
				},
			});
		}
		if (modal.purpose === 'stop-timeout') {
			const problem = submitStopTimeout(ctx, modal.target, value);
			if (problem) dispatch({type: 'prompt-line', line: modal.line, error: problem});
			return;
		}
		if (modal.purpose === 'rename') return submitRename(ctx, modal.target, modal.line);
		if (modal.purpose === 'scale') {
			const problem = submitScale(ctx, modal.target, value);
			if (problem) dispatch({type: 'prompt-line', line: modal.line, error: problem});
			return;
		}
		if (modal.purpose === 'exec') {
			const cmd = splitCommand(value.trim());
			if (typeof cmd === 'string' || cmd.length === 0) {
				return dispatch({type: 'prompt-line', line: modal.line, error: typeof cmd === 'string' ? cmd : 'Type a command, e.g. sh'});
			}
			dispatch({type: 'close'});
			const t = modal.target;
			return services.interactive(t, 'Command', engine => engine.containers.execInteractive(t.id, cmd, state.size), cliFor.exec(t.name, cmd, true));
		}
		const file = value.trim();
		if (!file) return dispatch({type: 'prompt-line', line: modal.line, error: 'Type a file name'});
		dispatch({type: 'close'});
		return services.saveLogs(file, modal.scope ?? 'buffer', false);
	}
	if (state.filterEdit) {
		const pane = state.filterEdit.pane;
		if (pane === 'logs' && state.logs.searchError) return;
		dispatch({type: 'filter-commit'});
		if (pane === 'logs' && state.logs.search) dispatch({type: 'logs-jump', direction: -1});
	}
}

function field(ctx: CommandContext, delta: 1 | -1) {
	const modal = ctx.state.modal;
	if (modal?.kind === 'form') return moveField(ctx, modal, delta);
	if (modal?.kind === 'prompt' && modal.purpose === 'save-logs') ctx.dispatch({type: 'prompt-scope'});
}

const isSave = (state: AppState) => state.modal?.kind === 'prompt' && state.modal.purpose === 'save-logs';
// Tab moves between fields: a one-field form (pull, tag) has nowhere to go.
const isForm = (state: AppState) => state.modal?.kind === 'form' && state.modal.fields.length > 1;

export const promptCommands: Command[] = [
	{id: 'prompt.submit', scope: 'prompt', effect: 'none', keys: ['enter'], label: 'ok', description: 'Accept the input', bar: true, run: submit},
	{id: 'prompt.cancel', scope: 'prompt', effect: 'none', keys: ['escape'], label: 'cancel', description: 'Cancel the input', bar: true, run: cancel},
	{
		id: 'prompt.next-field',
		scope: 'prompt',
		effect: 'none',
		keys: ['tab'],
		label: 'next field',
		description: 'Next field of a form; in the save prompt, switch buffer / whole log',
		bar: true,
		available: state => isForm(state) || isSave(state),
		run: ctx => field(ctx, 1),
	},
	{id: 'prompt.prev-field', scope: 'prompt', effect: 'none', keys: ['shift-tab'], label: 'prev field', description: 'Previous field of a form', available: isForm, run: ctx => field(ctx, -1)},
	{id: 'edit.left', scope: 'prompt', effect: 'none', keys: ['left'], label: 'left', description: 'Move the cursor left', run: edit('left')},
	{id: 'edit.right', scope: 'prompt', effect: 'none', keys: ['right'], label: 'right', description: 'Move the cursor right', run: edit('right')},
	{id: 'edit.home', scope: 'prompt', effect: 'none', keys: ['home', 'ctrl-a'], label: 'start', description: 'Move the cursor to the start', run: edit('home')},
	{id: 'edit.end', scope: 'prompt', effect: 'none', keys: ['end', 'ctrl-e'], label: 'end', description: 'Move the cursor to the end', run: edit('end')},
	{id: 'edit.backspace', scope: 'prompt', effect: 'none', keys: ['backspace'], label: 'delete back', description: 'Delete the character before the cursor', run: edit('backspace')},
	{id: 'edit.delete', scope: 'prompt', effect: 'none', keys: ['delete', 'ctrl-d'], label: 'delete', description: 'Delete the character under the cursor', run: edit('delete')},
	{id: 'edit.kill-start', scope: 'prompt', effect: 'none', keys: ['ctrl-u'], label: 'clear to start', description: 'Delete from the cursor to the start', run: edit('kill-to-start')},
	{id: 'edit.kill-end', scope: 'prompt', effect: 'none', keys: ['ctrl-k'], label: 'clear to end', description: 'Delete from the cursor to the end', run: edit('kill-to-end')},
	{id: 'edit.kill-word', scope: 'prompt', effect: 'none', keys: ['ctrl-w'], label: 'delete word', description: 'Delete the word before the cursor', run: edit('kill-word')},
];
