/**
 * Which Docker engine to talk to, decided the way the docker CLI decides it (checked against
 * docker CLI 28 on this machine):
 *
 *   1. `--host`                      (both `--host` and `--context` given: an error, as in the CLI)
 *   2. `--context`
 *   3. `DOCKER_HOST`                 (set but empty counts as unset)
 *   4. `DOCKER_CONTEXT`
 *   5. `currentContext` in `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`)
 *   6. `unix:///var/run/docker.sock`
 *
 * A context named "default" means "no context": DOCKER_HOST if set, else the default socket.
 * Nothing here opens a connection; `docker-engine.ts` turns the result into one.
 */
import {configDir, EndpointError, nonEmpty, pemFiles, readContextMeta, readCurrentContext, shown, type ContextMeta} from '../contexts/context-store.js';

export {configDir, contextId, EndpointError} from '../contexts/context-store.js';

export const DEFAULT_HOST = 'unix:///var/run/docker.sock';

export type EndpointSource = 'flag' | 'env' | 'context' | 'default';

/** TLS material for a tcp endpoint: paths to PEM files (each only when the file exists). */
export interface TlsFiles {
	ca?: string;
	cert?: string;
	key?: string;
	/** Verify the engine's certificate (DOCKER_TLS_VERIFY, or a context without SkipTLSVerify). */
	verify: boolean;
}

export interface ResolvedEndpoint {
	/** Normalised address: `unix:///path`, `tcp://host:port` or `ssh://[user@]host[:port]`. */
	url: string;
	/** What berth shows, e.g. "unix:///var/run/docker.sock" or "ssh://deploy@box (context prod)". */
	description: string;
	/** Where the address came from. */
	source: EndpointSource;
	/** The context's name when the address came from a context. */
	context?: string;
	/** Present for tcp endpoints that use TLS. */
	tls?: TlsFiles;
	/** Present for ssh endpoints: the user (may be empty), host and port (may be empty), decoded and checked. */
	ssh?: SshTarget;
}

/** An ssh endpoint's parts, decoded from the address once (and checked) by `normalise`. */
export interface SshTarget {
	user: string;
	host: string;
	port: string;
}

export interface ResolveEndpointOptions {
	/** `--host` / `-H`. An empty string counts as not given. */
	host?: string;
	/** `--context`. An empty string counts as not given. */
	context?: string;
	/** Usually `process.env`. */
	env: Record<string, string | undefined>;
	/** Usually `os.homedir()`; used for `~/.docker`. */
	homedir: string;
}

/** Decides which engine to use. Reads config.json and context files; throws EndpointError. */
export function resolveEndpoint(options: ResolveEndpointOptions): ResolvedEndpoint {
	const env = options.env;
	const flagHost = nonEmpty(options.host);
	const flagContext = nonEmpty(options.context);
	if (flagHost && flagContext) {
		throw new EndpointError('Conflicting options: give either --host or --context, not both');
	}

	if (flagHost) return fromHost(flagHost, 'flag', '--host', env, options.homedir);
	if (flagContext) return fromContext(flagContext, '--context', options);

	const envHost = nonEmpty(env.DOCKER_HOST);
	if (envHost) return fromHost(envHost, 'env', 'DOCKER_HOST', env, options.homedir);

	const envContext = nonEmpty(env.DOCKER_CONTEXT);
	if (envContext) return fromContext(envContext, 'DOCKER_CONTEXT', options);

	const current = readCurrentContext(configDir(env, options.homedir));
	if (current && current !== 'default') return fromContext(current, 'config.json', options);

	return {url: DEFAULT_HOST, description: DEFAULT_HOST, source: 'default'};
}

function fromHost(
	raw: string,
	source: 'flag' | 'env',
	origin: string,
	env: Record<string, string | undefined>,
	homedir: string,
): ResolvedEndpoint {
	const tls = tlsFromEnv(env, homedir);
	const {url, ssh} = normalise(raw, origin, Boolean(tls));
	const endpoint: ResolvedEndpoint = {url, description: url, source};
	if (tls && url.startsWith('tcp://')) endpoint.tls = tls;
	if (ssh) endpoint.ssh = ssh;
	return endpoint;
}

/** TLS settings from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH, as the CLI reads them. */
function tlsFromEnv(env: Record<string, string | undefined>, homedir: string): TlsFiles | undefined {
	const verify = Boolean(nonEmpty(env.DOCKER_TLS_VERIFY));
	if (!verify && !nonEmpty(env.DOCKER_TLS)) return undefined;
	const dir = nonEmpty(env.DOCKER_CERT_PATH) ?? configDir(env, homedir);
	return {...pemFiles(dir), verify};
}

