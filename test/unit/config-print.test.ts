import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {printSettings} from '../../source/cli/print-settings.js';
import {readCommandLine} from '../../source/cli/command-line.js';
import {commands} from '../../source/commands/registry.js';
import {defaultConfig, loadConfig} from '../../source/config/load-config.js';
import {withFlags} from '../../source/config/with-flags.js';

let home: string;
beforeEach(() => {
	home = mkdtempSync(path.join(os.tmpdir(), 'berth-print-'));
});
afterEach(() => rmSync(home, {recursive: true, force: true}));

/** What berth --print-config (or --print-keys) prints for this file and these arguments. */
async function print(what: 'config' | 'keys', file: string, args: string[] = []) {
	const configPath = path.join(home, 'config.yml');
	writeFileSync(configPath, file);
	const cli = await readCommandLine([...args, '--config', configPath], import.meta);
	if ('problem' in cli) throw new Error(cli.problem);
	const loaded = await loadConfig({flag: cli.flags.config, env: {}, homedir: home});
	let out = '';
	let err = '';
	printSettings(what, loaded, withFlags(loaded.config, cli.flags), {out: t => (out += t), err: t => (err += t)});
	return {out, err, loaded};
}

describe('--print-config', () => {
	it('prints the config in effect: the defaults, then the file, then the flags (flags beat the file)', async () => {
		const {out, err} = await print('config', 'stats: false\nall: false\nshell: zsh\nreadOnly: {allow: [container.exec], enabled: false}\nlogs: {wrap: true}\n', ['--stats', '--read-only', '--shell', 'fish']);
		expect(err).toBe('');
		expect(out).toMatch(/^# berth's config in effect: the defaults, then ~\/config\.yml, then the flags\.\n/);
		// Read back as a config file, it is the same config, and valid.
		const again = path.join(home, 'again.yml');
		writeFileSync(again, out);
		const reread = await loadConfig({flag: again, env: {}, homedir: home});
		expect(reread.problems).toEqual([]);
		const {keys, ...rest} = reread.config;
		expect(rest).toEqual({
			...(({keys: _keys, ...d}) => d)(defaultConfig()),
			stats: true, // --stats beats the file's false
			all: false, // the file's, no flag
			shell: 'fish',
			readOnly: {enabled: true, allow: ['container.exec']},
			logs: {tail: 200, since: 'all', timestamps: false, wrap: true},
		});
		// Every key of every command, in effect.
		expect(Object.keys(keys)).toEqual(commands.filter(c => c.keys.length > 0).map(c => c.id));
		expect(keys['app.help']).toEqual(['?']);
		expect(out).toContain('  container.stop: [ s ]\n');
	});

	it('prints the defaults without a file, and says the file is not there', async () => {
		const cli = await readCommandLine(['--print-config'], import.meta);
		if ('problem' in cli) throw new Error(cli.problem);
		const loaded = await loadConfig({env: {XDG_CONFIG_HOME: path.join(home, 'none')}, homedir: home});
		let out = '';
		printSettings('config', loaded, withFlags(loaded.config, cli.flags), {out: t => (out += t), err: () => undefined});
		expect(out.split('\n')[0]).toBe("# berth's config in effect: the defaults, then ~/none/berth/config.yml (not there), then the flags.");
		expect(out).toContain('\ndefaultPane: containers\nall: true\nstats: true\nshell: auto\nreadOnly:\n  enabled: false\n  allow: []\nmouse: false\ntheme: auto\n');
	});

	it("writes the file's problems to stderr, each with its file, line and column, the keys bound twice among them", async () => {
		const {err, out} = await print('config', 'logs:\n  tail: 300\nkeys:\n  container.stop: K\n');
		expect(err).toBe(
			[
				'berth: config: ~/config.yml:2:9: logs.tail: expected one of 100, 200, 500, 2000, all, got 300',
				'berth: config: ~/config.yml:4:19: keys.container.stop: K is bound twice: container.kill has it too (containers); both keep their defaults (container.stop: s, container.kill: K)',
				'',
			].join('\n'),
		);
		expect(out).toContain('  container.stop: [ s ]\n');
		expect(out).toContain('  tail: 200\n');
	});
});

describe('--print-keys', () => {
	it("prints the README's table with the keys in effect and every command id", async () => {
		const {out, err} = await print('keys', 'keys:\n  container.stop: [x, ctrl-s]\n  app.quit: Q\n');
		expect(err).toBe('');
		expect(out.split('\n')[0]).toBe('| Where | Keys | Id | What it does |');
		expect(out).toContain('| Containers pane | x/Ctrl-S | `container.stop` | Stop: SIGTERM, then SIGKILL after the grace period |\n');
		expect(out).toContain('| Everywhere | Q | `app.quit` | Quit berth (Ctrl-C quits from anywhere) |\n');
		for (const command of commands.filter(c => c.keys.length > 0)) expect(out).toContain(`| \`${command.id}\` |`);
	});
});

describe('the command line', () => {
	it('reads the new flags, and a switch not given is left to the config', async () => {
		const read = async (args: string[]) => {
			const cli = await readCommandLine(args, import.meta);
			return 'problem' in cli ? cli.problem : cli.flags;
		};
		expect(await read(['--read-only', '--mouse', '--no-stats', '--config', 'x.yml'])).toMatchObject({readOnly: true, mouse: true, stats: false, config: 'x.yml'});
		expect(await read(['--no-all'])).toEqual(expect.objectContaining({all: false}));
		const flags = await read(['--shell', 'zsh']);
		expect(typeof flags === 'object' && [flags.all, flags.stats, flags.readOnly, flags.mouse]).toEqual([undefined, undefined, undefined, undefined]);
		expect(await read(['--read-only', '--no-read-only'])).toMatch(/the flag --read-only can only be set once/);
		expect(await read(['--mouse=yes'])).toMatch(/--mouse takes no value/);
		expect(await read(['--config'])).toMatch(/--config needs a value|config/);
		expect(await read(['--print-conf'])).toMatch(/unknown flag --print-conf/);
	});

	it('flags beat the file, which beats the defaults', () => {
		const file = {...defaultConfig(), stats: false, all: false, mouse: true, readOnly: {enabled: false, allow: ['container.exec']}};
		expect(withFlags(file, {})).toEqual(file);
		expect(withFlags(file, {stats: true, all: true, mouse: false, shell: 'zsh', readOnly: true})).toEqual({...file, stats: true, all: true, mouse: false, shell: 'zsh', readOnly: {enabled: true, allow: ['container.exec']}});
	});
});
