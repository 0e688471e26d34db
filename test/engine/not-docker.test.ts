/**
 * Endpoints that answer, but not as a Docker engine: berth says what answered, as an unreachable
 * error the unreachable screen shows, instead of "Loading…" forever. TLS to a plain port is in
 * connection.test.ts (it needs the tcp proxy to the real engine there).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import type net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError} from '../../source/engine/types.js';
import {startEngineFeed} from '../../source/state/engine-feed.js';
import {fakeEngine} from './support/raw-engine.js';

let scratch: string;

beforeAll(() => {
	scratch = mkdtempSync(path.join(tmpdir(), 'berth-notdocker-'));
});

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

function engineFor(address: string) {
	return createDockerEngine(resolveEndpoint({host: address, env: {}, homedir: scratch}));
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

describe('an endpoint that is not a Docker engine: unreachable, saying what answered', () => {
	async function answered(handle: (request: string, socket: net.Socket) => void): Promise<EngineError> {
		const fake = await fakeEngine(scratch, handle);
		try {
			const error = await failure(engineFor(fake.address).system.info());
			expect(error.code).toBe('unreachable');
			expect(error.reason).toBeUndefined();
			return error;
		} finally {
			await fake.close();
		}
	}

	it('an HTTP server answering 404', async () => {
		const error = await answered((_request, socket) => {
			socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found');
		});
		expect(error.message).toMatch(/^unix:\/\/\S+ answered HTTP 404 \("not found"\) to GET \/version: it does not look like a Docker engine — is this the right address and port\?$/);
	});

	it('an HTTP server answering 200 with a web page', async () => {
		const error = await answered((_request, socket) => {
			socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>');
		});
		expect(error.message).toContain('answered GET /version, but not with a Docker engine\'s version ("<html></html>"): it does not look like a Docker engine');
	});

	it('a port that does not speak HTTP (an ssh server)', async () => {
		const error = await answered((_request, socket) => {
			socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n');
		});
		expect(error.message).toContain('answered with something that is not HTTP ("SSH-2.0-OpenSSH_9.2p1 Debian-2"): it does not look like a Docker engine — that is an ssh server: use ssh://user@host');
	});

	it('plain HTTP to a TLS port (the answer Go servers, dockerd among them, give)', async () => {
		const error = await answered((_request, socket) => {
			socket.end('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
		});
		expect(error.message).toContain('expects TLS (it answered "Client sent an HTTP request to an HTTPS server"): it does not look like a Docker engine — set DOCKER_TLS_VERIFY=1');
	});

	it('a Docker engine refusing /version keeps its own words', async () => {
		const error = await answered((_request, socket) => {
			const body = JSON.stringify({message: 'page not found'});
			socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
		});
		expect(error.message).toMatch(/^The Docker engine at unix:\/\/\S+ refused GET \/version: page not found$/);
	});

	it('the feed reports it as the engine down (the unreachable screen shows the message) instead of "Loading…" forever', async () => {
		const fake = await fakeEngine(scratch, (_request, socket) => {
			socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
		});
		const feed = startEngineFeed(engineFor(fake.address));
		try {
			await feed.ready;
			const [first] = feed.take();
			expect(first?.type).toBe('conn-down');
			const error = (first as {error: EngineError}).error;
			expect(error.code).toBe('unreachable');
			expect(error.message).toContain('answered HTTP 404 to GET /version: it does not look like a Docker engine');
		} finally {
			feed.stop();
			await fake.close();
		}
	});
});

