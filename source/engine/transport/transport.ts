/**
 * The docker-modem instances (dockerode's transport) for a resolved endpoint: unix sockets directly; tcp (optionally TLS)
 * through agents with a connect timeout; ssh through SshDialAgent (two: short requests and long-held connections).
 */
import {readFileSync} from 'node:fs';
import {inspect} from 'node:util';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type {Duplex} from 'node:stream';
import Modem from 'docker-modem';
import type {ResolvedEndpoint} from './endpoint.js';
import {describeUnreachable} from './errors.js';
import {SocketWatchAgent} from './socket-watch.js';
import {SshDialAgent} from './ssh-agent.js';
import {SshConnector} from './ssh-connector.js';
import {EngineError} from '../types.js';

/** How an ApiClient reaches its engine. */
export interface Transport {
	/** For short requests. */
	modem: Modem;
	/** For what holds a connection for long (streams, exec, attach, actions): `modem` itself except for ssh. */
	longModem: Modem;
	/** The ssh side, for ssh endpoints. */
	ssh?: SshConnector;
	/** Drops kept-alive connections and, for ssh, ends berth's ssh master. */
	close(): Promise<void>;
}

/** The modems for an endpoint. Nothing connects until the first request. */
export function createTransport(endpoint: ResolvedEndpoint, connectTimeoutMs: number): Transport {
	if (endpoint.url.startsWith('ssh://')) {
		// Decoded and checked once, by endpoint.ts.
		const target = endpoint.ssh;
		if (!target) throw new EngineError('unreachable', `Unsupported Docker endpoint ${endpoint.url}`, {reason: 'other'});
		const ssh = new SshConnector(target, {connectTimeoutMs});
		const short = new SshDialAgent(ssh, 'short');
		const long = new SshDialAgent(ssh, 'long');
		const modemFor = (agent: SshDialAgent) => buildModem({protocol: 'http', host: 'docker', port: 2375, agent, timeout: undefined});
		return {
			modem: modemFor(short),
			longModem: modemFor(long),
			ssh,
			async close() {
				short.destroy();
				long.destroy();
				await ssh.close();
			},
		};
	}

	const options = connectionOptions(endpoint, connectTimeoutMs);
	const modem = buildModem(options);
	return {
		modem,
		longModem: modem,
		async close() {
			(options['agent'] as http.Agent | undefined)?.destroy();
		},
	};
}

/**
 * docker-modem reads DOCKER_HOST, DOCKER_CERT_PATH and friends in its constructor, and they can
 * win over explicit options (a DOCKER_HOST host beats our socketPath; a missing cert file
 * throws). The endpoint is already resolved, so build the modem with DOCKER_HOST hidden: with it
 * unset docker-modem reads nothing else.
 */
function buildModem(options: Record<string, unknown>): Modem {
	quietInspect(options['agent']);
	const saved = process.env.DOCKER_HOST;
	delete process.env.DOCKER_HOST;
	try {
		return new Modem(options as Modem.ConstructorOptions);
	} finally {
		if (saved !== undefined) process.env.DOCKER_HOST = saved;
	}
}

/**
 * docker-modem runs `util.inspect(requestOptions, {showHidden: true, depth: null})` for a debug
 * line on every request, even with debugging off. The options hold the http agent, whose
 * sockets and queues make that walk cost milliseconds per request (measured: most of berth's
 * CPU time during container churn). An agent that inspects as one word makes it free.
 */
function quietInspect(agent: unknown): void {
	if (agent && typeof agent === 'object') {
		Object.defineProperty(agent, inspect.custom, {value: () => '[agent]', enumerable: false});
	}
}

function connectionOptions(endpoint: ResolvedEndpoint, connectTimeoutMs: number): Record<string, unknown> {
	const url = endpoint.url;
	if (url.startsWith('unix://')) {
		// Kept-alive connections, dropped when the socket file goes away (socket-watch.ts).
		const socketPath = url.slice('unix://'.length);
		return {socketPath, agent: new SocketWatchAgent(socketPath), timeout: undefined};
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
