/**
 * The Engine on a real Docker engine, through dockerode's modem. This is the only module that
 * imports dockerode; everything above it sees the domain types of `types.ts`.
 *
 * Connection: unix sockets directly; tcp (optionally TLS) through an agent with a connect
 * timeout; ssh through an agent that runs the system `ssh … docker system dial-stdio`, so that
 * ~/.ssh/config, agents and ControlMaster apply. The API version is negotiated once from
 * `/version`. Reads are bounded by a per-call timeout; follow streams have none.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync} from 'node:fs';
import http, {type IncomingMessage} from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import {Duplex} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import Docker from 'dockerode';
import type {ResolvedEndpoint} from './endpoint.js';
import {describeUnreachable, sshFailureReason, toEngineError} from './errors.js';
import {
	EngineError,
	type CommitOptions,
	type ContainerDetails,
	type ContainerState,
	type ContainerSummary,
	type Engine,
	type EngineEvent,
	type EngineInfo,
	type Health,
	type ImageHistoryEntry,
	type ImageSummary,
	type LogLine,
	type LogOptions,
	type LogStream,
	type MountInfo,
	type PortMapping,
} from './types.js';

/** The newest API version whose responses berth has been checked against. */
export const MAX_API_VERSION = '1.47';

/** Tunables, mostly for tests. */
export interface DockerEngineOptions {
	/** Time to establish a tcp/TLS/ssh connection. Default 5 s. */
	connectTimeoutMs?: number;
	/** Upper bound for list, inspect, info and history calls. Default 15 s. */
	readTimeoutMs?: number;
	/** Upper bound for lifecycle actions, on top of a stop/restart grace period. Default 10 min. */
	actionTimeoutMs?: number;
}

/** Creates an Engine for a resolved endpoint. Nothing connects until the first call. */
export function createDockerEngine(endpoint: ResolvedEndpoint, options: DockerEngineOptions = {}): Engine {
	return new DockerEngine(endpoint, options);
}

type Query = Record<string, string | number | boolean | undefined>;

interface Call {
	method: 'GET' | 'POST' | 'DELETE';
	path: string;
	query?: Query;
	/** Status codes that count as success besides 200/201/204 (e.g. 304 for start/stop). */
	alsoOk?: number[];
	signal?: AbortSignal;
	stream?: boolean;
}

interface VersionResponse {
	Version?: string;
	ApiVersion?: string;
	MinAPIVersion?: string;
	Os?: string;
	Arch?: string;
}

class DockerEngine implements Engine {
	readonly endpoint: string;
	private readonly docker: Docker;
	private readonly connectTimeoutMs: number;
	private readonly readTimeoutMs: number;
	private readonly actionTimeoutMs: number;
	private negotiation: Promise<void> | undefined;

	constructor(private readonly resolved: ResolvedEndpoint, options: DockerEngineOptions) {
		this.endpoint = resolved.description;
		this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
		this.readTimeoutMs = options.readTimeoutMs ?? 15_000;
		this.actionTimeoutMs = options.actionTimeoutMs ?? 600_000;
		this.docker = createDocker(resolved, this.connectTimeoutMs);
	}

	async info(): Promise<EngineInfo> {
		const version = await this.fetchVersion();
		this.negotiation ??= Promise.resolve();
		return {
			version: version.Version ?? '',
			apiVersion: this.apiVersion() ?? version.ApiVersion ?? '',
			os: version.Os ?? '',
			arch: version.Arch ?? '',
		};
	}

	async listContainers(): Promise<ContainerSummary[]> {
		const raw = await this.read<RawContainer[]>('/containers/json', {all: true});
		return Array.isArray(raw) ? raw.map(toContainerSummary) : [];
	}

	async listImages(): Promise<ImageSummary[]> {
		const raw = await this.read<RawImage[]>('/images/json');
		return Array.isArray(raw) ? raw.map(toImageSummary) : [];
	}

	async inspectContainer(id: string): Promise<ContainerDetails> {
		return toContainerDetails(await this.read<RawInspect>(`/containers/${pathPart(id)}/json`));
	}

	async imageHistory(id: string): Promise<ImageHistoryEntry[]> {
		const raw = await this.read<RawHistory[]>(`/images/${pathPart(id)}/history`);
		return Array.isArray(raw) ? raw.map(toHistoryEntry) : [];
	}

