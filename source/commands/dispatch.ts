/**
 * A key press, start to end: key name → the scopes of the layer that has the keyboard → the
 * command bound there → available? → it runs (or asks first, or says why not). Text typed into
 * a prompt, and pastes, go into the prompt's line.
 */
import type {KeyEvent} from '../input/decode-keys.js';
import {openBulkConfirm, openConfirm} from './confirm.js';
import {typeText} from './prompts.js';
import {layerOf} from '../state/precedence.js';
import {availability, bulkRows, commandFor} from './registry.js';
import type {CommandContext} from './types.js';

/** Whether a key name is text to type (one character, or Space) rather than a named key. */
function typed(name: string): string | undefined {
	if (name === 'space') return ' ';
	return [...name].length === 1 ? name : undefined;
}

export function handleKey(ctx: CommandContext, event: KeyEvent): void {
	if (event.kind === 'paste') {
		// Pastes are text for a prompt, never keys; elsewhere they are ignored.
		typeText(ctx, event.text, true);
		return;
	}
	const {name} = event;
	const command = commandFor(name, ctx.state);
	if (!command) {
		const text = typed(name);
		if (text !== undefined && layerOf(ctx.state) === 'prompt') typeText(ctx, text);
		return;
	}
	const available = availability(command, ctx.state);
	if (available !== true) {
		if (typeof available === 'string') ctx.say('info', available);
		return;
	}
	const marked = bulkRows(command, ctx.state);
	if (marked.length > 0) return openBulkConfirm(ctx, command, marked);
	if (command.confirm) return openConfirm(ctx, command);
	command.run(ctx);
}
