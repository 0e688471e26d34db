/** diff and docker cp both ways against the real engine. */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type CopyProgress} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {startRelay} from '../support/relay.js';
import {tree} from '../support/file-tree.js';

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
	it('writes a directory with files and a link inside it, in one read of the archive', async () => {
		const id = await container('mkdir -p /data/dir/sub && echo alpha > /data/dir/a.txt && echo bravo > /data/dir/sub/b.txt && ln -s a.txt /data/dir/link');
		const progress: CopyProgress[] = [];
		const result = await engine.containers.copyFrom(id, '/data/dir', dest, {onProgress: p => progress.push(p)});
		expect(result).toMatchObject({destination: dest, files: 2, directories: 2, symlinks: 1, bytes: 12, replaced: [], refused: []});
		expect(result.written.map(entry => entry.path).sort()).toEqual(['dir', 'dir/a.txt', 'dir/link', 'dir/sub', 'dir/sub/b.txt']);
		expect(readFileSync(path.join(dest, 'dir/sub/b.txt'), 'utf8')).toBe('bravo\n');
		expect(readlinkSync(path.join(dest, 'dir/link'))).toBe('a.txt');
		// A directory's size is not known before: no total.
		expect(progress.at(-1)).toMatchObject({bytes: 12, entries: 5});
		expect(progress.at(-1)?.total).toBeUndefined();
	});

	it('knows the size of a single file from the archive\'s stat header', async () => {
		const id = await container('head -c 300000 /dev/zero > /one.bin');
		const progress: CopyProgress[] = [];
		await engine.containers.copyFrom(id, '/one.bin', dest, {onProgress: p => progress.push(p)});
		expect(progress.at(-1)).toMatchObject({bytes: 300_000, total: 300_000});
	});

	it('asks once the archive was read: replaces when told to, else leaves the host as it was', async () => {
		const id = await container('mkdir -p /data/dir && echo new > /data/dir/a.txt && echo fresh > /data/dir/b.txt');
		mkdirSync(path.join(dest, 'dir'));
		writeFileSync(path.join(dest, 'dir/a.txt'), 'old');
		const asked: string[][] = [];
		const kept = await engine.containers.copyFrom(id, '/data/dir', dest, {onConflicts: async conflicts => (asked.push(conflicts), false)});
		expect(asked).toEqual([['dir/a.txt']]);
		expect(kept).toMatchObject({declined: ['dir/a.txt'], written: []});
		expect(tree(dest)).toEqual(['dir', 'dir/a.txt']);
		expect(readFileSync(path.join(dest, 'dir/a.txt'), 'utf8')).toBe('old');
		const replaced = await engine.containers.copyFrom(id, '/data/dir', dest, {onConflicts: async () => true});
		expect(replaced.replaced).toEqual(['dir/a.txt']);
		expect(readFileSync(path.join(dest, 'dir/a.txt'), 'utf8')).toBe('new\n');
		expect(readFileSync(path.join(dest, 'dir/b.txt'), 'utf8')).toBe('fresh\n');
	});

	it('refuses links out of the destination (also through another link), devices and fifos from a hostile container; nothing lands outside', async () => {
		const id = await container([
			'mkdir /evil',
			'echo fine > /evil/ok.txt',
			'busybox chmod 1777 /evil',
			'ln -s ../../../../../../etc /evil/up',
			'ln -s /etc/passwd /evil/abs',
			'ln -s . /evil/s',
			'ln -s s/s/s/../../../.. /evil/x',
			'busybox mkfifo /evil/fifo',
			'busybox mknod /evil/null c 1 3',
		].join(' && '));
		writeFileSync(path.join(top, 'sentinel'), 'unchanged');
		const result = await engine.containers.copyFrom(id, '/evil', dest);
		expect(result.refused.map(entry => entry.path).sort()).toEqual(['evil/abs', 'evil/fifo', 'evil/null', 'evil/up', 'evil/x']);
		expect(result.refused.find(entry => entry.path === 'evil/null')?.reason).toBe('device files are not copied');
		expect(result.written.map(entry => entry.path).sort()).toEqual(['evil', 'evil/ok.txt', 'evil/s']);
		expect(tree(top)).toEqual(['dest', 'dest/evil', 'dest/evil/ok.txt', 'dest/evil/s', 'sentinel']);
		expect(readFileSync(path.join(top, 'sentinel'), 'utf8')).toBe('unchanged');
		// The sticky bit of a world-writable directory stays.
		expect(statSync(path.join(dest, 'evil')).mode & 0o7777).toBe(0o1777);
	});

	it('reports the engine\'s error for a path that is not there, and a host directory that is not there', async () => {
		const id = await container('true');
		const missing = await rejection(engine.containers.copyFrom(id, '/no/such/path', dest));
		expect(missing.code).toBe('not-found');
		expect(missing.message).toContain('/no/such/path');
		const noDest = await rejection(engine.containers.copyFrom(id, '/etc', path.join(top, 'nope')));
		expect(noDest.code).toBe('bad-request');
		expect(noDest.message).toContain('no such directory');
	});

	it('a cancel in the middle removes everything the copy wrote', async () => {
		const id = await container('mkdir /data && echo small > /data/a.txt && head -c 64000000 /dev/zero > /data/big.bin');
		const controller = new AbortController();
		const error = await rejection(engine.containers.copyFrom(id, '/data', dest, {
			onProgress: p => {
				if (p.bytes > 8_000_000) controller.abort();
			},
		}, controller.signal));
		expect(error.code).toBe('aborted');
		expect(error.message).toMatch(/^Cancelled after .*: nothing was copied/);
		expect(tree(dest)).toEqual([]);
	});
});

