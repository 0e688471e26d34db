/**
 * `keys`: the user's keys for any command of the registry, by its id: one key or a list
 * (`container.stop: x`, `app.quit: [q, ctrl-q]`, `[]` for none). The names are decode-keys.ts's
 * (`F2` may be written for `f2`; a digit may be written bare). Which key is bound twice, or
 * cannot be bound where the command works, is checked with the registry (commands/keymap.ts).
 */
import {keyNamePattern, normaliseKeyName} from '../../input/key-names.js';
import type {JsonSchema} from '../json-schema.js';
import type {Section} from '../section.js';

/** One key: a name, or a digit as YAML reads `1` (a number). */
export const keySchema: JsonSchema = {
	title: 'a key name',
	anyOf: [
		{type: 'string', pattern: keyNamePattern},
		{type: 'integer', minimum: 0, maximum: 9},
	],
};

const bindingSchema: JsonSchema = {
	title: 'a key name or a list of key names',
	anyOf: [{$ref: '#/definitions/key'}, {type: 'array', items: {$ref: '#/definitions/key'}}],
};

/** The definitions the whole schema shares (a key, a binding). */
export const keyDefinitions: Record<string, JsonSchema> = {key: keySchema, binding: bindingSchema};

/** A key as the file gives it, as the decoder names it. */
export function normaliseKey(value: unknown): string {
	return normaliseKeyName(String(value));
}

export const keysSection: Section<'keys'> = {
	key: 'keys',
	unit: 2,
	defaults: {},
	schema: ({commands}) => ({
		title: 'a mapping of command ids to keys',
		description: 'Keys for the commands, by id (berth --print-keys lists every id and its keys): one key or a list, [] for none.',
		type: 'object',
		additionalProperties: false,
		properties: Object.fromEntries(
			commands
				.filter(c => c.keys.length > 0)
				.map(c => [c.id, {$ref: '#/definitions/binding', description: `${c.description} (default: ${c.keys.join(', ')})`}]),
		),
	}),
	normalise: value =>
		Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([id, keys]) => [id, [...new Set((Array.isArray(keys) ? keys : [keys]).map(normaliseKey))]])),
};
