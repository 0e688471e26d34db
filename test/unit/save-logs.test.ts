/**
 * Saving logs on real files in a temporary directory: atomic replacement, mode 0600, no write
 * through a symbolic link without the target agreed to, streaming from the engine.
 */
import {lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {bufferLines, checkSaveTarget, engineLogLines, saveLines, saveText, SaveError} from '../../source/logs/save-logs.js';
import {RingBuffer} from '../../source/text/ring-buffer.js';
import type {ShownLine} from '../../source/logs/log-view.js';
import {FakeEngine} from '../support/fake-engine.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'berth-save-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const mode = (file: string) => statSync(file).mode & 0o777;

describe('saving logs', () => {
	it('writes a new file with mode 0600, whatever the umask', async () => {
		const old = process.umask(0o000);
		try {
			const result = await saveLines('new.log', ['one', 'two'], {cwd: dir});
			expect(result).toEqual({lines: 2, bytes: 8, path: path.join(dir, 'new.log')});
		} finally {
			process.umask(old);
		}
		expect(readFileSync(path.join(dir, 'new.log'), 'utf8')).toBe('one\ntwo\n');
		expect(mode(path.join(dir, 'new.log'))).toBe(0o600);
		expect(await checkSaveTarget('new.log', dir)).toEqual({kind: 'exists', path: path.join(dir, 'new.log')});
		expect(await checkSaveTarget('other.log', dir)).toEqual({kind: 'new', path: path.join(dir, 'other.log')});
		expect(await checkSaveTarget('.', dir)).toMatchObject({kind: 'error', message: 'is a directory'});
	});

	it('replaces a file only when told to, and then atomically: the old content stays until the new is complete', async () => {
		const file = path.join(dir, 'app.log');
		writeFileSync(file, 'old content\n', {mode: 0o644});
		await expect(saveLines('app.log', ['new'], {cwd: dir})).rejects.toBeInstanceOf(SaveError);
		expect(readFileSync(file, 'utf8')).toBe('old content\n');
		const seenMidway: string[] = [];
		async function* slowly() {
			for (let i = 0; i < 5000; i++) {
				yield `line ${i} ${'x'.repeat(100)}`;
				if (i === 2500) {
					await new Promise(resolve => setImmediate(resolve));
					seenMidway.push(readFileSync(file, 'utf8'));
				}
			}
		}
		await saveLines('app.log', slowly(), {cwd: dir, overwrite: true});
		expect(seenMidway).toEqual(['old content\n']); // a reader never saw a truncated or half-written file
		const saved = readFileSync(file, 'utf8').split('\n');
		expect(saved).toHaveLength(5001);
		expect(saved[4999]).toBe(`line 4999 ${'x'.repeat(100)}`);
		expect(mode(file)).toBe(0o600);
		expect(readdirSync(dir)).toEqual(['app.log']); // no temporary file left
	});

	it('a failure part-way leaves the old file intact and no temporary file behind', async () => {
		const file = path.join(dir, 'app.log');
		writeFileSync(file, 'precious\n');
		function* failing() {
			for (let i = 0; i < 100_000; i++) {
				if (i === 50_000) throw new Error('engine went away');
				yield `line ${i}`;
			}
		}
		await expect(saveLines('app.log', failing(), {cwd: dir, overwrite: true})).rejects.toThrow('engine went away');
		expect(readFileSync(file, 'utf8')).toBe('precious\n');
		expect(readdirSync(dir)).toEqual(['app.log']);
	});

	it('does not write through a symbolic link without its target agreed to by name, and keeps the link when it is', async () => {
		const target = path.join(dir, 'elsewhere.txt');
		writeFileSync(target, 'not a log\n', {mode: 0o644});
		symlinkSync(target, path.join(dir, 'link.log'));
		const check = await checkSaveTarget('link.log', dir);
		expect(check).toEqual({kind: 'symlink', path: path.join(dir, 'link.log'), target});
		// Refused without consent, even with overwrite, and with consent to another target.
		for (const options of [{overwrite: true}, {overwrite: true, throughSymlink: path.join(dir, 'other')}]) {
			const error = await saveLines('link.log', ['data'], {cwd: dir, ...options}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(SaveError);
			expect((error as SaveError).code).toBe('symlink');
			expect((error as SaveError).message).toContain(target);
		}
		expect(readFileSync(target, 'utf8')).toBe('not a log\n');
		await expect(saveText('link.log', 'data\n', true, dir)).rejects.toMatchObject({code: 'symlink'});
		// With consent: the target is replaced atomically, the link stays a link to it.
		const result = await saveLines('link.log', ['data'], {cwd: dir, throughSymlink: target});
		expect(result.path).toBe(target);
		expect(lstatSync(path.join(dir, 'link.log')).isSymbolicLink()).toBe(true);
		expect(readlinkSync(path.join(dir, 'link.log'))).toBe(target);
		expect(readFileSync(target, 'utf8')).toBe('data\n');
		expect(mode(target)).toBe(0o600);
	});

	it('streams the whole log from the engine, and the buffer’s lines as shown', async () => {
		const engine = new FakeEngine();
		engine.logs.set('c1', Array.from({length: 20_000}, (_, i) => ({stream: 'stdout' as const, text: `engine line ${i}`})));
		const result = await saveLines('whole.log', engineLogLines(engine, 'c1'), {cwd: dir});
		expect(result.lines).toBe(20_000);
		const text = readFileSync(path.join(dir, 'whole.log'), 'utf8');
		expect(text.startsWith('engine line 0\nengine line 1\n')).toBe(true);
		expect(text.endsWith('engine line 19999\n')).toBe(true);

		const buffer = new RingBuffer<ShownLine>(10);
		buffer.pushMany([
			{stream: 'stdout', text: 'a', source: 'web'},
			{stream: 'stderr', text: 'b', source: 'db'},
		]);
		await saveLines('merged.log', bufferLines(buffer), {cwd: dir});
		expect(readFileSync(path.join(dir, 'merged.log'), 'utf8')).toBe('web | a\ndb | b\n');
	});
});
