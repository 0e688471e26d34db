/**
 * Reads the config file: its YAML, checked against the schema (source/config/generated/: the
 * validator compiled at build time), each mistake reported with its line and column and what
 * was expected; what is wrong takes its default (the section's unit: the whole section, the
 * one key, or the one list entry), the rest of the file still counts. No mistake stops berth:
 * a file that cannot be read or parsed is reported, and the defaults used.
 */
import {readFileSync, statSync} from 'node:fs';
import type {Config, ConfigPath, ConfigProblem} from './config-types.js';
import {configFile, shownFile} from './config-file.js';
import type {JsonSchema} from './json-schema.js';
import {findingsOf, showPath, type SchemaError} from './problems.js';
import type {Section} from './section.js';
import {sections} from './sections/all-sections.js';
import {readCachedConfig, writeCachedConfig} from './config-cache.js';
import {locateIn, type Position} from './positions.js';
import type {YamlSource} from './yaml-source.js';

export interface LoadedConfig {
	/** The file read (or looked for), as the messages name it. */
	file: string;
	/** Whether there was a file. */
	found: boolean;
	/** Defaults, then the file. */
	config: Config;
	/** The settings the file gave (and that count). */
	given: ReadonlySet<keyof Config>;
	problems: ConfigProblem[];
	/** Where a setting is in the file, for problems found later (the keys against the registry). */
	locate(path: ConfigPath, key?: boolean): Position | undefined;
}

