/**
 * Registry credentials found the way the docker CLI finds them, plus the ones the user typed in
 * berth (kept in memory for the session, never written, logged or shown):
 *
 * 1. this session's credentials for the registry;
 * 2. `credHelpers[registry]`, else `credsStore`, in `$DOCKER_CONFIG/config.json` (default
 *    ~/.docker): `docker-credential-<helper> get` with the registry on stdin, its JSON answer on
 *    stdout ("credentials not found" means none);
 * 3. `auths[registry]` in the same file: `auth` (base64 of user:password), `identitytoken`.
 *
 * Registries are keyed as the CLI keys them: "https://index.docker.io/v1/" for Docker Hub,
 * host[:port] for the rest (source/engine/images/registry-names.ts).
 */
import {spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {homedir as osHomedir} from 'node:os';
import path from 'node:path';
import {inspect} from 'node:util';
import {credentialKey} from './registry-names.js';
import {configDir} from '../transport/endpoint.js';
import {EngineError, type CredentialInfo, type RegistryCredentials} from '../types.js';
import {cancelled} from '../transport/stream-request.js';

/** What a lookup reads; defaults are berth's own environment and home. */
export interface CredentialEnvironment {
	env?: Record<string, string | undefined>;
	homedir?: string;
	/** How long a credential helper may take (default HELPER_TIMEOUT_MS). */
	helperTimeoutMs?: number;
}

/** What a lookup can be told while it runs: a cancel, and who is being asked. */
export interface LookupOptions {
	signal?: AbortSignal;
	/** Called before a credential helper is asked (it may take long: a keychain can ask the user). */
	onHelper?: (program: string) => void;
}

interface ConfigAuth {
	auth?: string;
	username?: string;
	password?: string;
	identitytoken?: string;
	registrytoken?: string;
}

interface DockerConfig {
	auths?: Record<string, ConfigAuth | null>;
	credsStore?: string;
	credHelpers?: Record<string, string>;
}

/** How long a credential helper may take (desktop keychains can ask the user). */
const HELPER_TIMEOUT_MS = 60_000;

/** The user's credentials for this run of berth, by registry key. Prints as "[session credentials]". */
export class SessionCredentials {
	private readonly byRegistry = new Map<string, RegistryCredentials>();

	remember(credentials: RegistryCredentials): void {
		const key = credentialKey(credentials.serverAddress);
		this.byRegistry.set(key, {...credentials, serverAddress: key});
	}

	forget(registry: string): void {
		this.byRegistry.delete(credentialKey(registry));
	}

	get(registry: string): RegistryCredentials | undefined {
		return this.byRegistry.get(credentialKey(registry));
	}

	all(): RegistryCredentials[] {
		return [...this.byRegistry.values()];
	}

	[inspect.custom](): string {
		return '[session credentials]';
	}

	toJSON(): string {
		return '[session credentials]';
	}
}

/** The X-Registry-Auth header: base64url (padded, as the engine decodes it) of the CLI's JSON. */
export function encodeRegistryAuth(credentials?: RegistryCredentials): string {
	const body: Record<string, string> = {};
	if (credentials?.username) body.username = credentials.username;
	if (credentials?.password) body.password = credentials.password;
	if (credentials?.serverAddress) body.serveraddress = credentials.serverAddress;
	if (credentials?.identityToken) body.identitytoken = credentials.identityToken;
	if (credentials?.registryToken) body.registrytoken = credentials.registryToken;
	return base64Url(JSON.stringify(body));
}

/** The X-Registry-Config header of a build: every credential given, by registry. */
export function encodeRegistryConfig(all: RegistryCredentials[]): string {
	const byRegistry: Record<string, Record<string, string>> = {};
	for (const credentials of all) {
		const entry: Record<string, string> = {serveraddress: credentials.serverAddress};
		if (credentials.username) entry.username = credentials.username;
		if (credentials.password) entry.password = credentials.password;
		if (credentials.identityToken) entry.identitytoken = credentials.identityToken;
		if (credentials.registryToken) entry.registrytoken = credentials.registryToken;
		byRegistry[credentials.serverAddress] = entry;
	}

	return base64Url(JSON.stringify(byRegistry));
}

function base64Url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64').replaceAll('+', '-').replaceAll('/', '_');
}

/** Credentials for `registry` (any spelling) and where they came from; undefined when there are none. */
export async function findCredentials(
	registry: string,
	session: SessionCredentials,
	environment: CredentialEnvironment = {},
	options: LookupOptions = {},
): Promise<{credentials: RegistryCredentials; info: CredentialInfo} | undefined> {
	const key = credentialKey(registry);
	const typed = session.get(key);
	if (typed) return {credentials: typed, info: {registry: key, source: 'session', username: typed.username}};

	const config = await readDockerConfig(environment);
	const helper = helperFor(config, key);
	if (helper) {
		options.onHelper?.(`docker-credential-${helper}`);
		const credentials = await runCredentialHelper(helper, key, environment.env, {timeoutMs: environment.helperTimeoutMs, signal: options.signal});
		if (!credentials) return undefined;
		return {credentials, info: {registry: key, source: 'helper', helper, username: credentials.username}};
	}

	const credentials = fromAuths(config, key);
	return credentials ? {credentials, info: {registry: key, source: 'config', username: credentials.username}} : undefined;
}

/** config.json, or an empty config when it is missing or unreadable (the CLI warns and goes on). */
export async function readDockerConfig(environment: CredentialEnvironment = {}): Promise<DockerConfig> {
	const env = environment.env ?? process.env;
	const file = path.join(configDir(env, environment.homedir ?? osHomedir()), 'config.json');
	try {
		const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as DockerConfig) : {};
	} catch {
		return {};
	}
}

