/**
 * The containers-side lifecycle end to end: the real App on the real engine, keys as a user
 * types them, the engine asked afterwards (docker CLI): run with every option, attached runs,
 * create, diff, copy out and in, bulk stop with a container gone, the command log.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
const CTRL_U = '\u0015';
const RIGHT = '\u001B[C';
let app: RenderedApp | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await resources.cleanup();
});

async function inspect(id: string, format: string): Promise<string> {
	return dockerCli(host, ['inspect', '--format', format, id]);
}

async function berth(filter: string, cwd?: string, existing = false): Promise<RenderedApp> {
	const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
	const rendered = await renderApp(engine, {columns: 160, rows: 50, now: () => new Date(), cwd});
	await rendered.waitFor('Engine ', 10_000);
	await rendered.press(`/${filter}${ENTER}`);
	await rendered.waitFor(`filter: ${filter}`);
	// The list has what the test made (keys before that find nothing to act on).
	if (existing) await rendered.waitFor(f => f.split('\n').some(l => /^[●‖↻■○✖] /u.test(l) && l.includes(filter)), 15_000);
	return rendered;
}

/** Opens R on the fixture image (filtered to it in the images pane). */
async function runForm(a: RenderedApp): Promise<void> {
	await a.press(`2/${image}${ENTER}`);
	await a.waitFor(`filter: ${image}`);
	await a.press('R');
	await a.waitFor('Run a container (docker run)', 10_000);
}

