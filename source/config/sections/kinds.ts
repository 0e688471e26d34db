/** The kinds of rows the config names (columns, sort and custom commands are per kind). */
import type {ConfigKind} from '../config-types.js';
import type {JsonSchema} from '../json-schema.js';

export const configKinds: readonly ConfigKind[] = ['containers', 'images', 'volumes', 'networks', 'services', 'tasks', 'nodes'];

/** An object with one optional entry per kind, each as `entry` says. */
export function perKind(title: string, description: string, entry: JsonSchema): JsonSchema {
	return {title, description, type: 'object', additionalProperties: false, properties: Object.fromEntries(configKinds.map(kind => [kind, entry]))};
}
