/**
 * `berth --print-config`: the config in effect as YAML (defaults, then the file, then the
 * flags), every key of every command among it, ready to be the start of a config file.
 */
import {Document, isSeq, visit} from 'yaml';
import type {Config} from './config-types.js';
import {sections} from './sections/all-sections.js';

export function printConfig(config: Config, options: {file: string; found: boolean; schema?: string; keys: Readonly<Record<string, readonly string[]>>}): string {
	const ordered = Object.fromEntries(sections.map(section => [section.key, section.key === 'keys' ? options.keys : config[section.key]]));
	const doc = new Document(ordered);
	// Lists of keys, columns and names on one line each: `container.stop: [s]`.
	visit(doc, {
		Seq(_key, node) {
			if (isSeq(node) && node.items.every(item => !(item && typeof item === 'object' && 'items' in item))) node.flow = true;
		},
	});
	const header = [
		`# berth's config in effect: the defaults, then ${options.found ? options.file : `${options.file} (not there)`}, then the flags.`,
		...(options.schema ? [`# yaml-language-server: $schema=${options.schema}`] : []),
	];
	return `${header.join('\n')}\n${doc.toString({lineWidth: 0})}`;
}
