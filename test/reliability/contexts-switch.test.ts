/**
 * The contexts view (0), the built binary in a pty, on real contexts in a temporary
 * DOCKER_CONFIG: "good" (the suite's engine) and "gone" (a socket nobody listens on). berth
 * started on "gone" shows the unreachable screen; 0 lists the contexts with whether each
 * answers; Enter switches to "good" without a restart; marking both shows one list across them
 * with the dead one named down; the command log survives the switches; u writes currentContext
 * as `docker context use` does.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {dockerCli} from '../support/dockerd.js';
import {ENTER} from '../support/keys.js';
import {trackResources, uniqueName} from '../support/names.js';
import {runBerth} from './support/terminal.js';

const host = inject('dockerHost');
const resources = trackResources(host);
let scratch: string;
let config: string;
let term: PtyProcess | undefined;
const docker = (args: string[]) => execFileSync('docker', args, {env: {PATH: process.env.PATH, DOCKER_CONFIG: config}, encoding: 'utf8'});

beforeAll(() => {
	scratch = mkdtempSync('/tmp/berth-contexts-');
	config = path.join(scratch, 'docker-config');
	docker(['context', 'create', 'good', '--description', 'the suite engine', '--docker', `host=${host}`]);
	docker(['context', 'create', 'gone', '--docker', `host=unix://${scratch}/nobody.sock`]);
});

afterAll(() => {
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

const env = () => ({DOCKER_CONFIG: config, HOME: scratch, PATH: process.env.PATH});
const row = (screen: string, name: string) => screen.split('\n').find(line => line.slice(4).startsWith(`${name} `)) ?? '';

describe('the contexts view', () => {
	it('switches from an unreachable engine to another context, then to two at once, keeping the command log', async () => {
		const name = uniqueName('ctx');
		resources.container(await dockerCli(host, ['run', '-d', '--name', name, 'berth-test/busybox:latest', 'sleep', '300']));
		term = runBerth(['--context', 'gone'], {cols: 140, rows: 30, env: env()});
		await term.waitForScreen('0 shows the docker contexts', 20_000);

		term.write('0');
		let screen = await term.waitForScreen(s => row(s, 'good').includes('up, Engine') && row(s, 'gone').includes('No Docker socket'), 20_000);
		// The one berth shows, marked as docker context ls marks the current one (berth's --context).
		expect(row(screen, 'gone')).toMatch(/^▸ +gone \* /u);
		expect(row(screen, 'good')).toContain('the suite engine');
		expect(row(screen, 'default')).not.toBe('');

		// The rows are default, gone, good: one down to good, and Enter in the same read.
		term.write(`j${ENTER}`);
		screen = await term.waitForScreen(s => s.includes(`● running      ${name}`), 20_000);
		expect(screen).toContain(`Showing good (${host})`);

		// An action here, then both contexts at once: marks on good and gone (Space moves down).
		term.write(`/${name}${ENTER}`);
		await term.waitForScreen(`filter: ${name}`, 10_000);
		term.write('p');
		await term.waitForScreen(s => s.includes(`‖ paused       ${name}`), 20_000);
		term.write('0');
		await term.waitForScreen(s => row(s, 'good').startsWith('▸'), 10_000);
		term.write(` k ${ENTER}`);
		screen = await term.waitForScreen(s => /good 1\/1 · gone down: No Docker socket/.test(s) && s.includes(`‖ paused       ${name}`), 20_000);
		expect(screen).toMatch(new RegExp(`‖ paused +${name} +good `));
		expect(screen).toContain('gone (down) + good');

		// The command log came along.
		term.write(':');
		await term.waitForScreen(`docker pause ${name}`, 10_000);
	}, 90_000);

	it('u makes the context the docker CLI\'s current one, as docker context use does', async () => {
		term = runBerth(['--context', 'gone'], {cols: 140, rows: 30, env: env()});
		await term.waitForScreen('0 shows the docker contexts', 20_000);
		term.write('0');
		await term.waitForScreen(s => row(s, 'good').includes('up, Engine'), 20_000);
		term.write('ju');
		await term.waitForScreen("good is now the docker CLI's current context", 20_000);
		expect(JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8'))).toMatchObject({currentContext: 'good'});
		expect(docker(['context', 'ls', '--format', '{{.Name}} {{.Current}}'])).toContain('good true');
		// It changed the user's docker config: it is in the command log, with how it went.
		term.write(':');
		await term.waitForScreen(s => /✓ \d\d:\d\d:\d\d {2}docker context use good/.test(s) && s.includes("good is now the docker CLI's current context"), 10_000);
		docker(['context', 'use', 'default']);
	}, 60_000);
});
