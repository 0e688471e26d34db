/**
 * Pull, push, tag and credentials against the real engine and two private registries (Debian's
 * docker-registry on 127.0.0.1): one open, one with htpasswd auth.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type TransferProgress} from '../../source/engine/types.js';
import {makeCredentialHelper, type CredentialHelperStub} from '../support/credential-helper.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName} from '../support/names.js';
import {freePort, layerDigests, pushWithCli, startRegistry, startRegistryProxy, type TestRegistry} from '../support/registry.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const fixture = 'berth-test/busybox:latest';
const engineFor = () => createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));

let open: TestRegistry;
let locked: TestRegistry;
/** An image with a layer of its own (so a pull downloads something), pushed to both registries and removed here. */
let openRef: string;
let lockedRef: string;
let emptyConfig: string;
const savedEnv = {DOCKER_CONFIG: process.env.DOCKER_CONFIG, PATH: process.env.PATH};

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (failure: unknown) => failure);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

function collect(): {events: TransferProgress[]; onProgress: (progress: TransferProgress) => void} {
	const events: TransferProgress[] = [];
	return {events, onProgress: progress => events.push(progress)};
}

beforeAll(async () => {
	[open, locked] = await Promise.all([startRegistry(), startRegistry({auth: true})]);
	// berth looks credentials up like the CLI: give it a config with none.
	emptyConfig = mkdtempSync(path.join(tmpdir(), 'berth-emptycfg-'));
	writeFileSync(path.join(emptyConfig, 'config.json'), '{}');
	process.env.DOCKER_CONFIG = emptyConfig;

	const maker = uniqueName('layer-maker');
	await dockerCli(host, ['run', '--name', maker, fixture, 'sh', '-c', 'head -c 400000 /dev/urandom > /blob']);
	const own = uniqueName('own-layer');
	await dockerCli(host, ['commit', maker, `${own}:v1`]);
	await dockerCli(host, ['rm', maker]);
	openRef = `${open.address}/berth/${own}:v1`;
	lockedRef = `${locked.address}/berth/${own}:v1`;
	await pushWithCli(host, open, `${own}:v1`, openRef);
	await pushWithCli(host, locked, `${own}:v1`, lockedRef);
	await dockerCli(host, ['rmi', openRef, lockedRef, `${own}:v1`]);
}, 180_000);

afterAll(async () => {
	process.env.DOCKER_CONFIG = savedEnv.DOCKER_CONFIG;
	if (savedEnv.DOCKER_CONFIG === undefined) delete process.env.DOCKER_CONFIG;
	rmSync(emptyConfig, {recursive: true, force: true});
	await Promise.all([open?.stop(), locked?.stop()]);
});

afterEach(async () => {
	process.env.PATH = savedEnv.PATH;
	await resources.cleanup();
});

