/**
 * Transports and failures: unreachable sockets, a stuck engine, connections that drop, tcp and
 * TLS through local proxies to the real engine, and ssh through a stand-in `ssh` on PATH that
 * runs `docker system dial-stdio` locally.
 */
import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {DockerEngineOptions} from '../../source/engine/transport/api-client.js';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type LogLine} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {fakeEngine, json, version} from './support/raw-engine.js';

const host = inject('dockerHost');
const socketPath = host.slice('unix://'.length);
const resources = trackResources(host);
let scratch: string;

function engineFor(address: string, env: Record<string, string> = {}, options: DockerEngineOptions = {}) {
	return createDockerEngine(resolveEndpoint({host: address, env, homedir: scratch}), options);
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}


beforeAll(() => {
	scratch = mkdtempSync(path.join(tmpdir(), 'berth-conn-'));
});

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

afterEach(async () => {
	await resources.cleanup();
});

describe('unreachable engines', () => {
	it('a socket path that does not exist: no-socket, naming the path', async () => {
		const missing = path.join(scratch, 'nothing-here.sock');
		const error = await failure(engineFor(`unix://${missing}`).containers.list());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('no-socket');
		expect(error.message).toContain(missing);
	});

	it('a socket file nobody listens on: refused', async () => {
		const stale = path.join(scratch, 'stale.sock');
		// A process that listens and is then killed leaves its socket file behind.
		const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stale)}, () => console.log('up'))`], {stdio: ['ignore', 'pipe', 'inherit']});
		await new Promise<void>(resolve => {
			child.stdout.once('data', () => resolve());
		});
		child.kill('SIGKILL');
		await new Promise(resolve => {
			child.once('exit', resolve);
		});
		expect(existsSync(stale)).toBe(true);

		const error = await failure(engineFor(`unix://${stale}`).system.info());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('refused');
	});

	it('an engine that never answers: unreachable/timeout within the read timeout', async () => {
		const fake = await fakeEngine(scratch, () => undefined);
		try {
			const error = await failure(engineFor(fake.address, {}, {readTimeoutMs: 300}).containers.list());
			expect(error.code).toBe('unreachable');
			expect(error.reason).toBe('timeout');
		} finally {
			await fake.close();
		}
	});

	it('a tcp address that cannot be reached fails in bounded time', async () => {
		// TEST-NET-1: either unroutable at once or silent until the connect timeout.
		const error = await failure(engineFor('tcp://192.0.2.1:2375', {}, {connectTimeoutMs: 500}).containers.list());
		expect(error.code).toBe('unreachable');
		expect(['timeout', 'other', 'refused']).toContain(error.reason);
	});
});

describe('process environment', () => {
	it('talks to the resolved endpoint even when DOCKER_HOST and DOCKER_CERT_PATH say otherwise', async () => {
		const saved = {host: process.env.DOCKER_HOST, certs: process.env.DOCKER_CERT_PATH};
		process.env.DOCKER_HOST = 'tcp://192.0.2.1:2376';
		process.env.DOCKER_CERT_PATH = path.join(scratch, 'no-such-dir');
		try {
			const engine = engineFor(host);
			expect((await engine.system.info()).os).toBe('linux');
			expect(process.env.DOCKER_HOST).toBe('tcp://192.0.2.1:2376');
		} finally {
			for (const [key, value] of [['DOCKER_HOST', saved.host], ['DOCKER_CERT_PATH', saved.certs]] as const) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		}
	});
});

