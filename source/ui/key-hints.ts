import {barCommands, commands, scopeTitles} from '../commands/registry.js';
import {keysLabel} from '../commands/key-labels.js';
import type {AppState} from '../state/types.js';

/** The keys that work right now, as "key label" items (from the command registry). */
export function keyHints(state: AppState): string[] {
	return barCommands(state).map(c => `${keysLabel(c.keys)} ${c.label}`);
}

/** Every line of the `?` overlay: each scope's commands with their keys and descriptions. */
export function helpLines(): Array<{text: string; heading?: boolean}> {
	const lines: Array<{text: string; heading?: boolean}> = [];
	for (const [scope, title] of scopeTitles) {
		const list = commands.filter(c => c.scope === scope && c.keys.length > 0);
		if (list.length === 0) continue;
		if (lines.length > 0) lines.push({text: ''});
		lines.push({text: title, heading: true});
		for (const c of list) lines.push({text: `  ${keysLabel(c.keys).padEnd(16)} ${c.description}`});
	}
	return lines;
}