/** A problem as one line: `FILE:LINE:COLUMN: keys.app.quit: what was expected`. */
export function problemLine(problem: ConfigProblem): string {
	const at = problem.line === undefined ? '' : `:${problem.line}:${problem.column}`;
	return `${problem.file}${at}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/** A problem found outside the schema (against the registry), placed in the file. */
export function placed(loaded: LoadedConfig, problem: {path: ConfigPath; message: string}): ConfigProblem {
	return {file: loaded.file, ...loaded.locate(problem.path), path: showPath(problem.path), message: problem.message};
}

/** ajv's validator: true or false, and the errors of the last call. */
type Validate = {(data: unknown): boolean; errors?: SchemaError[] | null};

/** Larger than this is not a config file. */
const maxBytes = 1 << 20;

export function defaultConfig(): Config {
	return Object.fromEntries(sections.map(section => [section.key, section.defaults])) as unknown as Config;
}

/**
 * The config from the file `--config` names, or the usual place. `readYaml` is passed in so
 * the YAML reader loads only when there is a file (cli.tsx imports it then).
 */
export async function loadConfig(options: {flag?: string; env: NodeJS.ProcessEnv; homedir: string}): Promise<LoadedConfig> {
	const {file: absolute, named} = configFile(options);
	const file = shownFile(absolute, options.homedir);
	const result: LoadedConfig = {file, found: false, config: defaultConfig(), given: new Set(), problems: [], locate: () => undefined};
	let text: string;
	try {
		const stat = statSync(absolute);
		if (!stat.isFile()) throw Object.assign(new Error('not a file'), {code: 'EISDIR'});
		if (stat.size > maxBytes) throw Object.assign(new Error(`larger than ${maxBytes >> 20} MiB`), {code: 'EFBIG'});
		text = readFileSync(absolute, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// No file where berth looks by itself: the defaults, and nothing to say.
		if (code === 'ENOENT' && !named) return result;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
		result.problems.push({file, path: '', message: `cannot read the config file: ${why}; using the defaults`});
		return result;
	}
	result.found = true;
	// The same file as last time, found valid then: no YAML reader, no validator.
	const cached = readCachedConfig(text, options.env, options.homedir);
	if (cached) {
		const fromCache: LoadedConfig = {...result, ...merged((cached.value ?? {}) as Record<string, unknown>), locate: (at, key) => locateIn(cached.positions, at, key)};
		return {...fromCache, problems: sectionProblems(fromCache)};
	}
	// The YAML reader and the validator load only when there is a file to read.
	const [{readYaml}, generated] = await Promise.all([import('./yaml-source.js'), import('./generated/validate-config.js')]);
	const source = readYaml(text);
	result.locate = (at, key) => locateIn(source.positions, at, key);
	if (source.errors.length > 0) {
		for (const error of source.errors) result.problems.push({file, line: error.line, column: error.column, path: '', message: `not valid YAML: ${error.message}; using the defaults`});
		return result;
	}
	const read: LoadedConfig = {...result, ...checked(source, file, generated.validate as unknown as Validate, generated.schema as JsonSchema)};
	// Kept when the schema finds nothing wrong (the sections' checks run at every start).
	if (read.problems.length === 0) writeCachedConfig(text, {value: source.value ?? null, positions: source.positions}, options.env, options.homedir);
	read.problems.push(...sectionProblems(read));
	return read;
}

/** The parsed file against the schema: the problems, and what of it counts. */
function checked(source: YamlSource, file: string, validate: Validate, validatorSchema: JsonSchema): Pick<LoadedConfig, 'config' | 'given' | 'problems'> {
	const data = source.value ?? {};
	const problems: ConfigProblem[] = [];
	if (validate(data)) return {...merged(data as Record<string, unknown>), problems};
	const findings = findingsOf(validate.errors ?? [], validatorSchema, data);
	for (const finding of findings) {
		const at = locateIn(source.positions, finding.path, finding.key);
		problems.push({file, ...at, path: showPath(finding.path), message: finding.message});
	}
	problems.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
	// Drop what is wrong: the unit of its section around each finding.
	let kept: unknown = structuredClone(data);
	if (!kept || typeof kept !== 'object' || Array.isArray(kept)) kept = {};
	for (const finding of findings) kept = without(kept, cut(finding.path));
	kept = compact(kept);
	// What is left must pass; if a mistake's unit was not enough, its whole section goes.
	if (!validate(kept)) {
		for (const error of validate.errors ?? []) {
			const top = error.instancePath.split('/')[1];
			if (top !== undefined) kept = without(kept, [top]);
		}
		if (!validate(kept)) kept = {};
	}
	return {...merged(kept as Record<string, unknown>), problems};
}

/** The part of the file a mistake at `path` costs. */
function cut(path: ConfigPath): ConfigPath {
	const section = sections.find(s => s.key === path[0]);
	return section ? path.slice(0, section.unit) : path.slice(0, 1);
}

/** `data` without the value at `path` (a list entry leaves a hole, so that the indexes of other findings still hold; `compact` closes them). */
function without(data: unknown, path: ConfigPath): unknown {
	if (path.length === 0) return {};
	const copy: unknown = Array.isArray(data) ? [...data] : {...(data as object)};
	const [step, ...rest] = path;
	const here = copy as Record<string | number, unknown>;
	if (!(step! in here)) return data;
	if (rest.length === 0) {
		if (Array.isArray(copy)) copy[step as number] = hole;
		else delete here[step!];
	} else here[step!] = without(here[step!], rest);
	return copy;
}

const hole = Symbol('dropped');

function compact(value: unknown): unknown {
	if (Array.isArray(value)) return value.filter(v => v !== hole).map(compact);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
	return value;
}

function merged(data: Record<string, unknown>): Pick<LoadedConfig, 'config' | 'given'> {
	const config = defaultConfig() as unknown as Record<string, unknown>;
	const given = new Set<keyof Config>();
	for (const section of sections as Array<Section<keyof Config>>) {
		if (!(section.key in data)) continue;
		const value = section.normalise ? section.normalise(data[section.key]) : data[section.key];
		config[section.key] = section.merge ? section.merge(section.defaults as never, value as never) : value;
		given.add(section.key);
	}
	return {config: config as unknown as Config, given};
}

/** The sections' own checks (what the schema cannot say), on the config the file made, placed in it. */
function sectionProblems(loaded: LoadedConfig): ConfigProblem[] {
	return sections.flatMap(section => (section.check?.(loaded.config, loaded.given) ?? []).map(problem => placed(loaded, problem)));
}
