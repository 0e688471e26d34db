/**
 * Requests the ApiClient has no shape for: a streamed answer to a POST (pull, push, build, wait),
 * a streamed request body (build context, archive upload) and registry headers. They go through
 * the same modem (dockerode's transport, so the same connection, API version and agent); every
 * failure leaves as an EngineError, and JSON-lines answers are read to their end or until the
 * signal aborts.
 */
import type {IncomingMessage} from 'node:http';
import type {ApiClient} from './api-client.js';
import {toEngineError} from './errors.js';
import {LineSplitter} from '../io/line-splitter.js';
import {EngineError} from '../types.js';

/** Query values; an array repeats the key (`t=a&t=b`), an object is sent as JSON. */
export type Query = Record<string, string | number | boolean | string[] | Record<string, unknown> | undefined>;

export interface StreamRequest {
	method: 'GET' | 'POST' | 'PUT' | 'HEAD';
	/** Path without the query. */
	path: string;
	query?: Query;
	headers?: Record<string, string>;
	/** A tar stream sent as the request body. */
	file?: NodeJS.ReadableStream;
	signal?: AbortSignal;
}

/** Sends the request; resolves with the response once its status and headers are in (2xx only). */
export async function openRequest(client: ApiClient, request: StreamRequest): Promise<IncomingMessage> {
	if (request.signal?.aborted) throw cancelled();
	try {
		return await client.modem.request<IncomingMessage>({
			path: `${request.path}?`,
			method: request.method,
			options: {_query: definedOnly(request.query ?? {}), _body: {}},
			...(request.headers && {headers: {...request.headers}}),
			...(request.file && {file: request.file}),
			abortSignal: request.signal,
			isStream: true,
			statusCodes: {200: true, 201: true, 204: true},
		});
	} catch (error) {
		if (request.signal?.aborted) throw cancelled(error);
		throw toEngineError(error, client.endpoint);
	}
}

/**
 * Reads a JSON-lines answer to its end, calling `onMessage` for each object (lines that are not
 * JSON are skipped). A throw from `onMessage` ends the read and rejects with it. An abort closes
 * the connection (the engine then stops the work) and rejects with 'aborted'; a connection that
 * drops first rejects with 'interrupted', never resolves as if the answer were complete.
 */
export async function readJsonLines(
	client: ApiClient,
	response: IncomingMessage,
	onMessage: (message: Record<string, unknown>) => void,
	signal?: AbortSignal,
): Promise<void> {
	const splitter = new LineSplitter();
	const deliver = (lines: string[]) => {
		for (const line of lines) {
			const text = line.trim();
			if (!text) continue;
			let message: unknown;
			try {
				message = JSON.parse(text);
			} catch {
				continue;
			}

			if (typeof message === 'object' && message !== null && !Array.isArray(message)) onMessage(message as Record<string, unknown>);
		}
	};

	const abort = signal ?? new AbortController().signal;
	await client.consume(response, abort, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
	if (signal?.aborted) throw cancelled();
}

/** Reads a whole (small) answer as text. */
export async function readText(client: ApiClient, response: IncomingMessage, signal?: AbortSignal): Promise<string> {
	const chunks: Buffer[] = [];
	await client.consume(response, signal ?? new AbortController().signal, chunk => chunks.push(chunk), () => {});
	if (signal?.aborted) throw cancelled();
	return Buffer.concat(chunks).toString('utf8');
}

/** The engine's error inside a JSON stream (`{"error": …, "errorDetail": {"message": …}}`), if this message is one. */
export function streamError(message: Record<string, unknown>): string | undefined {
	const detail = message.errorDetail;
	if (typeof detail === 'object' && detail !== null) {
		const text = (detail as {message?: unknown}).message;
		if (typeof text === 'string' && text) return text;
	}

	return typeof message.error === 'string' && message.error ? message.error : undefined;
}

export function cancelled(cause?: unknown): EngineError {
	return new EngineError('aborted', 'Cancelled', {cause});
}

function definedOnly(query: Query): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
	return out;
}
