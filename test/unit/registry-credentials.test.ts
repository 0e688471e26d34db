/** Registry names, the docker config's credentials and helpers, the session store and X-Registry-Auth. */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {inspect} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {encodeRegistryAuth, encodeRegistryConfig, findCredentials, runCredentialHelper, SessionCredentials} from '../../source/engine/images/credentials.js';
import {EngineError} from '../../source/engine/types.js';
import {credentialKey, DOCKER_HUB_KEY, registryLabel, registryOf} from '../../source/engine/images/registry-names.js';
import {makeCredentialHelper, makeHangingHelper, type CredentialHelperStub} from '../support/credential-helper.js';

/** True once `pid` is no running process: gone, or a zombie waiting for init to reap it (checked for up to 3 s). */
async function gone(pid: number | undefined): Promise<boolean> {
	if (pid === undefined) return false;
	for (let i = 0; i < 300; i++) {
		try {
			if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z') return true;
		} catch {
			return true;
		}
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	return false;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function configDir(config: unknown): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'berth-dockerconfig-'));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
	cleanups.push(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

function helper(name: string, table: Record<string, {username: string; secret: string}>): CredentialHelperStub {
	const stub = makeCredentialHelper(name, table);
	cleanups.push(stub.remove);
	return stub;
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe('registry names', () => {
	it('finds the registry of a reference as distribution does', () => {
		expect(registryOf('busybox')).toBe('docker.io');
		expect(registryOf('library/busybox:1')).toBe('docker.io');
		expect(registryOf('team/app')).toBe('docker.io');
		expect(registryOf('127.0.0.1:5000/app:1')).toBe('127.0.0.1:5000');
		expect(registryOf('localhost/app')).toBe('localhost');
		expect(registryOf('registry.example.com/team/app@sha256:abc')).toBe('registry.example.com');
		expect(registryOf('docker.io/library/busybox')).toBe('docker.io');
		expect(registryOf('index.docker.io/library/busybox')).toBe('docker.io');
	});

	it('keys Docker Hub in any spelling as the CLI does, others as host[:port]', () => {
		for (const hub of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/']) expect(credentialKey(hub)).toBe(DOCKER_HUB_KEY);
		expect(credentialKey('http://127.0.0.1:5000')).toBe('127.0.0.1:5000');
		expect(credentialKey('https://registry.example.com/v2/')).toBe('registry.example.com');
		expect(registryLabel('docker.io')).toBe('Docker Hub');
		expect(registryLabel('127.0.0.1:5000')).toBe('127.0.0.1:5000');
	});
});

describe('X-Registry-Auth', () => {
	it('is padded base64url of the CLI\'s JSON (the engine ignores an unpadded one)', () => {
		const header = encodeRegistryAuth({serverAddress: '127.0.0.1:5000', username: 'alice', password: 'p>?~'});
		expect(header).toMatch(/^[\w-]+=*$/);
		expect(header.length % 4).toBe(0);
		expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({username: 'alice', password: 'p>?~', serveraddress: '127.0.0.1:5000'});
		expect(encodeRegistryAuth()).toBe('e30=');
		expect(JSON.parse(Buffer.from(encodeRegistryAuth({serverAddress: 'r', identityToken: 'tok'}), 'base64url').toString('utf8'))).toEqual({serveraddress: 'r', identitytoken: 'tok'});
	});

	it('X-Registry-Config maps each registry to its credentials', () => {
		const header = encodeRegistryConfig([{serverAddress: 'a:1', username: 'u', password: 'p'}]);
		expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({'a:1': {serveraddress: 'a:1', username: 'u', password: 'p'}});
	});
});

describe('findCredentials', () => {
	it('reads auths from $DOCKER_CONFIG/config.json: auth as base64 user:password, identitytoken, old keys with a scheme', async () => {
		const dir = configDir({
			auths: {
				'127.0.0.1:5000': {auth: basic('alice', 'pa:ss')},
				'https://old.example.com/v1/': {auth: basic('bob', 'x')},
				'https://index.docker.io/v1/': {identitytoken: 'hub-token'},
			},
		});
		const environment = {env: {DOCKER_CONFIG: dir}, homedir: '/nonexistent'};
		const session = new SessionCredentials();
		expect(await findCredentials('127.0.0.1:5000', session, environment)).toEqual({
			credentials: {serverAddress: '127.0.0.1:5000', username: 'alice', password: 'pa:ss'},
			info: {registry: '127.0.0.1:5000', source: 'config', username: 'alice'},
		});
		expect((await findCredentials('old.example.com', session, environment))?.credentials).toMatchObject({username: 'bob', password: 'x'});
		expect((await findCredentials('docker.io', session, environment))?.credentials).toEqual({serverAddress: DOCKER_HUB_KEY, identityToken: 'hub-token'});
		expect(await findCredentials('elsewhere.example.com', session, environment)).toBeUndefined();
	});

	it('uses ~/.docker without DOCKER_CONFIG, and no config at all means no credentials', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'berth-home-'));
		cleanups.push(() => rmSync(home, {recursive: true, force: true}));
		expect(await findCredentials('127.0.0.1:5000', new SessionCredentials(), {env: {}, homedir: home})).toBeUndefined();
		mkdirSync(path.join(home, '.docker'));
		writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({auths: {'127.0.0.1:5000': {auth: basic('carol', 'c')}}}));
		expect((await findCredentials('127.0.0.1:5000', new SessionCredentials(), {env: {}, homedir: home}))?.info).toEqual({registry: '127.0.0.1:5000', source: 'config', username: 'carol'});
	});

	it('asks credsStore\'s helper with the registry on stdin; "credentials not found" is none', async () => {
		const stub = helper('berthunit', {'127.0.0.1:5000': {username: 'dave', secret: 'd-secret'}, [DOCKER_HUB_KEY]: {username: '<token>', secret: 'id-token'}});
		const dir = configDir({credsStore: 'berthunit', auths: {'127.0.0.1:5000': {}}});
		const environment = {env: {DOCKER_CONFIG: dir, PATH: stub.path}, homedir: '/nonexistent'};
		expect(await findCredentials('127.0.0.1:5000', new SessionCredentials(), environment)).toEqual({
			credentials: {serverAddress: '127.0.0.1:5000', username: 'dave', password: 'd-secret'},
			info: {registry: '127.0.0.1:5000', source: 'helper', helper: 'berthunit', username: 'dave'},
		});
		expect((await findCredentials('docker.io', new SessionCredentials(), environment))?.credentials).toEqual({serverAddress: DOCKER_HUB_KEY, identityToken: 'id-token'});
		expect(await findCredentials('other.example.com', new SessionCredentials(), environment)).toBeUndefined();
		expect(stub.asked()).toEqual(['127.0.0.1:5000', DOCKER_HUB_KEY, 'other.example.com']);
	});

	it('prefers credHelpers for the registry over credsStore', async () => {
		const store = helper('berthstore', {'127.0.0.1:5000': {username: 'from-store', secret: 's'}});
		const special = helper('berthspecial', {'127.0.0.1:5000': {username: 'from-special', secret: 's'}});
		const dir = configDir({credsStore: 'berthstore', credHelpers: {'127.0.0.1:5000': 'berthspecial'}});
		const environment = {env: {DOCKER_CONFIG: dir, PATH: `${special.dir}:${store.path}`}, homedir: '/nonexistent'};
		expect((await findCredentials('127.0.0.1:5000', new SessionCredentials(), environment))?.info).toMatchObject({helper: 'berthspecial', username: 'from-special'});
		expect(store.asked()).toEqual([]);
	});

	it('rejects with the helper\'s words when it fails, and says when it is not installed', async () => {
		const error = await runCredentialHelper('berth-missing-helper', 'r', {PATH: '/nonexistent'}).catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as Error).message).toContain('docker-credential-berth-missing-helper is not installed');
	});

	it('a helper that does not answer is stopped with the processes it started, and named', async () => {
		const hanging = makeHangingHelper('berthhang');
		cleanups.push(() => hanging.remove());
		const error = await runCredentialHelper('berthhang', '127.0.0.1:5000', {PATH: hanging.path}, {timeoutMs: 300}).catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as Error).message).toMatch(/^docker-credential-berthhang did not answer within 0\.3 s/);
		expect(await gone(hanging.childPid())).toBe(true);
	});

	it('a cancel stops a helper that is waiting, and the processes it started', async () => {
		const hanging = makeHangingHelper('berthwait');
		cleanups.push(() => hanging.remove());
		const controller = new AbortController();
		const asked = runCredentialHelper('berthwait', '127.0.0.1:5000', {PATH: hanging.path}, {signal: controller.signal}).catch((failure: unknown) => failure);
		for (let i = 0; i < 200 && hanging.childPid() === undefined; i++) await new Promise(resolve => setTimeout(resolve, 10));
		controller.abort();
		const error = await asked;
		expect(error).toMatchObject({code: 'aborted'});
		expect(await gone(hanging.childPid())).toBe(true);
	});

	it('puts what the user typed this session first, and never prints it', async () => {
		const dir = configDir({auths: {'127.0.0.1:5000': {auth: basic('alice', 'a')}}});
		const session = new SessionCredentials();
		session.remember({serverAddress: 'http://127.0.0.1:5000', username: 'typed', password: 'hunter2'});
		const found = await findCredentials('127.0.0.1:5000', session, {env: {DOCKER_CONFIG: dir}, homedir: '/nonexistent'});
		expect(found?.info).toEqual({registry: '127.0.0.1:5000', source: 'session', username: 'typed'});
		expect(inspect(session)).not.toContain('hunter2');
		expect(JSON.stringify({session})).not.toContain('hunter2');
		session.forget('127.0.0.1:5000');
		expect((await findCredentials('127.0.0.1:5000', session, {env: {DOCKER_CONFIG: dir}, homedir: '/nonexistent'}))?.info.source).toBe('config');
	});
});
