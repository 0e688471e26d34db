/**
 * The HTTP plumbing between berth and an engine, on dockerode's modem: API version negotiation,
 * bounded reads (retried once when a kept-alive connection was dead), unretried actions,
 * streaming responses read until they end or an AbortSignal fires, and hijacked (upgraded)
 * connections for exec and attach. Every failure leaves here as an EngineError.
 */
import type {IncomingMessage} from 'node:http';
import type {Duplex} from 'node:stream';
import type Modem from 'docker-modem';
import {negotiateApiVersion} from './api-version.js';
import type {ResolvedEndpoint} from './endpoint.js';
import {toEngineError} from './errors.js';
import {createTransport, type Transport} from './transport.js';
import {checkVersionAnswer, versionFailure} from './version-errors.js';
import {EngineError} from '../types.js';

/** Tunables, mostly for tests. */
export interface DockerEngineOptions {
	/** Time to establish a tcp/TLS/ssh connection. Default 5 s. */
	connectTimeoutMs?: number;
	/** Upper bound for list, inspect, info and history calls. Default 15 s. */
	readTimeoutMs?: number;
	/** Upper bound for lifecycle actions, on top of a stop/restart grace period. Default 10 min. */
	actionTimeoutMs?: number;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface Call {
	method: 'GET' | 'POST' | 'DELETE';
	path: string;
	query?: Query;
	/** JSON request body (POST). */
	body?: Record<string, unknown>;
	/** Status codes that count as success besides 200/201/204 (e.g. 304 for start/stop). */
	alsoOk?: number[];
	signal?: AbortSignal;
	stream?: boolean;
}

export interface VersionResponse {
	Version?: string;
	ApiVersion?: string;
	MinAPIVersion?: string;
	Os?: string;
	Arch?: string;
}

export class ApiClient {
	readonly endpoint: string;
	readonly connectTimeoutMs: number;
	readonly readTimeoutMs: number;
	readonly actionTimeoutMs: number;
	private readonly modem: Modem;
	/** For what holds a connection for long; `modem` itself except for ssh (transport.ts). */
	private readonly longModem: Modem;
	private readonly transport: Transport;
	private negotiation: Promise<void> | undefined;

	constructor(resolved: ResolvedEndpoint, options: DockerEngineOptions) {
		this.endpoint = resolved.description;
		this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
		this.readTimeoutMs = options.readTimeoutMs ?? 15_000;
		this.actionTimeoutMs = options.actionTimeoutMs ?? 600_000;
		this.transport = createTransport(resolved, this.connectTimeoutMs);
		this.modem = this.transport.modem;
		this.longModem = this.transport.longModem;
	}

	/** Drops kept-alive connections (for ssh, ends berth's ssh master). Calls after this fail. */
	async close(): Promise<void> {
		await this.transport.close();
	}

	/** ssh processes started so far, by kind (ssh endpoints only). */
	sshStarts(): Readonly<Record<string, number>> | undefined {
		return this.transport.ssh?.started;
	}

	/** GET /version; negotiates the API version if that has not happened yet. */
	async version(): Promise<VersionResponse> {
		const version = await this.fetchVersion();
		this.negotiation ??= Promise.resolve();
		return version;
	}

	/** The negotiated API version ("1.41"), once negotiated. */
	apiVersion(): string | undefined {
		const version = (this.modem as unknown as {version?: string}).version;
		return version?.replace(/^v/, '');
	}

