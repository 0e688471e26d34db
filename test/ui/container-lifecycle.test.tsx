/**
 * The containers-side lifecycle, driven as a user would (whole chunks of keys) on the in-memory
 * engine: bulk actions, stop -t, rename, diff, copy out and in, run and create forms, the
 * command log.
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError, type TerminalSession} from '../../source/engine/types.js';
import {App} from '../../source/ui/app.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, ENTER, ESC, TAB} from '../support/keys.js';
import {plain, renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const CTRL_U = '\u0015';

function world() {
	const image = fakeImage({repoTags: ['shop/api:1.4']});
	const a = fakeContainer({name: 'a1', imageId: image.id, image: 'shop/api:1.4'});
	const b = fakeContainer({name: 'b2', imageId: image.id, image: 'shop/api:1.4'});
	const c = fakeContainer({name: 'c3', imageId: image.id, image: 'shop/api:1.4'});
	const off = fakeContainer({name: 'zz-off', state: 'created', status: 'Created', imageId: image.id});
	const engine = new FakeEngine({containers: [a, b, c, off], images: [image]});
	return {engine, image, a, b, c, off};
}

describe('bulk actions on marked rows', () => {
	it('one confirm names every marked container; a failure keeps its reason while the others succeed', async () => {
		const {engine, a, b, c} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		// Mark a1, b2, c3 (Space marks and moves down), then s: one confirm listing them.
		await app.press('   ');
		await app.waitFor('3 marked');
		// c3 is removed outside berth before the stop reaches it.
		engine.fail('stopContainer', new EngineError('not-found', 'No such container: c3'), false);
		await app.press('s');
		const frame = await app.waitFor('Stop all 3 marked containers?');
		expect(frame).toMatch(/a1, b2, c3/);
		expect(engine.callsTo('stopContainer')).toHaveLength(0);
		await app.press('y');
		const notice = await app.waitFor('stop: 2 of 3 done, 1 failed');
		expect(notice).toContain('No such container: c3');
		expect(notice).toMatch(/✓ Stopped/);
		expect(engine.callsTo('stopContainer').map(call => call[1]).sort()).toEqual([a.id, b.id, c.id].sort());
		await app.press(ESC);
		await app.waitFor(f => !f.includes('No such container'));
	});

	it('Esc clears every mark; without marks s acts on the selection alone, at once', async () => {
		const {engine, a} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('  ');
		await app.waitFor('2 marked');
		await app.press(`${ESC}k`);
		await app.waitFor(f => !f.includes('marked'));
		await app.press('gs');
		await app.waitFor('Stopped a1');
		expect(engine.callsTo('stopContainer')).toEqual([['stopContainer', a.id, undefined]]);
	});
});

describe('one container', () => {
	it('S asks for the grace period (whole seconds), then stops with it', async () => {
		const {engine, a} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('S');
		await app.waitFor('Stop a1: seconds to wait before SIGKILL');
		await app.press(`${BACKSPACE.repeat(2)}abc${ENTER}`);
		await app.waitFor('Type the grace period in whole seconds');
		expect(engine.callsTo('stopContainer')).toHaveLength(0);
		await app.press(`${CTRL_U}5${ENTER}`);
		await app.waitFor('Stopped a1');
		expect(engine.callsTo('stopContainer')).toEqual([['stopContainer', a.id, 5]]);
	});

	it('N renames; a name in use is refused by the engine and the prompt stays with its reason', async () => {
		const {engine, a} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('N');
		await app.waitFor('Rename a1 to');
		await app.press(`${CTRL_U}b2${ENTER}`);
		const refused = await app.waitFor('already in use');
		expect(refused).toContain('Rename a1 to');
		await app.press(`${CTRL_U}api-new${ENTER}`);
		await app.waitFor('Renamed a1 to api-new');
		expect(app.lastFrame()).not.toContain('Rename a1 to');
		expect(engine.callsTo('renameContainer').map(call => call.slice(1))).toEqual([
			[a.id, 'b2'],
			[a.id, 'api-new'],
		]);
	});

	it('D shows the changes with counts of each kind, / filters them, c commits from there', async () => {
		const {engine, a} = world();
		engine.lifecycle.changes.set(a.id, [
			{kind: 'C', path: '/etc'},
			{kind: 'A', path: '/etc/app.conf'},
			{kind: 'D', path: '/var/cache/old'},
		]);
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('D');
		const frame = await app.waitFor('1 added, 1 changed, 1 deleted');
		expect(frame).toMatch(/A \/etc\/app\.conf/);
		expect(frame).toMatch(/D \/var\/cache\/old/);
		await app.press(`/var${ENTER}`);
		await app.waitFor('0 added, 0 changed, 1 deleted (filter: var)');
		await app.press('c');
		await app.waitFor('Commit a1 to repository:tag');
	});

	it('C copies out, asking (once the archive was read) before it replaces files that exist, and reports what it wrote', async () => {
		const {engine, a} = world();
		const dir = mkdtempSync(path.join(tmpdir(), 'berth-cp-'));
		engine.lifecycle.files.set(a.id, [
			{path: '/data', kind: 'directory', bytes: 0},
			{path: '/data/a.txt', kind: 'file', bytes: 10},
		]);
		engine.lifecycle.hostPaths.add(`${dir}/data/a.txt`);
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('C');
		await app.waitFor('Copy out of a1');
		await app.press(`data${ENTER}`);
		await app.waitFor('from: the path in the container must be absolute');
		await app.press(`${CTRL_U}/data${TAB}${CTRL_U}${dir}${ENTER}`);
		const ask = await app.waitFor(`1 entry exists in ${dir} already`);
		// One file: "it", not "them".
		expect(ask).toContain('y replaces it; n keeps it');
		await app.press('y');
		await app.waitFor('Copied 1 file, 1 directory (10B) from a1:/data');
		expect(engine.callsTo('copyFromContainer')).toHaveLength(1);
		expect(engine.callsTo('copyFromContainer')[0]!.slice(1)).toEqual([a.id, '/data', dir]);
	});

	it('I copies a host path into the container', async () => {
		const {engine, a} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('I');
		await app.waitFor('Copy into a1');
		await app.press(`/etc/hostname${TAB}${CTRL_U}/srv${ENTER}`);
		await app.waitFor('from /etc/hostname into a1:/srv');
		expect(engine.callsTo('copyToContainer')[0]!.slice(1)).toEqual([a.id, '/etc/hostname', '/srv']);
	});
});

describe('running from an image', () => {
	it('R runs with every option: the engine gets the volumes, workdir, user, restart policy and --rm', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2R');
		await app.waitFor('Run a container (docker run)');
		// The image's own command is shown as the command's hint.
		await app.waitFor("(empty: the image's: /bin/sh)");
		// Image, name, command, ports, env, volumes, workdir, user; restart →→ (unless-stopped).
		await app.press(`${TAB}web9${TAB}${TAB}8080:80${TAB}A=1${TAB}data:/data /cache${TAB}/srv${TAB}1000:1000${TAB}\u001B[C\u001B[C`);
		await app.waitFor('[unless-stopped]');
		await app.press(ENTER);
		await app.waitFor('Started web9 from shop/api:1.4');
		const [, image, options] = engine.callsTo('runContainer')[0]!;
		expect(image).toBe('shop/api:1.4');
		expect(options).toMatchObject({name: 'web9', env: ['A=1'], binds: ['data:/data', '/cache'], workingDir: '/srv', user: '1000:1000', restart: {name: 'unless-stopped'}});
		// The new container is selected in the containers pane.
		await app.waitFor(f => /Logs\s+web9/.test(f));
	});

	it('R attached shows the output live, then the exit code; --rm with a restart policy is refused inline', async () => {
		const {engine} = world();
		engine.lifecycle.runOutput = [{stream: 'stdout', text: 'hello from the container'}];
		engine.lifecycle.runExitCode = 3;
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2R');
		await app.waitFor('Run a container (docker run)');
		// Restart: always; --rm: yes → refused.
		await app.press(`${TAB.repeat(8)}\u001B[C${TAB} ${ENTER}`);
		await app.waitFor('--rm and a restart policy cannot go together');
		expect(engine.callsTo('runContainer')).toHaveLength(0);
		// The refusal put the cursor on --rm: back to restart (no), --rm (no), mode (attached).
		await app.press(`${TAB.repeat(10)}\u001B[D${TAB} ${TAB}\u001B[C${ENTER}`);
		const frame = await app.waitFor('exited with code 3');
		expect(frame).toContain('hello from the container');
		expect(frame).toContain('docker run');
		await app.press(ESC);
		await app.waitFor(f => !f.includes('hello from the container'));
	});

	it('n creates without starting; the new container is selected, created', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2n');
		await app.waitFor('Create a container (docker create)');
		await app.press(`${TAB}made${ENTER}`);
		await app.waitFor('Created made from shop/api:1.4 (not started)');
		await app.waitFor(f => /○ created\s+made/.test(f));
		expect(engine.callsTo('startContainer')).toHaveLength(0);
	});
});

describe('hand-overs', () => {
	it('U starts and attaches in one key; R interactive hands the terminal to the new container', async () => {
		const {engine, off} = world();
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
		const frame = () => plain(instance.lastFrame());
		const waitFor = async (text: string) => {
			for (let i = 0; i < 300 && !frame().includes(text); i++) await sleep(20);
			expect(frame()).toContain(text);
		};
		await waitFor('zz-off');
		instance.stdin.write('GU');
		for (let i = 0; i < 100 && handed.length === 0; i++) await sleep(20);
		expect(engine.callsTo('startAttached')[0]![1]).toBe(off.id);
		engine.sessions[0]!.end({exitCode: 0});
		await waitFor('Attach in zz-off ended (exit code 0)');
		await sleep(50);
		instance.stdin.write('2R');
		await waitFor('Run a container (docker run)');
		instance.stdin.write(`${TAB.repeat(10)}\u001B[C\u001B[C${ENTER}`);
		for (let i = 0; i < 100 && handed.length < 2; i++) await sleep(20);
		expect(engine.callsTo('runInteractive')[0]![2]).toMatchObject({tty: true, openStdin: true});
		engine.sessions[1]!.end({exitCode: 0});
		await waitFor('Run in shop/api:1.4 ended (exit code 0)');
		instance.unmount();
	});
});

describe('the command log', () => {
	it(': lists each action with its docker CLI line and result; w writes it to a file', async () => {
		const {engine} = world();
		const cwd = mkdtempSync(path.join(tmpdir(), 'berth-log-'));
		engine.fail('killContainer', new EngineError('conflict', 'Container a1 is not running'));
		app = await renderApp(engine, {cwd});
		await app.waitFor('a1');
		await app.press('s');
		await app.waitFor('Stopped a1');
		await app.press('jKy');
		await app.waitFor('kill b2 failed');
		await app.press(':');
		const frame = await app.waitFor('Command log — 2 this session');
		expect(frame).toMatch(/✓ \d\d:\d\d:\d\d {2}docker stop a1/);
		expect(frame).toMatch(/✗ \d\d:\d\d:\d\d {2}docker kill b2/);
		expect(frame).toContain('Container a1 is not running');
		await app.press('w');
		await app.waitFor('Wrote the command log to');
		const [file] = readdirSync(cwd);
		const text = readFileSync(path.join(cwd, file!), 'utf8');
		expect(text).toMatch(/^#!\/bin\/sh/);
		expect(text).toContain('\ndocker stop a1\n');
		expect(text).toContain('\ndocker kill b2\n');
	});
});
