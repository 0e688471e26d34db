/**
 * The safe extractor against links that only escape when read together (a link through another
 * link), modes that keep a directory's sticky bit, and names the host cannot hold.
 */
import {lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {unpackSafely} from '../../source/engine/archive/safe-extract.js';
import {random} from '../support/random.js';
import {makeTar, tarStreamOf, type TarEntry} from '../support/tar.js';

let top: string;
let dest: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-links-'));
	dest = path.join(top, 'a', 'b', 'dest');
	mkdirSync(dest, {recursive: true});
});

afterEach(() => {
	rmSync(top, {recursive: true, force: true});
});

async function unpack(entries: TarEntry[]) {
	return unpackSafely(tarStreamOf(await makeTar(entries)), dest);
}

/** Every symbolic link under `dir`, relative. */
function links(dir: string, sub = ''): string[] {
	const out: string[] = [];
	for (const name of readdirSync(path.join(dir, sub))) {
		const relative = sub ? `${sub}/${name}` : name;
		const stat = lstatSync(path.join(dir, relative));
		if (stat.isSymbolicLink()) out.push(relative);
		else if (stat.isDirectory()) out.push(...links(dir, relative));
	}

	return out;
}

/** True when every link under the destination that resolves at all resolves inside it. */
function everyLinkStaysInside(): {ok: boolean; escaped: string[]} {
	const root = realpathSync.native(dest);
	const escaped: string[] = [];
	for (const link of links(dest)) {
		let resolved: string;
		try {
			resolved = realpathSync.native(path.join(dest, link)); // the kernel's reading (the JS realpath reads "a/.." as text)
		} catch {
			continue; // dangling or a loop: it points nowhere
		}

		if (resolved !== root && !resolved.startsWith(`${root}/`)) escaped.push(`${link} -> ${resolved}`);
	}

	return {ok: escaped.length === 0, escaped};
}

describe('links through links', () => {
	it('refuses a link whose target climbs out through a link the archive made (s -> ., x -> s/s/s/s/../../../..)', async () => {
		const outcome = await unpack([
			{name: 's', type: 'symlink', linkname: '.'},
			{name: 'x', type: 'symlink', linkname: 's/s/s/s/../../../..'},
			{name: 'y', type: 'symlink', linkname: 's/s/s/s/../../../../etc'},
		]);
		expect(outcome.refused.map(entry => entry.path)).toEqual(['x', 'y']);
		expect(outcome.refused[0]!.reason).toContain('climbs back out (..) after going through the link s');
		expect(everyLinkStaysInside()).toEqual({ok: true, escaped: []});
	});

	it('refuses a link that climbs out of a name that is not a directory yet (w -> t/../.., then t -> .)', async () => {
		const outcome = await unpack([
			{name: 'deep/er/', type: 'directory'},
			{name: 'w', type: 'symlink', linkname: 't/t/../..'},
			{name: 't', type: 'symlink', linkname: '.'},
			{name: 'v', type: 'symlink', linkname: 'deep/er/../er/../../deep'},
		]);
		expect(outcome.refused).toEqual([{path: 'w', reason: expect.stringContaining('not a directory')}]);
		expect(outcome.written.map(entry => entry.path)).toEqual(['deep/er', 't', 'v']);
		expect(everyLinkStaysInside()).toEqual({ok: true, escaped: []});
	});

	it('a link made by one copy cannot be turned outwards by a link a later copy replaces', async () => {
		await unpack([{name: 'deep/er/', type: 'directory'}, {name: 's', type: 'symlink', linkname: 'deep/er'}]);
		// Inside while s points two levels down (deep/er/../z is deep/z); outside once s points at ".".
		const second = await unpack([{name: 'x', type: 'symlink', linkname: 's/../z'}]);
		expect(second.refused).toEqual([{path: 'x', reason: expect.stringContaining('goes through s, a link that was on the host')}]);
		await unpackSafely(tarStreamOf(await makeTar([{name: 's', type: 'symlink', linkname: '.'}])), dest, {onConflicts: async () => 'replace'});
		expect(everyLinkStaysInside()).toEqual({ok: true, escaped: []});
	});

	it('refuses a link through a link that was on the host before', async () => {
		const outside = path.join(top, 'outside');
		mkdirSync(path.join(outside, 'deeper'), {recursive: true});
		symlinkSync(path.join(outside, 'deeper'), path.join(dest, 'hostlink'));
		const outcome = await unpack([
			{name: 'up', type: 'symlink', linkname: 'hostlink/..'},
			{name: 'to', type: 'symlink', linkname: 'hostlink'},
			{name: 'fine', type: 'symlink', linkname: 'elsewhere'},
		]);
		expect(outcome.refused.map(entry => entry.path)).toEqual(['up', 'to']);
		expect(outcome.refused[0]!.reason).toContain('hostlink');
		expect(outcome.written.map(entry => entry.path)).toEqual(['fine']);
	});

	it('keeps the links of a root file system that go through other links and stay inside', async () => {
		const outcome = await unpack([
			{name: 'usr/lib/', type: 'directory'},
			{name: 'usr/lib/libc.so.6', content: 'libc'},
			{name: 'lib', type: 'symlink', linkname: 'usr/lib'},
			{name: 'bin/', type: 'directory'},
			{name: 'bin/libc', type: 'symlink', linkname: '../lib/libc.so.6'},
			{name: 'bin/later', type: 'symlink', linkname: '../opt/tool'},
			{name: 'opt/tool', content: 'tool'},
		]);
		expect(outcome.refused).toEqual([]);
		expect(readFileSync(path.join(dest, 'bin/libc'), 'utf8')).toBe('libc');
		expect(readFileSync(path.join(dest, 'bin/later'), 'utf8')).toBe('tool');
	});

	it('no link of a random archive of links and directories resolves outside the destination', async () => {
		const next = random(183);
		const names = ['a', 'b', 'c', 'd/e'];
		const pick = <T>(from: readonly T[]): T => from[Math.floor(next() * from.length)]!;
		for (let round = 0; round < 150; round++) {
			rmSync(dest, {recursive: true, force: true});
			mkdirSync(dest);
			const entries: TarEntry[] = [];
			const count = 2 + Math.floor(next() * 5);
			for (let i = 0; i < count; i++) {
				const name = pick(names);
				if (next() < 0.15) {
					entries.push({name: `${name}/`, type: 'directory'});
					continue;
				}
				// Down through a few names, back up as many times (as text, it stays where it started), then maybe on.
				const down = Array.from({length: Math.floor(next() * 4)}, () => pick(['a', 'b', 'c', 'd', 'e', '.']));
				const target = [...down, ...down.map(() => '..'), ...(next() < 0.5 ? [pick(['a', 'b', 'd', '.'])] : [])].join('/') || '.';
				entries.push({name, type: 'symlink', linkname: target});
			}
			await unpack(entries);
			const check = everyLinkStaysInside();
			expect(check, JSON.stringify(entries)).toEqual({ok: true, escaped: []});
		}
	});
});

