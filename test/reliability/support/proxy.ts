/**
 * A tiny HTTP proxy on a unix socket in front of a real engine, for faults a healthy engine
 * does not show by itself: every response (head and each body chunk) delayed, responses held
 * until released, an older engine's API version, and a record of every request with how many
 * were in flight at once.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';

export interface ProxiedRequest {
	method: string;
	/** Path and query as berth sent them, e.g. /v1.41/containers/json?all=1. */
	url: string;
	/** The path without the /vX.Y prefix and the query. */
	route: string;
	/** A follow stream (events, logs with follow, stats stream): open until berth closes it. */
	stream: boolean;
	arrived: number;
	/** When the response head went to berth. */
	answered?: number;
	/** When the exchange ended (finished or closed by either side). */
	ended?: number;
	status?: number;
}

export interface ProxyOptions {
	/** Delay of every response head and of every body chunk (ms). */
	delayMs?: number;
	/** Pretend to be an engine that speaks at most this API version (and at least `minApi`). */
	maxApi?: string;
	minApi?: string;
}

export interface EngineProxy {
	/** `unix://…/proxy.sock` for berth's --host. */
	readonly host: string;
	readonly socketPath: string;
	/** Its directory (mode 0700 until a test opens it up). */
	readonly dir: string;
	readonly requests: ProxiedRequest[];
	delayMs: number;
	/** Requests whose exchange has not ended. */
	open(): ProxiedRequest[];
	/**
	 * Highest number of non-stream requests open at once: overall, per route class (ids replaced
	 * by ":id") and for one identical request (same method and URL twice at once is a pile-up).
	 */
	peak(): {all: number; byRoute: Map<string, number>; same: number; sameRequest?: string};
	/** Resets the peaks (not the log). */
	resetPeaks(): void;
	/** Holds the response of every request matching `match` until the returned function is called. */
	hold(match: (request: ProxiedRequest) => boolean): () => void;
	/** Requests that engine-changing calls made (POST, PUT, DELETE). */
	changes(): ProxiedRequest[];
	/** Closes every connection berth has open (as a daemon going away would); the socket stays. */
	dropConnections(): void;
	close(): Promise<void>;
}

function compare(a: string, b: string): number {
	const [am = 0, an = 0] = a.split('.').map(Number);
	const [bm = 0, bn = 0] = b.split('.').map(Number);
	return am === bm ? an - bn : am - bm;
}

/** A route with container and image ids replaced by ":id", e.g. /containers/:id/json. */
export function routeClass(route: string): string {
	return route.replace(/^\/(containers|images)\/(?!json$|create$|prune$)[^/]+/, '/$1/:id');
}

function isStream(method: string, url: string): boolean {
	if (method !== 'GET') return false;
	const [route = '', query = ''] = url.replace(/^\/v\d+\.\d+/, '').split('?');
	const params = new URLSearchParams(query);
	if (route === '/events') return true;
	if (/^\/containers\/[^/]+\/logs$/.test(route)) return ['1', 'true'].includes(params.get('follow') ?? '');
	if (/^\/containers\/[^/]+\/stats$/.test(route)) return !['0', 'false'].includes(params.get('stream') ?? 'true');
	return false;
}

