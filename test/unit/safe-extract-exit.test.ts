/**
 * A copy out still going when berth exits (a second q, a signal) is taken back by the exit
 * handler: run in a child Node (the extractor bundled with esbuild), which exits in the middle
 * of a file.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildSync} from 'esbuild';
import {afterEach, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let top: string;
afterEach(() => {
	rmSync(top, {recursive: true, force: true});
});

/** Runs a copy out in a child Node that exits once a file is half-written (`cancelFirst`: after cancelling it, as a quit does); returns what the directory held then. */
function exitMidCopy(dest: string, cancelFirst: boolean): string {
	const script = path.join(top, `copy-${cancelFirst}.ts`);
	writeFileSync(script, `
import {readdirSync} from 'node:fs';
import {Readable} from 'node:stream';
import {unpackSafely} from ${JSON.stringify(path.join(root, 'source/engine/archive/safe-extract.ts'))};
import {makeTar} from ${JSON.stringify(path.join(root, 'test/support/tar.ts'))};
const dest = ${JSON.stringify(dest)};
void (async () => {
const tar = await makeTar([{name: 'dir/', type: 'directory'}, {name: 'dir/done.txt', content: 'done'}, {name: 'dir/big.bin', content: 'B'.repeat(200000)}]);
const cut = tar.indexOf(Buffer.from('B'.repeat(512))) + 100000;
async function* chunks() {
	yield tar.subarray(0, cut);
	await new Promise(() => {});
}
const controller = new AbortController();
unpackSafely(Readable.from(chunks()), dest, {signal: controller.signal}).catch(() => {});
const seen = () => {
	try {
		const names = readdirSync(dest + '/dir');
		return names.includes('done.txt') && names.some(name => name.endsWith('.part'));
	} catch {
		return false;
	}
};
const timer = setInterval(() => {
	if (!seen()) return;
	clearInterval(timer);
	console.log(readdirSync(dest + '/dir').sort().join(' '));
	if (!${cancelFirst}) process.exit(0);
	// A quit: the cancel starts taking the copy back, and berth exits while it does.
	controller.abort();
	setImmediate(() => setImmediate(() => process.exit(0)));
}, 5);
})();
`);
	const bundled = path.join(top, `copy-${cancelFirst}.cjs`);
	buildSync({entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', outfile: bundled, logLevel: 'silent'});
	return execFileSync(process.execPath, [bundled], {encoding: 'utf8', timeout: 20_000}).trim();
}

it('berth exiting in the middle of a copy out leaves nothing of it', () => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-exit-'));
	const dest = path.join(top, 'dest');
	mkdirSync(dest);
	expect(exitMidCopy(dest, false)).toMatch(/^\.berth-[0-9a-f]{12}\.part done\.txt$/);
	expect(readdirSync(dest)).toEqual([]);
});

it('nor does a quit, which cancels the copy and exits before the cancel has taken everything back', () => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-exit-'));
	const dest = path.join(top, 'dest');
	mkdirSync(dest);
	expect(exitMidCopy(dest, true)).toMatch(/^\.berth-[0-9a-f]{12}\.part done\.txt$/);
	expect(readdirSync(dest)).toEqual([]);
});
