/**
 * The README's install command installs a copy of berth, not a link to the checkout: moving or
 * deleting the checkout afterwards leaves `berth` working. The install step is taken from the
 * README itself (its one-line set-up command), run in a copy of the checkout with a private npm
 * prefix, so the test follows whatever the README says.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, expect, it} from 'vitest';
import {assertBuilt} from './support/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync('/tmp/berth-install-');
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** The `npm install -g …` step of the README's install-and-run line. */
function readmeInstallStep(): string[] {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const line = readme.split('\n').find(l => l.startsWith('npm ci && ') && l.includes('berth'));
	expect(line, "the README's install command").toBeDefined();
	const step = line!.split('&&').map(s => s.trim()).find(s => s.startsWith('npm install -g'));
	expect(step, `an npm install -g step in: ${line}`).toBeDefined();
	return step!.split(/\s+/).slice(1);
}

it("the README's install command installs a copy: berth runs after the checkout is gone", () => {
	assertBuilt();
	const checkout = path.join(scratch, 'checkout');
	const prefix = path.join(scratch, 'prefix');
	for (const name of ['package.json', 'package-lock.json', 'dist', 'README.md', 'config.schema.json']) cpSync(path.join(root, name), path.join(checkout, name), {recursive: true});
	execFileSync('npm', [...readmeInstallStep(), '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund'], {cwd: checkout, stdio: 'pipe', timeout: 240_000});

	const installed = path.join(prefix, 'lib', 'node_modules', 'berth');
	expect(lstatSync(installed).isSymbolicLink(), `${installed} is a link`).toBe(false);
	expect(realpathSync(installed).startsWith(checkout)).toBe(false);

	rmSync(checkout, {recursive: true, force: true});
	const run = spawnSync(path.join(prefix, 'bin', 'berth'), ['--version'], {encoding: 'utf8', timeout: 30_000});
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
}, 300_000);
