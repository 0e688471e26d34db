/**
 * The engine's client: dockerode's Docker object on berth's modem (berth-modem.ts), through which
 * every request goes with berth's policies (negotiation, timeouts, the one retry of a read,
 * unretried actions, abort signals, EngineErrors). `docker` is the way to the API; `modem` sends
 * the few requests dockerode has no working call for (README, Stack notes); `consume` reads a
 * streamed answer to its end.
 */
import type {IncomingMessage} from 'node:http';
import Docker from 'dockerode';
import type Dockerode from 'dockerode';
import {BerthModem, type DockerEngineOptions, type VersionResponse} from './berth-modem.js';
import type {ResolvedEndpoint} from './endpoint.js';
import {toEngineError} from './errors.js';
import {createTransport} from './transport.js';

export type {DockerEngineOptions} from './berth-modem.js';

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
}



/** Encodes an id or image reference for a URL path, keeping the characters references use. */
export function pathPart(value: string): string {
	return encodeURIComponent(value).replaceAll('%2F', '/').replaceAll('%3A', ':').replaceAll('%40', '@');
}
