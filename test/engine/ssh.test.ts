/**
 * ssh:// endpoints against a real OpenSSH server (test/support/sshd.ts: Debian's sshd on
 * 127.0.0.1, generated keys, its own client config through an `ssh` on PATH) whose sessions reach
 * the test engine with the real docker CLI's `docker system dial-stdio`: lists, logs, a stop,
 * exec, one ssh login for all of it, the user's own ControlMaster, and what berth says when ssh
 * fails.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type Engine, type LogLine, type TerminalSession} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {freePort, startSshd, type SshClient, type TestSshd} from '../support/sshd.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
let sshd: TestSshd;
const savedPath = process.env.PATH;
const engines: Engine[] = [];

beforeAll(async () => {
	sshd = await startSshd({dockerHost: host});
});

afterAll(async () => {
	await sshd?.stop();
});

afterEach(async () => {
	for (const engine of engines.splice(0)) await engine.close?.();
	process.env.PATH = savedPath;
	await resources.cleanup();
});

/** berth's ssh (it runs `ssh` from PATH, as the docker CLI does) goes through `client`. */
function engineFor(client: SshClient, url = sshd.url): Engine {
	process.env.PATH = `${client.binDir}:${savedPath ?? ''}`;
	const engine = createDockerEngine(resolveEndpoint({host: url, env: {}, homedir: tmpdir()}));
	engines.push(engine);
	return engine;
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

async function run(prefix: string, script: string): Promise<string> {
	return resources.container(await dockerCli(host, ['run', '-d', '--stop-timeout', '1', '--name', uniqueName(prefix), image, 'sh', '-c', script]));
}

/** ssh processes of this machine whose command line holds `text`. */
function sshProcesses(text: string): string[] {
	const ps = spawnSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'}).stdout;
	return ps.split('\n').filter(line => line.includes('ssh') && line.includes(text) && !line.includes('ps -eo'));
}

describe('over a real sshd', () => {
	it('lists, follows logs, stops and inspects over one ssh login, as the docker CLI sees it', async () => {
		const id = await run('ssh-list', 'echo first line; trap "exit 0" TERM; while true; do sleep 1; done');
		const client = sshd.client();
		// The fixture is what the CLI would use too.
		const cli = spawnSync('docker', ['-H', sshd.url, 'ps', '-q', '--no-trunc'], {env: client.env({DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined}), encoding: 'utf8'});
		expect(cli.stdout.split('\n')).toContain(id);
		const loginsBefore = sshd.logins();
		const startsBefore = client.starts().length;

		const engine = engineFor(client);
		expect(engine.endpoint).toBe(sshd.url);
		expect((await engine.system.info()).version).not.toBe('');
		const [containers, images] = await Promise.all([engine.containers.list(), engine.images.list()]);
		expect(containers.find(c => c.id === id)?.state).toBe('running');
		expect(images.some(i => i.repoTags.includes(image))).toBe(true);

		const events: string[] = [];
		const eventsStop = new AbortController();
		const eventStream = engine.events.stream({}, event => events.push(`${event.action} ${event.id}`), eventsStop.signal);
		const lines: LogLine[] = [];
		const logsStop = new AbortController();
		const logs = engine.containers.logs(id, {tail: 'all', follow: true}, batch => lines.push(...batch), logsStop.signal);
		await waitFor(() => lines.some(line => line.text === 'first line'), 'the log line over ssh');

		const result = await engine.containers.stop(id, 5);
		expect(result).toMatchObject({killed: false, exitCode: 0});
		await waitFor(() => events.includes(`die ${id}`), 'the die event over ssh');
		expect((await engine.containers.inspect(id)).running).toBe(false);
		await logs;
		logsStop.abort();
		eventsStop.abort();
		await eventStream;

		// One login for everything: berth's master carried every request and stream.
		expect(sshd.logins() - loginsBefore).toBe(1);
		const dials = client.starts().slice(startsBefore).filter(line => line.endsWith('docker system dial-stdio'));
		expect(dials.length).toBeGreaterThanOrEqual(3);
		for (const dial of dials) expect(dial).toMatch(/ -o ControlMaster=no -o ControlPath=\S+ -o BatchMode=yes -o ConnectTimeout=5 -l root -p \d+ -- 127\.0\.0\.1 docker system dial-stdio$/);
	});

	it('runs exec captured and interactive through the adapter', async () => {
		const id = await run('ssh-exec', 'sleep 300');
		const engine = engineFor(sshd.client());
		await expect(engine.containers.execCapture(id, ['sh', '-c', 'echo out; echo err >&2; exit 3'])).resolves.toEqual({exitCode: 3, stdout: 'out\n', stderr: 'err\n'});

		const session: TerminalSession = await engine.containers.execInteractive(id, ['sh'], {columns: 80, rows: 24});
		let text = '';
		session.output.on('data', (chunk: Buffer | string) => {
			text += chunk.toString();
		});
		session.input.write('echo answer-$((6*7))\n');
		await waitFor(() => text.includes('answer-42'), 'the interactive answer over ssh');
		session.input.write('exit 4\n');
		await expect(session.done).resolves.toMatchObject({exitCode: 4});
	});

	it('carries more streams at once than sshd allows sessions per login (10)', async () => {
		const ids = await Promise.all(Array.from({length: 12}, (_, index) => run(`ssh-many-${index}`, `echo line-${index}; sleep 300`)));
		const engine = engineFor(sshd.client());
		await engine.system.info();
		const loginsBefore = sshd.logins();
		const seen = new Set<string>();
		const stops = ids.map(() => new AbortController());
		const streams = ids.map((id, index) => engine.containers.logs(id, {tail: 'all', follow: true}, batch => {
			for (const line of batch) seen.add(line.text);
		}, stops[index]!.signal));
		await waitFor(() => seen.size === 12 && seen, 'a line from each of 12 log streams');
		// A list while all of them are open.
		expect((await engine.containers.list()).filter(c => ids.includes(c.id))).toHaveLength(12);
		for (const stop of stops) stop.abort();
		await Promise.all(streams);
		// A second master took what the first could not (no login per stream).
		expect(sshd.logins() - loginsBefore).toBeLessThanOrEqual(2);
	});

	it('shares a few kept-alive sessions among short requests, one-shot stats in a pool of their own', async () => {
		const ids = await Promise.all(Array.from({length: 6}, (_, index) => run(`ssh-stats-${index}`, 'sleep 300')));
		const client = sshd.client();
		const engine = engineFor(client);
		await engine.system.info();
		const [stats, list] = await Promise.all([Promise.all(ids.map(id => engine.containers.statsOnce(id))), engine.containers.list(), engine.images.list(), engine.containers.inspect(ids[0]!)]);
		expect(stats.every(s => s.memoryLimit > 0)).toBe(true);
		expect(list.filter(c => ids.includes(c.id))).toHaveLength(6);
		const dials = client.starts().filter(line => line.endsWith('docker system dial-stdio'));
		// At most shortSockets (3) for lists and inspect and as many for stats (nine at once otherwise).
		expect(dials.length).toBeLessThanOrEqual(6);
	});

	it('ends its ssh master on close() and leaves no ssh process or socket behind', async () => {
		const client = sshd.client();
		const engine = engineFor(client);
		await engine.containers.list();
		const master = client.starts().find(line => line.includes('ControlMaster=yes'));
		const socket = /ControlPath=(\S+)/.exec(master ?? '')?.[1];
		expect(socket).toBeDefined();
		expect(existsSync(socket!)).toBe(true);
		expect(sshProcesses(socket!).length).toBeGreaterThan(0);

		await engine.close?.();
		expect(existsSync(socket!)).toBe(false);
		await waitFor(() => sshProcesses(socket!).length === 0, 'the ssh processes to end');
		expect(client.starts().filter(line => line.includes('-O exit'))).toHaveLength(1);
	});

	it("uses the user's own ControlMaster from ~/.ssh/config instead of starting one", async () => {
		const client = sshd.client({extraConfig: ['  ControlMaster auto', `  ControlPath ${sshd.dir}/user-%C`, '  ControlPersist 5']});
		const engine = engineFor(client);
		const loginsBefore = sshd.logins();
		await Promise.all([engine.containers.list(), engine.images.list(), engine.system.info()]);
		await engine.containers.list();
		expect(client.starts().some(line => line.includes('ControlMaster=yes') || line.includes('ControlPath='))).toBe(false);
		expect(client.starts().filter(line => line.endsWith('docker system dial-stdio')).length).toBeGreaterThanOrEqual(2);
		// Their master (ssh's ControlMaster auto) carried the sessions.
		expect(sshd.logins() - loginsBefore).toBeLessThanOrEqual(2);
		await engine.close?.();
		spawnSync('ssh', ['-O', 'exit', '-p', String(sshd.port), 'root@127.0.0.1'], {env: client.env(), stdio: 'ignore'});
	});
});

describe('ssh failures in plain words (real sshd)', () => {
	it('the host key is not known', async () => {
		const error = await failure(engineFor(sshd.client({knowsHostKey: false})).containers.list());
		expect(error.code).toBe('unreachable');
		expect(error.message).toBe(`The host key of root@127.0.0.1:${sshd.port} is not known: connect once with ssh -p ${sshd.port} root@127.0.0.1 to check and accept it, then berth can use it`);
	});

	it('the login is refused', async () => {
		const error = await failure(engineFor(sshd.client({authorized: false})).system.info());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('permission');
		expect(error.message).toBe(`root@127.0.0.1:${sshd.port} refused the ssh login (root@127.0.0.1: Permission denied (publickey).) — berth cannot answer prompts: ssh -p ${sshd.port} root@127.0.0.1 must log in without asking (load the key with ssh-add, or name it with IdentityFile in ~/.ssh/config)`);
	});

	it('nothing listens at the address', async () => {
		const port = await freePort();
		const error = await failure(engineFor(sshd.client(), `ssh://root@127.0.0.1:${port}`).containers.list());
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe('refused');
		expect(error.message).toBe(`Nothing answers ssh at root@127.0.0.1:${port} (ssh: connect to host 127.0.0.1 port ${port}: Connection refused) — is sshd running there, and is the port right?`);
	});

	it('the remote side has no docker', async () => {
		const error = await failure(engineFor(sshd.client(), `ssh://root@127.0.0.1:${sshd.noDockerPort}`).containers.list());
		expect(error.code).toBe('unreachable');
		expect(error.message).toBe(`root@127.0.0.1:${sshd.noDockerPort} has no docker command (/bin/sh: 1: docker: not found) — install the docker CLI there, or put it on the PATH that ssh sessions get: ssh -p ${sshd.noDockerPort} root@127.0.0.1 docker version must work`);
	});
});
