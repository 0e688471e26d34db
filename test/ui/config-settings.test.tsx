/**
 * The config in the running app: the keys in effect drive the keys and every place that names
 * them, read-only mode refuses what changes anything and says READ-ONLY, the logs pane and the
 * focus start as configured, and the config's problems are said on the status line at start.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {buildKeymap} from '../../source/commands/keymap.js';
import {commands, scopesBefore} from '../../source/commands/registry.js';
import {defaultConfig} from '../../source/config/load-config.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const helpBar = (frame: string) => frame.split('\n').at(-1) ?? '';
const statusLine = (frame: string) => frame.split('\n').at(-2) ?? '';
const keymapOf = (user: Record<string, string[]>) => buildKeymap(commands, user, scopesBefore).keymap;

describe('the keys in effect', () => {
	it("run the commands the user bound them to; the replaced keys do nothing; the bar and the ? overlay show the user's keys", async () => {
		const web = fakeContainer({name: 'web'});
		const engine = new FakeEngine({containers: [web]});
		app = await renderApp(engine, {columns: 160, rows: 200, keymap: keymapOf({'container.stop': ['x'], 'app.help': ['f1']})});
		await app.waitFor('web');
		expect(helpBar(app.lastFrame())).toContain('x stop');
		expect(helpBar(app.lastFrame())).toContain('F1 help');
		expect(helpBar(app.lastFrame())).not.toContain('s stop');
		await app.press('s');
		await sleep(30);
		expect(engine.callsTo('stopContainer')).toHaveLength(0);
		await app.press('x');
		await app.waitFor('Stopped web');
		expect(engine.callsTo('stopContainer').map(c => c[1])).toEqual([web.id]);
		// ? is no longer help: F1 is (sent as the terminal sends it).
		await app.press('?');
		await sleep(30);
		expect(app.lastFrame()).not.toContain('Keys — ');
		await app.press('\u001BOP');
		const overlay = await app.waitFor('Keys — Esc/q/? closes');
		expect(overlay).toMatch(/^ {2}x {16}Stop: SIGTERM/m);
		expect(overlay).toMatch(/^ {2}F1 {15}Show every key/m);
		expect(overlay).not.toMatch(/^ {2}s {16}Stop: SIGTERM/m);
	});
});

describe('read-only mode', () => {
	it('says READ-ONLY on the status line, refuses what changes anything with the reason, and leaves looking alone', async () => {
		const web = fakeContainer({name: 'web'});
		const engine = new FakeEngine({containers: [web]});
		app = await renderApp(engine, {columns: 160, config: {...defaultConfig(), readOnly: {enabled: true, allow: []}}});
		await app.waitFor('web');
		expect(statusLine(app.lastFrame())).toMatch(/^READ-ONLY /);
		// Neither in the bar nor run: stop, kill (no dialog), rm, the shell.
		expect(helpBar(app.lastFrame())).not.toContain('s stop');
		await app.press('s');
		await app.waitFor('Read-only mode: no stop (it changes the engine)');
		await app.press('K');
		await app.waitFor('Read-only mode: no kill (it changes the engine)');
		expect(app.lastFrame()).not.toContain('with SIGKILL now?');
		await app.press('e');
		await app.waitFor('Read-only mode: shell is off (readOnly.allow: [container.shell] in the config turns it on)');
		await app.press('2', 'P');
		await app.waitFor('Read-only mode: no pull (it changes the engine)');
		expect(engine.calls.filter(([method]) => /stop|kill|remove|exec|pull|start|create/i.test(String(method)))).toEqual([]);
		// Looking still works: details.
		await app.press('1', '\r');
		await app.waitFor('Details — web');
	});
});

describe('the config at start', () => {
	it('focuses the configured pane and starts the logs pane with its settings', async () => {
		const web = fakeContainer({name: 'web'});
		app = await renderApp(new FakeEngine({containers: [web]}), {columns: 120, config: {...defaultConfig(), defaultPane: 'logs', logs: {tail: 500, since: '1h', timestamps: true, wrap: false}}});
		const frame = await app.waitFor('since 1h, tail 500');
		expect(helpBar(frame)).toContain('search');
	});

	it("says the config's problems on the status line: how many, where to see them, and the first", async () => {
		app = await renderApp(new FakeEngine({containers: [fakeContainer({name: 'web'})]}), {
			columns: 200,
			notice: {tone: 'error', text: 'config: 2 problems, see berth --print-config; ~/.config/berth/config.yml:3:9: logs.tail: expected one of 100, 200, 500, 2000, all, got 300'},
		});
		await app.waitFor('config: 2 problems, see berth --print-config; ~/.config/berth/config.yml:3:9: logs.tail: expected one of 100, 200, 500, 2000, all, got 300');
	});
});
