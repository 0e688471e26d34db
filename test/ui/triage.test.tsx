import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import type {TerminalSession} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, ENTER, ESC, TAB} from '../support/keys.js';
import {macrotask, plain, renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function world() {
	const web = fakeContainer({name: 'web', labels: {'com.docker.compose.project': 'shop'}});
	const api = fakeContainer({name: 'api', labels: {'com.docker.compose.project': 'shop'}});
	const db = fakeContainer({name: 'db', created: 1_800_000_000});
	const engine = new FakeEngine({containers: [web, api, db], images: [fakeImage({repoTags: ['berth-test/busybox:latest']})]});
	return {engine, web, api, db};
}

/** api is selected first (running, sorted by name): its log gets known lines. */
async function withLog(lines: string[]) {
	const w = world();
	w.engine.pushLog(w.api.id, lines);
	app = await renderApp(w.engine);
	await app.waitFor(lines.at(-1)!);
	await app.press('3');
	return w;
}

describe('logs search and controls', () => {
	it('/ searches with highlights, n/N jump and report "match i of n"; f shows only matches', async () => {
		await withLog(['alpha one', 'beta two', 'alpha three', 'gamma four']);
		await app!.press('/', 'alpha', ENTER);
		let frame = await app!.waitFor('match 2 of 2');
		expect(frame).toContain('2 matches');
		await app!.press('n');
		await app!.waitFor('match 1 of 2');
		await app!.press('N');
		await app!.waitFor('match 2 of 2');
		await app!.press('f');
		frame = await app!.waitFor('filter on (f)');
		expect(frame).toContain('alpha one');
		expect(frame).not.toContain('beta two');
		expect(frame).not.toContain('gamma four');
		await app!.press('f');
		await app!.waitFor('beta two');
	});

	it('a search typed in one read with its Enter ("/alpha\\r") jumps to the last match once the search has found it', async () => {
		await withLog(['alpha one', 'beta two', 'alpha three', 'gamma four']);
		// A first search, so the state holds an old pattern's finished result when the new one is typed.
		await app!.press('/', 'gamma', ENTER);
		await app!.waitFor('match 1 of 1');
		await app!.press(ESC);
		await app!.press(`/alpha${ENTER}`);
		const frame = await app!.waitFor('match 2 of 2');
		expect(frame).not.toContain('No match');
	});

	it('a /regex/ search works; an invalid one gets an inline error', async () => {
		await withLog(['error 500 on /a', 'ok 200 on /b', 'error 503 on /c']);
		await app!.press('/', '/error 50[0-9]/', ENTER);
		await app!.waitFor('2 matches');
		await app!.press(ESC);
		await app!.press('/', '/(unclosed/');
		const frame = await app!.waitFor('invalid regular expression');
		// Enter does not accept an invalid pattern.
		await app!.press(ENTER);
		expect(app!.lastFrame()).toContain('invalid regular expression');
		await app!.press(ESC);
		await app!.waitFor(f => !f.includes('invalid regular expression'));
		void frame;
	});

	it('t shows timestamps; w wraps long lines', async () => {
		const {engine, api} = world();
		engine.pushLog(api.id, [{stream: 'stdout', text: 'stamped line', timestamp: '2026-11-23T10:00:00.123456789Z'}, 'x'.repeat(250)]);
		app = await renderApp(engine);
		await app.waitFor('stamped line');
		await app.press('3', 't');
		await app.waitFor(f => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00\.123 stamped line/.test(f));
		await app.press('t');
		const xs = (f: string) => f.split('\n').filter(l => /x{20}/.test(l)).length;
		expect(xs(app.lastFrame())).toBe(1);
		await app.press('w');
		await app.waitFor(f => xs(f) >= 3);
	});

	it('[ ] and + - change since and tail and restart the stream', async () => {
		const {engine, api} = world();
		engine.pushLog(api.id, ['first']);
		app = await renderApp(engine);
		await app.waitFor('first');
		await app.press('3');
		await app.press('+');
		await app.waitFor('tail 500');
		await app.press('[');
		await app.waitFor('since 24h');
		await sleep(50);
		const calls = engine.callsTo('streamLogs').filter(c => c[1] === api.id);
		const last = calls.at(-1)![2] as {tail: number | string; since?: string};
		expect(last.tail).toBe(500);
		expect(Number(last.since)).toBeGreaterThan(Date.now() / 1000 - 86_400 - 60);
		// The log is still there after the restart.
		await app.waitFor('first');
		await app.press(']', '+', '+');
		await app.waitFor('since all, tail all');
	});

	it('S saves the buffer to the prefilled file, refuses to overwrite without y, and reports bytes', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'berth-save-'));
		const {engine, api} = world();
		engine.pushLog(api.id, ['one', 'two']);
		const cwdBefore = process.cwd();
		process.chdir(dir);
		try {
			app = await renderApp(engine, {now: () => new Date(2026, 10, 23, 10, 30, 5)});
			await app.waitFor('two');
			await app.press('3', 'S');
			await app.waitFor('./api-20261123-103005.log');
			await app.press(ENTER);
			await app.waitFor('Saved 2 lines (8 bytes) to ./api-20261123-103005.log');
			expect(readFileSync(path.join(dir, 'api-20261123-103005.log'), 'utf8')).toBe('one\ntwo\n');
			writeFileSync(path.join(dir, 'api-20261123-103005.log'), 'keep me');
			await app.press('S', ENTER);
			await app.waitFor('exists. Replace it?');
			await app.press('n');
			expect(readFileSync(path.join(dir, 'api-20261123-103005.log'), 'utf8')).toBe('keep me');
			await app.press('S', ENTER);
			await app.waitFor('exists. Replace it?');
			await app.press('y');
			await app.waitFor('Saved 2 lines');
			expect(readFileSync(path.join(dir, 'api-20261123-103005.log'), 'utf8')).toBe('one\ntwo\n');
		} finally {
			process.chdir(cwdBefore);
		}
	});
});