	async startContainer(id: string): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/start`, alsoOk: [304]});
	}

	async stopContainer(id: string, timeout?: number): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/stop`, query: {t: timeout}, alsoOk: [304]}, timeout);
	}

	async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/kill`, query: {signal}});
	}

	async restartContainer(id: string, timeout?: number): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/restart`, query: {t: timeout}}, timeout);
	}

	async pauseContainer(id: string): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/pause`});
	}

	async unpauseContainer(id: string): Promise<void> {
		await this.act({method: 'POST', path: `/containers/${pathPart(id)}/unpause`});
	}

	async commitContainer(id: string, options: CommitOptions): Promise<string> {
		const result = await this.act<{Id?: string}>({
			method: 'POST',
			path: '/commit',
			query: {
				container: id,
				repo: options.repo,
				tag: options.tag,
				comment: options.comment,
				author: options.author,
				pause: options.pause,
			},
		});
		if (typeof result?.Id !== 'string') throw new EngineError('unknown', 'The engine did not return the new image id');
		return result.Id;
	}

	async removeContainer(id: string, options: {force?: boolean; volumes?: boolean} = {}): Promise<void> {
		await this.act({method: 'DELETE', path: `/containers/${pathPart(id)}`, query: {force: options.force, v: options.volumes}});
	}

	async removeImage(id: string, options: {force?: boolean} = {}): Promise<void> {
		await this.act({method: 'DELETE', path: `/images/${pathPart(id)}`, query: {force: options.force}});
	}

	async streamLogs(id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		let tty: boolean;
		try {
			tty = (await this.read<RawInspect>(`/containers/${pathPart(id)}/json`, undefined, signal)).Config?.Tty === true;
		} catch (error) {
			if (signal.aborted) return;
			throw error;
		}

		const response = await this.openStream(`/containers/${pathPart(id)}/logs`, {
			stdout: true,
			stderr: true,
			timestamps: true,
			follow: options.follow,
			tail: options.tail,
			since: options.since === undefined ? undefined : toUnixTimestamp(options.since),
		}, signal);
		if (!response) return;

		// The engine flushes every log message as its own HTTP chunk, and Node emits one 'data'
		// event per chunk: collect what arrives within one turn of the event loop into one batch.
		const parser = createLogParser(tty);
		let pending: LogLine[] = [];
		let scheduled: NodeJS.Immediate | undefined;
		let closed = false;
		const flush = () => {
			scheduled = undefined;
			if (closed || pending.length === 0) return;
			const batch = pending;
			pending = [];
			try {
				onLines(batch);
			} catch (error) {
				response.destroy(error as Error);
			}
		};

		try {
			await this.consume(response, signal, chunk => {
				const lines = parser.push(chunk);
				if (lines.length === 0) return;
				for (const line of lines) pending.push(line);
				scheduled ??= setImmediate(flush);
			}, () => {
				if (scheduled) clearImmediate(scheduled);
				for (const line of parser.end()) pending.push(line);
				const batch = pending;
				pending = [];
				if (batch.length > 0) onLines(batch);
			});
		} finally {
			closed = true;
			if (scheduled) clearImmediate(scheduled);
		}
	}

	async streamEvents(options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		const response = await this.openStream('/events', {
			filters: JSON.stringify({type: ['container', 'image']}),
			since: options.since === undefined || options.since === '' ? undefined : toUnixTimestamp(options.since),
		}, signal);
		if (!response) return;

		const splitter = new LineSplitter();
		const deliver = (lines: string[]) => {
			for (const line of lines) {
				const event = parseEvent(line);
				if (event) onEvent(event);
			}
		};

		await this.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
	}

	// --- plumbing ---------------------------------------------------------------------------

	private apiVersion(): string | undefined {
		const version = (this.docker.modem as unknown as {version?: string}).version;
		return version?.replace(/^v/, '');
	}

	/** GET /version, unversioned until negotiation has happened; sets the API version once. */
	private async fetchVersion(): Promise<VersionResponse> {
		const timeout = AbortSignal.timeout(this.readTimeoutMs);
		let version: VersionResponse;
		try {
			version = await this.dial<VersionResponse>({method: 'GET', path: '/version', signal: timeout});
		} catch (error) {
			throw toEngineError(error, this.endpoint);
		}

		const modem = this.docker.modem as unknown as {version?: string};
		if (modem.version === undefined) {
			const chosen = negotiateApiVersion(version.ApiVersion, version.MinAPIVersion);
			if (chosen) modem.version = `v${chosen}`;
		}

		return version;
	}

	private async negotiate(): Promise<void> {
		this.negotiation ??= this.fetchVersion().then(
			() => undefined,
			(error: unknown) => {
				this.negotiation = undefined;
				throw error;
			},
		);
		return this.negotiation;
	}

	/** A bounded read. Retries once when a kept-alive connection turned out to be dead. */
	private async read<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
		await this.negotiate();
		for (let attempt = 0; ; attempt++) {
			const timeout = AbortSignal.timeout(this.readTimeoutMs);
			try {
				return await this.dial<T>({method: 'GET', path, query, signal: signal ? AbortSignal.any([signal, timeout]) : timeout});
			} catch (error) {
				const mapped = toEngineError(error, this.endpoint);
				if (mapped.code === 'interrupted' && attempt === 0 && !signal?.aborted) continue;
				throw mapped;
			}
		}
	}

	/** A lifecycle action: no retry (it might have happened), a generous bound. */
	private async act<T = unknown>(call: Call, graceSeconds?: number): Promise<T> {
		await this.negotiate();
		const limit = this.actionTimeoutMs + Math.max(0, graceSeconds ?? 10) * 1000;
		const timeout = AbortSignal.timeout(limit);
		try {
			return await this.dial<T>({...call, signal: timeout});
		} catch (error) {
			if (timeout.aborted) {
				throw new EngineError('interrupted', `No answer from the engine after ${Math.round(limit / 1000)} s; the action may or may not have happened`, {cause: error});
			}

			throw toEngineError(error, this.endpoint);
		}
	}

	/** Opens a streaming GET; undefined when `signal` aborted first. */
	private async openStream(path: string, query: Query, signal: AbortSignal): Promise<IncomingMessage | undefined> {
		await this.negotiate();
		if (signal.aborted) return undefined;
		try {
			return await this.dial<IncomingMessage>({method: 'GET', path, query, signal, stream: true});
		} catch (error) {
			if (signal.aborted) return undefined;
			throw toEngineError(error, this.endpoint);
		}
	}

	/** Reads a response to its end, or until `signal` aborts (which destroys it). */
	private async consume(response: IncomingMessage, signal: AbortSignal, onChunk: (chunk: Buffer) => void, onEnd: () => void): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			let settled = false;
			const finish = (error?: unknown) => {
				if (settled) return;
				settled = true;
				signal.removeEventListener('abort', onAbort);
				response.off('data', onData);
				if (signal.aborted) {
					response.destroy();
					resolve();
					return;
				}

				if (error === undefined) {
					try {
						onEnd();
						resolve();
					} catch (callbackError) {
						reject(toEngineError(callbackError, this.endpoint));
					}

					return;
				}

				response.destroy();
				reject(toEngineError(error, this.endpoint));
			};

			const onAbort = () => finish();
			const onData = (chunk: Buffer) => {
				try {
					onChunk(chunk);
				} catch (error) {
					finish(error);
				}
			};

			response.on('data', onData);
			response.once('end', () => finish());
			response.on('error', (error: Error) => finish(error));
			response.once('close', () => {
				if (!response.complete) finish(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}));
				else finish();
			});
			if (signal.aborted) onAbort();
			else signal.addEventListener('abort', onAbort, {once: true});
		});
	}

	private async dial<T>(call: Call): Promise<T> {
		const statusCodes: Record<number, boolean> = {200: true, 201: true, 204: true};
		for (const code of call.alsoOk ?? []) statusCodes[code] = true;
		return new Promise<T>((resolve, reject) => {
			this.docker.modem.dial({
				path: `${call.path}?`,
				method: call.method,
				options: {_query: definedOnly(call.query ?? {}), _body: {}},
				statusCodes,
				abortSignal: call.signal,
				isStream: call.stream === true,
			}, (error, data) => {
				if (error) reject(error);
				else resolve(data as T);
			});
		});
	}
}

function definedOnly(query: Query): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
	return out;
}

/** Encodes an id or image reference for a URL path, keeping the characters references use. */
function pathPart(value: string): string {
	return encodeURIComponent(value).replaceAll('%2F', '/').replaceAll('%3A', ':').replaceAll('%40', '@');
}

/** min(engine's version, MAX_API_VERSION), raised to the engine's minimum if that is higher. */
export function negotiateApiVersion(engine?: string, engineMin?: string): string | undefined {
	if (!engine || !/^\d+\.\d+$/.test(engine)) return undefined;
	let chosen = compareVersions(engine, MAX_API_VERSION) < 0 ? engine : MAX_API_VERSION;
	if (engineMin && /^\d+\.\d+$/.test(engineMin) && compareVersions(chosen, engineMin) < 0) chosen = engineMin;
	return chosen;
}

function compareVersions(a: string, b: string): number {
	const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
	const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
	return aMajor === bMajor ? aMinor - bMinor : aMajor - bMajor;
}

/**
 * The engine wants unix seconds ("1700000000.123456789"); callers may give a number or an
 * RFC 3339 timestamp (e.g. the last log line's), whose nanoseconds are kept.
 */
export function toUnixTimestamp(since: number | string): string {
	if (typeof since === 'number') return Number.isInteger(since) ? String(since) : since.toFixed(9).replace(/0+$/, '');
	const text = since.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return text;
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(text);
	if (!match) throw new EngineError('bad-request', `Not a timestamp: ${text}`);
	const seconds = Date.parse(`${match[1]!}${match[3]!.toUpperCase()}`) / 1000;
	if (!Number.isFinite(seconds)) throw new EngineError('bad-request', `Not a timestamp: ${text}`);
	const fraction = (match[2] ?? '').slice(0, 9).padEnd(9, '0');
	return `${seconds}.${fraction}`;
}

// --- connection -------------------------------------------------------------------------------

/**
 * docker-modem reads DOCKER_HOST, DOCKER_CERT_PATH and friends in its constructor, and they can
 * win over explicit options (a DOCKER_HOST host beats our socketPath; a missing cert file
 * throws). The endpoint is already resolved, so build the modem with DOCKER_HOST hidden: with it
 * unset docker-modem reads nothing else.
 */
function createDocker(endpoint: ResolvedEndpoint, connectTimeoutMs: number): Docker {
	const options = connectionOptions(endpoint, connectTimeoutMs);
	const saved = process.env.DOCKER_HOST;
	delete process.env.DOCKER_HOST;
	try {
		return new Docker(options as Docker.DockerOptions);
	} finally {
		if (saved !== undefined) process.env.DOCKER_HOST = saved;
	}
}

function connectionOptions(endpoint: ResolvedEndpoint, connectTimeoutMs: number): Record<string, unknown> {
	const url = endpoint.url;
	if (url.startsWith('unix://')) {
		return {socketPath: url.slice('unix://'.length), agent: new http.Agent({keepAlive: true}), timeout: undefined};
	}

	if (url.startsWith('ssh://')) {
		const parsed = new URL(url);
		const target = {user: decodeURIComponent(parsed.username), host: parsed.hostname, port: parsed.port};
		return {protocol: 'http', host: 'docker', port: 2375, agent: new SshDialAgent(target, url, connectTimeoutMs), timeout: undefined};
	}

	if (url.startsWith('tcp://')) {
		const parsed = new URL(url);
		const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
		const port = Number(parsed.port || (endpoint.tls ? 2376 : 2375));
		if (!endpoint.tls) return {protocol: 'http', host, port, agent: new TimedHttpAgent(connectTimeoutMs), timeout: undefined};
		const read = (file?: string) => {
			if (!file) return undefined;
			try {
				return readFileSync(file);
			} catch (error) {
				throw new EngineError('unreachable', describeUnreachable('tls', endpoint.description, `cannot read ${file}: ${(error as Error).message}`), {reason: 'tls', cause: error});
			}
		};

		const agent = new TimedHttpsAgent(connectTimeoutMs, {
			keepAlive: true,
			ca: read(endpoint.tls.ca),
			cert: read(endpoint.tls.cert),
			key: read(endpoint.tls.key),
			rejectUnauthorized: endpoint.tls.verify,
		});
		return {protocol: 'https', host, port, agent, timeout: undefined};
	}

	throw new EngineError('unreachable', `Unsupported Docker endpoint ${url}`, {reason: 'other'});
}

/** Destroys a socket that has not connected within `ms`. */
function armConnectTimeout(socket: Duplex, readyEvent: 'connect' | 'secureConnect', ms: number): void {
	const timer = setTimeout(() => {
		socket.destroy(Object.assign(new Error(`connect ETIMEDOUT (no answer within ${ms / 1000} s)`), {code: 'ETIMEDOUT'}));
	}, ms);
	const clear = () => clearTimeout(timer);
	socket.once(readyEvent, clear);
	socket.once('close', clear);
}

class TimedHttpAgent extends http.Agent {
	constructor(private readonly connectTimeoutMs: number) {
		super({keepAlive: true});
	}

	override createConnection(options: http.ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
		const socket = super.createConnection(options, callback);
		if (socket && (socket as net.Socket).connecting) armConnectTimeout(socket, 'connect', this.connectTimeoutMs);
		return socket;
	}
}

class TimedHttpsAgent extends https.Agent {
	constructor(private readonly connectTimeoutMs: number, options: https.AgentOptions) {
		super(options);
	}

	override createConnection(options: https.RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
		const socket = super.createConnection(options, callback);
		if (socket) armConnectTimeout(socket, 'secureConnect', this.connectTimeoutMs);
		return socket;
	}
}

interface SshTarget {
	user: string;
	host: string;
	port: string;
}

/** An agent whose connections are `ssh … docker system dial-stdio` processes. */
class SshDialAgent extends http.Agent {
	constructor(private readonly target: SshTarget, private readonly url: string, private readonly connectTimeoutMs: number) {
		super({keepAlive: true});
	}

	override createConnection(): Duplex {
		const args = ['-T', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${Math.max(1, Math.round(this.connectTimeoutMs / 1000))}`];
		if (this.target.port) args.push('-p', this.target.port);
		args.push('--', this.target.user ? `${this.target.user}@${this.target.host}` : this.target.host, 'docker', 'system', 'dial-stdio');
		const child = spawn('ssh', args, {stdio: ['pipe', 'pipe', 'pipe']});
		return new ChildProcessSocket(child, this.url);
	}
}

