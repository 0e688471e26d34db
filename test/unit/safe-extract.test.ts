/** The safe extractor on crafted archives: nothing lands outside the destination (see also safe-extract-links and -abandon). */
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {judgeEntry, normaliseEntryName, symlinkStaysInside} from '../../source/engine/archive/entry-rules.js';
import {unpackSafely} from '../../source/engine/archive/safe-extract.js';
import {makeTar, tarStreamOf, type TarEntry} from '../support/tar.js';
import {tree} from '../support/file-tree.js';

let top: string;
let dest: string;
let outside: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-extract-'));
	dest = path.join(top, 'a', 'b', 'dest');
	outside = path.join(top, 'outside');
	mkdirSync(dest, {recursive: true});
	mkdirSync(outside);
});

afterEach(() => {
	rmSync(top, {recursive: true, force: true});
});

async function unpack(entries: TarEntry[], options: {replace?: boolean} = {}) {
	return unpackSafely(tarStreamOf(await makeTar(entries)), dest, options.replace ? {onConflicts: async () => 'replace'} : {});
}

describe('entry rules', () => {
	it('normalises names and refuses ones that leave the destination', () => {
		expect(normaliseEntryName('./a//b/')).toBe('a/b');
		expect(normaliseEntryName('./')).toBe('');
		expect(normaliseEntryName('../x')).toBeUndefined();
		expect(normaliseEntryName('a/../../x')).toBeUndefined();
		expect(normaliseEntryName('a/../b')).toBeUndefined();
		expect(normaliseEntryName('/etc/passwd')).toBeUndefined();
		expect(normaliseEntryName('a\0b')).toBeUndefined();
	});

	it('lets a symlink point only inside', () => {
		expect(symlinkStaysInside('dir/link', 'file')).toBe(true);
		expect(symlinkStaysInside('dir/link', '../file')).toBe(true);
		expect(symlinkStaysInside('dir/link', '../../file')).toBe(false);
		expect(symlinkStaysInside('link', '/etc/passwd')).toBe(false);
		expect(symlinkStaysInside('link', '')).toBe(false);
	});

	it('refuses devices and fifos, and names why', () => {
		expect(judgeEntry({name: 'null', type: 'character-device'})).toEqual({ok: false, reason: 'device files are not copied'});
		expect(judgeEntry({name: 'sda', type: 'block-device'})).toEqual({ok: false, reason: 'device files are not copied'});
		expect(judgeEntry({name: 'pipe', type: 'fifo'})).toEqual({ok: false, reason: 'fifos are not copied'});
		expect(judgeEntry({name: '/abs', type: 'file'})).toMatchObject({ok: false, reason: expect.stringContaining('absolute path')});
		expect(judgeEntry({name: 'h', type: 'link', linkname: '../../etc/shadow'})).toMatchObject({ok: false});
	});
});

