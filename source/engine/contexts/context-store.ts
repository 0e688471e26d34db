/**
 * The docker CLI's configuration directory as berth reads (and, for `docker context use`,
 * writes) it: `$DOCKER_CONFIG` or `~/.docker`, its config.json's `currentContext`, and the stored
 * contexts (`contexts/meta/<sha256 of the name>/meta.json`, TLS material in
 * `contexts/tls/<id>/docker/`). endpoint.ts resolves an endpoint from these; contexts.ts lists them.
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {TlsFiles} from '../transport/endpoint.js';

/** A problem with the user's endpoint settings. The message is one line, meant to be shown as is. */
export class EndpointError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EndpointError';
	}
}

/** The directory the docker CLI keeps its config in. */
export function configDir(env: Record<string, string | undefined>, homedir: string): string {
	return nonEmpty(env.DOCKER_CONFIG) ?? path.join(homedir, '.docker');
}

/** The directory name the docker CLI uses for a context: the hex SHA-256 of its name. */
export function contextId(name: string): string {
	return createHash('sha256').update(name).digest('hex');
}

export function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** The PEM files (ca, cert, key) in `dir` that exist. */
export function pemFiles(dir: string): Omit<TlsFiles, 'verify'> {
	const files: Omit<TlsFiles, 'verify'> = {};
	for (const name of ['ca', 'cert', 'key'] as const) {
		const file = path.join(dir, `${name}.pem`);
		if (existsSync(file)) files[name] = file;
	}
	return files;
}

/** An address as the user typed it, for a message: control characters escaped (it may come from anywhere). */
export function shown(value: string): string {
	return value.replaceAll(/\p{Cc}/gu, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function readJson(file: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		throw new EndpointError(`Cannot read ${what} ${file}: ${code ?? String(error)}`);
	}

	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new EndpointError(`${what[0]!.toUpperCase()}${what.slice(1)} ${file} is not valid JSON; fix or remove it`);
	}
}

export function readCurrentContext(dir: string): string | undefined {
	const file = path.join(dir, 'config.json');
	const config = readJson(file, 'Docker config file');
	if (config === undefined) return undefined;
	if (typeof config !== 'object' || config === null || Array.isArray(config)) {
		throw new EndpointError(`Docker config file ${file} is not valid JSON: expected an object`);
	}

	const current = (config as {currentContext?: unknown}).currentContext;
	return typeof current === 'string' ? nonEmpty(current) : undefined;
}

/** What a context's meta.json (and its TLS directory) says, read as the docker CLI stores it. */
export interface ContextMeta {
	name: string;
	description: string;
	/** Endpoints.docker.Host as written, trimmed; empty when the context has no docker endpoint. */
	host: string;
	skipTlsVerify: boolean;
	/** The PEM files in contexts/tls/<id>/docker that exist. */
	tls: Omit<TlsFiles, 'verify'>;
	/** The meta.json it came from. */
	file: string;
}

/** Reads context `name` from the config directory `dir`; throws EndpointError when it does not exist or is not JSON. */
export function readContextMeta(dir: string, name: string, origin: string): ContextMeta {
	const id = contextId(name);
	const file = path.join(dir, 'contexts', 'meta', id, 'meta.json');
	const meta = readJson(file, 'context file');
	if (meta === undefined) {
		throw new EndpointError(`Docker context "${shown(name)}" (from ${origin}) does not exist; see "docker context ls"`);
	}

	return metaFields(meta, name, file, path.join(dir, 'contexts', 'tls', id, 'docker'));
}

/**
 * Every context stored under `dir` (the CLI's contexts/meta/<id>/meta.json), unsorted, and the
 * files that could not be read (the CLI stops at the first of those; berth lists the others).
 */
export function readAllContextMetas(dir: string): {contexts: ContextMeta[]; problems: string[]} {
	const metaDir = path.join(dir, 'contexts', 'meta');
	let ids: string[];
	try {
		ids = readdirSync(metaDir);
	} catch {
		return {contexts: [], problems: []};
	}

	const contexts: ContextMeta[] = [];
	const problems: string[] = [];
	for (const id of ids) {
		const file = path.join(metaDir, id, 'meta.json');
		try {
			const meta = readJson(file, 'context file');
			if (meta === undefined) continue;
			const name = (meta as {Name?: unknown} | null)?.Name;
			if (typeof name !== 'string' || !name) throw new EndpointError(`Context file ${file} is malformed: it has no Name`);
			contexts.push(metaFields(meta, name, file, path.join(dir, 'contexts', 'tls', id, 'docker')));
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}

	return {contexts, problems};
}

function metaFields(meta: unknown, name: string, file: string, tlsDir: string): ContextMeta {
	const fields = meta as {Metadata?: {Description?: unknown}; Endpoints?: {docker?: {Host?: unknown; SkipTLSVerify?: unknown}}} | null;
	const docker = fields?.Endpoints?.docker;
	const description = fields?.Metadata?.Description;
	return {
		name,
		description: typeof description === 'string' ? description : '',
		host: typeof docker?.Host === 'string' ? docker.Host.trim() : '',
		skipTlsVerify: docker?.SkipTLSVerify === true,
		tls: pemFiles(tlsDir),
		file,
	};
}
