/**
 * `berth --context a --context b`, the built binary in a pty, on real contexts in a temporary
 * DOCKER_CONFIG: "local" (the suite's engine on its socket) and "remote" (the same engine over
 * ssh://root@127.0.0.1:PORT through the test sshd), so every container is listed once per host.
 * And the command lines that cannot work, in one line each.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName} from '../support/names.js';
import {startSshd, type SshClient, type TestSshd} from '../support/sshd.js';
import {berthCli, runBerth} from './support/terminal.js';

const host = inject('dockerHost');
const resources = trackResources(host);
let scratch: string;
let config: string;
let sshd: TestSshd;
let client: SshClient;
let term: PtyProcess | undefined;

beforeAll(async () => {
	scratch = mkdtempSync('/tmp/berth-many-');
	config = path.join(scratch, 'docker-config');
	sshd = await startSshd({dockerHost: host});
	client = sshd.client();
	const docker = (args: string[]) => execFileSync('docker', args, {env: {PATH: process.env.PATH, DOCKER_CONFIG: config}, stdio: 'ignore'});
	docker(['context', 'create', 'local', '--docker', `host=${host}`]);
	docker(['context', 'create', 'remote', '--docker', `host=${sshd.url}`]);
});

afterAll(async () => {
	await sshd?.stop();
	rmSync(scratch, {recursive: true, force: true});
});

afterEach(async () => {
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
	await resources.cleanup();
});

function env(extra: Record<string, string | undefined> = {}) {
	return {DOCKER_CONFIG: config, PATH: `${client.binDir}:${process.env.PATH ?? ''}`, ...extra};
}

describe('berth --context a --context b', () => {
	it('shows the containers of both hosts in one list, over the socket and over ssh', async () => {
		const name = uniqueName('two-hosts');
		resources.container(await dockerCli(host, ['run', '-d', '--name', name, 'berth-test/busybox:latest', 'sleep', '300']));
		term = runBerth(['--context', 'local', '--context', 'remote'], {cols: 160, rows: 40, env: env()});
		const rows = (screen: string) => screen.split('\n').filter(line => line.startsWith('●') && line.includes(name));
		// The same engine behind both contexts: its container once per host, in one list.
		const screen = await term.waitForScreen(s => rows(s).length === 2, 30_000);
		// The status line names both hosts; the header counts each.
		expect(screen).toMatch(/^ local \+ remote · Engine /m);
		expect(screen).toMatch(/local \d+\/\d+ · remote \d+\/\d+/);
		expect(sshd.logins()).toBe(1);
		term.write('q');
		await term.exited;
		term = undefined;
		// Quitting ended berth's ssh master.
		const left = spawnSync('ps', ['-eo', 'args='], {encoding: 'utf8'}).stdout.split('\n').filter(line => line.includes('ControlPersist') && line.includes(`-p ${sshd.port}`));
		expect(left, client.starts().join('\n')).toEqual([]);
	}, 60_000);
});

describe('command lines with several contexts that cannot work: one line, exit 2', () => {
	const berth = (args: string[]) => spawnSync(process.execPath, [berthCli, ...args], {encoding: 'utf8', env: {PATH: process.env.PATH, HOME: scratch, DOCKER_CONFIG: config, TERM: 'xterm-256color'}, timeout: 30_000});
	const cases: Array<[string, string[], string]> = [
		['a context given twice', ['--context', 'local', '--context', 'local'], 'berth: --context local is given twice\n'],
		['--context without a value among others', ['--context', 'local', '--context'], 'berth: --context needs a value (see berth --help)\n'],
		['--host with several contexts', ['--host', 'unix:///a', '--context', 'local', '--context', 'remote'], 'berth: Conflicting options: give either --host or --context, not both\n'],
		['one of them does not exist', ['--context', 'local', '--context', 'nope'], 'berth: Docker context "nope" (from --context) does not exist; see "docker context ls"\n'],
	];
	for (const [what, args, message] of cases) {
		it(what, () => {
			const result = berth(args);
			expect(result.status).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toBe(message);
		});
	}
});
