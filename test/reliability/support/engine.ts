/**
 * Engine-side helpers for the reliability tests: berth's real engine for an address, and the
 * engine's HTTP API spoken directly (for what the docker CLI cannot send, such as control bytes
 * in labels), without going through berth's adapter.
 */
import http from 'node:http';
import {tmpdir} from 'node:os';
import {createDockerEngine} from '../../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../../source/engine/transport/endpoint.js';
import type {Engine} from '../../../source/engine/types.js';

export const fixtureImage = 'berth-test/busybox:latest';

/** berth's Engine for `host` (unix://…), resolved as `--host` would be. */
export function engineFor(host: string): Engine {
	return createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
}

export interface ApiResponse {
	status: number;
	body: string;
	json(): unknown;
}

/** One request to the engine's API on a unix socket (unversioned paths: the engine's own version). */
export function api(host: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
	const socketPath = host.replace(/^unix:\/\//, '');
	const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				socketPath,
				method,
				path,
				headers: payload ? {'content-type': 'application/json', 'content-length': payload.length} : {},
				timeout: 120_000,
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({status: response.statusCode ?? 0, body: text, json: () => JSON.parse(text) as unknown});
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
		if (payload) request.write(payload);
		request.end();
	});
}

/** Creates (and optionally starts) a container through the API; returns its id. */
export async function createContainer(
	host: string,
	name: string,
	config: Record<string, unknown>,
	options: {start?: boolean} = {},
): Promise<string> {
	const created = await api(host, 'POST', `/containers/create?name=${encodeURIComponent(name)}`, {Image: fixtureImage, ...config});
	if (created.status !== 201) throw new Error(`create ${name}: HTTP ${created.status} ${created.body}`);
	const id = (created.json() as {Id: string}).Id;
	if (options.start !== false) {
		const started = await api(host, 'POST', `/containers/${id}/start`);
		if (started.status !== 204 && started.status !== 304) throw new Error(`start ${name}: HTTP ${started.status} ${started.body}`);
	}
	return id;
}

/** The numbers N of the lines "seq-N" visible in a frame, in screen order. */
export function seqNumbers(frame: string, prefix = 'seq-'): number[] {
	const pattern = new RegExp(`${prefix}(\\d+)\\b`, 'g');
	return [...frame.matchAll(pattern)].map(m => Number(m[1]));
}