/** A child process's stdin/stdout as a socket-like Duplex for http.Agent. */
class ChildProcessSocket extends Duplex {
	private receivedData = false;
	private stderr = '';

	constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly url: string) {
		super();
		child.stdout.on('data', (chunk: Buffer) => {
			this.receivedData = true;
			if (!this.push(chunk)) child.stdout.pause();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
		});
		child.stdin.on('error', () => {
			// EPIPE after the process died; 'close' reports why.
		});
		child.on('error', (error: NodeJS.ErrnoException) => {
			const message = error.code === 'ENOENT' ? 'ssh is not installed (ssh:// endpoints need the ssh client)' : error.message;
			this.destroy(new EngineError('unreachable', describeUnreachable('other', this.url, message), {reason: 'other', cause: error}));
		});
		child.on('close', (code: number | null) => {
			if (this.destroyed) return;
			const detail = this.stderr.trim().split('\n').filter(Boolean).at(-1);
			if (!this.receivedData && code !== 0) {
				const reason = sshFailureReason(this.stderr);
				this.destroy(new EngineError('unreachable', describeUnreachable(reason, this.url, detail ?? `ssh exited with code ${code}`), {reason}));
				return;
			}

			this.push(null);
			this.end();
		});
		this.once('end', () => {
			if (!this.destroyed) this.destroy();
		});
	}

	override _read(): void {
		this.child.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (this.child.stdin.destroyed) {
			callback();
			return;
		}

		this.child.stdin.write(chunk, () => callback());
	}

	override _final(callback: (error?: Error | null) => void): void {
		if (this.child.stdin.destroyed || this.child.stdin.writableFinished) {
			callback();
			return;
		}

		this.child.stdin.end(() => callback());
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
		callback(error);
	}

	// What http.Agent and ClientRequest call on a net.Socket.
	setTimeout(): this {
		return this;
	}

	setNoDelay(): this {
		return this;
	}

	setKeepAlive(): this {
		return this;
	}

	ref(): this {
		this.child.ref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as net.Socket).ref?.();
		return this;
	}

	unref(): this {
		this.child.unref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as net.Socket).unref?.();
		return this;
	}
}

