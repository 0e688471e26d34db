/**
 * Docker contexts as the docker CLI sees them (checked against docker CLI 28 here): the list
 * `docker context ls` prints, which one it marks current, and `docker context use`.
 *
 * - The list: the `default` context (DOCKER_HOST, else the default socket) and every context
 *   stored under $DOCKER_CONFIG/contexts/meta, in the CLI's order (natural sort by name, so
 *   "default" sits among the others and "host9" comes before "host10"). Where to connect comes
 *   from endpoint.ts's resolution, the same one berth starts with.
 * - Current: berth's --host (then "default") or --context flags, else DOCKER_HOST ("default"),
 *   DOCKER_CONTEXT, config.json's currentContext, "default" — the CLI's order.
 * - useContext: writes currentContext into config.json ("default" removes it), atomically and
 *   keeping every other key (the CLI rewrites the file from what it understood of it).
 *
 * Reachability is context-check.ts.
 */
import {chmodSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {configDir, EndpointError, nonEmpty, readAllContextMetas, readContextMeta, readCurrentContext, readJson} from './context-store.js';
import {DEFAULT_HOST, fromContextMeta, resolveEndpoint, type ResolvedEndpoint} from '../transport/endpoint.js';

export interface DockerContext {
	name: string;
	/** The context's description; the CLI's own words for "default". Untrusted (from a file). */
	description: string;
	/** The docker endpoint as `docker context ls` shows it (as written in the context, or DOCKER_HOST). */
	endpoint: string;
	/** The context has TLS material (ca/cert/key) for its docker endpoint. */
	tls: boolean;
	skipTlsVerify: boolean;
	/** Marked "*" by `docker context ls` given berth's flags and environment (several with several --context). */
	current: boolean;
	/** Where berth would connect; absent when the context cannot be used. */
	resolved?: ResolvedEndpoint;
	/** Why berth cannot use it (no docker endpoint, an address berth does not support). */
	error?: string;
}

export interface ContextList {
	contexts: DockerContext[];
	/** Context files that could not be read (the CLI fails on the first of them; berth lists the rest). */
	problems: string[];
}

export interface ContextOptions {
	/** Usually process.env. */
	env: Record<string, string | undefined>;
	/** Usually os.homedir(). */
	homedir: string;
	/** berth's --host, if given. */
	host?: string;
	/** berth's --context flags, if given. */
	contexts?: string[];
}

/** The description `docker context ls` gives the default context. */
export const defaultDescription = 'Current DOCKER_HOST based configuration';

/** The contexts `docker context ls` would list, in its order. Throws EndpointError only when config.json is unreadable. */
export function listContexts(options: ContextOptions): ContextList {
	const dir = configDir(options.env, options.homedir);
	const current = new Set(currentContextNames(options));
	const stored = readAllContextMetas(dir);
	const resolve = (how: () => ResolvedEndpoint): Pick<DockerContext, 'resolved' | 'error'> => {
		try {
			return {resolved: how()};
		} catch (error) {
			if (error instanceof EndpointError) return {error: error.message};
			throw error;
		}
	};

	// The default context is --host when berth was given one (as `docker -H … context ls` shows), else DOCKER_HOST.
	const flagHost = nonEmpty(options.host);
	const envHost = flagHost ?? nonEmpty(options.env.DOCKER_HOST);
	const tlsEnv = Boolean(nonEmpty(options.env.DOCKER_TLS_VERIFY) ?? nonEmpty(options.env.DOCKER_TLS));
	const contexts: DockerContext[] = [{
		name: 'default',
		description: defaultDescription,
		endpoint: flagHost ?? (options.env.DOCKER_HOST?.trim() ? options.env.DOCKER_HOST : DEFAULT_HOST),
		tls: tlsEnv && (envHost?.startsWith('tcp://') ?? false),
		skipTlsVerify: tlsEnv && !nonEmpty(options.env.DOCKER_TLS_VERIFY),
		current: current.has('default'),
		...resolve(() => resolveEndpoint(flagHost ? {host: flagHost, env: options.env, homedir: options.homedir} : {context: 'default', env: options.env, homedir: options.homedir})),
	}];
	for (const meta of stored.contexts) {
		// A stored context named "default" is shadowed by the built-in one, as in the CLI.
		if (meta.name === 'default') continue;
		contexts.push({
			name: meta.name,
			description: meta.description,
			endpoint: meta.host,
			tls: Object.keys(meta.tls).length > 0,
			skipTlsVerify: meta.skipTlsVerify,
			current: current.has(meta.name),
			...resolve(() => fromContextMeta(meta)),
		});
	}

	contexts.sort((a, b) => naturalCompare(a.name, b.name));
	return {contexts, problems: stored.problems};
}

/**
 * The context(s) berth is on at start, by the CLI's rules: --host means "default", --context
 * flags name theirs, else DOCKER_HOST ("default"), DOCKER_CONTEXT, config.json's currentContext.
 */
export function currentContextNames(options: ContextOptions): string[] {
	if (nonEmpty(options.host)) return ['default'];
	const flags = (options.contexts ?? []).map(name => name.trim()).filter(Boolean);
	if (flags.length > 0) return [...new Set(flags)];
	if (nonEmpty(options.env.DOCKER_HOST)) return ['default'];
	const envContext = nonEmpty(options.env.DOCKER_CONTEXT);
	if (envContext) return [envContext];
	return [readCurrentContext(configDir(options.env, options.homedir)) ?? 'default'];
}

/**
 * `docker context use NAME`: makes NAME the docker CLI's current context by writing
 * `currentContext` into config.json (removing it for "default"). Returns a note when the
 * environment overrides the setting for the CLI anyway. Throws EndpointError when NAME does not
 * exist or config.json cannot be read as JSON (it is then left alone).
 */
export function useContext(name: string, options: {env: Record<string, string | undefined>; homedir: string}): {note?: string} {
	const dir = configDir(options.env, options.homedir);
	if (name !== 'default') readContextMeta(dir, name, 'docker context use');

	let file = path.join(dir, 'config.json');
	try {
		// A symlinked config.json (dotfile managers) is written where it points.
		file = realpathSync(file);
	} catch {
		// Not there yet.
	}

	const config = readJson(file, 'Docker config file') ?? {};
	if (typeof config !== 'object' || config === null || Array.isArray(config)) {
		throw new EndpointError(`Docker config file ${file} is not valid JSON: expected an object; berth leaves it alone`);
	}

	const next = {...(config as Record<string, unknown>)};
	if (name === 'default') delete next['currentContext'];
	else next['currentContext'] = name;
	writeAtomically(file, `${JSON.stringify(next, null, '\t')}\n`);

	if (nonEmpty(options.env.DOCKER_HOST)) return {note: `DOCKER_HOST is set: it overrides the current context for the docker CLI (unset it to use "${name}")`};
	const envContext = nonEmpty(options.env.DOCKER_CONTEXT);
	if (envContext && envContext !== name) return {note: `DOCKER_CONTEXT=${envContext} is set: it overrides the current context for the docker CLI`};
	return {};
}

/** Writes beside the file, then renames over it: readers see the old file or the new one, never half. */
function writeAtomically(file: string, text: string): void {
	const dir = path.dirname(file);
	mkdirSync(dir, {recursive: true, mode: 0o700});
	let mode = 0o600;
	try {
		mode = statSync(file).mode & 0o777;
	} catch {
		// A new file: private, as the CLI makes it.
	}

	const temporary = path.join(dir, `.config.json.berth-${process.pid}-${Date.now()}`);
	try {
		writeFileSync(temporary, text, {mode, flag: 'wx'});
		chmodSync(temporary, mode);
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw new EndpointError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
}

/** The CLI's name order (sortorder.NaturalLess): runs of digits compare as numbers, the rest by character. */
export function naturalCompare(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (isDigit(a, i) && isDigit(b, j)) {
			const startA = i;
			const startB = j;
			while (i < a.length && isDigit(a, i)) i++;
			while (j < b.length && isDigit(b, j)) j++;
			const numberA = a.slice(startA, i).replace(/^0+/, '');
			const numberB = b.slice(startB, j).replace(/^0+/, '');
			if (numberA.length !== numberB.length) return numberA.length - numberB.length;
			if (numberA !== numberB) return numberA < numberB ? -1 : 1;
			// Equal values: fewer leading zeros first.
			if (i - startA !== j - startB) return (i - startA) - (j - startB);
			continue;
		}

		if (a[i] !== b[j]) return a[i]! < b[j]! ? -1 : 1;
		i++;
		j++;
	}

	return (a.length - i) - (b.length - j);
}

function isDigit(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	return code >= 48 && code <= 57;
}