describe('running from an image on a real engine', () => {
	it('R with ports, env, a bind, a named volume, workdir, user and restart policy: the container inspect matches', async () => {
		const name = uniqueName('e2e-runall');
		const volume = uniqueName('vol');
		resources.container(name);
		const bind = mkdtempSync(path.join(tmpdir(), 'berth-bind-'));
		app = await berth(name);
		await runForm(app);
		// Image, name, command, ports, env, volumes, workdir, user, restart (→ → unless-stopped), --rm (no), mode (detached).
		await app.press(
			`${TAB}${name}${TAB}sleep 1000${TAB}127.0.0.1:18080:80 53/udp${TAB}GREETING='hello world' MODE=e2e${TAB}${bind}:/data:ro ${volume}:/cache${TAB}/cache${TAB}1234:1234${TAB}${RIGHT}${RIGHT}${ENTER}`,
		);
		await app.waitFor(`Started ${name} from ${image}`, 30_000);
		const got = JSON.parse(await inspect(name, '{{json .}}')) as {
			Config: {Env: string[]; WorkingDir: string; User: string; Cmd: string[]};
			HostConfig: {RestartPolicy: {Name: string}; PortBindings: Record<string, Array<{HostIp: string; HostPort: string}>>; Binds: string[]};
		};
		expect(got.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello world', 'MODE=e2e']));
		expect(got.Config.WorkingDir).toBe('/cache');
		expect(got.Config.User).toBe('1234:1234');
		expect(got.Config.Cmd).toEqual(['sleep', '1000']);
		expect(got.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
		expect(got.HostConfig.PortBindings['80/tcp']).toEqual([{HostIp: '127.0.0.1', HostPort: '18080'}]);
		expect(Object.keys(got.HostConfig.PortBindings)).toContain('53/udp');
		expect(got.HostConfig.Binds).toEqual([`${bind}:/data:ro`, `${volume}:/cache`]);
		await dockerCli(host, ['rm', '-f', name]);
		await dockerCli(host, ['volume', 'rm', volume]);
	}, 90_000);

	it('R attached shows the output live, then the exit code; with --rm the container is gone after', async () => {
		const name = uniqueName('e2e-attached');
		resources.container(name);
		app = await berth(name);
		await runForm(app);
		// --rm yes (Space), mode attached (→).
		await app.press(`${TAB}${name}${TAB}sh -c 'echo out-line; echo err-line >&2; exit 7'${TAB.repeat(7)} ${TAB}${RIGHT}${ENTER}`);
		const frame = await app.waitFor('exited with code 7', 30_000);
		expect(frame).toContain('out-line');
		expect(frame).toContain('err-line');
		expect(frame).toContain('(removed: --rm)');
		await app.press(ESC);
		expect(await dockerCli(host, ['ps', '-a', '--filter', `name=${name}`, '--format', '{{.Names}}'])).toBe('');
	}, 90_000);

	it('n creates and leaves the container created', async () => {
		const name = uniqueName('e2e-create');
		resources.container(name);
		app = await berth(name);
		await app.press(`2/${image}${ENTER}`);
		await app.waitFor(`filter: ${image}`);
		await app.press('n');
		await app.waitFor('Create a container (docker create)', 10_000);
		await app.press(`${TAB}${name}${ENTER}`);
		await app.waitFor(`Created ${name} from ${image} (not started)`, 30_000);
		expect(await inspect(name, '{{.State.Status}}')).toBe('created');
		await app.waitFor(f => new RegExp(`○ created\\s+${name}`).test(f), 10_000);
	}, 60_000);
});

describe('a running container on a real engine', () => {
	it('D shows added, changed and deleted paths; C copies a file out; I copies one in', async () => {
		const name = uniqueName('e2e-files');
		resources.container(await dockerCli(host, ['run', '-d', '--name', name, image, 'sh', '-c', 'mkdir -p /data && echo made > /data/new.txt && rm /bin/yes; sleep 1000']));
		// The changes are made before berth looks at them.
		await waitFor(async () => (await dockerCli(host, ['exec', name, 'ls', '/bin/yes']).then(() => false, () => true)), 'the changes');
		app = await berth(name, undefined, true);
		await app.press('D');
		const diff = await app.waitFor(f => /\d+ added, \d+ changed, \d+ deleted/.test(f), 15_000);
		expect(diff).toMatch(/A \/data\/new\.txt/);
		expect(diff).toMatch(/D \/bin\/yes/);
		// Removing /bin/yes changed /bin.
		expect(diff).toMatch(/C \/bin\s/);
		await app.press(ESC);
		const out = mkdtempSync(path.join(tmpdir(), 'berth-cpout-'));
		await app.press('C');
		await app.waitFor(`Copy out of ${name}`);
		await app.press(`/data/new.txt${TAB}${CTRL_U}${out}${ENTER}`);
		await app.waitFor('Copied 1 file', 20_000);
		expect(readFileSync(path.join(out, 'new.txt'), 'utf8')).toBe('made\n');
		const source = path.join(out, 'to-container.txt');
		writeFileSync(source, 'from the host\n');
		// The copy's view closes with Esc.
		await app.press(ESC);
		await app.press('I');
		await app.waitFor(`Copy into ${name}`);
		await app.press(`${source}${TAB}${CTRL_U}/data${ENTER}`);
		// Its own outcome: the copy out's "Copied 1 file" may still be on the status line.
		await app.waitFor(`into ${name}:/data`, 20_000);
		expect(await dockerCli(host, ['exec', name, 'cat', '/data/to-container.txt'])).toBe('from the host');
	}, 90_000);

	it('bulk stop of three marked containers where one was removed outside: two stopped, one failure with the engine reason; the command log has each line', async () => {
		const prefix = uniqueName('e2e-bulk');
		const names = ['a', 'b', 'c'].map(s => `${prefix}-${s}`);
		for (const n of names) resources.container(await dockerCli(host, ['run', '-d', '--name', n, '--stop-timeout', '1', image, 'sleep', '1000']));
		const cwd = mkdtempSync(path.join(tmpdir(), 'berth-bulk-'));
		app = await berth(prefix, cwd, true);
		await app.waitFor(f => names.every(n => f.includes(n)), 15_000);
		await app.press('   ');
		await app.waitFor('3 marked');
		// c goes outside berth, before berth has heard of it.
		await dockerCli(host, ['rm', '-f', names[2]!]);
		await app.press('s');
		await app.waitFor('Stop all 3 marked containers?', 10_000);
		await app.press('y');
		const notice = await app.waitFor(f => /stop: 2 of 3 done, 1 failed/.test(f), 40_000);
		expect(notice).toMatch(/No such container/i);
		expect(await inspect(names[0]!, '{{.State.Status}}')).toBe('exited');
		expect(await inspect(names[1]!, '{{.State.Status}}')).toBe('exited');
		await app.press(`${ESC}:`);
		const log = await app.waitFor('Command log', 10_000);
		for (const n of names) expect(log).toContain(`docker stop ${n}`);
	}, 90_000);
});
