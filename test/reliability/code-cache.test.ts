/**
 * The loader's code cache (source/cli/loader.ts): berth starts and works whatever state the
 * cache is in (none, damaged, truncated, made for another bundle, unwritable, turned off), and a
 * cache it cannot use is made again. The built binary, as users run it; `--version` needs no
 * terminal and exits at once, so the cache is written on the way out.
 */
import {spawnSync} from 'node:child_process';
import {appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {assertBuilt, berthCli} from './support/terminal.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;
let dir: string;

beforeEach(() => {
	assertBuilt();
	dir = mkdtempSync('/tmp/berth-cache-test-');
});
afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** `berth --version` with the cache under `cache`; what it printed and what the loader reported. */
function run(cache: string, cli = berthCli, env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [cli, '--version'], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'], HOME: dir, XDG_CACHE_HOME: cache, BERTH_DEBUG_CODE_CACHE: '1', ...env},
		timeout: 30_000,
	});
	expect(result.status, result.stderr).toBe(0);
	expect(result.stdout.trim()).toBe(version);
	return /code cache \S+: (.+)$/m.exec(result.stderr)?.[1];
}

const cacheFiles = (cache: string) => readdirSync(path.join(cache, 'berth')).filter(name => name.endsWith('.bin'));

describe('the code cache', () => {
	it('is made by the first start and used by the next', () => {
		const cache = path.join(dir, 'cache');
		expect(run(cache)).toBe('none');
		expect(cacheFiles(cache)).toHaveLength(1);
		expect(run(cache)).toBe('used (partial)');
	});

	it('a damaged or truncated file is not used, and is made again', () => {
		const cache = path.join(dir, 'cache');
		run(cache);
		const file = path.join(cache, 'berth', cacheFiles(cache)[0]!);
		const bytes = readFileSync(file);
		bytes[bytes.length >> 1] ^= 0xff;
		writeFileSync(file, bytes);
		expect(run(cache)).toBe('none');
		expect(run(cache)).toBe('used (partial)');
		writeFileSync(file, readFileSync(file).subarray(0, 100));
		expect(run(cache)).toBe('none');
		expect(run(cache)).toBe('used (partial)');
	});

	it('a changed bundle gets a cache of its own, and the old one is removed', () => {
		const copy = path.join(dir, 'dist');
		cpSync(path.dirname(berthCli), copy, {recursive: true});
		// --version reads the package.json above the bundle.
		cpSync(new URL('../../package.json', import.meta.url), path.join(dir, 'package.json'));
		const cli = path.join(copy, path.basename(berthCli));
		const cache = path.join(dir, 'cache');
		run(cache, cli);
		const before = cacheFiles(cache);
		appendFileSync(path.join(copy, 'berth.bundle.js'), '\n// changed\n');
		expect(run(cache, cli)).toBe('none');
		const after = cacheFiles(cache);
		expect(after).toHaveLength(1);
		expect(after[0]).not.toBe(before[0]);
		expect(run(cache, cli)).toBe('used (partial)');
	});

	it('an unwritable place or BERTH_CODE_CACHE=off only means no cache', () => {
		const notADirectory = path.join(dir, 'file');
		writeFileSync(notADirectory, '');
		expect(run(notADirectory)).toBe('none');
		expect(run(notADirectory)).toBe('none');
		expect(run(path.join(dir, 'cache'), berthCli, {BERTH_CODE_CACHE: 'off'})).toBe('none');
		expect(readdirSync(dir)).toEqual(['file']);
	});
});
