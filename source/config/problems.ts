/**
 * The validator's findings as messages for people: each where it is in the file (line and
 * column), which setting, and what was expected there (from the schema's titles). A value that
 * fits none of a setting's forms is one message, not one per form.
 */
import type {ConfigPath} from './config-types.js';
import type {JsonSchema} from './json-schema.js';

/** What ajv reports (the fields berth reads). */
export interface SchemaError {
	instancePath: string;
	schemaPath: string;
	keyword: string;
	params: Record<string, unknown>;
	/** propertyNames: the name that failed. */
	propertyName?: string;
}

/** One finding: where (and whether the key itself is wrong), and what to say. */
export interface Finding {
	path: ConfigPath;
	key: boolean;
	message: string;
}

function pathOf(pointer: string): string[] {
	return pointer === '' ? [] : pointer.slice(1).split('/').map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The path with list indexes as numbers (where the data has a list). */
function typed(path: string[], data: unknown): ConfigPath {
	const out: Array<string | number> = [];
	let here = data;
	for (const step of path) {
		const index = Array.isArray(here) && /^\d+$/.test(step) ? Number(step) : undefined;
		out.push(index ?? step);
		here = here && typeof here === 'object' ? (here as Record<string, unknown>)[step] : undefined;
	}
	return out;
}

/** `keys.app.quit`, `customCommands.containers[0].mode`. */
export function showPath(path: ConfigPath): string {
	return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('') || '(the whole file)';
}

function valueAt(data: unknown, path: ConfigPath): unknown {
	let here = data;
	for (const step of path) here = here && typeof here === 'object' ? (here as Record<string | number, unknown>)[step] : undefined;
	return here;
}

/** The schema node a schemaPath names (`#/properties/keys`). */
function nodeAt(schema: JsonSchema, schemaPath: string): JsonSchema | undefined {
	let node: unknown = schema;
	for (const step of pathOf(schemaPath.replace(/^#/, ''))) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
	return node as JsonSchema | undefined;
}

function deref(schema: JsonSchema, node: JsonSchema | undefined): JsonSchema | undefined {
	return node?.$ref ? deref(schema, nodeAt(schema, node.$ref)) : node;
}

function typeOf(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/**
 * The schema node for the value at `path` in `data`, found by walking the data (an error's
 * schemaPath starts over inside a $ref the validator calls): through properties, the schema
 * of other properties, list items, and of an anyOf the form of the value's type.
 */
function nodeFor(schema: JsonSchema, data: unknown, path: ConfigPath): JsonSchema | undefined {
	let node = deref(schema, schema);
	let here = data;
	for (const step of path) {
		if (node?.anyOf) node = deref(schema, node.anyOf.find(form => deref(schema, form)?.type === (typeOf(here) === 'integer' ? 'integer' : typeOf(here))) ?? node);
		if (!node) return undefined;
		const next = typeof step === 'number' ? node.items : (node.properties?.[step] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
		node = deref(schema, next);
		here = here && typeof here === 'object' ? (here as Record<string | number, unknown>)[step] : undefined;
	}
	return node;
}

function expected(schema: JsonSchema, node: JsonSchema | undefined): string {
	if (!node) return 'something else';
	if (node.title) return node.title;
	if (node.$ref) return expected(schema, nodeAt(schema, node.$ref));
	if (node.enum) return `one of ${node.enum.join(', ')}`;
	if (node.type === 'boolean') return 'true or false';
	if (node.type === 'object') return 'a mapping';
	if (node.type === 'array') return 'a list';
	return node.type ? `a ${node.type}` : 'something else';
}

function shown(value: unknown): string {
	if (value === null) return 'nothing (null)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return JSON.stringify(value);
}

/** The name among `names` closest to `typed`, if close (a typo). */
function closest(typedName: string, names: readonly string[]): string | undefined {
	const distance = (a: string, b: string) => {
		let row = Array.from({length: b.length + 1}, (_, j) => j);
		for (let i = 1; i <= a.length; i++) {
			const next = [i];
			for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			row = next;
		}
		return row[b.length]!;
	};
	let best: string | undefined;
	let bestDistance = 4;
	for (const name of names) {
		const d = distance(typedName, name);
		if (d < bestDistance) [best, bestDistance] = [name, d];
	}
	return best;
}

function unknownKey(name: string, where: ConfigPath, names: readonly string[]): string {
	const near = closest(name, names);
	const hint = near ? `; did you mean ${near}?` : where[0] === 'keys' && where.length === 1 ? ' (berth --print-keys lists the command ids)' : names.length <= 16 ? `; expected one of ${names.join(', ')}` : '';
	return `unknown key ${JSON.stringify(name)}${where.length ? ` in ${showPath(where)}` : ''}${hint}`;
}

/** ajv's errors for `data` as findings, one per mistake. */
export function findingsOf(errors: readonly SchemaError[], schema: JsonSchema, data: unknown): Finding[] {
	let left = [...errors];
	// A value that fits no form of an anyOf: one message for it, unless a form it has the type of
	// failed deeper inside (then those say where).
	const anyOfs = left.filter(e => e.keyword === 'anyOf').sort((a, b) => a.instancePath.length - b.instancePath.length);
	for (const anyOf of anyOfs) {
		if (!left.includes(anyOf)) continue;
		const inside = left.filter(e => e !== anyOf && (e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`)));
		const deeper = inside.filter(e => e.instancePath !== anyOf.instancePath);
		left = deeper.length > 0 ? left.filter(e => e.instancePath !== anyOf.instancePath) : left.filter(e => !inside.includes(e));
	}
	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const error of left) {
		const path = typed(pathOf(error.instancePath), data);
		const parent = nodeFor(schema, data, path);
		let finding: Finding;
		switch (error.keyword) {
			case 'additionalProperties': {
				const name = String(error.params['additionalProperty']);
				finding = {path: [...path, name], key: true, message: unknownKey(name, path, Object.keys(parent?.properties ?? {}))};
				break;
			}
			case 'propertyNames':
			case 'enum':
				if (error.keyword === 'propertyNames' || error.propertyName !== undefined) {
					const name = String(error.params['propertyName'] ?? error.propertyName);
					const names = (parent?.propertyNames?.enum ?? []).map(String);
					finding = {path: [...path, name], key: true, message: unknownKey(name, path, names)};
					break;
				}
				finding = {path, key: false, message: `expected ${expected(schema, parent)}, got ${shown(valueAt(data, path))}`};
				break;
			case 'minItems': {
				const limit = Number(error.params['limit']);
				finding = {path, key: false, message: `expected at least ${limit} ${limit === 1 ? 'entry' : 'entries'} (${expected(schema, parent)})`};
				break;
			}
			case 'required':
				finding = {path, key: false, message: `${String(error.params['missingProperty'])} is missing`};
				break;
			default:
				finding = {path, key: false, message: `expected ${expected(schema, parent)}, got ${shown(valueAt(data, path))}`};
		}
		const id = `${showPath(finding.path)}\u0000${finding.message}`;
		if (seen.has(id)) continue;
		seen.add(id);
		findings.push(finding);
	}
	return findings;
}
