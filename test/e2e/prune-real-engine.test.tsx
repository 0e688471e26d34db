/**
 * X prune end to end: what the preview lists is what the engine then removes. Prune takes
 * everything unused on an engine, so this runs on a private dockerd of its own.
 */
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {dockerCli, ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from '../support/dockerd.js';
import {ENTER, ESC} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

const fixture = 'berth-test/busybox:latest';
let daemon: PrivateDockerd;
let docker: (...args: string[]) => Promise<string>;
let app: RenderedApp | undefined;

beforeAll(async () => {
	daemon = await startPrivateDockerd();
	await ensureFixtureImage(daemon.host);
	docker = async (...args) => dockerCli(daemon.host, args);
	// Stopped containers, a running one, a dangling image (two commits to one tag), an unused network and volume.
	await docker('run', '--name', 'job-done', fixture, 'true');
	await docker('create', '--name', 'never-started', fixture, 'true');
	await docker('run', '-d', '--name', 'keeps-running', fixture, 'sleep', '300');
	await docker('run', '--name', 'c1', fixture, 'sh', '-c', 'head -c 30000 /dev/urandom > /one');
	await docker('commit', 'c1', 'committed:1');
	await docker('run', '--name', 'c2', fixture, 'sh', '-c', 'head -c 40000 /dev/urandom > /two');
	await docker('commit', 'c2', 'committed:1');
	await docker('rm', 'c1', 'c2');
	await docker('network', 'create', 'net-unused');
	await docker('volume', 'create', 'vol-unused');
}, 240_000);

afterAll(async () => {
	await daemon?.stop();
});

afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The items a preview or report names (name and short id, without the preview's sizes), in screen order. */
function itemLines(frame: string): string[] {
	const body = frame.split('\n').slice(1, -2);
	return body.filter(line => /^ {2}\S/.test(line)).map(line => line.trim().replace(/\s+[\d.]+[kMGTP]?B$/, ''));
}

async function openApp(): Promise<RenderedApp> {
	const engine = createDockerEngine(resolveEndpoint({host: daemon.host, env: {}, homedir: tmpdir()}));
	const rendered = await renderApp(engine, {columns: 160, rows: 50, now: () => new Date()});
	await rendered.waitFor('keeps-running', 15_000);
	await rendered.press('2');
	return rendered;
}

describe('X prune on a private engine', () => {
	it('stopped containers: the preview names them, y removes exactly those', async () => {
		app = await openApp();
		await app.press('X', 'j', 'j', ENTER);
		const preview = await app.waitFor('Would remove 2 containers', 30_000);
		expect(preview).toContain('$ docker container prune -f');
		const listed = itemLines(preview);
		expect(listed.map(line => line.split(/\s+/)[0]).sort()).toEqual(['job-done', 'never-started']);
		await app.press('y');
		const done = await app.waitFor('✔ Removed 2 containers', 30_000);
		expect(itemLines(done)).toEqual(listed);
		expect((await docker('ps', '-a', '--format', '{{.Names}}')).split('\n')).toEqual(['keeps-running']);
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Prune —'));
	}, 60_000);

	it('everything unused and volumes: the preview, with its space, equals what the engine removes and reports', async () => {
		const danglingBefore = await docker('images', '-q', '--filter', 'dangling=true', '--no-trunc');
		expect(danglingBefore).toMatch(/^sha256:/);
		app = await openApp();
		await app.press('X', 'G', ENTER);
		const preview = await app.waitFor(f => f.includes('Would remove') && f.includes('space to reclaim'), 30_000);
		expect(preview).toContain('$ docker system prune -f --volumes');
		expect(preview).toMatch(/Would remove 1 image, 1 network, 1 volume; space to reclaim: \d/);
		const listed = itemLines(preview);
		expect(listed).toContain('net-unused');
		expect(listed.some(line => line.startsWith('vol-unused'))).toBe(true);
		expect(listed.some(line => line.startsWith(danglingBefore.slice(7, 19)))).toBe(true);
		await app.press('y');
		const done = await app.waitFor(f => /✔ Removed 1 image, 1 network, 1 volume; the engine reports \S+ reclaimed/.test(f), 60_000);
		expect(itemLines(done)).toEqual(listed);
		const space = /space to reclaim: (\S+)/.exec(preview)![1];
		expect(/the engine reports (\S+) reclaimed/.exec(done)![1]).toBe(space);
		expect(await docker('images', '-q', '--filter', 'dangling=true')).toBe('');
		expect(await docker('network', 'ls', '--filter', 'name=net-unused', '-q')).toBe('');
		expect(await docker('volume', 'ls', '--filter', 'name=vol-unused', '-q')).toBe('');
		// What stays: the fixture, the running container's image and the tagged commit.
		expect(await docker('image', 'inspect', '--format', '{{.Id}}', fixture)).toMatch(/^sha256:/);
		expect(await docker('image', 'inspect', '--format', '{{.Id}}', 'committed:1')).toMatch(/^sha256:/);
	}, 90_000);
});