// --- log stream parsing -----------------------------------------------------------------------

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;
/** Longest timestamp plus its space, with room to spare. */
const TIMESTAMP_WINDOW = 41;
/** Docker's log copier cuts longer lines into messages of this many bytes, each with its own timestamp. */
const PARTIAL_MESSAGE_BYTES = 16 * 1024;

/** Splits a message's leading "<timestamp> " off. */
function splitTimestamp(message: Buffer): {timestamp?: string; body: Buffer} {
	const space = message.subarray(0, TIMESTAMP_WINDOW).indexOf(0x20);
	if (space > 0) {
		const candidate = message.subarray(0, space).toString('latin1');
		if (TIMESTAMP.test(candidate)) return {timestamp: candidate, body: message.subarray(space + 1)};
	}

	return {body: message};
}

/** Collects one stream's bytes into lines; a line's timestamp is that of the message that began it. */
class LineCollector {
	private parts: Buffer[] = [];
	private inLine = false;
	private lineTimestamp: string | undefined;
	private messageTimestamp: string | undefined;

	constructor(readonly stream: LogStream) {}

	/** A new message from the engine begins, with this timestamp. */
	message(timestamp: string | undefined): void {
		this.messageTimestamp = timestamp;
	}

	text(bytes: Buffer, out: LogLine[]): void {
		let start = 0;
		while (start < bytes.length) {
			if (!this.inLine) {
				this.inLine = true;
				this.lineTimestamp = this.messageTimestamp;
			}

			const newline = bytes.indexOf(0x0a, start);
			if (newline === -1) {
				this.parts.push(bytes.subarray(start));
				return;
			}

			this.parts.push(bytes.subarray(start, newline));
			this.emit(out);
			start = newline + 1;
		}
	}