describe('connections that drop', () => {
	it('an action whose connection drops is interrupted (outcome unknown); a read is retried once', async () => {
		const fake = await fakeEngine(scratch, (request, socket) => {
			if (request.includes('/version')) json(socket, version);
			else socket.destroy();
		});
		try {
			const engine = engineFor(fake.address);
			const action = await failure(engine.containers.stop('abc'));
			expect(action.code).toBe('interrupted');
			expect(fake.requests.filter(line => line.startsWith('POST /v1.41/containers/abc/stop'))).toHaveLength(1);

			const read = await failure(engine.containers.list());
			expect(read.code).toBe('interrupted');
			expect(fake.requests.filter(line => line.startsWith('GET /v1.41/containers/json'))).toHaveLength(2);
		} finally {
			await fake.close();
		}
	});

	it('the socket file disappears while connections are open (a daemon stopping): they are dropped, the events stream ends, the next call says no socket', async () => {
		const fake = await fakeEngine(scratch, (request, socket) => {
			if (request.includes('/events')) socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
			else json(socket, version);
		});
		try {
			const engine = engineFor(fake.address);
			await engine.system.info();
			await engine.system.info();
			const events = engine.events.stream({}, () => undefined, new AbortController().signal);
			await waitFor(() => fake.requests.some(line => line.includes('/events')), 'the events request');
			// The server keeps listening and answering on its open connections, as a stopping dockerd does.
			rmSync(fake.address.slice('unix://'.length));
			const ended = await failure(events);
			expect(ended.code).toBe('interrupted');
			const error = await failure(engine.system.info());
			expect(error).toMatchObject({code: 'unreachable', reason: 'no-socket'});
			expect(fake.requests.filter(line => line.includes('/version'))).toHaveLength(2);
		} finally {
			await fake.close();
		}
	});

	it('a log stream that breaks rejects with an EngineError after delivering what came', async () => {
		const fake = await fakeEngine(scratch, (request, socket) => {
			if (request.includes('/version')) json(socket, version);
			else if (request.includes('/json')) json(socket, {Id: 'abc', Config: {Tty: true}});
			else {
				const line = '2026-11-23T10:40:20.754140706Z hello\r\n';
				socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n${line.length.toString(16)}\r\n${line}\r\n`);
				setTimeout(() => socket.destroy(), 100);
			}
		});
		try {
			const lines: LogLine[] = [];
			const error = await failure(engineFor(fake.address).containers.logs('abc', {tail: 'all', follow: true}, batch => lines.push(...batch), new AbortController().signal));
			expect(error.code).toBe('interrupted');
			expect(lines).toEqual([{stream: 'tty', text: 'hello', timestamp: '2026-11-23T10:40:20.754140706Z'}]);
		} finally {
			await fake.close();
		}
	});
});

describe('aborting and breaking streams', () => {
	it('aborting a follow stream closes its connection', async () => {
		let streamSocket: net.Socket | undefined;
		const fake = await fakeEngine(scratch, (request, socket) => {
			if (request.includes('/version')) json(socket, version);
			else if (request.includes('/json')) json(socket, {Id: 'abc', Config: {Tty: true}});
			else {
				streamSocket = socket;
				socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n');
			}
		});
		try {
			const controller = new AbortController();
			const done = engineFor(fake.address).containers.logs('abc', {tail: 'all', follow: true}, () => undefined, controller.signal);
			const socket = await waitFor(() => streamSocket, 'the logs request');
			const closed = new Promise(resolve => {
				socket.once('close', resolve);
			});
			controller.abort();
			await expect(done).resolves.toBeUndefined();
			await closed;
		} finally {
			await fake.close();
		}
	});

	it('an events stream that breaks rejects with interrupted', async () => {
		const fake = await fakeEngine(scratch, (request, socket) => {
			if (request.includes('/version')) {
				json(socket, version);
				return;
			}

			const event = '{"Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{"name":"web"}},"time":1795430002,"timeNano":1795430002000000001}\n';
			socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(event).toString(16)}\r\n${event}\r\n`);
			setTimeout(() => socket.destroy(), 100);
		});
		try {
			const events: unknown[] = [];
			const error = await failure(engineFor(fake.address).events.stream({}, event => events.push(event), new AbortController().signal));
			expect(error.code).toBe('interrupted');
			expect(events).toEqual([{type: 'container', action: 'start', id: 'abc', attributes: {name: 'web'}, timeNano: '1795430002000000001'}]);
		} finally {
			await fake.close();
		}
	});
});