describe('modes', () => {
	it('keeps a directory\'s sticky bit (1777 stays 1777) and strips setuid and setgid', async () => {
		await unpack([
			{name: 'tmp/', type: 'directory', mode: 0o1777},
			{name: 'shared/', type: 'directory', mode: 0o3775},
			{name: 'tool', content: 'x', mode: 0o6755},
		]);
		expect(statSync(path.join(dest, 'tmp')).mode & 0o7777).toBe(0o1777);
		expect(statSync(path.join(dest, 'shared')).mode & 0o7777).toBe(0o1775);
		expect(statSync(path.join(dest, 'tool')).mode & 0o7777).toBe(0o755);
	});
});

describe('names the host cannot hold', () => {
	it('skips a name over 255 bytes with its reason and copies the rest', async () => {
		const long = 'n'.repeat(256);
		const outcome = await unpack([
			{name: 'first.txt', content: 'first'},
			{name: long, content: 'too long'},
			{name: `dir/${'é'.repeat(128)}/inner`, content: 'too long in bytes'},
			{name: 'last.txt', content: 'last'},
		]);
		expect(outcome.refused.map(entry => entry.path)).toEqual([long, `dir/${'é'.repeat(128)}/inner`]);
		expect(outcome.refused[0]!.reason).toContain('255 bytes');
		expect(readFileSync(path.join(dest, 'first.txt'), 'utf8')).toBe('first');
		expect(readFileSync(path.join(dest, 'last.txt'), 'utf8')).toBe('last');
	});

	it('skips an entry the host refuses for its length (ENAMETOOLONG) and goes on', async () => {
		// Each part is short enough; the whole path is over the host's PATH_MAX.
		const deep = Array.from({length: 20}, (_, i) => `${String(i).padStart(2, '0')}${'p'.repeat(250)}`).join('/');
		const outcome = await unpack([
			{name: `${deep}/f`, content: 'deep'},
			{name: 'after.txt', content: 'after'},
		]);
		expect(outcome.refused).toHaveLength(1);
		expect(outcome.refused[0]!.reason).toMatch(/too long/);
		expect(readFileSync(path.join(dest, 'after.txt'), 'utf8')).toBe('after');
	});
});
