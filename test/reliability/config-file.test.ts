/**
 * The config file with the built binary, as users run it: --print-config and --print-keys
 * without a terminal, and berth started in a real terminal with a broken config, which it
 * reports on the status line and starts all the same.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {assertBuilt, berthCli, runBerth} from './support/terminal.js';

const host = inject('dockerHost');
let home: string;
let term: PtyProcess | undefined;

const broken = [
	'readOnly: true', // 1
	'logs:', // 2
	'  tail: 300', // 3
	'keys:', // 4
	'  container.stop: K', // 5
	'  app.quit: [q, x]', // 6
	'',
].join('\n');

beforeAll(() => {
	assertBuilt();
	home = mkdtempSync('/tmp/berth-config-');
	mkdirSync(path.join(home, '.config', 'berth'), {recursive: true});
	writeFileSync(path.join(home, '.config', 'berth', 'config.yml'), broken);
	mkdirSync(path.join(home, 'other'));
	writeFileSync(path.join(home, 'other', 'berth.yml'), 'stats: [\n');
});
afterEach(async () => {
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
});
afterAll(() => rmSync(home, {recursive: true, force: true}));

/** berth with pipes, not a terminal. */
function berth(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [berthCli, ...args], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: home, TERM: 'xterm-256color', ...env}, timeout: 30_000});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('--print-config and --print-keys', () => {
	it('print without a terminal and exit 0, the problems on stderr with their lines and columns', () => {
		// An engine setting that would stop berth is not needed to print.
		const config = berth(['--print-config', '--no-read-only'], {DOCKER_HOST: 'ftp://nowhere'});
		expect(config.status, config.stderr).toBe(0);
		expect(config.stderr).toBe(
			[
				'berth: config: ~/.config/berth/config.yml:3:9: logs.tail: expected one of 100, 200, 500, 2000, all, got 300',
				'berth: config: ~/.config/berth/config.yml:5:19: keys.container.stop: K is bound twice: container.kill has it too (containers); both keep their defaults (container.stop: s, container.kill: K)',
				'',
			].join('\n'),
		);
		expect(config.stdout).toMatch(/^# berth's config in effect: the defaults, then ~\/\.config\/berth\/config\.yml, then the flags\.\n# yaml-language-server: \$schema=\/.+\/config\.schema\.json\n/);
		// --no-read-only beats the file's readOnly: true.
		expect(config.stdout).toContain('\nreadOnly:\n  enabled: false\n  allow: []\n');
		expect(config.stdout).toContain('\n  app.quit: [ q, x ]\n');
		expect(config.stdout).toContain('\n  container.stop: [ s ]\n');
		const keys = berth(['--print-keys']);
		expect(keys.status).toBe(0);
		expect(keys.stdout).toContain('| Everywhere | q/x | `app.quit` | Quit berth (Ctrl-C quits from anywhere) |\n');
		const other = berth(['--print-keys', '--config', path.join(home, 'other', 'berth.yml')]);
		expect(other.status).toBe(0);
		expect(other.stderr).toMatch(/^berth: config: .*\/other\/berth\.yml:2:1: not valid YAML: .+; using the defaults\n$/);
		expect(other.stdout).toContain('| Everywhere | q/Ctrl-C | `app.quit` |');
	});
});

describe('a broken config in a real terminal', () => {
	it('berth starts, with the defaults for what is wrong, and says so on the status line; read-only mode from the file holds', async () => {
		term = runBerth(['--host', host], {cols: 200, rows: 30, env: {HOME: home, XDG_CONFIG_HOME: undefined}});
		const screen = await term.waitForScreen(s => s.includes(' running / '), 20_000);
		expect(screen).toContain('config: 2 problems, see berth --print-config; ~/.config/berth/config.yml:3:9: logs.tail: expected one of 100, 200, 500, 2000, all, got 300');
		expect(screen).toMatch(/READ-ONLY /);
		// The user's x quits (q and x are app.quit's keys now).
		term.write('x');
		expect((await term.exited).exitCode).toBe(0);
		term = undefined;
	}, 60_000);
});