describe('merged logs, marks and sort', () => {
	it('Space marks rows and L merges their logs, each line prefixed with its container', async () => {
		const {engine, web, db} = world();
		engine.pushLog(web.id, [{stream: 'stdout', text: 'from web', timestamp: '2026-11-23T10:00:02Z'}]);
		engine.pushLog(db.id, [{stream: 'stdout', text: 'from db', timestamp: '2026-11-23T10:00:01Z'}]);
		app = await renderApp(engine);
		await app.waitFor('api');
		// Order: api, db, web. Mark db and web.
		await app.press('j', ' ', ' ');
		await app.waitFor('2 marked');
		await app.press('L');
		const frame = await app.waitFor('from web');
		const lines = frame.split('\n');
		const dbLine = lines.findIndex(l => /db\s*│ from db/.test(l));
		const webLine = lines.findIndex(l => /web\s*│ from web/.test(l));
		expect(dbLine).toBeGreaterThan(-1);
		expect(webLine).toBeGreaterThan(dbLine);
		await app.press('L');
		await app.waitFor('Back to the selected container');
	});

	it('L on a compose container merges its project', async () => {
		const {engine, web, api} = world();
		engine.pushLog(web.id, ['web says hi']);
		engine.pushLog(api.id, ['api says hi']);
		app = await renderApp(engine);
		await app.waitFor('api says hi');
		await app.press('L');
		const frame = await app.waitFor('web says hi');
		expect(frame).toContain('compose project shop');
		expect(frame).toContain('api says hi');
	});

	it('o cycles the sort (name, CPU, memory, created), O reverses, and the selection stays', async () => {
		const {engine, web, api, db} = world();
		engine.statsFor.set(db.id, {cpuPercent: 90});
		engine.statsFor.set(web.id, {cpuPercent: 50, memoryUsage: 900_000_000});
		engine.statsFor.set(api.id, {cpuPercent: 10});
		app = await renderApp(engine);
		await app.waitFor('90.0%');
		const order = (f: string) =>
			f
				.split('\n')
				.filter(l => /^● /.test(l))
				.map(l => l.split(/\s+/)[2]);
		expect(order(app.lastFrame())).toEqual(['api', 'db', 'web']);
		await app.press('j'); // select db
		await app.press('o', 'o');
		let frame = await app.waitFor('sort: CPU');
		expect(order(frame)).toEqual(['db', 'web', 'api']);
		await app.press('o');
		frame = await app.waitFor('sort: memory');
		expect(order(frame)[0]).toBe('web');
		await app.press('o');
		frame = await app.waitFor('sort: created');
		expect(order(frame)[0]).toBe('db');
		await app.press('O');
		frame = await app.waitFor('sort: created ↑');
		expect(order(frame).at(-1)).toBe('db');
		// db is still the selected container (its logs pane).
		await app.waitFor(f => /Logs\s+db/.test(f));
	});

	it('shows CPU and memory for running containers only', async () => {
		const {engine} = world();
		engine.containerRows.push(fakeContainer({name: 'zz-stopped', state: 'exited', status: 'Exited (0) 1 hour ago', exitCode: 0}));
		app = await renderApp(engine);
		const frame = await app.waitFor('0.5%');
		const stopped = frame.split('\n').find(l => l.includes('zz-stopped'))!;
		expect(stopped).not.toContain('%');
		expect(engine.callsTo('statsOnce').some(c => c[1] === engine.containerRows.at(-1)!.id)).toBe(false);
	});

	it('T shows the processes; Enter details has live stats', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('T');
		await app.waitFor('sleep 1000');
		await app.press(ESC);
		await app.press(ENTER);
		const frame = await app.waitFor(f => /CPU\s+0\.5%/.test(f));
		expect(frame).toContain('Live stats');
		expect(frame).toContain('PIDs');
	});
});

