/**
 * The config's settings that are checked against the command registry: the user's keys (the
 * keymap in effect and its clashes) and what read-only mode allows.
 */
import type {Config} from '../config/config-types.js';
import {buildKeymap, type KeyProblem, type Keymap} from './keymap.js';
import {allowProblems} from './read-only.js';
import {commands, scopesBefore} from './registry.js';

export interface CommandSettings {
	keymap: Keymap;
	/** Every command that has keys by default, by id: its keys in effect (for --print-config). */
	keys: Record<string, readonly string[]>;
	problems: KeyProblem[];
}

export function commandSettings(config: Config): CommandSettings {
	const {keymap, problems} = buildKeymap(commands, config.keys, scopesBefore);
	const customNames = Object.values(config.customCommands).flatMap(list => (list ?? []).map(c => c.name));
	problems.push(...allowProblems(config.readOnly.allow, commands, customNames));
	const keys = Object.fromEntries(commands.filter(c => c.keys.length > 0).map(c => [c.id, keymap.keysOf(c)]));
	return {keymap, keys, problems};
}
