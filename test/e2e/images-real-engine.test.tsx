/**
 * The images pane's lifecycle end to end: the real App on the real engine, driven by keys as a
 * user would, against two private registries (docker-registry on 127.0.0.1: one open, one with
 * htpasswd), then the engine asked (docker CLI) what happened.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Store} from '../../source/state/store.js';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {trackResources, uniqueName} from '../support/names.js';
import {freePort, pushWithCli, startRegistry, type TestRegistry} from '../support/registry.js';
import {dialogText, renderApp, type RenderedApp} from '../support/render-app.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const fixture = 'berth-test/busybox:latest';
const CTRL_U = '\u0015';
let app: RenderedApp | undefined;
let open: TestRegistry;
let locked: TestRegistry;
let openRef: string;
let lockedRef: string;
let emptyConfig: string;
const savedConfig = process.env.DOCKER_CONFIG;

beforeAll(async () => {
	[open, locked] = await Promise.all([startRegistry(), startRegistry({auth: true})]);
	// berth looks credentials up as the CLI does: a config with none.
	emptyConfig = mkdtempSync(path.join(tmpdir(), 'berth-emptycfg-'));
	writeFileSync(path.join(emptyConfig, 'config.json'), '{}');
	process.env.DOCKER_CONFIG = emptyConfig;
	// An image with a layer of its own, so a pull downloads something beside the fixture's layer.
	const maker = uniqueName('e2e-layer-maker');
	await dockerCli(host, ['run', '--name', maker, fixture, 'sh', '-c', 'head -c 2000000 /dev/urandom > /blob']);
	const own = uniqueName('e2e-own');
	await dockerCli(host, ['commit', maker, `${own}:v1`]);
	await dockerCli(host, ['rm', maker]);
	openRef = `${open.address}/berth/${own}:v1`;
	lockedRef = `${locked.address}/berth/${own}:v1`;
	await pushWithCli(host, open, `${own}:v1`, openRef);
	await pushWithCli(host, locked, `${own}:v1`, lockedRef);
	await dockerCli(host, ['rmi', openRef, lockedRef, `${own}:v1`]);
}, 180_000);

afterAll(async () => {
	if (savedConfig === undefined) delete process.env.DOCKER_CONFIG;
	else process.env.DOCKER_CONFIG = savedConfig;
	rmSync(emptyConfig, {recursive: true, force: true});
	await Promise.all([open?.stop(), locked?.stop()]);
});

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await resources.cleanup();
});

async function openApp(onStore?: (store: Store) => void): Promise<RenderedApp> {
	const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
	const rendered = await renderApp(engine, {columns: 160, rows: 50, now: () => new Date(), onStore});
	await rendered.waitFor(fixture, 15_000);
	await rendered.press('2');
	return rendered;
}

async function imageId(ref: string): Promise<string | undefined> {
	return dockerCli(host, ['image', 'inspect', '--format', '{{.Id}}', ref]).catch(() => undefined);
}

describe('pull', () => {
	it('pulls from the registry with per-layer progress; a missing image and a registry that is not there are errors', async () => {
		resources.image(openRef);
		app = await openApp();
		await app.press('P', openRef, ENTER);
		const done = await app.waitFor(`✔ Pulled ${openRef} (sha256:`, 60_000);
		expect(done).toContain('2 of 2 layers done');
		// The fixture's layer was there already; the other one came down.
		expect(done).toMatch(/[\da-f]{12} {2}already exists/);
		expect(done).toMatch(/[\da-f]{12} {2}done/);
		expect(app.frames.some(frame => frame.includes(`Pull — ${openRef}`) && frame.includes('Pulling:'))).toBe(true);
		expect(await imageId(openRef)).toMatch(/^sha256:/);

		const missing = `${open.address}/berth/${uniqueName('nope')}:v1`;
		await app.press(ESC, 'P', missing, ENTER);
		const notFound = await app.waitFor('✖ Pull failed:', 30_000);
		expect(notFound).toContain('manifest unknown');
		expect(notFound).not.toContain('✔');

		const nowhere = `127.0.0.1:${await freePort()}/berth/x:v1`;
		await app.press(ESC, 'P', nowhere, ENTER);
		await app.waitFor(f => f.includes(`Pull — ${nowhere}`) && f.includes('✖ Pull failed:') && f.includes('connection refused'), 30_000);
		expect(await imageId(missing)).toBeUndefined();
	}, 120_000);

	it('asks for credentials when the registry refuses, retries with them, and never shows or logs the password', async () => {
		resources.image(lockedRef);
		let store: Store | undefined;
		app = await openApp(s => {
			store = s;
		});
		await app.press('P', lockedRef, ENTER);
		await app.waitFor(f => f.includes(`Log in to ${locked.address} to pull`) && f.includes('basic auth credentials'), 30_000);
		await app.press(locked.auth!.username, TAB, 'not-the-password', ENTER);
		await app.waitFor('The registry refused these credentials', 30_000);
		expect(await imageId(lockedRef)).toBeUndefined();
		await app.press(locked.auth!.password, ENTER);
		await app.waitFor(`✔ Pulled ${lockedRef}`, 60_000);
		expect(await imageId(lockedRef)).toMatch(/^sha256:/);
		for (const frame of app.frames) {
			expect(frame).not.toContain(locked.auth!.password);
			expect(frame).not.toContain('not-the-password');
		}

		const log = store!.getState().commandLog;
		expect(log.map(entry => `${entry.result} ${entry.cli}`)).toEqual([
			`error docker pull ${lockedRef}`,
			`error docker login -u ${locked.auth!.username} ${locked.address}`,
			`ok docker login -u ${locked.auth!.username} ${locked.address}`,
			`ok docker pull ${lockedRef}`,
		]);
		expect(JSON.stringify(log)).not.toContain(locked.auth!.password);
	}, 120_000);
});

describe('run with a pull first', () => {
	it('R with an image only the locked registry has: the pull first is P\'s (credentials, progress), then the container runs', async () => {
		const name = uniqueName('e2e-pullfirst');
		resources.container(name);
		resources.image(lockedRef);
		let store: Store | undefined;
		app = await openApp(s => {
			store = s;
		});
		await app.press('R');
		await app.waitFor('Run a container (docker run)', 10_000);
		await app.press(CTRL_U, lockedRef, TAB, name, TAB, 'sleep 1000', ENTER);
		await app.waitFor(f => dialogText(f).includes(`${lockedRef} is not here. Pull it first?`), 30_000);
		await app.press('y');
		await app.waitFor(f => dialogText(f).includes(`Log in to ${locked.address} to pull ${lockedRef}`), 30_000);
		await app.press(locked.auth!.username, TAB, locked.auth!.password, ENTER);
		await app.waitFor(`Started ${name} from ${lockedRef}`, 60_000);
		expect(app.frames.some(frame => frame.includes(`Pull — ${lockedRef}`))).toBe(true);
		expect(await dockerCli(host, ['inspect', '--format', '{{.State.Running}} {{.Config.Image}}', name])).toBe(`true ${lockedRef}`);
		expect(store!.getState().commandLog.map(entry => `${entry.result} ${entry.cli.split(' ').slice(0, 2).join(' ')}`)).toEqual([
			'error docker pull',
			'ok docker login',
			'ok docker pull',
			'ok docker run',
		]);
		for (const frame of app.frames) expect(frame).not.toContain(locked.auth!.password);
	}, 120_000);
});

describe('tag, push, pull', () => {
	it('tags the fixture, pushes the new tag with progress, and pulls the same digest back', async () => {
		const repo = `${open.address}/berth/${uniqueName('e2e-roundtrip')}`;
		resources.image(`${repo}:v2`);
		app = await openApp();
		await app.press('/', fixture, ENTER);
		await app.waitFor(`filter: ${fixture}`);
		await app.press('t', CTRL_U, `${repo}:v2`, ENTER);
		await app.waitFor(`Tagged ${fixture} as ${repo}:v2`, 30_000);
		expect(await imageId(`${repo}:v2`)).toBe(await imageId(fixture));
		// Esc clears the filter; the new tag is the selected row.
		await app.press(ESC);
		await app.waitFor(f => f.split('\n').some(line => line.startsWith(`${repo}:v2 `)));
		await app.press('p');
		const pushed = await app.waitFor(f => /✔ Pushed \S+ \(sha256:[\da-f]{64}\)/.test(f), 60_000);
		expect(pushed).toContain(`Push — ${repo}:v2`);
		expect(pushed).toContain(`$ docker push ${repo}:v2`);
		// The layer the registry has already (mounted from the repository pushed before), in full.
		expect(pushed).toMatch(/[\da-f]{12} {2}(Mounted from berth\/berth-t-e2e-own-[a-z0-9-]+|already exists)\s*$/m);
		const pushedDigest = /✔ Pushed \S+ \((sha256:[\da-f]{64})\)/.exec(pushed)![1];

		await dockerCli(host, ['rmi', `${repo}:v2`]);
		await app.press(ESC, 'P', `${repo}:v2`, ENTER);
		const pulled = await app.waitFor(f => /✔ Pulled \S+ \(sha256:[\da-f]{64}\)/.test(f), 60_000);
		expect(/✔ Pulled \S+ \((sha256:[\da-f]{64})\)/.exec(pulled)![1]).toBe(pushedDigest);
		expect(await imageId(`${repo}:v2`)).toBe(await imageId(fixture));
	}, 120_000);
});

describe('build', () => {
	let context: string;
	let label: string;
	afterEach(async () => {
		rmSync(context, {recursive: true, force: true});
		// The failed step's container first (it holds its image), then the build's images, children first.
		const containers = await dockerCli(host, ['ps', '-a', '-q', '--filter', `label=berth.test=${label}`]);
		if (containers) await dockerCli(host, ['rm', '-f', ...containers.split('\n')]);
		await resources.cleanup();
		for (let pass = 0; pass < 10; pass++) {
			const ids = [...new Set((await dockerCli(host, ['images', '-a', '-q', '--filter', `label=berth.test=${label}`])).split('\n').filter(Boolean))];
			if (ids.length === 0) break;
			for (const id of ids) await dockerCli(host, ['rmi', '-f', id]).catch(() => undefined);
		}
	});

	it('shows the failing step and the engine\'s message, then a build that succeeds selects the new image', async () => {
		context = mkdtempSync(path.join(tmpdir(), 'berth-e2e-build-'));
		mkdirSync(path.join(context, 'sub'));
		label = uniqueName('e2e-build');
		const repo = uniqueName('e2e-built');
		resources.image(`${repo}:v1`);
		const dockerfile = (last: string) => `FROM ${fixture}\nLABEL berth.test=${label}\nRUN printf 'building \\033[31mred\\033[0m step\\n'\n${last}\n`;
		writeFileSync(path.join(context, 'Dockerfile'), dockerfile('RUN exit 3'));
		app = await openApp();
		const build = async () => {
			await app!.press('B', CTRL_U, context, TAB, TAB, `${repo}:v1`, TAB, 'GREETING=hi', ENTER);
		};
		await build();
		const failed = await app.waitFor('✖ Build failed at step 4/4: RUN exit 3', 60_000);
		expect(failed).toContain("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
		expect(failed).toContain('Step 3/4 : RUN printf');
		expect(failed).toContain('building red step');
		expect(await imageId(`${repo}:v1`)).toBeUndefined();

		writeFileSync(path.join(context, 'Dockerfile'), dockerfile('ARG GREETING\nRUN echo "$GREETING" > /greeting'));
		await app.press(ESC);
		await build();
		await app.waitFor(f => new RegExp(`✔ Built [\\da-f]{12} as ${repo}:v1`).test(f), 60_000);
		const id = await imageId(`${repo}:v1`);
		expect(id).toMatch(/^sha256:/);
		expect(await dockerCli(host, ['run', '--rm', `${repo}:v1`, 'cat', '/greeting'])).toBe('hi');
		await app.press(ESC);
		await app.waitFor(f => f.split('\n').some(line => line.startsWith(`${repo}:v1 `)));
		await app.press('i');
		await app.waitFor(`Inspect — ${repo}:v1 (${id!.slice(7, 19)})`, 10_000);
	}, 180_000);
});