	/** Emits a final line that had no newline. */
	flush(out: LogLine[]): void {
		if (this.inLine && this.parts.some(part => part.length > 0)) this.emit(out);
	}

	private emit(out: LogLine[]): void {
		let text = (this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)).toString('utf8');
		if (text.endsWith('\r')) text = text.slice(0, -1);
		const line: LogLine = {stream: this.stream, text};
		if (this.lineTimestamp !== undefined) line.timestamp = this.lineTimestamp;
		out.push(line);
		this.parts = [];
		this.inLine = false;
		this.lineTimestamp = undefined;
	}
}

/** A queue of byte chunks that concatenates only what is asked for. */
class ByteQueue {
	private chunks: Buffer[] = [];
	length = 0;

	push(chunk: Buffer): void {
		if (chunk.length === 0) return;
		this.chunks.push(chunk);
		this.length += chunk.length;
	}

	/** Removes and returns the first `count` bytes (count <= length). */
	take(count: number): Buffer {
		const head = this.peek(count);
		this.drop(count);
		return head;
	}

	peek(count: number): Buffer {
		const first = this.chunks[0]!;
		if (first.length >= count) return first.subarray(0, count);
		const merged = Buffer.concat(this.chunks);
		this.chunks = [merged];
		return merged.subarray(0, count);
	}

