/**
 * berth's modem: what dockerode's classes (Container, Image, Volume, Network, Exec, Service,
 * Task, Node and the Docker object) send every request through (`new Docker({modem})`, client.ts).
 * It has docker-modem's `dial(options, callback)` and adds what berth needs of every call:
 *
 * - API version negotiation: the first request waits for GET /version, which sets the version
 *   every later path carries (api-version.ts); an answer that is not Docker's fails as such
 *   (version-errors.ts).
 * - A policy per kind of request, decided from the request itself:
 *   - a read (GET or HEAD, not streamed): bounded by the read timeout and retried once when a
 *     kept-alive connection turns out to be dead (nothing happened on the engine);
 *   - an action (any other method, not streamed): never retried (it might have happened),
 *     bounded by the action timeout plus the stop grace period the query carries (`t`); a short
 *     action (exec create, resize) by the read timeout;
 *   - a stream (logs, events, stats, pull, push, build, archives): only the caller's signal ends it;
 *   - a hijack (exec start, attach): the upgrade is bounded by the read timeout, the socket after
 *     it by nothing. An attach goes out with an empty body, as the docker CLI sends it: podman
 *     passes body bytes to the container's stdin (a "{}" would be typed into its shell).
 * - The caller's AbortSignal (dockerode's `abortSignal` option) ends any of them.
 * - Every failure leaves as an EngineError (errors.ts).
 * - ssh: reads go over the connection for short requests, everything else over the one for
 *   long-held ones (transport.ts).
 */
import type Modem from 'docker-modem';
import {negotiateApiVersion} from './api-version.js';
import {toEngineError} from './errors.js';
import type {Transport} from './transport.js';
import {checkVersionAnswer, versionFailure} from './version-errors.js';
import {EngineError} from '../engine-error.js';

/** Tunables, mostly for tests. */
export interface DockerEngineOptions {
	/** Time to establish a tcp/TLS/ssh connection. Default 5 s. */
	connectTimeoutMs?: number;
	/** Upper bound for list, inspect, info and history calls. Default 15 s. */
	readTimeoutMs?: number;
	/** Upper bound for lifecycle actions, on top of a stop/restart grace period. Default 10 min. */
	actionTimeoutMs?: number;
}

export interface VersionResponse {
	Version?: string;
	ApiVersion?: string;
	MinAPIVersion?: string;
	Os?: string;
	Arch?: string;
}

/** What dockerode hands to `modem.dial` (docker-modem's DialOptions, as far as berth reads it). */
export interface DialOptions {
	path: string;
	method: string;
	options?: Record<string, unknown>;
	statusCodes?: Record<number, boolean | string>;
	abortSignal?: AbortSignal;
	isStream?: boolean;
	hijack?: boolean;
	openStdin?: boolean;
	file?: unknown;
	allowEmpty?: boolean;
	headers?: Record<string, string>;
	authconfig?: unknown;
	registryconfig?: unknown;
}

type Callback = (error: unknown, data?: unknown) => void;

/** Actions answered at once (bounded by the read timeout): exec create, resize of an exec or a TTY. */
const SHORT_ACTIONS = [/^\/containers\/[^/?]+\/exec$/, /\/resize\?/];

export class BerthModem {
	/** Set by dockerode's Docker constructor; its classes build their promises with it. */
	Promise: PromiseConstructor = Promise;
	readonly endpoint: string;
	readonly connectTimeoutMs: number;
	readonly readTimeoutMs: number;
	readonly actionTimeoutMs: number;
	private negotiation: Promise<void> | undefined;

	constructor(private readonly transport: Transport, endpoint: string, options: DockerEngineOptions) {
		this.endpoint = endpoint;
		this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
		this.readTimeoutMs = options.readTimeoutMs ?? 15_000;
		this.actionTimeoutMs = options.actionTimeoutMs ?? 600_000;
	}

	/** docker-modem's dial, with berth's policies (see the top of this file). */
	dial(options: DialOptions, callback?: Callback): void {
		this.request(options).then(data => callback?.(null, data), (error: unknown) => callback?.(error));
	}

	/** docker-modem's demultiplexer (dockerode's attach helpers call it). */
	demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void {
		this.transport.modem.demuxStream(stream, stdout, stderr);
	}

	/** docker-modem's JSON-progress follower (dockerode's pull helpers call it). */
	followProgress(...args: Parameters<Modem['followProgress']>): void {
		this.transport.modem.followProgress(...args);
	}

	/** Promise form of dial, for calls dockerode has no method for. */
	async request<T = unknown>(options: DialOptions): Promise<T> {
		await this.negotiate();
		const signal = options.abortSignal;
		if (options.hijack) return this.hijack<T>(options);
		if (options.isStream) return this.stream<T>(options);
		const method = options.method.toUpperCase();
		if (method === 'GET' || method === 'HEAD') return this.read<T>(options);
		const short = SHORT_ACTIONS.some(pattern => pattern.test(options.path));
		return short ? this.bounded<T>(options, this.readTimeoutMs, signal) : this.act<T>(options);
	}

	/** GET /version (negotiating the API version if that has not happened yet). */
	async version(): Promise<VersionResponse> {
		const version = await this.fetchVersion();
		this.negotiation ??= Promise.resolve();
		return version;
	}

	/** The negotiated API version ("1.41"), once negotiated. */
	apiVersion(): string | undefined {
		return (this.transport.modem as unknown as {version?: string}).version?.replace(/^v/, '');
	}