	/** GET /version, unversioned until negotiation has happened; sets the API version once. */
	private async fetchVersion(): Promise<VersionResponse> {
		let version: VersionResponse;
		for (let attempt = 0; ; attempt++) {
			try {
				version = await this.dial<VersionResponse>({method: 'GET', path: '/version', signal: AbortSignal.timeout(this.readTimeoutMs)});
				break;
			} catch (error) {
				const failure = versionFailure(error, this.endpoint);
				// A kept-alive connection that turned out to be dead: once more on a new one (as read does),
				// so a daemon that went away says why (no socket, permission denied) rather than "closed".
				if (failure.code === 'interrupted' && attempt === 0) continue;
				throw failure;
			}
		}
		const notDocker = checkVersionAnswer(version, this.endpoint);
		if (notDocker) throw notDocker;

		const modem = this.modem as unknown as {version?: string};
		if (modem.version === undefined) {
			const chosen = negotiateApiVersion(version.ApiVersion, version.MinAPIVersion);
			if (chosen) {
				modem.version = `v${chosen}`;
				(this.longModem as unknown as {version?: string}).version = `v${chosen}`;
			}
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
	async read<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
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
	async act<T = unknown>(call: Call, graceSeconds?: number): Promise<T> {
		await this.negotiate();
		const limit = this.actionTimeoutMs + Math.max(0, graceSeconds ?? 10) * 1000;
		const timeout = AbortSignal.timeout(limit);
		try {
			return await this.dial<T>({...call, signal: timeout}, false, true);
		} catch (error) {
			if (timeout.aborted) {
				throw new EngineError('interrupted', `No answer from the engine after ${Math.round(limit / 1000)} s; the action may or may not have happened`, {cause: error});
			}

			throw toEngineError(error, this.endpoint);
		}
	}

	/** A short action (exec create, resize): no retry, bounded by the read timeout. */
	async send<T = unknown>(call: Omit<Call, 'signal' | 'stream'>): Promise<T> {
		await this.negotiate();
		try {
			return await this.dial<T>({...call, signal: AbortSignal.timeout(this.readTimeoutMs)});
		} catch (error) {
			throw toEngineError(error, this.endpoint);
		}
	}

	/**
	 * The modem, once the API version is negotiated, for the lifecycle modules (source/engine/lifecycle)
	 * that stream request bodies, send registry headers or read streamed POST answers.
	 */
	async modemReady(): Promise<Modem> {
		await this.negotiate();
		return this.longModem;
	}

	/** Opens a streaming GET; undefined when `signal` aborted first. */
	async openStream(path: string, query: Query, signal: AbortSignal): Promise<IncomingMessage | undefined> {
		await this.negotiate();
		if (signal.aborted) return undefined;
		try {
			return await this.dial<IncomingMessage>({method: 'GET', path, query, signal, stream: true}, false, true);
		} catch (error) {
			if (signal.aborted) return undefined;
			throw toEngineError(error, this.endpoint);
		}
	}

	/** Reads a response to its end, or until `signal` aborts (which destroys it). */
	async consume(response: IncomingMessage, signal: AbortSignal, onChunk: (chunk: Buffer) => void, onEnd: () => void): Promise<void> {
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

	/**
	 * A POST whose connection the engine takes over (HTTP 101): exec start and attach. Resolves
	 * with the raw socket once upgraded; the request itself is bounded by the read timeout, the
	 * socket that follows by nothing.
	 */
	async hijack(call: Omit<Call, 'method' | 'signal' | 'stream'>): Promise<Duplex> {
		await this.negotiate();
		const controller = new AbortController();
		const timer = setTimeout(() => {
			controller.abort(Object.assign(new Error('The engine did not answer in time'), {name: 'TimeoutError'}));
		}, this.readTimeoutMs);
		try {
			const socket = await this.dial<unknown>({...call, method: 'POST', signal: controller.signal}, true, true);
			if (!isDuplex(socket)) throw new EngineError('unknown', 'The engine did not hand over the connection');
			return socket;
		} catch (error) {
			throw toEngineError(error, this.endpoint);
		} finally {
			clearTimeout(timer);
		}
	}

	/**
	 * One request through the modem. `hijack` asks for an upgraded connection. One with a JSON
	 * body (exec start) keeps the request open (docker-modem's `openStdin`), so that nothing but
	 * the caller's bytes reach the process's stdin: Node sends a request's headers only with its
	 * first body bytes, and the body goes out in the same write; the engine reads it as the call's
	 * parameters. One without (attach) is sent with an empty body (Content-Length: 0), as the docker
	 * CLI sends it: podman passes whatever body bytes come after the headers to the container's
	 * stdin (a "{}" would be typed into its shell), where dockerd drops them.
	 */
	private async dial<T>(call: Call, hijack = false, long = false): Promise<T> {
		const statusCodes: Record<number, boolean> = {200: true, 201: true, 204: true};
		for (const code of call.alsoOk ?? []) statusCodes[code] = true;
		return new Promise<T>((resolve, reject) => {
			(long ? this.longModem : this.modem).dial({
				path: `${call.path}?`,
				method: call.method,
				options: {_query: definedOnly(call.query ?? {}), _body: call.body ?? {}},
				statusCodes,
				abortSignal: call.signal,
				isStream: call.stream === true,
				// docker-modem drops an empty "{}" body unless allowEmpty: a body given is always sent.
				...(call.body !== undefined && {allowEmpty: true}),
				...(hijack && (call.body === undefined ? {hijack: true, file: Buffer.alloc(0)} : {hijack: true, openStdin: true, allowEmpty: true})),
			}, (error, data) => {
				if (error) reject(error);
				else resolve(data as T);
			});
		});
	}
}

function isDuplex(value: unknown): value is Duplex {
	const stream = value as Partial<Duplex> | undefined;
	return typeof stream === 'object' && stream !== null && typeof stream.write === 'function' && typeof stream.on === 'function' && typeof stream.destroy === 'function';
}

function definedOnly(query: Query): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
	return out;
}

/** Encodes an id or image reference for a URL path, keeping the characters references use. */
export function pathPart(value: string): string {
	return encodeURIComponent(value).replaceAll('%2F', '/').replaceAll('%3A', ':').replaceAll('%40', '@');
}
