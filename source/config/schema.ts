/**
 * The config's JSON Schema, made from the sections (published as config.schema.json at the top
 * of the repository: `# yaml-language-server: $schema=…` in the file lets editors check and
 * complete it). scripts/config-schema.mjs writes it and the validator compiled from it.
 */
import type {JsonSchema} from './json-schema.js';
import type {SchemaContext} from './section.js';
import {sections} from './sections/all-sections.js';
import {keyDefinitions} from './sections/keys.js';

export function configSchema(context: SchemaContext): JsonSchema {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		title: 'berth config',
		description: 'berth\'s config file: $XDG_CONFIG_HOME/berth/config.yml (default ~/.config/berth/config.yml), or --config PATH',
		type: 'object',
		additionalProperties: false,
		definitions: keyDefinitions,
		properties: Object.fromEntries(sections.map(section => [section.key, {...section.schema(context), default: section.defaults}])),
	};
}

/**
 * The schema the validator is compiled from: without what only people read (titles stay:
 * berth's messages use them), and a closed object whose properties all have one schema (the
 * keys by command id) as that schema for every property plus the list of names, which
 * compiles to one check instead of one per name.
 */
export function validationSchema(schema: JsonSchema): JsonSchema {
	const strip = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(strip);
		if (!node || typeof node !== 'object') return node;
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(node)) {
			if (key === 'description' || key === 'default' || key === 'examples' || key === '$schema' || key === '$id') continue;
			// `properties` and `definitions` hold names, not keywords: keep every name.
			out[key] = key === 'properties' || key === 'definitions' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, strip(v)])) : strip(value);
		}
		const properties = out['properties'] as Record<string, unknown> | undefined;
		const names = Object.keys(properties ?? {});
		const shared = names.length > 1 ? JSON.stringify(properties![names[0]!]) : undefined;
		if (out['additionalProperties'] === false && shared && names.every(name => JSON.stringify(properties![name]) === shared)) {
			delete out['properties'];
			out['propertyNames'] = {enum: names};
			out['additionalProperties'] = JSON.parse(shared);
		}
		return out;
	};
	return strip(schema) as JsonSchema;
}
