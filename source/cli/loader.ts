/**
 * dist/cli.js: loads berth's bundle (dist/berth.bundle.js, built by scripts/bundle.mjs as the body of
 * one async function) through V8's code cache, so that a start-up after the first one skips
 * compiling the 1.4 MB bundle and the functions the first frame runs.
 *
 * Node 20 has no compile cache for ES modules (`module.enableCompileCache` came in Node 22.1),
 * so the bundle is compiled as a script with `vm.Script` and `cachedData`, the way the
 * v8-compile-cache package does for CommonJS (that package hooks `require`, which an ES module
 * bundle never goes through; hence this file). The cache:
 *
 * - lives in `$XDG_CACHE_HOME/berth` (default `~/.cache/berth`), which a global npm install can
 *   write to (the package directory may not be writable);
 * - is keyed by a SHA-1 of the bundle's bytes, node's version and the architecture: a rebuilt or
 *   upgraded bundle gets a new file (V8 itself checks little more than the source's length), and
 *   V8 rejects data made by another V8 or with other flags (then it is made again);
 * - is written 2 s after start (after the first frame, so it holds the functions start-up
 *   compiled), or at exit by a session that ends sooner (then the next longer session writes it
 *   again), to a temporary file renamed into place; older files of berth's are removed;
 * - never stops berth: a missing, unreadable, corrupt or unwritable cache only costs the compile.
 *   `BERTH_CODE_CACHE=off` turns it off.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Memory: V8 lets the old generation grow to a multiple of what is live before it collects, so
 * under steady container churn berth's RSS climbed by tens of MB while its live data did not. A
 * growing factor of 1.2 keeps the heap near its live size (more, smaller collections;
 * bench/RESULTS.md has the figures). It is set 2 s after start, not at once: during start-up,
 * while the heap grows from nothing, it made V8 collect over and over (about 40–60 ms of the
 * first frame, side by side). V8 also rejects cached code made under other flags, so the cache
 * is made before the flag changes.
 */
const memoryFlag = '--heap-growing-percent=20';

const bundleFile = fileURLToPath(new URL('berth.bundle.js', import.meta.url));
// The file's bytes (1.4 MB) are needed only for the source text and the cache key: kept in a
// function's scope, they are freed once both are made (V8 keeps the source itself).
function readBundle(): {source: string; hash: string} {
	const bytes = readFileSync(bundleFile);
	return {
		source: `(async function (require, __berthImportMeta) {"use strict";${bytes.toString('utf8')}\n})`,
		hash: createHash('sha1').update(bytes).update(`${process.version} ${process.arch}`).digest('hex'),
	};
}
const {source, hash} = readBundle();

function cacheDirectory(): string | undefined {
	if (process.env['BERTH_CODE_CACHE'] === 'off') return undefined;
	// The XDG base directory rules: a relative XDG_CACHE_HOME is ignored.
	const xdg = process.env['XDG_CACHE_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : os.homedir() ? path.join(os.homedir(), '.cache') : '';
	return path.isAbsolute(base) ? path.join(base, 'berth') : undefined;
}

const directory = cacheDirectory();
const key = hash.slice(0, 20);
const cacheFile = directory ? path.join(directory, `code-${key}.bin`) : undefined;

/**
 * A cache file is one byte (1: written after the first frame, so it holds the code the first
 * frame ran; 0: written by a session that ended sooner), a SHA-1 of the data, then the data: V8
 * checks only the data's length (release builds skip its checksum), so a damaged file must not
 * reach it.
 */
const digest = (data: Uint8Array) => createHash('sha1').update(data).digest();

/** The cache file's data and whether it was written after a first frame, if it is there and whole. */
function readCache(): {data: Buffer; complete: boolean} | undefined {
	if (!cacheFile) return undefined;
	try {
		const file = readFileSync(cacheFile);
		const data = file.subarray(21);
		if (file.length > 21 && digest(data).equals(file.subarray(1, 21))) return {data, complete: file[0] === 1};
	} catch {
		// None yet (or unreadable): compile from source.
	}
	return undefined;
}

// Cached data that does not fit (another bundle, V8 or flags; a truncated or corrupt file) is
// rejected by V8, not thrown: the bundle is then compiled from source. The data is V8's once the
// script is made: kept in this function's scope, the file's buffer (about 1.2 MB) is freed.
function compile(): {script: vm.Script; hadCache: boolean; complete: boolean} {
	const cached = readCache();
	const script = new vm.Script(source, {filename: bundleFile, cachedData: cached?.data});
	return {script, hadCache: cached !== undefined, complete: cached?.complete === true};
}
const {script, hadCache, complete} = compile();

let written = false;
function writeCache(afterFirstFrame: boolean): void {
	if (written || !directory || !cacheFile) return;
	written = true;
	try {
		const data = script.createCachedData();
		mkdirSync(directory, {recursive: true});
		const temporary = `${cacheFile}.${process.pid}.tmp`;
		writeFileSync(temporary, Buffer.concat([Buffer.from([afterFirstFrame ? 1 : 0]), digest(data), data]));
		renameSync(temporary, cacheFile);
		for (const name of readdirSync(directory)) {
			if (/^code-[0-9a-f]+\.bin(\.\d+\.tmp)?$/.test(name) && name !== path.basename(cacheFile)) rmSync(path.join(directory, name), {force: true});
		}
	} catch {
		// Read-only or full disk, a directory in the way: berth runs without a cache.
	}
}

const rejected = hadCache && script.cachedDataRejected === true;
if (process.env['BERTH_DEBUG_CODE_CACHE']) {
	process.stderr.write(`berth: code cache ${cacheFile ?? 'off'}: ${!hadCache ? 'none' : rejected ? 'rejected' : complete ? 'used' : 'used (partial)'}\n`);
}
const needed = cacheFile !== undefined && (!hadCache || rejected || !complete);
setTimeout(() => {
	if (needed) writeCache(true);
	v8.setFlagsFromString(memoryFlag);
}, 2000).unref();
// A session shorter than that (berth --version, a refused flag) writes what it compiled on the
// way out, unless a cache is there already: the next longer session completes it.
if (cacheFile && (!hadCache || rejected)) process.once('exit', () => writeCache(false));

const main = script.runInThisContext() as (require: NodeJS.Require, meta: {url: string}) => Promise<void>;
await main(createRequire(bundleFile), {url: pathToFileURL(bundleFile).href});