	takeAll(): Buffer {
		const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
		this.chunks = [];
		this.length = 0;
		return all;
	}

	private drop(count: number): void {
		let left = count;
		while (left > 0) {
			const first = this.chunks[0]!;
			if (first.length <= left) {
				this.chunks.shift();
				left -= first.length;
			} else {
				this.chunks[0] = first.subarray(left);
				left = 0;
			}
		}

		this.length -= count;
	}
}

/** Turns the raw bytes of a logs response into lines; one `push` per chunk received. */
export interface LogParser {
	push(chunk: Buffer): LogLine[];
	/** The stream ended: flush partial lines. */
	end(): LogLine[];
}

/** A parser for a TTY container's raw stream, or for a multiplexed (non-TTY) one. */
export function createLogParser(tty: boolean): LogParser {
	return tty ? new RawLogParser(new LineCollector('tty')) : new MultiplexedLogParser();
}

/**
 * Raw (TTY) stream: messages are not delimited, so a message starts at the beginning of the
 * stream, after each newline, and after every PARTIAL_MESSAGE_BYTES bytes of an unfinished line
 * (where docker's copier cut it); each starts with a timestamp, which is removed.
 */
class RawLogParser implements LogParser {
	private head: Buffer | undefined;
	private atMessageStart = true;
	private messageBytes = 0;

	constructor(private readonly collector: LineCollector) {}

	push(chunk: Buffer): LogLine[] {
		const out: LogLine[] = [];
		this.feed(chunk, out);
		return out;
	}

	end(): LogLine[] {
		const out: LogLine[] = [];
		if (this.head) {
			this.collector.message(undefined);
			this.collector.text(this.head, out);
			this.head = undefined;
		}

		this.collector.flush(out);
		return out;
	}

	feed(chunk: Buffer, out: LogLine[]): void {
		let data = chunk;
		if (this.head) {
			data = Buffer.concat([this.head, chunk]);
			this.head = undefined;
		}

		let index = 0;
		while (index < data.length) {
			if (this.atMessageStart) {
				const window = data.subarray(index, index + TIMESTAMP_WINDOW);
				const space = window.indexOf(0x20);
				const newline = window.indexOf(0x0a);
				if (space === -1 && newline === -1 && window.length < TIMESTAMP_WINDOW) {
					this.head = Buffer.from(window);
					return;
				}

				let timestamp: string | undefined;
				if (space > 0 && (newline === -1 || space < newline)) {
					const candidate = window.subarray(0, space).toString('latin1');
					if (TIMESTAMP.test(candidate)) {
						timestamp = candidate;
						index += space + 1;
					}
				}

				this.collector.message(timestamp);
				this.atMessageStart = false;
				this.messageBytes = 0;
				continue;
			}

			const limit = Math.min(data.length, index + (PARTIAL_MESSAGE_BYTES - this.messageBytes));
			const newline = data.indexOf(0x0a, index);
			if (newline !== -1 && newline < limit) {
				this.collector.text(data.subarray(index, newline + 1), out);
				index = newline + 1;
				this.atMessageStart = true;
				continue;
			}

			this.collector.text(data.subarray(index, limit), out);
			this.messageBytes += limit - index;
			index = limit;
			if (this.messageBytes >= PARTIAL_MESSAGE_BYTES) this.atMessageStart = true;
		}
	}
}

/**
 * Multiplexed (non-TTY) stream: frames of `[stream, 0, 0, 0, size(4, big-endian)]` + payload.
 * Each frame is one message and starts with its timestamp; frames do not align with lines.
 */
class MultiplexedLogParser implements LogParser {
	private readonly queue = new ByteQueue();
	private readonly stdout = new LineCollector('stdout');
	private readonly stderr = new LineCollector('stderr');
	/** Set when a header is invalid: the rest is read as a raw stream, as docker-modem does. */
	private raw: RawLogParser | undefined;

	push(chunk: Buffer): LogLine[] {
		const out: LogLine[] = [];
		if (this.raw) {
			this.raw.feed(chunk, out);
			return out;
		}

		this.queue.push(chunk);
		while (this.queue.length >= 8) {
			const header = this.queue.peek(8);
			const type = header[0]!;
			if (type > 2 || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
				this.raw = new RawLogParser(this.stdout);
				this.raw.feed(this.queue.takeAll(), out);
				return out;
			}

			const size = header.readUInt32BE(4);
			if (this.queue.length < 8 + size) break;
			const frame = this.queue.take(8 + size).subarray(8);
			const collector = type === 2 ? this.stderr : this.stdout;
			const {timestamp, body} = splitTimestamp(frame);
			collector.message(timestamp);
			collector.text(body, out);
		}

		return out;
	}

