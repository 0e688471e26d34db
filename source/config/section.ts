/**
 * A part of the config: its key at the top of the file, its piece of the schema, its defaults
 * and the checks the schema cannot make. Adding a setting is a section (sections/), listed in
 * sections/all-sections.ts; the published schema (config.schema.json) and the validator are
 * made from them (scripts/config-schema.mjs).
 */
import type {Config, ConfigPath} from './config-types.js';
import type {JsonSchema} from './json-schema.js';

/** What a section's schema may be made from besides itself: the registry's commands. */
export interface SchemaContext {
	commands: ReadonlyArray<{id: string; scope: string; keys: readonly string[]; description: string; effect?: string}>;
}

/** A problem a section's own check found: where (from the top of the file) and what. */
export interface SectionProblem {
	path: ConfigPath;
	message: string;
}

export interface Section<K extends keyof Config = keyof Config> {
	key: K;
	schema(context: SchemaContext): JsonSchema;
	defaults: Config[K];
	/**
	 * How much of the file's value a mistake costs: 1, the whole section; 2, the one key (or
	 * list entry) under it that is wrong; 3, one entry of a list under such a key. What is
	 * dropped takes its default; the rest of the file still counts.
	 */
	unit: 1 | 2 | 3;
	/** The file's value, valid by the schema, as berth uses it (`readOnly: true` → `{enabled: true, allow: []}`). */
	normalise?(value: unknown): Config[K];
	/** The file's value and its defaults as one (absent: the file's value replaces the defaults). */
	merge?(defaults: Config[K], value: Config[K]): Config[K];
	/** Checks the schema cannot make, on the whole config as the file made it. */
	check?(config: Config, given: ReadonlySet<keyof Config>): SectionProblem[];
}
