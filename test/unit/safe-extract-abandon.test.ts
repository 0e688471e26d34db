/**
 * The safe extractor when a copy cannot finish or must ask: no part of a file ever under its real
 * name, an archive cut off or a cancel takes back everything the copy wrote, and files that exist
 * are asked about once the archive was read (one pass), then replaced or the copy abandoned.
 */
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {unpackSafely} from '../../source/engine/archive/safe-extract.js';
import {makeTar, tarStreamOf, type TarEntry} from '../support/tar.js';
import {tree} from '../support/file-tree.js';

let top: string;
let dest: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-abandon-'));
	dest = path.join(top, 'dest');
	mkdirSync(dest);
});

afterEach(() => {
	rmSync(top, {recursive: true, force: true});
});

const big = 'B'.repeat(256 * 1024);
const entries: TarEntry[] = [
	{name: 'dir/', type: 'directory'},
	{name: 'dir/small.txt', content: 'small'},
	{name: 'dir/link', type: 'symlink', linkname: 'small.txt'},
	{name: 'dir/big.bin', content: big},
	{name: 'dir/after.txt', content: 'after'},
];

/** The tar up to the middle of big.bin's content; the rest once `wait` resolves (it may reject: a connection that drops). */
async function cutStream(wait: Promise<void>): Promise<Readable> {
	const tar = await makeTar(entries);
	const cut = tar.indexOf(Buffer.from('B'.repeat(512))) + big.length / 2;
	async function* chunks() {
		yield tar.subarray(0, cut);
		await wait;
		yield tar.subarray(cut);
	}

	return Readable.from(chunks());
}

/** A connection that drops (rejects with `error`) once half of big.bin is in, and the progress callback that sees it. */
function dropHalfway(error: Error) {
	let reject!: (error: Error) => void;
	const wait = new Promise<void>((_resolve, fail) => {
		reject = fail;
	});
	let dropped = false;
	return {
		wait,
		onProgress(progress: {bytes: number; current?: string}) {
			if (dropped || progress.current !== 'dir/big.bin' || progress.bytes < big.length / 2) return;
			dropped = true;
			setTimeout(() => reject(error), 20);
		},
	};
}

describe('a copy that cannot finish', () => {
	it('an archive cut off in the middle of a file leaves nothing: no part of it under its real name, and what was written before is removed', async () => {
		const reset = Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'});
		const drop = dropHalfway(reset);
		const failure = await unpackSafely(await cutStream(drop.wait), dest, {onProgress: drop.onProgress}).then(() => undefined, (error: unknown) => error);
		expect(failure).toBeInstanceOf(Error);
		expect(tree(dest)).toEqual([]);
		expect(failure).toMatchObject({name: 'AbandonedCopy', why: 'failed', left: [], progress: {current: 'dir/big.bin'}});
		expect((failure as {removed: number}).removed).toBe(4); // dir, small.txt, link, big.bin's temporary file
		expect((failure as {progress: {bytes: number}}).progress.bytes).toBeGreaterThan(big.length / 4);
		expect((failure as Error).cause).toBe(reset);
	});

	it('a file being written exists only under a temporary name beside it until it is complete', async () => {
		let release!: () => void;
		const wait = new Promise<void>(resolve => {
			release = resolve;
		});
		const done = unpackSafely(await cutStream(wait), dest);
		// Half of big.bin is in and the rest held back: look at the directory, then let the rest come.
		// (small.txt went through a temporary name too: wait for the link, which comes after it.)
		const bigStarted = () => tree(dest).includes('dir/link') && tree(dest).some(name => name.endsWith('.part'));
		for (let tries = 0; tries < 300 && !bigStarted(); tries++) await new Promise(resolve => setTimeout(resolve, 10));
		const seen = [tree(dest)];
		release();
		const outcome = await done;
		expect(seen[0]).toEqual(['dir', expect.stringMatching(/^dir\/\.berth-[0-9a-f]{12}\.part$/), 'dir/link', 'dir/small.txt']);
		expect(tree(dest)).toEqual(['dir', 'dir/after.txt', 'dir/big.bin', 'dir/link', 'dir/small.txt']);
		expect(readFileSync(path.join(dest, 'dir/big.bin'), 'utf8')).toBe(big);
		expect(outcome.written.map(entry => entry.path)).toEqual(['dir', 'dir/small.txt', 'dir/link', 'dir/big.bin', 'dir/after.txt']);
	});

	it('a cancel takes back everything the copy wrote', async () => {
		const controller = new AbortController();
		const never = new Promise<void>(() => {});
		const done = unpackSafely(await cutStream(never), dest, {
			signal: controller.signal,
			onProgress(progress) {
				if (progress.current === 'dir/big.bin' && progress.bytes >= big.length / 2 && !controller.signal.aborted) setTimeout(() => controller.abort(), 20);
			},
		});
		const failure = await done.then(() => undefined, (error: unknown) => error);
		expect(failure).toMatchObject({name: 'AbandonedCopy', why: 'cancelled'});
		expect(tree(dest)).toEqual([]);
	});
});

describe('files that exist on the host', () => {
	beforeEach(() => {
		mkdirSync(path.join(dest, 'dir'));
		writeFileSync(path.join(dest, 'dir/small.txt'), 'old small');
		writeFileSync(path.join(top, 'target'), 'untouched');
		symlinkSync(path.join(top, 'target'), path.join(dest, 'dir/link'));
	});

	it('are asked about once, after the archive was read, naming each; "replace" puts the new ones in place (links replaced, never followed)', async () => {
		const asked: Array<{conflicts: string[]; tree: string[]}> = [];
		const outcome = await unpackSafely(tarStreamOf(await makeTar(entries)), dest, {
			onConflicts: async conflicts => {
				asked.push({conflicts, tree: tree(dest)});
				return 'replace';
			},
		});
		expect(asked).toHaveLength(1);
		expect(asked[0]!.conflicts).toEqual(['dir/small.txt', 'dir/link']);
		// While it asks: the new files are in, the old ones untouched, the replacements wait beside them.
		expect(asked[0]!.tree.filter(name => !name.includes('.berth-'))).toEqual(['dir', 'dir/after.txt', 'dir/big.bin', 'dir/link', 'dir/small.txt']);
		expect(asked[0]!.tree.filter(name => name.includes('.berth-'))).toHaveLength(2);
		expect(outcome.replaced).toEqual(['dir/small.txt', 'dir/link']);
		expect(readFileSync(path.join(dest, 'dir/small.txt'), 'utf8')).toBe('small');
		expect(lstatSync(path.join(dest, 'dir/link')).isSymbolicLink()).toBe(true);
		expect(readFileSync(path.join(dest, 'dir/link'), 'utf8')).toBe('small');
		expect(readFileSync(path.join(top, 'target'), 'utf8')).toBe('untouched');
		expect(tree(dest)).toEqual(['dir', 'dir/after.txt', 'dir/big.bin', 'dir/link', 'dir/small.txt']);
	});

	it('"abandon" leaves the host as it was: the existing files untouched, the new ones removed', async () => {
		const before = tree(dest);
		const outcome = await unpackSafely(tarStreamOf(await makeTar(entries)), dest, {onConflicts: async () => 'abandon'});
		expect(outcome.declined).toEqual(['dir/small.txt', 'dir/link']);
		expect(outcome.written).toEqual([]);
		expect(tree(dest)).toEqual(before);
		expect(readFileSync(path.join(dest, 'dir/small.txt'), 'utf8')).toBe('old small');
		expect(existsSync(path.join(dest, 'dir/big.bin'))).toBe(false);
	});
});