	end(): LogLine[] {
		const out: LogLine[] = this.raw ? this.raw.end() : [];
		if (!this.raw) this.stdout.flush(out);
		this.stderr.flush(out);
		return out;
	}
}

// --- events -----------------------------------------------------------------------------------

/** Splits a byte stream into text lines (UTF-8 safe across chunk boundaries). */
class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private rest = '';

	push(chunk: Buffer): string[] {
		const text = this.rest + this.decoder.write(chunk);
		const lines = text.split('\n');
		this.rest = lines.pop() ?? '';
		return lines;
	}

	end(): string[] {
		const last = this.rest + this.decoder.end();
		this.rest = '';
		return last.trim() ? [last] : [];
	}
}

interface RawEvent {
	Type?: string;
	Action?: string;
	status?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string> | null};
	time?: number;
}

/** One NDJSON event line to an EngineEvent; timeNano is read from the text to keep every digit. */
export function parseEvent(line: string): EngineEvent | undefined {
	const text = line.trim();
	if (!text) return undefined;
	let raw: RawEvent;
	try {
		raw = JSON.parse(text) as RawEvent;
	} catch {
		return undefined;
	}

	if (typeof raw !== 'object' || raw === null) return undefined;
	const nanos = [...text.matchAll(/"timeNano":\s*(\d+)/g)].at(-1)?.[1];
	const timeNano = nanos ?? (typeof raw.time === 'number' ? `${Math.trunc(raw.time)}000000000` : '0');
	return {
		type: raw.Type ?? '',
		action: raw.Action ?? raw.status ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		attributes: {...raw.Actor?.Attributes},
		timeNano,
	};
}

// --- mapping ----------------------------------------------------------------------------------

interface RawPort {
	IP?: string;
	PrivatePort?: number;
	PublicPort?: number;
	Type?: string;
}

interface RawContainer {
	Id: string;
	Names?: string[] | null;
	Image?: string;
	ImageID?: string;
	Command?: string;
	Created?: number;
	State?: string;
	Status?: string;
	Ports?: RawPort[] | null;
	Labels?: Record<string, string> | null;
}

interface RawImage {
	Id: string;
	RepoTags?: string[] | null;
	RepoDigests?: string[] | null;
	Created?: number;
	Size?: number;
	Containers?: number;
}

interface RawInspect {
	Id: string;
	Name?: string;
	Image?: string;
	Created?: string;
	Path?: string;
	Args?: string[] | null;
	RestartCount?: number;
	State?: {
		Status?: string;
		Running?: boolean;
		Paused?: boolean;
		Restarting?: boolean;
		OOMKilled?: boolean;
		Pid?: number;
		ExitCode?: number;
		Error?: string;
		StartedAt?: string;
		FinishedAt?: string;
		Health?: {Status?: string} | null;
	};
	Config?: {
		Image?: string;
		Cmd?: string[] | string | null;
		Entrypoint?: string[] | string | null;
		Env?: string[] | null;
		WorkingDir?: string;
		User?: string;
		Tty?: boolean;
		Labels?: Record<string, string> | null;
		StopSignal?: string;
		StopTimeout?: number;
	};
	HostConfig?: {RestartPolicy?: {Name?: string; MaximumRetryCount?: number}};
	Mounts?: Array<{Type?: string; Source?: string; Destination?: string; Mode?: string; RW?: boolean}> | null;
	NetworkSettings?: {
		Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		Networks?: Record<string, unknown> | null;
	};
}

interface RawHistory {
	Id?: string;
	Created?: number;
	CreatedBy?: string;
	Tags?: string[] | null;
	Size?: number;
	Comment?: string;
}

const states = new Set<ContainerState>(['running', 'paused', 'restarting', 'exited', 'created', 'dead', 'removing']);

function toState(raw: string | undefined): ContainerState {
	const state = (raw ?? '').toLowerCase();
	if (states.has(state as ContainerState)) return state as ContainerState;
	if (state === 'configured' || state === 'initialized') return 'created'; // podman
	if (state === 'stopped') return 'exited';
	return 'dead';
}

/** Health from the status text: "Up 3 minutes (healthy)", "(unhealthy)", "(health: starting)". */
export function healthFromStatus(status: string): Health | undefined {
	const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
	if (!match) return undefined;
	return match[1] === 'health: starting' ? 'starting' : (match[1] as Health);
}

/** Exit code from "Exited (137) 2 seconds ago". */
export function exitCodeFromStatus(status: string): number | undefined {
	const match = /^Exited \((-?\d+)\)/.exec(status);
	return match ? Number(match[1]) : undefined;
}