describe('pull', () => {
	it('pulls with per-layer progress: the new layer downloads, the base layer already exists', async () => {
		const engine = engineFor();
		resources.image(openRef);
		const {events, onProgress} = collect();
		const result = await engine.images.pull(openRef, {}, onProgress);
		expect(result).toMatchObject({ref: openRef, upToDate: false, digest: expect.stringMatching(/^sha256:[\da-f]{64}$/)});
		const phases = new Set(events.flatMap(event => event.layers.map(layer => layer.phase)));
		expect(phases).toContain('waiting');
		expect(phases).toContain('done');
		expect(phases).toContain('exists');
		const last = events.at(-1)!;
		expect(last.layers).toHaveLength(2);
		expect(last.finished).toBe(2);
		expect(last.total).toBeGreaterThan(0);
		expect(last.current).toBe(last.total);
		expect(last.status).toBe(`Status: Downloaded newer image for ${openRef}`);
		expect(await engine.images.exists(openRef)).toBe(true);

		const again = await engine.images.pull(openRef, {}, () => {});
		expect(again).toMatchObject({upToDate: true, digest: result.digest});
	});

	it('rejects a missing repository or tag with the registry\'s message (not-found)', async () => {
		const engine = engineFor();
		const missing = await rejection(engine.images.pull(`${open.address}/berth/${uniqueName('nope')}:v1`, {}, () => {}));
		expect(missing.code).toBe('not-found');
		expect(missing.message).toMatch(/manifest unknown/);
		const tag = await rejection(engine.images.pull(openRef.replace(/:v1$/, ':no-such-tag'), {}, () => {}));
		expect(tag.code).toBe('not-found');
		expect(tag.message).toContain('no-such-tag');
	});

	it('rejects a registry that is not there with the engine\'s message', async () => {
		const error = await rejection(engineFor().images.pull(`127.0.0.1:${await freePort()}/berth/x:v1`, {}, () => {}));
		expect(error.code).toBe('server');
		expect(error.message).toContain('connection refused');
	});

	it('says unauthorized without credentials and with wrong ones', async () => {
		const engine = engineFor();
		const none = await rejection(engine.images.pull(lockedRef, {}, () => {}));
		expect(none.code).toBe('unauthorized');
		expect(none.message).toContain('no basic auth credentials');
		const wrong = await rejection(engine.images.pull(lockedRef, {auth: {serverAddress: locked.address, username: locked.auth!.username, password: 'wrong'}}, () => {}));
		expect(wrong.code).toBe('unauthorized');
		expect(wrong.message).toContain('unauthorized');
		expect(await engine.images.exists(lockedRef)).toBe(false);
	});

	it('pulls with credentials given, or typed in this session after a check with the registry', async () => {
		const engine = engineFor();
		resources.image(lockedRef);
		await engine.images.pull(lockedRef, {auth: {serverAddress: locked.address, ...locked.auth!}}, () => {});
		await dockerCli(host, ['rmi', lockedRef]);

		const refused = await rejection(engine.registry.login({serverAddress: locked.address, username: locked.auth!.username, password: 'wrong'}));
		expect(refused.code).toBe('unauthorized');
		expect(await engine.registry.find(lockedRef)).toBeUndefined();
		await engine.registry.login({serverAddress: locked.address, ...locked.auth!});
		expect(await engine.registry.find(lockedRef)).toEqual({registry: locked.address, source: 'session', username: locked.auth!.username});
		expect((await engine.images.pull(lockedRef, {}, () => {})).upToDate).toBe(false);
		engine.registry.forget(locked.address);
		expect(await engine.registry.find(lockedRef)).toBeUndefined();
	});

	it('finds credentials through the config\'s credsStore helper, as the CLI does', async () => {
		const helper: CredentialHelperStub = makeCredentialHelper('berthtest', {[locked.address]: {username: locked.auth!.username, secret: locked.auth!.password}});
		const config = mkdtempSync(path.join(tmpdir(), 'berth-helpercfg-'));
		writeFileSync(path.join(config, 'config.json'), JSON.stringify({credsStore: 'berthtest'}));
		process.env.DOCKER_CONFIG = config;
		process.env.PATH = helper.path;
		try {
			const engine = engineFor();
			resources.image(lockedRef);
			expect(await engine.registry.find(lockedRef)).toEqual({registry: locked.address, source: 'helper', helper: 'berthtest', username: locked.auth!.username});
			await engine.images.pull(lockedRef, {}, () => {});
			expect(await engine.images.exists(lockedRef)).toBe(true);
			expect(helper.asked()).toEqual([locked.address, locked.address]);
		} finally {
			process.env.DOCKER_CONFIG = emptyConfig;
			helper.remove();
			rmSync(config, {recursive: true, force: true});
		}
	});

	it('an error the engine reports inside the stream, after progress began, rejects with the registry\'s message', async () => {
		const repository = openRef.slice(open.address.length + 1, openRef.lastIndexOf(':'));
		const layers = await layerDigests(open, repository, 'v1');
		const refused = new Set(layers.map(digest => `/v2/${repository}/blobs/${digest}`));
		const proxy = await startRegistryProxy(open, (method, url) => method === 'GET' && refused.has(url));
		try {
			const ref = `${proxy.address}/${repository}:v1`;
			const {events, onProgress} = collect();
			const error = await rejection(engineFor().images.pull(ref, {}, onProgress));
			expect(error.message).toContain('blob access refused by the test proxy');
			// It came inside the 200 answer, after progress: no HTTP status of its own.
			expect(error.statusCode).toBeUndefined();
			expect(events.length).toBeGreaterThan(0);
			expect(await engineFor().images.exists(ref)).toBe(false);
		} finally {
			await proxy.stop();
		}
	});

	it('an abort stops the pull and rejects as aborted', async () => {
		const engine = engineFor();
		const controller = new AbortController();
		controller.abort();
		expect((await rejection(engine.images.pull(openRef, {}, () => {}, controller.signal))).code).toBe('aborted');
	});
});

describe('tag and push', () => {
	it('tags, pushes with progress, and pulls the same digest back', async () => {
		const engine = engineFor();
		const repo = `${open.address}/berth/${uniqueName('roundtrip')}`;
		resources.image(`${repo}:v2`);
		await engine.images.tag(fixture, repo, 'v2');
		expect((await engine.images.inspect(`${repo}:v2`)).id).toBe((await engine.images.inspect(fixture)).id);

		const {events, onProgress} = collect();
		const pushed = await engine.images.push(`${repo}:v2`, {}, onProgress);
		expect(pushed).toMatchObject({ref: `${repo}:v2`, tag: 'v2', digest: expect.stringMatching(/^sha256:/), size: expect.any(Number)});
		expect(events.at(0)?.status).toBe(`The push refers to repository [${repo}]`);
		const phases = new Set(events.flatMap(event => event.layers.map(layer => layer.phase)));
		expect(phases).toContain('preparing');
		expect([...phases].some(phase => phase === 'done' || phase === 'exists')).toBe(true);

		await dockerCli(host, ['rmi', `${repo}:v2`]);
		const pulled = await engine.images.pull(`${repo}:v2`, {}, () => {});
		expect(pulled.digest).toBe(pushed.digest);
	});

	it('a refused push rejects with the registry\'s message from inside the stream (unauthorized)', async () => {
		const engine = engineFor();
		const repo = `${locked.address}/berth/${uniqueName('push-locked')}`;
		resources.image(`${repo}:v1`);
		await engine.images.tag(fixture, repo, 'v1');
		const none = await rejection(engine.images.push(`${repo}:v1`, {}, () => {}));
		expect(none.code).toBe('unauthorized');
		expect(none.message).toBe('no basic auth credentials');
		const wrong = await rejection(engine.images.push(`${repo}:v1`, {auth: {serverAddress: locked.address, username: 'berth-user', password: 'nope'}}, () => {}));
		expect(wrong).toMatchObject({code: 'unauthorized', message: 'unauthorized: authentication required'});
		expect((await engine.images.push(`${repo}:v1`, {auth: {serverAddress: locked.address, ...locked.auth!}}, () => {})).digest).toMatch(/^sha256:/);
	});

	it('pushing or tagging an image that is not there is not-found', async () => {
		const engine = engineFor();
		const missing = `${open.address}/berth/${uniqueName('absent')}:v1`;
		expect((await rejection(engine.images.push(missing, {}, () => {}))).code).toBe('not-found');
		expect((await rejection(engine.images.tag(missing, 'x', 'y'))).code).toBe('not-found');
		expect(await engine.images.exists(missing)).toBe(false);
	});
});
