/** diff and docker cp both ways against the real engine. */
import {execFileSync} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const fixture = 'berth-test/busybox:latest';

let top: string;
let dest: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-cp-'));
	dest = path.join(top, 'dest');
	mkdirSync(dest);
});

afterEach(async () => {
	rmSync(top, {recursive: true, force: true});
	await resources.cleanup();
});

/** A running container that ran `script` first (and printed "ready"). */
async function container(script: string): Promise<string> {
	const id = resources.container(await dockerCli(host, ['run', '-d', '--name', uniqueName('cp'), fixture, 'sh', '-c', `${script} && echo ready && sleep 300`]));
	await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('ready'), 'the container to be ready');
	return id;
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (failure: unknown) => failure);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

function tree(dir: string): string[] {
	const out: string[] = [];
	const walk = (sub: string) => {
		for (const name of readdirSync(path.join(dir, sub))) {
			const relative = sub ? `${sub}/${name}` : name;
			out.push(relative);
			if (lstatSync(path.join(dir, relative)).isDirectory()) walk(relative);
		}
	};

	walk('');
	return out.sort();
}

describe('containerChanges', () => {
	it('lists added, changed and deleted paths', async () => {
		const id = await container('touch /added && mkdir /etc/new && rm -r /root');
		const changes = await engine.containers.changes(id);
		expect(changes).toEqual(expect.arrayContaining([
			{kind: 'A', path: '/added'},
			{kind: 'C', path: '/etc'},
			{kind: 'A', path: '/etc/new'},
			{kind: 'D', path: '/root'},
		]));
		expect(new Set(changes.map(change => change.kind))).toEqual(new Set(['A', 'C', 'D']));
		expect((await rejection(engine.containers.changes(uniqueName('missing')))).code).toBe('not-found');
	});
});

describe('copy out of a container', () => {
	it('plans, then writes a directory with files and a link inside it', async () => {
		const id = await container('mkdir -p /data/dir/sub && echo alpha > /data/dir/a.txt && echo bravo > /data/dir/sub/b.txt && ln -s a.txt /data/dir/link');
		const plan = await engine.containers.planCopyFrom(id, '/data/dir', dest);
		expect(plan).toEqual({destination: dest, files: 2, directories: 2, symlinks: 1, bytes: 12, conflicts: [], refused: []});
		expect(tree(dest)).toEqual([]);

		const result = await engine.containers.copyFrom(id, '/data/dir', dest);
		expect(result).toMatchObject({files: 2, directories: 2, symlinks: 1, bytes: 12, kept: [], refused: []});
		expect(result.written.map(entry => entry.path).sort()).toEqual(['dir', 'dir/a.txt', 'dir/link', 'dir/sub', 'dir/sub/b.txt']);
		expect(readFileSync(path.join(dest, 'dir/sub/b.txt'), 'utf8')).toBe('bravo\n');
		expect(readlinkSync(path.join(dest, 'dir/link'))).toBe('a.txt');
	});

	it('asks before overwriting: conflicts in the plan, kept without overwrite, replaced with it', async () => {
		const id = await container('mkdir -p /data/dir && echo new > /data/dir/a.txt');
		mkdirSync(path.join(dest, 'dir'));
		writeFileSync(path.join(dest, 'dir/a.txt'), 'old');
		expect((await engine.containers.planCopyFrom(id, '/data/dir', dest)).conflicts).toEqual(['dir/a.txt']);
		expect((await engine.containers.copyFrom(id, '/data/dir', dest)).kept).toEqual(['dir/a.txt']);
		expect(readFileSync(path.join(dest, 'dir/a.txt'), 'utf8')).toBe('old');
		await engine.containers.copyFrom(id, '/data/dir', dest, {overwrite: true});
		expect(readFileSync(path.join(dest, 'dir/a.txt'), 'utf8')).toBe('new\n');
	});

	it('refuses links out of the destination, devices and fifos from a hostile container; nothing lands outside', async () => {
		const id = await container([
			'mkdir /evil',
			'echo fine > /evil/ok.txt',
			'ln -s ../../../../../../etc /evil/up',
			'ln -s /etc/passwd /evil/abs',
			'busybox mkfifo /evil/fifo',
			'busybox mknod /evil/null c 1 3',
		].join(' && '));
		writeFileSync(path.join(top, 'sentinel'), 'unchanged');
		const plan = await engine.containers.planCopyFrom(id, '/evil', dest);
		expect(plan.refused.map(entry => entry.path).sort()).toEqual(['evil/abs', 'evil/fifo', 'evil/null', 'evil/up']);
		expect(plan.refused.find(entry => entry.path === 'evil/null')?.reason).toBe('device files are not copied');
		const result = await engine.containers.copyFrom(id, '/evil', dest, {overwrite: true});
		expect(result.written.map(entry => entry.path)).toEqual(['evil', 'evil/ok.txt']);
		expect(tree(top)).toEqual(['dest', 'dest/evil', 'dest/evil/ok.txt', 'sentinel']);
		expect(readFileSync(path.join(top, 'sentinel'), 'utf8')).toBe('unchanged');
	});

	it('reports the engine\'s error for a path that is not there, and a host directory that is not there', async () => {
		const id = await container('true');
		const missing = await rejection(engine.containers.planCopyFrom(id, '/no/such/path', dest));
		expect(missing.code).toBe('not-found');
		expect(missing.message).toContain('/no/such/path');
		const noDest = await rejection(engine.containers.copyFrom(id, '/etc', path.join(top, 'nope')));
		expect(noDest.code).toBe('bad-request');
		expect(noDest.message).toContain('no such directory');
	});
});