function containerName(names: string[] | null | undefined): string {
	const list = names ?? [];
	// Legacy links add names like "/other/alias"; the container's own name has one slash.
	const own = list.find(name => name.lastIndexOf('/') === 0) ?? list[0] ?? '';
	return own.replace(/^\//, '');
}

function toContainerSummary(raw: RawContainer): ContainerSummary {
	const status = raw.Status ?? '';
	const summary: ContainerSummary = {
		id: raw.Id,
		name: containerName(raw.Names),
		image: raw.Image ?? '',
		imageId: raw.ImageID ?? '',
		command: raw.Command ?? '',
		created: raw.Created ?? 0,
		state: toState(raw.State),
		status,
		ports: (raw.Ports ?? []).map(port => {
			const mapping: PortMapping = {privatePort: port.PrivatePort ?? 0, type: port.Type ?? 'tcp'};
			if (port.IP) mapping.ip = port.IP;
			if (port.PublicPort) mapping.publicPort = port.PublicPort;
			return mapping;
		}),
		labels: {...raw.Labels},
	};
	const health = healthFromStatus(status);
	if (health) summary.health = health;
	const exitCode = exitCodeFromStatus(status);
	if (exitCode !== undefined) summary.exitCode = exitCode;
	return summary;
}

/** Drops the engine's "<none>:<none>" / "<none>@<none>" placeholders. */
function realReferences(references: string[] | null | undefined): string[] {
	return (references ?? []).filter(reference => !reference.startsWith('<none>'));
}

function toImageSummary(raw: RawImage): ImageSummary {
	const summary: ImageSummary = {
		id: raw.Id,
		repoTags: realReferences(raw.RepoTags),
		repoDigests: realReferences(raw.RepoDigests),
		created: raw.Created ?? 0,
		size: raw.Size ?? 0,
	};
	if (typeof raw.Containers === 'number' && raw.Containers >= 0) summary.containers = raw.Containers;
	return summary;
}

function list(value: string[] | string | null | undefined): string[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

function toContainerDetails(raw: RawInspect): ContainerDetails {
	const state = raw.State ?? {};
	const config = raw.Config ?? {};
	const ports: PortMapping[] = [];
	for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
		const [port = '0', type = 'tcp'] = key.split('/');
		if (!bindings || bindings.length === 0) {
			ports.push({privatePort: Number(port), type});
			continue;
		}

		for (const binding of bindings) {
			const mapping: PortMapping = {privatePort: Number(port), type};
			if (binding.HostIp) mapping.ip = binding.HostIp;
			if (binding.HostPort) mapping.publicPort = Number(binding.HostPort);
			ports.push(mapping);
		}
	}

	const mounts: MountInfo[] = (raw.Mounts ?? []).map(mount => ({
		type: mount.Type ?? '',
		source: mount.Source ?? '',
		destination: mount.Destination ?? '',
		mode: mount.Mode ?? '',
		rw: mount.RW === true,
	}));

	const details: ContainerDetails = {
		id: raw.Id,
		name: (raw.Name ?? '').replace(/^\//, ''),
		image: config.Image ?? '',
		imageId: raw.Image ?? '',
		created: raw.Created ?? '',
		path: raw.Path ?? '',
		args: raw.Args ?? [],
		cmd: list(config.Cmd),
		entrypoint: list(config.Entrypoint),
		env: config.Env ?? [],
		workingDir: config.WorkingDir ?? '',
		user: config.User ?? '',
		tty: config.Tty === true,
		state: toState(state.Status),
		running: state.Running === true,
		paused: state.Paused === true,
		restarting: state.Restarting === true,
		pid: state.Pid ?? 0,
		exitCode: state.ExitCode ?? 0,
		oomKilled: state.OOMKilled === true,
		error: state.Error ?? '',
		startedAt: state.StartedAt ?? '',
		finishedAt: state.FinishedAt ?? '',
		restartPolicy: {
			name: raw.HostConfig?.RestartPolicy?.Name ?? '',
			maximumRetryCount: raw.HostConfig?.RestartPolicy?.MaximumRetryCount ?? 0,
		},
		restartCount: raw.RestartCount ?? 0,
		ports,
		mounts,
		labels: {...config.Labels},
		networks: Object.keys(raw.NetworkSettings?.Networks ?? {}),
	};
	const health = state.Health?.Status;
	if (health === 'healthy' || health === 'unhealthy' || health === 'starting') details.health = health;
	if (config.StopSignal) details.stopSignal = config.StopSignal;
	if (typeof config.StopTimeout === 'number') details.stopTimeout = config.StopTimeout;
	return details;
}

function toHistoryEntry(raw: RawHistory): ImageHistoryEntry {
	return {
		id: raw.Id ?? '<missing>',
		created: raw.Created ?? 0,
		createdBy: raw.CreatedBy ?? '',
		size: raw.Size ?? 0,
		tags: realReferences(raw.Tags),
		comment: raw.Comment ?? '',
	};
}