	/** Drops kept-alive connections (for ssh, ends berth's ssh master). Calls after this fail. */
	async close(): Promise<void> {
		await this.transport.close();
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

	/** GET /version, unversioned until negotiation has happened; sets the API version once. */
	private async fetchVersion(): Promise<VersionResponse> {
		let version: VersionResponse;
		for (let attempt = 0; ; attempt++) {
			try {
				version = await this.raw<VersionResponse>({method: 'GET', path: '/version', statusCodes: {200: true}, abortSignal: AbortSignal.timeout(this.readTimeoutMs)}, false);
				break;
			} catch (error) {
				const failure = versionFailure(error, this.endpoint);
				// A kept-alive connection that turned out to be dead: once more on a new one (as reads do),
				// so a daemon that went away says why (no socket, permission denied) rather than "closed".
				if (failure.code === 'interrupted' && attempt === 0) continue;
				throw failure;
			}
		}

		const notDocker = checkVersionAnswer(version, this.endpoint);
		if (notDocker) throw notDocker;
		const modems = [this.transport.modem, this.transport.longModem] as unknown as Array<{version?: string}>;
		if (modems[0]!.version === undefined) {
			const chosen = negotiateApiVersion(version.ApiVersion, version.MinAPIVersion);
			if (chosen) for (const modem of modems) modem.version = `v${chosen}`;
		}

		return version;
	}

	/** A bounded read, retried once when a kept-alive connection turned out to be dead. */
	private async read<T>(options: DialOptions): Promise<T> {
		const signal = options.abortSignal;
		for (let attempt = 0; ; attempt++) {
			try {
				return await this.bounded<T>(options, this.readTimeoutMs, signal);
			} catch (error) {
				if (error instanceof EngineError && error.code === 'interrupted' && attempt === 0 && !signal?.aborted) continue;
				throw error;
			}
		}
	}

	/** One attempt, bounded by `ms` and the caller's signal. */
	private async bounded<T>(options: DialOptions, ms: number, signal: AbortSignal | undefined): Promise<T> {
		const timeout = AbortSignal.timeout(ms);
		try {
			return await this.raw<T>({...options, abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout}, false);
		} catch (error) {
			throw toEngineError(error, this.endpoint);
		}
	}

	/** An action: no retry, a generous bound (plus the grace period a stop or restart asks for). */
	private async act<T>(options: DialOptions): Promise<T> {
		const query = (options.options?.['_query'] ?? options.options) as Record<string, unknown> | undefined;
		const grace = typeof query?.['t'] === 'number' ? query['t'] : 10;
		const limit = this.actionTimeoutMs + Math.max(0, grace) * 1000;
		const timeout = AbortSignal.timeout(limit);
		const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, timeout]) : timeout;
		try {
			return await this.raw<T>({...options, abortSignal: signal}, true);
		} catch (error) {
			if (timeout.aborted) {
				throw new EngineError('interrupted', `No answer from the engine after ${Math.round(limit / 1000)} s; the action may or may not have happened`, {cause: error});
			}

			throw toEngineError(error, this.endpoint);
		}
	}

	/** A streamed answer: read by the caller until it ends or the caller's signal aborts. */
	private async stream<T>(options: DialOptions): Promise<T> {
		if (options.abortSignal?.aborted) throw new EngineError('aborted', 'Cancelled');
		try {
			return await this.raw<T>(options, true);
		} catch (error) {
			if (options.abortSignal?.aborted) throw new EngineError('aborted', 'Cancelled', {cause: error});
			throw toEngineError(error, this.endpoint);
		}
	}

	/** A connection the engine takes over (HTTP 101): resolves with the raw socket once upgraded. */
	private async hijack<T>(options: DialOptions): Promise<T> {
		const controller = new AbortController();
		const timer = setTimeout(() => {
			controller.abort(Object.assign(new Error('The engine did not answer in time'), {name: 'TimeoutError'}));
		}, this.readTimeoutMs);
		const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, controller.signal]) : controller.signal;
		// An attach carries no body (see the top of this file); exec start's JSON body keeps the request open.
		const attach = /\/attach(\?|$)/.test(options.path);
		const body = attach ? {file: Buffer.alloc(0), openStdin: false} : {openStdin: true, allowEmpty: true};
		try {
			const socket = await this.raw<T>({...options, ...body, abortSignal: signal}, true);
			if (!isDuplex(socket)) throw new EngineError('unknown', 'The engine did not hand over the connection');
			return socket;
		} catch (error) {
			throw toEngineError(error, this.endpoint);
		} finally {
			clearTimeout(timer);
		}
	}

	/**
	 * One request through docker-modem, on a copy of the options (docker-modem rewrites the path
	 * and drops keys from them, and a read may be sent twice).
	 */
	private async raw<T>(options: DialOptions, long: boolean): Promise<T> {
		const modem = long ? this.transport.longModem : this.transport.modem;
		const copy = {...options, ...(options.options && {options: {...options.options}})};
		return new Promise<T>((resolve, reject) => {
			modem.dial(copy as unknown as Modem.DialOptions, (error, data) => {
				if (error) reject(error);
				else resolve(data as T);
			});
		});
	}
}

function isDuplex(value: unknown): boolean {
	const stream = value as {write?: unknown; on?: unknown; destroy?: unknown} | undefined;
	return typeof stream === 'object' && stream !== null && typeof stream.write === 'function' && typeof stream.on === 'function' && typeof stream.destroy === 'function';
}