function helperFor(config: DockerConfig, key: string): string | undefined {
	for (const [registry, helper] of Object.entries(config.credHelpers ?? {})) {
		if (typeof helper === 'string' && helper && (registry === key || credentialKey(registry) === key)) return helper;
	}

	return typeof config.credsStore === 'string' && config.credsStore ? config.credsStore : undefined;
}

function fromAuths(config: DockerConfig, key: string): RegistryCredentials | undefined {
	const auths = config.auths ?? {};
	const entry = auths[key] ?? Object.entries(auths).find(([registry]) => credentialKey(registry) === key)?.[1];
	if (!entry || typeof entry !== 'object') return undefined;
	const credentials: RegistryCredentials = {serverAddress: key};
	if (typeof entry.auth === 'string' && entry.auth) {
		const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon > 0) {
			credentials.username = decoded.slice(0, colon);
			credentials.password = decoded.slice(colon + 1);
		}
	} else {
		if (typeof entry.username === 'string' && entry.username) credentials.username = entry.username;
		if (typeof entry.password === 'string' && entry.password) credentials.password = entry.password;
	}

	if (typeof entry.identitytoken === 'string' && entry.identitytoken) credentials.identityToken = entry.identitytoken;
	if (typeof entry.registrytoken === 'string' && entry.registrytoken) credentials.registryToken = entry.registrytoken;
	return credentials.username || credentials.identityToken || credentials.registryToken ? credentials : undefined;
}

/** Ends a helper's process group: SIGTERM, then SIGKILL a second later for what is left. */
function endGroup(pid: number | undefined): void {
	if (pid === undefined) return;
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-pid, name);
		} catch {
			// Gone already.
		}
	};
	signal('SIGTERM');
	setTimeout(() => signal('SIGKILL'), 1000).unref();
}

/** "60 s", "0.3 s". */
function seconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * `docker-credential-<helper> get`, the registry on stdin. Undefined for "credentials not found";
 * other failures reject with the helper's own words, as the CLI's "error getting credentials".
 * The helper runs in a process group of its own: when it does not answer within the timeout, or
 * the lookup is cancelled, the whole group ends (the helper and whatever it started), and the
 * rejection names the helper.
 */
export async function runCredentialHelper(
	helper: string,
	serverAddress: string,
	env?: Record<string, string | undefined>,
	options: {timeoutMs?: number; signal?: AbortSignal} = {},
): Promise<RegistryCredentials | undefined> {
	const program = `docker-credential-${helper}`;
	const timeoutMs = options.timeoutMs ?? HELPER_TIMEOUT_MS;
	options.signal?.throwIfAborted();
	const {stdout, failure, ended} = await new Promise<{stdout: string; failure?: Error & {code?: string | number | null}; ended?: 'timeout' | 'cancelled'}>(resolve => {
		const child = spawn(program, ['get'], {env: env ? ({...env} as NodeJS.ProcessEnv) : process.env, detached: true, stdio: ['pipe', 'pipe', 'ignore']});
		let out = '';
		let ended: 'timeout' | 'cancelled' | undefined;
		let settled = false;
		const settle = (failure?: Error & {code?: string | number | null}) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			resolve({stdout: out, failure, ended});
		};
		const stop = (why: 'timeout' | 'cancelled') => {
			ended = why;
			endGroup(child.pid);
		};
		const timer = setTimeout(() => stop('timeout'), timeoutMs);
		const onAbort = () => stop('cancelled');
		options.signal?.addEventListener('abort', onAbort, {once: true});
		child.stdout.on('data', (chunk: Buffer) => {
			if (out.length < 1024 * 1024) out += chunk.toString('utf8');
		});
		const failed = (code: number | null, signal: NodeJS.Signals | null) => (code === 0 ? undefined : Object.assign(new Error(`${program} exited with ${code ?? signal}`), {code}));
		child.on('error', error => settle(error));
		child.on('close', (code, signal) => settle(failed(code, signal)));
		child.on('exit', (code, signal) => {
			// Its output may stay open in a child it left behind: take what came, shortly after, and go on.
			setTimeout(() => {
				child.stdout.destroy();
				settle(failed(code, signal));
			}, 500).unref();
		});
		child.stdin.on('error', () => {});
		child.stdin.end(serverAddress);
	});

	if (ended === 'cancelled') throw cancelled();
	if (ended === 'timeout') {
		throw new EngineError('unknown', `${program} did not answer within ${seconds(timeoutMs)} (named by credsStore or credHelpers in the docker config): berth stopped it and the processes it started`);
	}

	if (failure) {
		if (failure.code === 'ENOENT') {
			throw new EngineError('unknown', `error getting credentials: ${program} is not installed (named by credsStore or credHelpers in the docker config)`, {cause: failure});
		}

		const said = stdout.trim();
		if (/credentials not found/i.test(said)) return undefined;
		throw new EngineError('unknown', `error getting credentials from ${program}: ${said || failure.message}`, {cause: failure});
	}

	let answer: {Username?: unknown; Secret?: unknown};
	try {
		answer = JSON.parse(stdout) as typeof answer;
	} catch (error) {
		throw new EngineError('unknown', `error getting credentials from ${program}: its answer is not JSON`, {cause: error});
	}

	const username = typeof answer.Username === 'string' ? answer.Username : '';
	const secret = typeof answer.Secret === 'string' ? answer.Secret : '';
	if (!username && !secret) return undefined;
	if (username === '<token>') return {serverAddress, identityToken: secret};
	return {serverAddress, username, password: secret};
}
