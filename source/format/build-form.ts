/**
 * The build form's fields (context directory, Dockerfile, repository:tag, build arguments),
 * checked before anything reaches the engine: a refused field gets a one-line reason and the
 * form stays open. Pure: paths are resolved against the directory given.
 */
import path from 'node:path';
import type {BuildOptions} from '../engine/types.js';
import {parseReference} from './reference.js';
import {listWords} from './run-form.js';

export interface BuildFields {
	context: string;
	dockerfile: string;
	tag: string;
	args: string;
}

export const buildFieldNames: ReadonlyArray<keyof BuildFields> = ['context', 'dockerfile', 'tag', 'args'];

export type BuildCheck = {ok: true; options: BuildOptions} | {ok: false; field: keyof BuildFields; reason: string};

/**
 * "A=1 B='two words'" (quoted like a shell) or comma separated; `NAME` alone takes berth's own
 * value of NAME, as `docker build --build-arg NAME` does (undefined in the result).
 */
export function parseBuildArgs(input: string): Record<string, string | undefined> | string {
	const entries = listWords(input);
	if (typeof entries === 'string') return entries;
	const result: Record<string, string | undefined> = {};
	for (const entry of entries) {
		const eq = entry.indexOf('=');
		const name = eq < 0 ? entry : entry.slice(0, eq);
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `"${entry}": a build argument is NAME=value (NAME: letters, digits, _)`;
		result[name] = eq < 0 ? undefined : entry.slice(eq + 1);
	}
	return result;
}

/** Checks every field; `cwd` is where a relative context directory starts. */
export function checkBuildFields(fields: BuildFields, cwd: string): BuildCheck {
	const context = fields.context.trim() || '.';
	const contextDir = path.resolve(cwd, context);
	const dockerfile = fields.dockerfile.trim() || 'Dockerfile';
	const tag = fields.tag.trim();
	let tags: string[] = [];
	if (tag) {
		const parsed = parseReference(tag);
		if (!parsed.ok) return {ok: false, field: 'tag', reason: parsed.reason};
		tags = [`${parsed.repo}:${parsed.tag}`];
	}

	const buildArgs = parseBuildArgs(fields.args);
	if (typeof buildArgs === 'string') return {ok: false, field: 'args', reason: buildArgs};
	return {
		ok: true,
		options: {
			contextDir,
			dockerfile,
			...(tags.length > 0 && {tags}),
			...(Object.keys(buildArgs).length > 0 && {buildArgs}),
		},
	};
}
