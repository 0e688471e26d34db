/**
 * Contexts against the real docker CLI: contexts made with `docker context create` in a temporary
 * DOCKER_CONFIG, listed by berth and by `docker context ls --format json` under the same
 * environment and flags; `useContext` read back by `docker context show`; reachability checks
 * against the real engine, a missing socket, a silent port and the test sshd.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {checkContext, checkContexts, type ContextCheck} from '../../source/engine/contexts/context-check.js';
import {EndpointError} from '../../source/engine/transport/endpoint.js';
import {currentContextNames, listContexts, useContext, type ContextOptions} from '../../source/engine/contexts/contexts.js';
import {dockerCli} from '../support/dockerd.js';
import {startSshd, type TestSshd} from '../support/sshd.js';

const host = inject('dockerHost');
let scratch: string;
let config: string;
const clean = {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_TLS: undefined, DOCKER_CERT_PATH: undefined};

/** The docker CLI with only the given variables (and PATH, HOME) set. */
function docker(args: string[], env: Record<string, string | undefined> = {}): string {
	return execFileSync('docker', args, {env: {PATH: process.env.PATH, HOME: scratch, DOCKER_CONFIG: config, ...env}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

interface CliContext {
	Name: string;
	Description: string;
	DockerEndpoint: string;
	Current: boolean;
	Error: string;
}

function cliList(env: Record<string, string | undefined> = {}, flags: string[] = []): CliContext[] {
	return docker([...flags, 'context', 'ls', '--format', 'json'], env).split('\n').filter(Boolean).map(line => JSON.parse(line) as CliContext);
}

function berthList(env: Record<string, string | undefined> = {}, flags: Partial<ContextOptions> = {}) {
	return listContexts({env: {...clean, DOCKER_CONFIG: config, ...env}, homedir: scratch, ...flags});
}

function shape(list: ReturnType<typeof berthList>) {
	return list.contexts.map(c => ({Name: c.name, Description: c.description, DockerEndpoint: c.endpoint, Current: c.current}));
}

beforeAll(() => {
	scratch = mkdtempSync(path.join(tmpdir(), 'berth-ctx-'));
	config = path.join(scratch, 'docker-config');
	const pem = path.join(scratch, 'pem');
	execFileSync('mkdir', ['-p', pem]);
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', path.join(pem, 'key.pem'), '-out', path.join(pem, 'cert.pem'), '-days', '1', '-subj', '/CN=berth'], {stdio: 'ignore'});
	docker(['context', 'create', 'zeta', '--docker', 'host=ssh://deploy@box:2222', '--description', 'prod box']);
	docker(['context', 'create', 'alpha', '--docker', 'host=tcp://10.0.0.5:2375']);
	docker(['context', 'create', 'mid', '--docker', 'host=unix:///tmp/x.sock,skip-tls-verify=true', '--description', 'with "quotes" and ünïcode']);
	docker(['context', 'create', 'host10', '--docker', 'host=tcp://h:1']);
	docker(['context', 'create', 'host9', '--docker', 'host=tcp://h:1']);
	docker(['context', 'create', 'Beta', '--docker', 'host=tcp://h:1']);
	docker(['context', 'create', 'secure', '--docker', `host=tcp://h:2376,ca=${pem}/cert.pem,cert=${pem}/cert.pem,key=${pem}/key.pem`]);
	docker(['context', 'create', 'engine', '--docker', `host=${host}`, '--description', 'the test engine']);
});

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

describe('listContexts is docker context ls', () => {
	it('lists the same contexts in the same order with the same current marker', () => {
		expect(shape(berthList())).toEqual(cliList().map(({Error: _error, ...rest}) => rest));
		// The CLI's natural order: "default" among the others, host9 before host10, capitals first.
		expect(berthList().contexts.map(c => c.name)).toEqual(['Beta', 'alpha', 'default', 'engine', 'host9', 'host10', 'mid', 'secure', 'zeta']);
	});

	it('follows DOCKER_HOST, DOCKER_CONTEXT, config.json and the flags as the CLI does', () => {
		const cases: Array<{env?: Record<string, string>; cliFlags?: string[]; flags?: Partial<ContextOptions>}> = [
			{env: {DOCKER_HOST: 'tcp://1.2.3.4:5'}},
			{env: {DOCKER_CONTEXT: 'zeta'}},
			{env: {DOCKER_CONTEXT: 'zeta', DOCKER_HOST: 'unix:///tmp/other.sock'}},
			{cliFlags: ['--context', 'alpha'], flags: {contexts: ['alpha']}},
			{cliFlags: ['--host', 'tcp://9.9.9.9:1'], flags: {host: 'tcp://9.9.9.9:1'}},
		];
		for (const {env = {}, cliFlags = [], flags = {}} of cases) {
			expect(shape(berthList(env, flags)), JSON.stringify({env, cliFlags})).toEqual(cliList(env, cliFlags).map(({Error: _error, ...rest}) => rest));
		}
		docker(['context', 'use', 'mid']);
		try {
			expect(shape(berthList())).toEqual(cliList().map(({Error: _error, ...rest}) => rest));
			expect(currentContextNames({env: {...clean, DOCKER_CONFIG: config}, homedir: scratch})).toEqual(['mid']);
		} finally {
			docker(['context', 'use', 'default']);
		}
	});

	it('marks every context berth was started with, and resolves each as berth would connect', () => {
		const list = berthList({}, {contexts: ['alpha', 'zeta']});
		expect(list.contexts.filter(c => c.current).map(c => c.name)).toEqual(['alpha', 'zeta']);
		const byName = new Map(list.contexts.map(c => [c.name, c]));
		expect(byName.get('zeta')).toMatchObject({description: 'prod box', tls: false, resolved: {url: 'ssh://deploy@box:2222', ssh: {user: 'deploy', host: 'box', port: '2222'}}});
		expect(byName.get('mid')).toMatchObject({skipTlsVerify: true, description: 'with "quotes" and ünïcode'});
		expect(byName.get('secure')).toMatchObject({tls: true, resolved: {url: 'tcp://h:2376', tls: {verify: true}}});
		expect(byName.get('default')).toMatchObject({endpoint: 'unix:///var/run/docker.sock', resolved: {url: 'unix:///var/run/docker.sock'}});
	});

	it('keeps listing when a context file is broken, saying which', () => {
		const dir = path.join(config, 'contexts', 'meta', 'broken');
		execFileSync('mkdir', ['-p', dir]);
		writeFileSync(path.join(dir, 'meta.json'), '{not json');
		const noEndpoint = path.join(config, 'contexts', 'meta', 'noendpoint');
		execFileSync('mkdir', ['-p', noEndpoint]);
		writeFileSync(path.join(noEndpoint, 'meta.json'), JSON.stringify({Name: 'noep', Metadata: {}, Endpoints: {}}));
		try {
			const list = berthList();
			expect(list.problems).toEqual([`Context file ${path.join(dir, 'meta.json')} is not valid JSON; fix or remove it`]);
			expect(list.contexts.find(c => c.name === 'noep')?.error).toMatch(/no Endpoints\.docker\.Host/);
			expect(list.contexts).toHaveLength(10);
		} finally {
			rmSync(dir, {recursive: true, force: true});
			rmSync(noEndpoint, {recursive: true, force: true});
		}
	});
});

describe('useContext is docker context use', () => {
	const file = () => path.join(config, 'config.json');

	it('writes currentContext so that the CLI switches, keeping the other keys; "default" removes it', () => {
		writeFileSync(file(), JSON.stringify({auths: {'registry.example': {auth: 'dXNlcjpwYXNz'}}, psFormat: 'table {{.ID}}', somethingNew: [1, 2]}), {mode: 0o600});
		expect(useContext('zeta', {env: {...clean, DOCKER_CONFIG: config}, homedir: scratch})).toEqual({});
		expect(docker(['context', 'show'])).toBe('zeta');
		const written = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
		expect(written).toEqual({auths: {'registry.example': {auth: 'dXNlcjpwYXNz'}}, psFormat: 'table {{.ID}}', somethingNew: [1, 2], currentContext: 'zeta'});
		expect(statSync(file()).mode & 0o777).toBe(0o600);

		useContext('default', {env: {...clean, DOCKER_CONFIG: config}, homedir: scratch});
		expect(docker(['context', 'show'])).toBe('default');
		expect(JSON.parse(readFileSync(file(), 'utf8'))).not.toHaveProperty('currentContext');
	});

	it('refuses a context that does not exist and a config.json that is not JSON, leaving the file alone', () => {
		writeFileSync(file(), '{"currentContext": "alpha"}');
		expect(() => useContext('nope', {env: {...clean, DOCKER_CONFIG: config}, homedir: scratch})).toThrow(EndpointError);
		expect(() => useContext('nope', {env: {...clean, DOCKER_CONFIG: config}, homedir: scratch})).toThrow('Docker context "nope" (from docker context use) does not exist; see "docker context ls"');
		expect(readFileSync(file(), 'utf8')).toBe('{"currentContext": "alpha"}');
		writeFileSync(file(), '{broken');
		expect(() => useContext('zeta', {env: {...clean, DOCKER_CONFIG: config}, homedir: scratch})).toThrow(/is not valid JSON/);
		expect(readFileSync(file(), 'utf8')).toBe('{broken');
		rmSync(file());
	});

	it('creates config.json when there is none, and says when DOCKER_HOST overrides it for the CLI', () => {
		const note = useContext('alpha', {env: {...clean, DOCKER_CONFIG: config, DOCKER_HOST: 'unix:///tmp/elsewhere.sock'}, homedir: scratch});
		expect(note.note).toBe('DOCKER_HOST is set: it overrides the current context for the docker CLI (unset it to use "alpha")');
		expect(docker(['context', 'show'])).toBe('alpha');
		rmSync(file());
	});
});

describe('checkContext', () => {
	let sshd: TestSshd | undefined;

	afterAll(async () => {
		await sshd?.stop();
	});

	const byName = (name: string) => berthList().contexts.find(c => c.name === name)!;

	it('reports the engine version of a reachable context', async () => {
		const version = await dockerCli(host, ['version', '--format', '{{.Server.Version}}']);
		await expect(checkContext(byName('engine'))).resolves.toMatchObject({state: 'up', version});
	});

	it('says in plain words why a context is unreachable, within the timeout', async () => {
		const missing = path.join(scratch, 'no.sock');
		docker(['context', 'create', 'gone', '--docker', `host=unix://${missing}`]);
		await expect(checkContext(byName('gone'))).resolves.toEqual({state: 'down', error: `No Docker socket at ${missing} — is the Docker daemon running? Start it, or choose another engine with --host or --context`});

		// A port that accepts and never answers.
		const sockets = new Set<net.Socket>();
		const silent = net.createServer(socket => sockets.add(socket));
		await new Promise<void>(resolve => {
			silent.listen(0, '127.0.0.1', resolve);
		});
		const port = (silent.address() as net.AddressInfo).port;
		docker(['context', 'create', 'silent', '--docker', `host=tcp://127.0.0.1:${port}`]);
		try {
			const check = await checkContext(byName('silent'), {timeoutMs: 1000});
			expect(check.state).toBe('down');
			expect((check as {error: string}).error).toMatch(/^No answer from tcp:\/\/127\.0\.0\.1:\d+ \(context silent\) in time/);
		} finally {
			for (const socket of sockets) socket.destroy();
			silent.close();
		}
	});

	it('checks an ssh context through the system ssh, and several contexts in the background', async () => {
		sshd = await startSshd({dockerHost: host});
		const client = sshd.client();
		docker(['context', 'create', 'remote', '--docker', `host=${sshd.url}`]);
		const saved = process.env.PATH;
		process.env.PATH = `${client.binDir}:${saved ?? ''}`;
		try {
			const results = new Map<string, ContextCheck>();
			const names = ['remote', 'engine', 'gone', 'alpha'];
			const run = checkContexts(names.map(byName), (name, check) => results.set(name, check), {timeoutMs: 2000});
			await run.done;
			expect([...results.keys()].sort()).toEqual([...names].sort());
			expect(results.get('remote')).toMatchObject({state: 'up'});
			expect(results.get('engine')).toMatchObject({state: 'up'});
			expect(results.get('gone')).toMatchObject({state: 'down'});
			expect(results.get('alpha')).toMatchObject({state: 'down'});
			// The check closed its ssh master.
			const left = spawnSync('ps', ['-eo', 'args='], {encoding: 'utf8'}).stdout.split('\n').filter(line => line.includes('ControlPersist') && line.includes(`-p ${sshd!.port}`));
			expect(left).toEqual([]);
		} finally {
			process.env.PATH = saved;
		}
	});
});
