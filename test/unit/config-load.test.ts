import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defaultConfig, loadConfig, placed} from '../../source/config/load-config.js';

let home: string;
let xdg: string;
beforeEach(() => {
	home = mkdtempSync(path.join(os.tmpdir(), 'berth-home-'));
	xdg = path.join(home, 'xdg');
});
afterEach(() => rmSync(home, {recursive: true, force: true}));

/** Writes $XDG_CONFIG_HOME/berth/config.yml and loads it as berth does. */
async function load(text: string) {
	mkdirSync(path.join(xdg, 'berth'), {recursive: true});
	writeFileSync(path.join(xdg, 'berth', 'config.yml'), text);
	return loadConfig({env: {XDG_CONFIG_HOME: xdg}, homedir: home});
}

/** Each problem as `line:column path: message`. */
const shown = (problems: Array<{line?: number; column?: number; path: string; message: string}>) => problems.map(p => `${p.line}:${p.column} ${p.path}: ${p.message}`);

describe('the config file', () => {
	it('is looked for in $XDG_CONFIG_HOME/berth/config.yml, else ~/.config/berth/config.yml; none there means the defaults, silently', async () => {
		const none = await loadConfig({env: {XDG_CONFIG_HOME: xdg}, homedir: home});
		expect(none).toMatchObject({found: false, problems: [], file: '~/xdg/berth/config.yml'});
		expect(none.config).toEqual(defaultConfig());
		mkdirSync(path.join(home, '.config', 'berth'), {recursive: true});
		writeFileSync(path.join(home, '.config', 'berth', 'config.yml'), 'stats: false\n');
		// Unset, and a relative value (invalid by the XDG spec): the home directory's .config.
		for (const env of [{}, {XDG_CONFIG_HOME: 'relative/dir'}]) {
			const loaded = await loadConfig({env, homedir: home});
			expect(loaded).toMatchObject({found: true, problems: [], file: '~/.config/berth/config.yml'});
			expect(loaded.config.stats).toBe(false);
		}
	});

	it('reads a good file over the defaults: a section given in part keeps the defaults of the rest; short forms are made whole', async () => {
		const loaded = await load(
			[
				'# yaml-language-server: $schema=../../config.schema.json',
				'defaultPane: logs',
				'all: false',
				'shell: zsh',
				'logs: {tail: 500, wrap: true}',
				'keys:',
				'  container.stop: x',
				'  app.quit: [q, ctrl-q]',
				'  app.focus-containers: 7',
				'  container.kill: []',
				'readOnly: true',
				'customCommands:',
				'  containers:',
				'    - name: tail nginx access log',
				'      key: F2',
				'      command: docker exec {{ .ID }} tail -n 100 /var/log/nginx/access.log',
				'sort: {containers: {key: cpu}}',
				'columns: {containers: [NAME, STATE, "label:com.example.team"]}',
				'theme: {base: light, colors: {accent: "#005fd7", muted: 244}}',
				'',
			].join('\n'),
		);
		expect(loaded.problems).toEqual([]);
		expect(loaded.config).toEqual({
			...defaultConfig(),
			defaultPane: 'logs',
			all: false,
			shell: 'zsh',
			logs: {tail: 500, since: 'all', timestamps: false, wrap: true},
			keys: {'container.stop': ['x'], 'app.quit': ['q', 'ctrl-q'], 'app.focus-containers': ['7'], 'container.kill': []},
			readOnly: {enabled: true, allow: []},
			customCommands: {containers: [{name: 'tail nginx access log', key: 'f2', command: 'docker exec {{ .ID }} tail -n 100 /var/log/nginx/access.log', mode: 'output', confirm: false}]},
			sort: {containers: {key: 'cpu', reverse: false}},
			columns: {containers: ['NAME', 'STATE', 'label:com.example.team']},
			theme: {base: 'light', colors: {accent: '#005fd7', muted: 244}},
		});
		expect([...loaded.given].sort()).toEqual(['all', 'columns', 'customCommands', 'defaultPane', 'keys', 'logs', 'readOnly', 'shell', 'sort', 'theme']);
	});

	it('reports every unknown key, wrong type and bad value with its line, column and what was expected; that part takes its default, the rest counts', async () => {
		const loaded = await load(
			[
				'defaultPane: image', // 1
				'stats: maybe', // 2
				'logs:', // 3
				'  tail: 300', // 4
				'  tial: 5', // 5
				'  wrap: true', // 6
				'keys:', // 7
				'  container.stp: x', // 8
				'  app.quit: [q, xx]', // 9
				'  container.stop: ctrl-alt-x', // 10
				'  container.kill: K', // 11
				'readOnly: {enabled: yes}', // 12
				'theme: {base: dark, colors: {accent: "not a colour"}}', // 13
				'customCommands:', // 14
				'  containers:', // 15
				'    - {name: kept, command: echo}', // 16
				'    - name: no command', // 17
				'      mode: loud', // 18
				'sort: {containers: {reverse: true}}', // 19
				'columns: {images: []}', // 20
				'mouse: true', // 21
				'colour: on', // 22
				'',
			].join('\n'),
		);
		expect(shown(loaded.problems)).toEqual([
			'1:14 defaultPane: expected one of containers, images, logs, got "image"',
			'2:8 stats: expected true or false, got "maybe"',
			'4:9 logs.tail: expected one of 100, 200, 500, 2000, all, got 300',
			'5:3 logs.tial: unknown key "tial" in logs; did you mean tail?',
			'8:3 keys.container.stp: unknown key "container.stp" in keys; did you mean container.stop?',
			'9:17 keys.app.quit[1]: expected a key name, got "xx"',
			'10:19 keys.container.stop: expected a key name or a list of key names, got "ctrl-alt-x"',
			'12:21 readOnly.enabled: expected true or false, got "yes"',
			'13:38 theme.colors.accent: expected a colour: a name, #rrggbb or a 256-colour number, got "not a colour"',
			'17:7 customCommands.containers[1]: command is missing',
			'18:13 customCommands.containers[1].mode: expected one of output, terminal, background, got "loud"',
			'19:20 sort.containers: key is missing',
			'20:19 columns.images: expected at least 1 entry (a list of column names (NAME, IMAGE, …, label:KEY))',
			'22:1 colour: unknown key "colour"; expected one of defaultPane, all, stats, shell, readOnly, mouse, theme, logs, columns, sort, keys, customCommands, debugImage',
		]);
		expect(loaded.problems.every(p => p.file === '~/xdg/berth/config.yml')).toBe(true);
		const {config} = loaded;
		// Wrong: the default. Right, beside it: kept.
		expect(config.defaultPane).toBe('containers');
		expect(config.stats).toBe(true);
		expect(config.logs).toEqual({tail: 200, since: 'all', timestamps: false, wrap: true});
		expect(config.keys).toEqual({'container.kill': ['K']});
		expect(config.readOnly).toEqual({enabled: false, allow: []});
		expect(config.theme).toBe('auto');
		expect(config.customCommands).toEqual({containers: [{name: 'kept', command: 'echo', mode: 'output', confirm: false}]});
		expect(config.sort).toEqual({});
		expect(config.columns).toEqual({});
		expect(config.mouse).toBe(true);
	});

	it('names a file that is not YAML with the reader\'s error and its position, and uses the defaults', async () => {
		const cases: Array<[string, string]> = [
			['stats: false\nlogs: [tail\nmouse: true\n', '3:1'],
			['stats: false\nstats: true\n', '2:1'],
			['keys:\n\tapp.quit: q\n', '2:1'],
			// Where the reader stopped: the end of the file.
			['mouse: "unterminated\n', '2:1'],
		];
		for (const [text, at] of cases) {
			const loaded = await load(text);
			expect(loaded.problems.length, text).toBeGreaterThan(0);
			expect(shown(loaded.problems)[0], text).toMatch(new RegExp(`^${at} : not valid YAML: .+; using the defaults$`));
			expect(loaded.config, text).toEqual(defaultConfig());
		}
	});

	it('refuses to expand a file of nested aliases (a "billion laughs"), a file over 1 MiB, a directory, and a --config file that is not there', async () => {
		const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({length: 8}, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
		expect(shown((await load(bomb)).problems)[0]).toMatch(/^1:1 : not valid YAML: .*alias/i);
		expect(shown((await load(`# ${'x'.repeat(1 << 20)}\n`)).problems)).toEqual(['undefined:undefined : cannot read the config file: larger than 1 MiB; using the defaults']);
		mkdirSync(path.join(home, 'dir'));
		const dir = await loadConfig({flag: path.join(home, 'dir'), env: {}, homedir: home});
		expect(dir.problems.map(p => `${p.file}: ${p.message}`)).toEqual(['~/dir: cannot read the config file: not a file; using the defaults']);
		const missing = await loadConfig({flag: path.join(home, 'nope.yml'), env: {}, homedir: home});
		expect(missing.problems.map(p => `${p.file}: ${p.message}`)).toEqual(['~/nope.yml: cannot read the config file: no such file; using the defaults']);
		expect(missing.config).toEqual(defaultConfig());
	});

	it('keeps a valid file, read once, in the cache: the next start reads that (positions too); an edited file is read afresh; a file with problems is never kept', async () => {
		const text = 'stats: false\nkeys:\n  container.stop: K\n';
		const first = await load(text);
		const cacheDir = path.join(home, '.cache', 'berth');
		const kept = readdirSync(cacheDir).filter(name => name.startsWith('config-'));
		expect(kept).toHaveLength(1);
		expect(statSync(path.join(cacheDir, kept[0]!)).mode & 0o777).toBe(0o600);
		// What the cache holds is what the next start uses (so it is read, not the YAML): change it and see.
		const cached = JSON.parse(readFileSync(path.join(cacheDir, kept[0]!), 'utf8'));
		writeFileSync(path.join(cacheDir, kept[0]!), JSON.stringify({...cached, value: {...cached.value, mouse: true}}));
		const second = await load(text);
		expect(second.config).toEqual({...first.config, mouse: true});
		// A problem found later (a key bound twice) is placed from the kept positions.
		expect(placed(second, {path: ['keys', 'container.stop'], message: 'x'})).toMatchObject({line: 3, column: 19});
		// Edited: read afresh, and the old entry gives way to the new one.
		const third = await load(`${text}mouse: false\n`);
		expect(third.config.mouse).toBe(false);
		expect(readdirSync(cacheDir).filter(name => name.startsWith('config-'))).toHaveLength(1);
		// With a problem: not kept (the problems are said at every start).
		rmSync(cacheDir, {recursive: true});
		expect((await load('stats: maybe\n')).problems).toHaveLength(1);
		expect((await load('stats: maybe\n')).problems).toHaveLength(1);
		expect(existsSync(cacheDir) ? readdirSync(cacheDir).filter(name => name.startsWith('config-')) : []).toEqual([]);
	});

	it('takes an empty file, or one of comments only, as the defaults', async () => {
		for (const text of ['', '# nothing yet\n']) {
			const loaded = await load(text);
			expect(loaded).toMatchObject({found: true, problems: []});
			expect(loaded.config).toEqual(defaultConfig());
		}
		// Not a mapping at all: said, and the defaults.
		expect(shown((await load('- stats\n')).problems)).toEqual(['1:1 (the whole file): expected berth config, got a list']);
	});
});