describe('copy out through a connection that drops', () => {
	it('leaves no file cut short under its real name, removes what it wrote, and says so', async () => {
		const id = await container('mkdir /data && echo small > /data/a.txt && head -c 64000000 /dev/zero > /data/big.bin');
		const relay = await startRelay(host);
		try {
			const through = createDockerEngine(resolveEndpoint({host: relay.host, env: {}, homedir: tmpdir()}));
			let dropping: Promise<void> | undefined;
			const error = await rejection(through.containers.copyFrom(id, '/data', dest, {
				onProgress: p => {
					if (p.bytes > 8_000_000) dropping ??= relay.drop();
				},
			}));
			await dropping;
			expect(error.code).toBe('interrupted');
			expect(error.message).toMatch(/^The connection to the engine dropped after .*, in data\/big\.bin: nothing was copied \(what it had written was removed: \d+ files and directories\)$/);
			expect(tree(dest)).toEqual([]);
		} finally {
			await relay.close();
		}
	});

	it('reads the archive once, asking about existing files at the end', async () => {
		const id = await container('mkdir /data && echo new > /data/a.txt');
		mkdirSync(path.join(dest, 'data'));
		writeFileSync(path.join(dest, 'data/a.txt'), 'old');
		const requests: string[] = [];
		const relay = await startRelay(host, {onRequest: line => requests.push(line)});
		try {
			const through = createDockerEngine(resolveEndpoint({host: relay.host, env: {}, homedir: tmpdir()}));
			await through.containers.copyFrom(id, '/data', dest, {onConflicts: async () => true});
		} finally {
			await relay.close();
		}
		expect(requests.filter(line => /^GET \S*\/containers\/[^/]+\/archive\?/.test(line))).toHaveLength(1);
		expect(readFileSync(path.join(dest, 'data/a.txt'), 'utf8')).toBe('new\n');
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

	it('shows its progress against the bytes counted first', async () => {
		const id = await container('mkdir /into');
		mkdirSync(path.join(top, 'tree/sub'), {recursive: true});
		writeFileSync(path.join(top, 'tree/a.bin'), Buffer.alloc(200_000, 1));
		writeFileSync(path.join(top, 'tree/sub/b.bin'), Buffer.alloc(100_000, 2));
		const progress: CopyProgress[] = [];
		await engine.containers.copyTo(id, path.join(top, 'tree'), '/into', {onProgress: p => progress.push(p)});
		expect(progress[0]!.total).toBe(300_000);
		expect(progress.at(-1)).toMatchObject({bytes: 300_000, total: 300_000, entries: 4});
	});

	it('a cancel part-way ends the upload cleanly: the container keeps the files sent whole, and the one cut short is removed', async () => {
		const id = await container('mkdir /into');
		mkdirSync(path.join(top, 'up'));
		writeFileSync(path.join(top, 'up/a.txt'), 'first');
		writeFileSync(path.join(top, 'up/big.bin'), Buffer.alloc(64_000_000, 7));
		const controller = new AbortController();
		const error = await rejection(engine.containers.copyTo(id, path.join(top, 'up'), '/into', {
			onProgress: p => {
				if (p.bytes > 8_000_000) controller.abort();
			},
		}, controller.signal));
		expect(error.code).toBe('aborted');
		expect(error.message).toMatch(/^Cancelled after .* of 64MB: the container keeps the 2 entries sent whole; \/into\/up\/big\.bin, cut short, was removed$/);
		const inside = await dockerCli(host, ['exec', id, 'sh', '-c', 'ls /into/up; cat /into/up/a.txt']);
		expect(inside.trim().split('\n')).toEqual(['a.txt', 'first']);
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
