/**
 * A private image registry for tests: Debian's docker-registry (the distribution registry) on
 * 127.0.0.1 on a free port, storage in its own temp directory, optionally with htpasswd basic
 * auth (bcrypt by bcryptjs). dockerd treats 127.0.0.0/8 registries as insecure (plain HTTP) by
 * default, so nothing else is configured. Also: pushing an image there with the docker CLI.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import {dockerCli} from './dockerd.js';

const REGISTRY = '/usr/bin/docker-registry';

export interface TestRegistry {
	/** host:port, e.g. "127.0.0.1:41234". */
	address: string;
	/** The one user of an auth registry. */
	auth?: {username: string; password: string};
	stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function answers(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const request = http.get({host: '127.0.0.1', port, path: '/v2/', timeout: 2000}, response => {
			response.resume();
			resolve(response.statusCode === 200 || response.statusCode === 401);
		});
		request.on('error', () => resolve(false));
		request.on('timeout', () => {
			request.destroy();
			resolve(false);
		});
	});
}

export async function startRegistry(options: {auth?: boolean} = {}): Promise<TestRegistry> {
	const dir = mkdtempSync(path.join(tmpdir(), 'berth-registry-'));
	const port = await freePort();
	const auth = options.auth ? {username: 'berth-user', password: `pw-${Math.random().toString(36).slice(2)}`} : undefined;
	const lines = [
		'version: 0.1',
		'log:',
		'  level: warn',
		'storage:',
		'  filesystem:',
		`    rootdirectory: ${path.join(dir, 'data')}`,
		'  delete:',
		'    enabled: true',
		'http:',
		`  addr: 127.0.0.1:${port}`,
		'  secret: berth-test-secret',
	];
	if (auth) {
		writeFileSync(path.join(dir, 'htpasswd'), `${auth.username}:${bcrypt.hashSync(auth.password, 4)}\n`);
		lines.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${path.join(dir, 'htpasswd')}`);
	}

	const config = path.join(dir, 'config.yml');
	writeFileSync(config, `${lines.join('\n')}\n`);
	const logFile = path.join(dir, 'registry.log');
	const log = openSync(logFile, 'a');
	let child: ChildProcess;
	try {
		child = spawn(REGISTRY, ['serve', config], {stdio: ['ignore', log, log]});
	} finally {
		closeSync(log);
	}

	let exited = false;
	const exit = new Promise<void>(resolve => {
		child.once('exit', () => {
			exited = true;
			resolve();
		});
		child.once('error', () => {
			exited = true;
			resolve();
		});
	});
	const stop = async () => {
		if (!exited) {
			child.kill('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exit, new Promise(resolve => {
				timer = setTimeout(resolve, 5000);
			})]);
			clearTimeout(timer);
			if (!exited) child.kill('SIGKILL');
		}

		rmSync(dir, {recursive: true, force: true});
	};

	const deadline = Date.now() + 30_000;
	while (!(await answers(port))) {
		if (exited || Date.now() > deadline) {
			const why = exited ? 'exited' : 'did not answer in time';
			const text = (() => {
				try {
					return readFileSync(logFile, 'utf8').slice(-2000);
				} catch {
					return '(no log)';
				}
			})();
			await stop();
			throw new Error(`docker-registry on 127.0.0.1:${port} ${why} (is docker-registry installed? test/setup-and-test.sh installs it). Log:\n${text}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}

	return {address: `127.0.0.1:${port}`, ...(auth && {auth}), stop};
}

/** A docker config directory holding `auths` for the registry (what `docker login` would write). */
export function dockerConfigFor(registry: TestRegistry): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'berth-dockercfg-'));
	const auths = registry.auth ? {[registry.address]: {auth: Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString('base64')}} : {};
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({auths}));
	return dir;
}

/** Tags `image` as `ref` (in `registry`) and pushes it with the docker CLI, logged in when the registry wants it. */
export async function pushWithCli(host: string, registry: TestRegistry, image: string, ref: string): Promise<void> {
	await dockerCli(host, ['tag', image, ref]);
	const config = dockerConfigFor(registry);
	try {
		await dockerCli(host, ['--config', config, 'push', ref], {timeoutMs: 120_000});
	} finally {
		rmSync(config, {recursive: true, force: true});
	}
}

export interface RegistryProxy {
	address: string;
	stop(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of `target` that answers the requests `refuse` picks with
 * the distribution API's DENIED error (which the engine does not retry) and forwards the rest.
 */
export async function startRegistryProxy(target: TestRegistry, refuse: (method: string, url: string) => boolean): Promise<RegistryProxy> {
	const [targetHost, targetPort] = target.address.split(':');
	const server = http.createServer((request, response) => {
		if (refuse(request.method ?? 'GET', request.url ?? '')) {
			response.writeHead(403, {'Content-Type': 'application/json'});
			response.end(JSON.stringify({errors: [{code: 'DENIED', message: 'blob access refused by the test proxy'}]}));
			request.resume();
			return;
		}

		const upstream = http.request({host: targetHost, port: Number(targetPort), method: request.method, path: request.url, headers: request.headers}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		upstream.on('error', () => response.destroy());
		request.pipe(upstream);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	return {
		address: `127.0.0.1:${port}`,
		stop: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

/** The digests of an image's layers in the registry (manifest v2). */
export async function layerDigests(registry: TestRegistry, repository: string, tag: string): Promise<string[]> {
	const [registryHost, registryPort] = registry.address.split(':');
	const text = await new Promise<string>((resolve, reject) => {
		const headers: Record<string, string> = {Accept: 'application/vnd.docker.distribution.manifest.v2+json'};
		if (registry.auth) headers.Authorization = `Basic ${Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString('base64')}`;
		http.get({host: registryHost, port: Number(registryPort), path: `/v2/${repository}/manifests/${tag}`, headers}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => resolve(body));
		}).on('error', reject);
	});
	return ((JSON.parse(text) as {layers?: Array<{digest: string}>}).layers ?? []).map(layer => layer.digest);
}
