import {keysLabel} from '../../source/commands/key-labels.js';
import {commands, scopeTitles} from '../../source/commands/registry.js';

/** The README's key table, as markdown, generated from the command registry. */
export function keyTableMarkdown(): string {
	const lines = ['| Where | Keys | What it does |', '| --- | --- | --- |'];
	for (const [scope, title] of scopeTitles) {
		for (const c of commands.filter(k => k.scope === scope && k.keys.length > 0)) {
			lines.push(`| ${title} | ${keysLabel(c.keys).replace(/\|/g, '\\|')} | ${c.description} |`);
		}
	}
	return lines.join('\n');
}
