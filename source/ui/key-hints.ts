import {availability, barCommands, commands, keymapOf, scopesOf, scopeTitles} from '../commands/registry.js';
import type {Keymap} from '../commands/keymap.js';
import {keysLabel} from '../commands/key-labels.js';
import {mainPanes} from '../state/main-screen.js';
import type {AppState} from '../state/types.js';
import {wrapText} from '../text/wrap-text.js';

/** The keys that work right now, as "key label" items (from the command registry). */
export function keyHints(state: AppState): string[] {
	const keymap = keymapOf(state);
	return barCommands(state).map(c => `${keysLabel(keymap.keysOf(c))} ${c.barLabel?.(state) ?? c.label}`);
}

/**
 * Why commands cannot run now, by command id, on the screen under the `?` overlay (the overlay
 * replaces what was open): each command of the scopes in use there whose availability is a reason.
 */
export function unavailableNow(state: AppState): Map<string, string> {
	const under: AppState = state.modal?.kind === 'help' ? {...state, modal: undefined} : state;
	const scopes = new Set(scopesOf(under));
	const reasons = new Map<string, string>();
	for (const c of commands) {
		if (!scopes.has(c.scope)) continue;
		const available = availability(c, under);
		if (typeof available === 'string') reasons.set(c.id, available);
	}
	return reasons;
}

/**
 * Every line of the `?` overlay: each scope's commands with their keys (those in effect) and
 * descriptions, wrapped to `width` (descriptions under their own column); a command that
 * cannot run now says why.
 */
export function helpLines(width: number, reasons: ReadonlyMap<string, string> = new Map(), keymap: Keymap = keymapOf({})): Array<{text: string; heading?: boolean}> {
	const lines: Array<{text: string; heading?: boolean}> = [];
	const indent = 2 + 16 + 1;
	// The screen model first: which pane each number key shows, and where (state/main-screen.ts).
	lines.push({text: 'Screen', heading: true});
	const panes = mainPanes()
		.map(pane => `${pane.key} ${pane.id}${pane.slot === 'bottom' ? '' : ` (${pane.slot})`}`)
		.join(', ');
	const screen = `${panes}: a number key shows its pane in its slot (30 rows or more: the top and middle slots and the logs, stacked; fewer: one pane at a time); Tab moves between them. 4 the Swarm view, 0 the contexts.`;
	for (const text of wrapText(screen, Math.max(10, width - 2))) lines.push({text: `  ${text}`});
	for (const [scope, title] of scopeTitles) {
		const list = commands.filter(c => c.scope === scope && keymap.keysOf(c).length > 0);
		if (list.length === 0) continue;
		lines.push({text: ''});
		for (const text of wrapText(title, width)) lines.push({text, heading: true});
		for (const c of list) {
			const why = reasons.get(c.id);
			const [first = '', ...rest] = wrapText(why ? `${c.description} (now: ${why})` : c.description, Math.max(10, width - indent));
			lines.push({text: `  ${keysLabel(keymap.keysOf(c)).padEnd(16)} ${first}`});
			for (const more of rest) lines.push({text: ' '.repeat(indent) + more});
		}
	}
	return lines;
}