describe('tcp and TLS', () => {
	let tcpServer: net.Server;
	let tlsServer: tls.Server;
	let certs: string;

	const open = new Set<net.Socket>();

	function proxyTo(socket: net.Socket) {
		const upstream = net.connect(socketPath);
		for (const end of [socket, upstream]) {
			open.add(end);
			end.on('close', () => open.delete(end));
		}

		socket.pipe(upstream).pipe(socket);
		socket.on('error', () => upstream.destroy());
		upstream.on('error', () => socket.destroy());
	}

	function listen(server: net.Server): Promise<number> {
		return new Promise(resolve => {
			server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
		});
	}

	beforeAll(() => {
		certs = path.join(scratch, 'certs');
		const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: scratch, stdio: 'ignore'});
		execFileSync('mkdir', ['-p', certs]);
		openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'certs/ca.pem', '-days', '1', '-subj', '/CN=berth-test-ca');
		for (const [name, extension] of [['server', 'subjectAltName=IP:127.0.0.1'], ['client', 'extendedKeyUsage=clientAuth']] as const) {
			writeFileSync(path.join(scratch, `${name}.ext`), `${extension}\n`);
			openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
			openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'certs/ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}-cert.pem`, '-days', '1', '-extfile', `${name}.ext`);
		}

		writeFileSync(path.join(certs, 'cert.pem'), readFileSync(path.join(scratch, 'client-cert.pem')));
		writeFileSync(path.join(certs, 'key.pem'), readFileSync(path.join(scratch, 'client-key.pem')));
		tcpServer = net.createServer(proxyTo);
		tlsServer = tls.createServer({
			key: readFileSync(path.join(scratch, 'server-key.pem')),
			cert: readFileSync(path.join(scratch, 'server-cert.pem')),
			ca: readFileSync(path.join(certs, 'ca.pem')),
			requestCert: true,
			rejectUnauthorized: true,
		}, proxyTo);
		tlsServer.on('tlsClientError', () => undefined);
	});

	afterAll(async () => {
		// The engine keeps connections alive; the servers close only when they are gone.
		for (const socket of open) socket.destroy();
		await Promise.all([tcpServer, tlsServer].map(server => new Promise(resolve => {
			server.close(resolve);
		})));
	});

	it('talks plain tcp', async () => {
		const port = await listen(tcpServer);
		const engine = engineFor(`tcp://127.0.0.1:${port}`);
		expect((await engine.system.info()).apiVersion).toMatch(/^1\.\d+$/);
		expect(Array.isArray(await engine.containers.list())).toBe(true);
	});

	it('talks TLS with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (client certificate included)', async () => {
		const port = await listen(tlsServer);
		const engine = engineFor(`tcp://127.0.0.1:${port}`, {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs});
		expect((await engine.system.info()).os).toBe('linux');
	});

	it('TLS to a plain port (the real engine behind it): says it answered without TLS, not a certificate problem', async () => {
		const port = (tcpServer.address() as net.AddressInfo | null)?.port ?? await listen(tcpServer);
		const error = await failure(engineFor(`tcp://127.0.0.1:${port}`, {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}).system.info());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBeUndefined();
		expect(error.message).toBe(`tcp://127.0.0.1:${port} answered without TLS, though berth is set to use TLS (DOCKER_TLS_VERIFY, DOCKER_TLS or the context): it does not look like a Docker engine that speaks TLS — for a plain port unset those; for TLS use the engine's TLS port (usually 2376)`);
	});

	it('reports a certificate the client does not trust as a TLS problem', async () => {
		const port = (tlsServer.address() as net.AddressInfo | null)?.port ?? await listen(tlsServer);
		const noCa = path.join(scratch, 'no-ca');
		execFileSync('mkdir', ['-p', noCa]);
		for (const file of ['cert.pem', 'key.pem']) writeFileSync(path.join(noCa, file), readFileSync(path.join(certs, file)));
		const error = await failure(engineFor(`tcp://127.0.0.1:${port}`, {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: noCa}).system.info());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('tls');
	});
});

describe('ssh', () => {
	let bin: string;
	let savedPath: string | undefined;

	beforeAll(() => {
		bin = path.join(scratch, 'bin');
		execFileSync('mkdir', ['-p', bin]);
		// Stand-in for ssh: records its arguments, fails like ssh for the host "nobox", otherwise
		// runs the remote command (docker system dial-stdio) here against the test engine.
		writeFileSync(path.join(bin, 'ssh'), [
			'#!/bin/sh',
			`printf '%s\\n' "$*" >> ${JSON.stringify(path.join(scratch, 'ssh-args'))}`,
			'case "$*" in *nobox*) echo "ssh: Could not resolve hostname nobox: Name or service not known" >&2; exit 255;; esac',
			'while [ "$1" != "--" ]; do shift; done; shift; shift',
			`DOCKER_HOST=${JSON.stringify(host)} exec "$@"`,
			'',
		].join('\n'));
		chmodSync(path.join(bin, 'ssh'), 0o755);
		savedPath = process.env.PATH;
		process.env.PATH = `${bin}:${savedPath ?? ''}`;
	});

	afterAll(() => {
		process.env.PATH = savedPath;
	});

	it('lists, inspects and follows logs through `ssh … docker system dial-stdio`', async () => {
		const id = resources.container(await dockerCli(host, ['run', '-d', '--name', uniqueName('ssh'), 'berth-test/busybox:latest', 'sh', '-c', 'echo over-ssh; sleep 300']));
		const engine = engineFor('ssh://deploy@box:2222');
		expect(engine.endpoint).toBe('ssh://deploy@box:2222');
		expect((await engine.containers.list()).some(container => container.id === id)).toBe(true);
		expect((await engine.containers.inspect(id)).running).toBe(true);

		const lines: LogLine[] = [];
		const controller = new AbortController();
		const done = engine.containers.logs(id, {tail: 'all', follow: true}, batch => lines.push(...batch), controller.signal);
		await waitFor(() => lines.some(line => line.text === 'over-ssh'), 'the log line over ssh');
		controller.abort();
		await done;

		const args = readFileSync(path.join(scratch, 'ssh-args'), 'utf8');
		// Short calls one after another reuse one kept-alive session; the log stream has one of its
		// own. (This stand-in makes no ControlMaster socket, so berth dials without one:
		// test/engine/ssh.test.ts has the real sshd.)
		const dials = args.trim().split('\n').filter(line => line.endsWith('dial-stdio'));
		expect(dials).toHaveLength(2);
		expect(dials[0]).toContain('-o BatchMode=yes');
		expect(dials[0]).toContain('-l deploy -p 2222 -- box docker system dial-stdio');
	});

	it('maps ssh failures to unreachable with a reason', async () => {
		const error = await failure(engineFor('ssh://nobox').containers.list());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('dns');
		expect(error.message).toContain('nobox');
	});
});