describe('copy into a container', () => {
	it('copies a file, and a directory whose link out of it arrives as a link, never its target', async () => {
		const id = await container('mkdir /into');
		writeFileSync(path.join(top, 'single.txt'), 'single file');
		writeFileSync(path.join(top, 'host-secret.txt'), 'HOST-SECRET-91c2');
		const tree = path.join(top, 'tree');
		mkdirSync(path.join(tree, 'sub'), {recursive: true});
		writeFileSync(path.join(tree, 'sub/inner.txt'), 'inner');
		symlinkSync(path.join(top, 'host-secret.txt'), path.join(tree, 'secret-link'));
		execFileSync('mkfifo', [path.join(tree, 'pipe')]);

		expect(await engine.containers.copyTo(id, path.join(top, 'single.txt'), '/into')).toEqual({files: 1, directories: 0, symlinks: 0, bytes: 11, skipped: []});
		const result = await engine.containers.copyTo(id, tree, '/into');
		expect(result).toEqual({files: 1, directories: 2, symlinks: 1, bytes: 5, skipped: [path.join(tree, 'pipe')]});

		const inside = await dockerCli(host, ['exec', id, 'sh', '-c', 'cat /into/single.txt; echo; cat /into/tree/sub/inner.txt; echo; busybox readlink /into/tree/secret-link; ls /into/tree; cat /into/tree/secret-link 2>&1 || true']);
		expect(inside).toContain('single file');
		expect(inside).toContain('inner');
		expect(inside).toContain(path.join(top, 'host-secret.txt'));
		expect(inside).not.toContain('HOST-SECRET-91c2');
		expect(inside).not.toContain('pipe');
	});

	it('reports the engine\'s error for a container directory that is not there, and a host path that is not there', async () => {
		const id = await container('true');
		writeFileSync(path.join(top, 'f.txt'), 'x');
		const noDir = await rejection(engine.containers.copyTo(id, path.join(top, 'f.txt'), '/no/such/dir'));
		expect(noDir.code).toBe('not-found');
		expect(noDir.message).toContain('/no/such/dir');
		const noHost = await rejection(engine.containers.copyTo(id, path.join(top, 'nope'), '/tmp'));
		expect(noHost.code).toBe('bad-request');
		expect(existsSync(path.join(top, 'nope'))).toBe(false);
	});
});
