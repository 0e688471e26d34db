import {bindingKeys, keymap, scopeTitles} from '../../source/keys/keymap.js';

/** The README's key table, as markdown, generated from the keymap. */
export function keyTableMarkdown(): string {
	const lines = ['| Where | Keys | What it does |', '| --- | --- | --- |'];
	for (const [scope, title] of scopeTitles) {
		for (const b of keymap.filter(k => k.scope === scope)) {
			lines.push(`| ${title} | ${bindingKeys(b).replace(/\|/g, '\\|')} | ${b.description} |`);
		}
	}
	return lines.join('\n');
}