/** Starts a proxy to the engine listening on `upstreamSocket`. */
export async function startEngineProxy(upstreamSocket: string, options: ProxyOptions = {}): Promise<EngineProxy> {
	const dir = mkdtempSync('/tmp/bp-');
	const socketPath = path.join(dir, 'proxy.sock');
	const requests: ProxiedRequest[] = [];
	const holds: Array<{match: (r: ProxiedRequest) => boolean; waiters: Array<() => void>; released: boolean}> = [];
	let peakAll = 0;
	let peakSame = 0;
	let peakSameRequest: string | undefined;
	const peakByRoute = new Map<string, number>();
	const sockets = new Set<net.Socket>();

	const openNonStream = () => requests.filter(r => r.ended === undefined && !r.stream);
	const notePeaks = () => {
		const open = openNonStream();
		peakAll = Math.max(peakAll, open.length);
		const counts = new Map<string, number>();
		const same = new Map<string, number>();
		for (const r of open) {
			const cls = routeClass(r.route);
			counts.set(cls, (counts.get(cls) ?? 0) + 1);
			const key = `${r.method} ${r.url}`;
			same.set(key, (same.get(key) ?? 0) + 1);
		}
		for (const [route, n] of counts) peakByRoute.set(route, Math.max(peakByRoute.get(route) ?? 0, n));
		for (const [key, n] of same) {
			if (n > peakSame) {
				peakSame = n;
				peakSameRequest = key;
			}
		}
	};

	const proxy: EngineProxy = {
		host: `unix://${socketPath}`,
		socketPath,
		dir,
		requests,
		delayMs: options.delayMs ?? 0,
		open: () => requests.filter(r => r.ended === undefined),
		peak: () => ({all: peakAll, byRoute: new Map(peakByRoute), same: peakSame, sameRequest: peakSameRequest}),
		resetPeaks() {
			peakAll = 0;
			peakSame = 0;
			peakSameRequest = undefined;
			peakByRoute.clear();
			notePeaks();
		},
		hold(match) {
			const entry = {match, waiters: [] as Array<() => void>, released: false};
			holds.push(entry);
			return () => {
				entry.released = true;
				holds.splice(holds.indexOf(entry), 1);
				for (const wake of entry.waiters) wake();
			};
		},
		changes: () => requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD'),
		dropConnections() {
			for (const socket of sockets) socket.destroy();
		},
		async close() {
			for (const entry of [...holds]) {
				entry.released = true;
				for (const wake of entry.waiters) wake();
			}
			holds.length = 0;
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => {
				server.close(() => resolve());
			});
			rmSync(dir, {recursive: true, force: true});
		},
	};

	const waitForRelease = (record: ProxiedRequest) =>
		Promise.all(
			holds
				.filter(h => !h.released && h.match(record))
				.map(h => new Promise<void>(resolve => h.waiters.push(resolve))),
		);

	const server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		const method = req.method ?? 'GET';
		const version = /^\/v(\d+\.\d+)\//.exec(url)?.[1];
		const record: ProxiedRequest = {
			method,
			url,
			route: url.replace(/^\/v\d+\.\d+/, '').split('?')[0] ?? '',
			stream: isStream(method, url),
			arrived: Date.now(),
		};
		requests.push(record);
		notePeaks();
		let done = false;
		const end = () => {
			if (done) return;
			done = true;
			record.ended = Date.now();
		};
		res.on('close', end);
		res.on('finish', end);

		const delay = proxy.delayMs;
		const due = record.arrived + delay;
		const later = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, Math.max(0, ms)));

		if (options.maxApi && version && compare(version, options.maxApi) > 0) {
			const body = JSON.stringify({message: `client version ${version} is too new. Maximum supported API version is ${options.maxApi}`});
			void later(due - Date.now()).then(() => {
				record.answered = Date.now();
				record.status = 400;
				res.writeHead(400, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)});
				res.end(body);
			});
			req.resume();
			return;
		}

		const upstream = http.request(
			{socketPath: upstreamSocket, method, path: url, headers: req.headers, agent: false},
			async upRes => {
				await later(due - Date.now());
				await waitForRelease(record);
				if (res.destroyed) {
					upRes.destroy();
					return;
				}
				const headers = {...upRes.headers};
				const rewrite = options.maxApi && /\/(version|_ping)$/.test(record.route);
				if (rewrite) {
					headers['api-version'] = options.maxApi;
					delete headers['content-length'];
				}
				record.answered = Date.now();
				record.status = upRes.statusCode;
				res.writeHead(upRes.statusCode ?? 502, headers);
				if (rewrite && record.route.endsWith('/version')) {
					const chunks: Buffer[] = [];
					upRes.on('data', (c: Buffer) => chunks.push(c));
					upRes.on('end', () => {
						const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
						body['ApiVersion'] = options.maxApi;
						body['MinAPIVersion'] = options.minApi ?? '1.12';
						res.end(JSON.stringify(body));
					});
					return;
				}
				// Each body chunk is delayed too, in order.
				let chain = Promise.resolve();
				upRes.on('data', (chunk: Buffer) => {
					const at = Date.now() + proxy.delayMs;
					chain = chain.then(async () => {
						await later(at - Date.now());
						if (!res.destroyed) res.write(chunk);
					});
				});
				upRes.on('end', () => {
					chain = chain.then(() => {
						res.end();
					});
				});
				upRes.on('error', () => res.destroy());
				upRes.on('aborted', () => res.destroy());
			},
		);
		upstream.on('error', () => {
			// The engine went away or refused: drop berth's connection as the engine would.
			res.destroy();
		});
		res.on('close', () => {
			if (!res.writableFinished) upstream.destroy();
		});
		req.pipe(upstream);
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(socketPath, resolve);
	});
	return proxy;
}