describe('unpackSafely', () => {
	it('writes files, directories, links inside and hard links, and reports them', async () => {
		const outcome = await unpack([
			{name: 'dir/', type: 'directory'},
			{name: 'dir/a.txt', content: 'alpha'},
			{name: 'dir/sub/b.txt', content: 'bravo!'},
			{name: 'dir/link', type: 'symlink', linkname: 'a.txt'},
			{name: 'dir/hard', type: 'link', linkname: 'dir/a.txt'},
			{name: 'dir/setuid', content: 'x', mode: 0o4755},
		]);
		expect(outcome.refused).toEqual([]);
		expect(outcome.written).toEqual([
			{path: 'dir', kind: 'directory', bytes: 0},
			{path: 'dir/a.txt', kind: 'file', bytes: 5},
			{path: 'dir/sub/b.txt', kind: 'file', bytes: 6},
			{path: 'dir/link', kind: 'symlink', bytes: 0},
			{path: 'dir/hard', kind: 'hardlink', bytes: 0},
			{path: 'dir/setuid', kind: 'file', bytes: 1},
		]);
		expect(readFileSync(path.join(dest, 'dir/sub/b.txt'), 'utf8')).toBe('bravo!');
		expect(readlinkSync(path.join(dest, 'dir/link'))).toBe('a.txt');
		expect(statSync(path.join(dest, 'dir/hard')).ino).toBe(statSync(path.join(dest, 'dir/a.txt')).ino);
		expect(statSync(path.join(dest, 'dir/setuid')).mode & 0o7777).toBe(0o755);
	});

	it('refuses every entry that tries to escape, and writes nothing outside the destination', async () => {
		symlinkSync(outside, path.join(dest, 'hostlink'));
		const outcome = await unpack([
			{name: '../escaped', content: 'x'},
			{name: '../../../../escaped-far', content: 'x'},
			{name: '/tmp/berth-absolute-escape', content: 'x'},
			{name: 'ok/../../escaped2', content: 'x'},
			{name: 'up', type: 'symlink', linkname: '../../outside'},
			{name: 'abs', type: 'symlink', linkname: '/etc/passwd'},
			{name: 'null', type: 'character-device', devmajor: 1, devminor: 3},
			{name: 'pipe', type: 'fifo'},
			{name: 'hard', type: 'link', linkname: '../outside/x'},
			{name: 'hard2', type: 'link', linkname: 'never-written'},
			{name: 'hostlink/pwned', content: 'through a link on the host'},
			{name: 'fine.txt', content: 'fine'},
		]);
		expect(outcome.refused.map(entry => entry.path)).toEqual([
			'../escaped', '../../../../escaped-far', '/tmp/berth-absolute-escape', 'ok/../../escaped2', 'up', 'abs', 'null', 'pipe', 'hard', 'hard2', 'hostlink/pwned',
		]);
		expect(outcome.refused.find(entry => entry.path === 'hostlink/pwned')?.reason).toContain('symbolic link');
		expect(outcome.written.map(entry => entry.path)).toEqual(['fine.txt']);
		expect(tree(outside)).toEqual([]);
		expect(tree(path.join(top, 'a'))).toEqual(['b', 'b/dest', 'b/dest/fine.txt', 'b/dest/hostlink']);
		expect(existsSync('/tmp/berth-absolute-escape')).toBe(false);
		expect(existsSync(path.join(top, 'escaped'))).toBe(false);
	});

	it('does not write through a link the archive itself made', async () => {
		const outcome = await unpack([
			{name: 'sub/', type: 'directory'},
			{name: 'inner', type: 'symlink', linkname: 'sub'},
			{name: 'inner/file', content: 'x'},
		]);
		expect(outcome.refused).toEqual([{path: 'inner/file', reason: 'inner is a symbolic link: nothing is written through links'}]);
		expect(tree(dest)).toEqual(['inner', 'sub']);
	});

	it('never replaces a directory by a file or the reverse', async () => {
		mkdirSync(path.join(dest, 'was-dir'));
		writeFileSync(path.join(dest, 'was-file'), 'f');
		const outcome = await unpack([{name: 'was-dir', content: 'x'}, {name: 'was-file/', type: 'directory'}], {replace: true});
		expect(outcome.refused.map(entry => entry.path)).toEqual(['was-dir', 'was-file']);
		expect(lstatSync(path.join(dest, 'was-dir')).isDirectory()).toBe(true);
		expect(readFileSync(path.join(dest, 'was-file'), 'utf8')).toBe('f');
	});

	it('fills a read-only directory, then gives it its mode', async () => {
		await unpack([{name: 'ro/', type: 'directory', mode: 0o555}, {name: 'ro/file', content: 'x'}]);
		expect(readFileSync(path.join(dest, 'ro/file'), 'utf8')).toBe('x');
		expect(statSync(path.join(dest, 'ro')).mode & 0o777).toBe(0o555);
	});
});