describe('shell, exec and attach', () => {
	async function renderWithHandover(engine: FakeEngine) {
		const handed: TerminalSession[] = [];
		const instance = render(
			<App
				engine={engine}
				now={() => new Date()}
				terminal={{
					async handover(session) {
						handed.push(session);
						await session.done;
						return {};
					},
					bracketedPaste() {},
				}}
			/>,
		);
		(instance.stdout as unknown as {rows: number}).rows = 40;
		instance.stdout.emit('resize');
		await macrotask();
		const frame = () => plain(instance.lastFrame());
		const waitFor = async (text: string) => {
			for (let i = 0; i < 500; i++) {
				if (frame().includes(text)) return frame();
				await sleep(20);
			}
			throw new Error(`no ${text} in:\n${frame()}`);
		};
		const press = async (keys: string) => {
			instance.stdin.write(keys);
			await macrotask();
			await macrotask();
		};
		return {instance, handed, frame, waitFor, press};
	}

	it('e opens the shell the container has, hands the terminal over, and comes back', async () => {
		const {engine, api} = world();
		const ui = await renderWithHandover(engine);
		await ui.waitFor('api');
		await ui.press('e');
		for (let i = 0; i < 50 && ui.handed.length === 0; i++) await sleep(20);
		expect(engine.callsTo('execInteractive')[0]!.slice(0, 3)).toEqual(['execInteractive', api.id, ['/bin/sh']]);
		// Keys typed while the shell runs are not berth's.
		await ui.press('q');
		expect(engine.sessions).toHaveLength(1);
		engine.sessions[0]!.end({exitCode: 0});
		await ui.waitFor('Shell in api ended (exit code 0)');
		// Keys work again (once Ink has re-attached its input handler, an effect after the frame).
		await sleep(50);
		await ui.press('j');
		await ui.waitFor('Logs  db');
		ui.instance.unmount();
	});

	it('E asks for a command; A attaches; on a stopped container e says why it cannot', async () => {
		const {engine, api} = world();
		engine.containerRows.push(fakeContainer({name: 'zz-off', state: 'exited', status: 'Exited (0)'}));
		const ui = await renderWithHandover(engine);
		await ui.waitFor('api');
		await ui.press('E');
		await ui.waitFor('Run a command in api');
		for (let i = 0; i < 5; i++) await ui.press(BACKSPACE);
		await ui.press('ls -la /');
		await ui.press(ENTER);
		for (let i = 0; i < 50 && engine.sessions.length === 0; i++) await sleep(20);
		expect(engine.callsTo('execInteractive')[0]![2]).toEqual(['ls', '-la', '/']);
		engine.sessions[0]!.end({exitCode: 2});
		await ui.waitFor('Command in api ended (exit code 2)');
		await sleep(50);
		await ui.press('A');
		for (let i = 0; i < 50 && engine.sessions.length < 2; i++) await sleep(20);
		engine.sessions[1]!.end({detached: true});
		await ui.waitFor('Detached from api; it keeps running');
		await sleep(50);
		await ui.press('G');
		await ui.press('e');
		await ui.waitFor('zz-off is not running: u starts it');
		expect(engine.callsTo('execInteractive')).toHaveLength(1);
		ui.instance.unmount();
		void api;
	});
});

describe('run form', () => {
	it('r on an image opens the form; bad fields are refused inline; good ones run', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('2', 'r');
		await app.waitFor('Run a container from berth-test/busybox:latest');
		// Whole chunks, as a fast typist or a slow link sends them: Tab Tab in one read, and so on.
		await app.press(`web2${TAB}sleep 100${TAB}70000:80${ENTER}`);
		await app.waitFor('host port must be a number from 1 to 65535');
		await app.press(BACKSPACE.repeat(8));
		await app.press(`8080:80${TAB}1BAD${ENTER}`);
		await app.waitFor('invalid variable name');
		await app.press(`${BACKSPACE.repeat(4)}A=1${TAB}relative/path:/data${ENTER}`);
		await app.waitFor('must be an absolute host path');
		expect(engine.callsTo('runContainer')).toHaveLength(0);
		await app.press(BACKSPACE.repeat(19), '/srv:/data:ro', ENTER);
		await app.waitFor('Started web2');
		expect(engine.callsTo('runContainer')[0]).toEqual([
			'runContainer',
			'berth-test/busybox:latest',
			{name: 'web2', cmd: ['sleep', '100'], ports: [{containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: undefined}], env: ['A=1'], binds: ['/srv:/data:ro']},
		]);
	});
});
