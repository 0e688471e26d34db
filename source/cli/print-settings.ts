/**
 * `--print-config` and `--print-keys`: the config in effect as YAML, or the keys in effect as
 * the README's table; the config's problems go to stderr, one a line. Neither needs a terminal.
 */
import {keyTableMarkdown} from '../commands/key-table.js';
import {commandSettings} from '../commands/config-keys.js';
import type {Config} from '../config/config-types.js';
import {placed, problemLine, type LoadedConfig} from '../config/load-config.js';
import {printConfig} from '../config/print-config.js';

export function printSettings(what: 'config' | 'keys', loaded: LoadedConfig, config: Config, options: {schema?: string; out: (text: string) => void; err: (text: string) => void}): void {
	const settings = commandSettings(config);
	const problems = [...loaded.problems, ...settings.problems.map(p => placed(loaded, p))];
	for (const problem of problems) options.err(`berth: config: ${problemLine(problem)}\n`);
	if (what === 'keys') options.out(`${keyTableMarkdown(settings.keymap)}\n`);
	else options.out(printConfig(config, {file: loaded.file, found: loaded.found, schema: options.schema, keys: settings.keys}));
}
