import {barCommands, commands, scopeTitles} from '../commands/registry.js';
import {keysLabel} from '../commands/key-labels.js';
import type {AppState} from '../state/types.js';
import {wrapText} from '../text/wrap-text.js';

/** The keys that work right now, as "key label" items (from the command registry). */
export function keyHints(state: AppState): string[] {
	return barCommands(state).map(c => `${keysLabel(c.keys)} ${c.label}`);
}

/** Every line of the `?` overlay: each scope's commands with their keys and descriptions, wrapped to `width` (descriptions under their own column). */
export function helpLines(width: number): Array<{text: string; heading?: boolean}> {
	const lines: Array<{text: string; heading?: boolean}> = [];
	const indent = 2 + 16 + 1;
	for (const [scope, title] of scopeTitles) {
		const list = commands.filter(c => c.scope === scope && c.keys.length > 0);
		if (list.length === 0) continue;
		if (lines.length > 0) lines.push({text: ''});
		for (const text of wrapText(title, width)) lines.push({text, heading: true});
		for (const c of list) {
			const [first = '', ...rest] = wrapText(c.description, Math.max(10, width - indent));
			lines.push({text: `  ${keysLabel(c.keys).padEnd(16)} ${first}`});
			for (const more of rest) lines.push({text: ' '.repeat(indent) + more});
		}
	}
	return lines;
}