/**
 * Checks an address and puts it in a canonical form. Accepts `unix://path`, `tcp://host[:port]`,
 * `host:port` (taken as tcp, like the CLI) and `ssh://[user@]host[:port]`.
 */
function normalise(raw: string, origin: string, tls: boolean): {url: string; ssh?: SshTarget} {
	const value = raw.trim();
	const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
	if (scheme === undefined) {
		if (value.includes('://') || value.startsWith('/')) throw unsupported(value, origin);
		return normalise(`tcp://${value}`, origin, tls);
	}

	const rest = value.slice(scheme.length + 3);
	switch (scheme) {
		case 'unix': {
			return {url: `unix://${rest || DEFAULT_HOST.slice('unix://'.length)}`};
		}

		case 'tcp': {
			const url = parseUrl(value, origin);
			if (url.username || url.password) throw invalid(value, origin, 'tcp addresses take no user name');
			const host = url.hostname || '127.0.0.1';
			const port = url.port || (tls ? '2376' : '2375');
			return {url: `tcp://${host}:${port}${url.pathname === '/' ? '' : url.pathname}`};
		}

		case 'ssh': {
			const ssh = sshTarget(value, origin);
			const user = ssh.user ? `${encodeURIComponent(ssh.user)}@` : '';
			return {url: `ssh://${user}${parseUrl(value, origin).hostname}${ssh.port ? `:${ssh.port}` : ''}`, ssh};
		}

		default: {
			throw unsupported(value, origin);
		}
	}
}

/**
 * The user, host and port of an ssh address, percent-decoded once, here, and checked after
 * decoding: they go on ssh's command line, so neither may look like an option ("-o…") or carry
 * spaces or control characters, and bad percent-encoding is the user's mistake, not a crash.
 */
function sshTarget(value: string, origin: string): SshTarget {
	const url = parseUrl(value, origin);
	if (!url.hostname) throw invalid(value, origin, 'no host name');
	if (url.password) throw invalid(value, origin, 'ssh addresses cannot carry a password; use a key or ssh-agent');
	if (url.pathname && url.pathname !== '/') throw invalid(value, origin, 'ssh addresses take no path');
	let user: string;
	let host: string;
	try {
		user = decodeURIComponent(url.username);
		host = decodeURIComponent(url.hostname);
	} catch {
		throw invalid(value, origin, 'the user or host name is not valid percent-encoding');
	}
	if (host.startsWith('-') || user.startsWith('-')) throw invalid(value, origin, 'host and user names cannot start with "-"');
	if (/[\s\p{Cc}]/u.test(user) || /[\s\p{Cc}@/]/u.test(host)) throw invalid(value, origin, 'the user or host name holds spaces, control characters or a misplaced "@"');
	return {user, host, port: url.port};
}

function invalid(value: string, origin: string, why: string): EndpointError {
	return new EndpointError(`Invalid Docker endpoint "${shown(value)}" (from ${origin}): ${why}`);
}

function parseUrl(value: string, origin: string): URL {
	try {
		return new URL(value);
	} catch {
		throw invalid(value, origin, 'not a valid address');
	}
}

function unsupported(value: string, origin: string): EndpointError {
	return new EndpointError(`Unsupported Docker endpoint "${shown(value)}" (from ${origin}): use unix://, tcp:// or ssh://`);
}

function fromContext(name: string, origin: string, options: ResolveEndpointOptions): ResolvedEndpoint {
	if (name === 'default') {
		const envHost = nonEmpty(options.env.DOCKER_HOST);
		if (envHost) return fromHost(envHost, 'env', 'DOCKER_HOST', options.env, options.homedir);
		return {url: DEFAULT_HOST, description: `${DEFAULT_HOST} (context default)`, source: 'context', context: 'default'};
	}

	return fromContextMeta(readContextMeta(configDir(options.env, options.homedir), name, origin));
}

/** The endpoint of a stored context, read with readContextMeta (context-store.ts). Throws EndpointError. */
export function fromContextMeta(meta: ContextMeta): ResolvedEndpoint {
	const name = meta.name;
	if (!meta.host) {
		throw new EndpointError(`Context file ${meta.file} is malformed: no Endpoints.docker.Host for context "${shown(name)}"`);
	}

	const hasTls = Object.keys(meta.tls).length > 0;
	const {url, ssh} = normalise(meta.host, `context "${name}"`, hasTls);
	const endpoint: ResolvedEndpoint = {url, description: `${url} (context ${name})`, source: 'context', context: name};
	if (hasTls && url.startsWith('tcp://')) endpoint.tls = {...meta.tls, verify: !meta.skipTlsVerify};
	if (ssh) endpoint.ssh = ssh;
	return endpoint;
}

