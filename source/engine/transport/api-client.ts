/**
 * The engine's client: dockerode's Docker object on berth's modem (berth-modem.ts), through which
 * every request goes with berth's policies (negotiation, timeouts, the one retry of a read,
 * unretried actions, abort signals, EngineErrors). `docker` is the way to the API; the few
 * request helpers below are for what the lifecycle and stream readers send themselves.
 */
import type {IncomingMessage} from 'node:http';
import Docker from 'dockerode';
import type Dockerode from 'dockerode';
import {BerthModem, type DialOptions, type DockerEngineOptions, type VersionResponse} from './berth-modem.js';
import type {ResolvedEndpoint} from './endpoint.js';
import {toEngineError} from './errors.js';
import {createTransport} from './transport.js';

export type {DockerEngineOptions} from './berth-modem.js';

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

export class ApiClient {
	readonly endpoint: string;
	readonly connectTimeoutMs: number;
	readonly readTimeoutMs: number;
	readonly actionTimeoutMs: number;
	/** dockerode's Docker object on berth's modem: the way berth talks to the API. */
	readonly docker: Dockerode;
	/** Every request goes through it, dockerode's and the few of berth's own (berth-modem.ts). */
	readonly modem: BerthModem;

	constructor(resolved: ResolvedEndpoint, options: DockerEngineOptions) {
		this.endpoint = resolved.description;
		this.modem = new BerthModem(createTransport(resolved, options.connectTimeoutMs ?? 5000), resolved.description, options);
		this.connectTimeoutMs = this.modem.connectTimeoutMs;
		this.readTimeoutMs = this.modem.readTimeoutMs;
		this.actionTimeoutMs = this.modem.actionTimeoutMs;
		this.docker = new Docker({modem: this.modem} as Dockerode.DockerOptions);
	}

	/** Drops kept-alive connections (for ssh, ends berth's ssh master). Calls after this fail. */
	async close(): Promise<void> {
		await this.modem.close();
	}

	/** GET /version; negotiates the API version if that has not happened yet. */
	async version(): Promise<VersionResponse> {
		return this.modem.version();
	}

	/** The negotiated API version ("1.41"), once negotiated. */
	apiVersion(): string | undefined {
		return this.modem.apiVersion();
	}

	/** A lifecycle action: no retry, a generous bound (plus the grace period of a query's `t`). */
	async act<T = unknown>(call: Call): Promise<T> {
		return this.modem.request<T>(this.dialOf(call));
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

	private dialOf(call: Call): DialOptions {
		return {
			path: `${call.path}?`,
			method: call.method,
			options: {_query: definedOnly(call.query ?? {}), _body: call.body ?? {}},
			statusCodes: codes(call.alsoOk),
			abortSignal: call.signal,
			isStream: call.stream === true,
			// docker-modem drops an empty "{}" body unless allowEmpty: a body given is always sent.
			...(call.body !== undefined && {allowEmpty: true}),
		};
	}
}

function codes(alsoOk: number[] = []): Record<number, boolean> {
	const statusCodes: Record<number, boolean> = {200: true, 201: true, 204: true};
	for (const code of alsoOk) statusCodes[code] = true;
	return statusCodes;
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
