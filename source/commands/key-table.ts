/**
 * The key table, as markdown: every command with keys, by scope, with its keys, its id (what
 * the config's `keys` names) and what it does. The README's table is this with the registry's
 * own keys (scripts/readme-keys.mjs); `berth --print-keys` prints it with the keys in effect.
 */
import {keysLabel} from './key-labels.js';
import type {Keymap} from './keymap.js';
import {commands, keymapOf, scopeTitles} from './registry.js';

export function keyTableMarkdown(keymap: Keymap = keymapOf({})): string {
	const lines = ['| Where | Keys | Id | What it does |', '| --- | --- | --- | --- |'];
	for (const [scope, title] of scopeTitles) {
		// Every command that has keys by default: one the user left without keys shows none.
		for (const c of commands.filter(k => k.scope === scope && k.keys.length > 0)) {
			const keys = keymap.keysOf(c);
			lines.push(`| ${title} | ${keys.length ? keysLabel(keys).replace(/\|/g, '\\|') : '(none)'} | \`${c.id}\` | ${c.description} |`);
		}
	}
	return lines.join('\n');
}
