/**
 * Nothing lost: no engine-changing call without an explicit key; destructive ones confirm,
 * default to No and name exactly what they affect; keys typed while a confirm is open stay in
 * it; a confirm for container A can never act on B; quitting while an action runs says so.
 * The real App on the shared engine behind a proxy that records every call berth makes.
 */
import {randomBytes} from 'node:crypto';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {shortId} from '../../source/format/format.js';
import {dockerCli} from '../support/dockerd.js';
import {DOWN, ENTER, ESC, PAGE_DOWN, PAGE_UP, SHIFT_TAB, TAB, UP} from '../support/keys.js';
import {trackResources, waitFor} from '../support/names.js';
import type {PtyProcess} from '../support/pty.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';
import {engineFor, fixtureImage} from './support/engine.js';
import {startEngineProxy, type EngineProxy} from './support/proxy.js';
import {runBerth} from './support/terminal.js';

const host = inject('dockerHost');
const socket = host.replace(/^unix:\/\//, '');
const resources = trackResources(host);
const docker = (...args: string[]) => dockerCli(host, args);
let app: RenderedApp | undefined;
let proxy: EngineProxy | undefined;
let term: PtyProcess | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await proxy?.close();
	proxy = undefined;
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
	await resources.cleanup();
});

const state = (name: string) => docker('inspect', '--format', '{{.State.Status}}', name);
const logsOf = (name: string) => (f: string) => new RegExp(`Logs\\s+${name}\\b`).test(f);

interface World {
	prefix: string;
	/** Running containers, in berth's order (running first, by name). */
	running: string[];
	ids: Record<string, string>;
	image: string;
}

/** Two running containers and one exited, an image with two tags used by one of them; berth on the proxy, filtered to them. */
async function world(): Promise<World> {
	const prefix = `nl${randomBytes(3).toString('hex')}`;
	const image = `${prefix}-img`;
	const source = resources.container(`${prefix}-src`);
	await docker('run', '--name', source, fixtureImage, 'sh', '-c', 'echo x > /x');
	resources.image(`${image}:v1`);
	resources.image(`${image}:v2`);
	await docker('commit', source, `${image}:v1`);
	await docker('tag', `${image}:v1`, `${image}:v2`);
	const ids: Record<string, string> = {};
	const running = [`${prefix}-m`, `${prefix}-p`];
	for (const name of running) {
		resources.container(name);
		ids[name] = await docker('run', '-d', '--name', name, `${image}:v1`, 'sh', '-c', `while :; do echo "tick ${name}"; sleep 1; done`);
	}
	ids[source] = await docker('inspect', '--format', '{{.Id}}', source);
	proxy = await startEngineProxy(socket);
	app = await renderApp(engineFor(proxy.host), {rows: 50, columns: 160, now: () => new Date()});
	await app.waitFor(running[1]!, 15_000);
	await app.press('/', prefix, ENTER);
	await app.waitFor(`filter: ${prefix}`, 5000);
	await app.waitFor(logsOf(running[0]!), 10_000);
	return {prefix, running, ids, image};
}

describe('no engine-changing call without an explicit key press', () => {
	it('moving around, every pane, view, overlay and prompt, and action letters typed where they are not actions, change nothing on the engine', async () => {
		const {image} = await world();
		const letters = 'usKrpcdayfnvAEeTL';
		await app!.press('j', 'k', DOWN, UP, 'G', 'g', PAGE_DOWN, PAGE_UP, TAB, SHIFT_TAB, '2', '3', '1');
		// The filter prompt takes every letter as text.
		await app!.press('/', letters, ESC);
		await app!.waitFor(f => !f.includes('█'), 5000);
		// The help overlay, the details view and the history view ignore action letters.
		await app!.press('?');
		await app!.waitFor('Quit berth', 5000);
		await app!.press(...letters.split(''), ESC);
		await app!.press(ENTER);
		await app!.waitFor('Details —', 5000);
		await app!.press(...'usKrpcdyf'.split(''), ESC);
		await app!.press('2', '/', image, ENTER);
		await app!.waitFor(`filter: ${image}`, 5000);
		await app!.press(ENTER);
		await app!.waitFor('History —', 5000);
		await app!.press(...'usKrpcdyf'.split(''), ESC);
		// The logs pane has keys of its own; none of them changes the engine.
		await app!.press('3', 't', 't', 'w', 'w', 'n', 'N', '[', ']', '+', '-', 'k', 'j', 'G');
		await app!.press('1');
		await sleep(1500);
		expect(proxy!.changes().map(r => `${r.method} ${r.route}`)).toEqual([]);
	}, 90_000);
});

describe('destructive actions confirm, default to No, and name exactly what they affect', () => {
	it('kill (K): names the container and its id; Enter, space and other keys do nothing; n and Esc cancel; only y kills', async () => {
		const {running, ids} = await world();
		const [a] = running as [string];
		await app!.press('K');
		const frame = await app!.waitFor(`Kill container ${a} (${shortId(ids[a]!)}) with SIGKILL now?`, 5000);
		expect(frame).toContain('y yes');
		await app!.press(ENTER, ' ', 'K', 's', 'f');
		await sleep(500);
		expect(proxy!.changes()).toEqual([]);
		await app!.press('n');
		await app!.waitFor('Cancelled; nothing was changed', 5000);
		await app!.press('K');
		await app!.waitFor(`Kill container ${a}`, 5000);
		await app!.press(ESC);
		await app!.waitFor(f => !f.includes(`Kill container ${a}`), 5000);
		expect(proxy!.changes()).toEqual([]);
		expect(await state(a)).toBe('running');
		await app!.press('K');
		await app!.waitFor(`Kill container ${a}`, 5000);
		await app!.press('y');
		await app!.waitFor(`Killed ${a}`, 20_000);
		expect(proxy!.changes().map(r => `${r.method} ${r.url}`)).toEqual([expect.stringMatching(new RegExp(`^POST /v[\\d.]+/containers/${ids[a]}/kill\\?signal=SIGKILL`))]);
	}, 90_000);

	it('rm (d) of a running container: asks once, by name, offering force; y, Enter and Space do nothing, only f forces', async () => {
		const {running, ids} = await world();
		const [a] = running as [string];
		await app!.press('d');
		const first = await app!.waitFor(`Remove container ${a} (${shortId(ids[a]!)})?`, 5000);
		expect(first).toContain('It is running: f removes it by force');
		// y would be refused by the engine: it is not offered, and nothing reaches the engine.
		await app!.press('y', ENTER, ' ');
		await sleep(500);
		expect(proxy!.changes()).toEqual([]);
		expect(await state(a)).toBe('running');
		await app!.press('f');
		await app!.waitFor(`Removed container ${a}`, 20_000);
		const deletes = proxy!.changes().filter(r => r.method === 'DELETE').map(r => r.url);
		expect(deletes).toHaveLength(1);
		expect(deletes[0]).toMatch(new RegExp(`/containers/${ids[a]}\\?.*force=(1|true)`));
	}, 90_000);

	it('rmi (d in images): names the tag and the image id, says the other tag stays and which containers use it', async () => {
		const {image, running} = await world();
		await app!.press('2', '/', `${image}:v2`, ENTER);
		await app!.waitFor(`filter: ${image}:v2`, 5000);
		await app!.press('d');
		const imageId = await docker('image', 'inspect', '--format', '{{.Id}}', `${image}:v2`);
		// The dialog's text with its box taken away (sentences wrap inside it).
		const frame = (await app!.waitFor(`Remove image ${image}:v2 (${shortId(imageId)})?`, 5000))
			.split('\n')
			.map(line => line.replace(/^.*?│ ?/, '').replace(/ *│.*$/, ''))
			.join(' ')
			.replaceAll(/\s+/g, ' ');
		expect(frame).toContain(`Only the tag ${image}:v2 goes; the image keeps its other tag: ${image}:v1.`);
		for (const name of running) expect(frame).toContain(name);
		await app!.press(ENTER, ' ', 'f');
		await sleep(500);
		expect(proxy!.changes()).toEqual([]);
		await app!.press('y');
		await app!.waitFor(`Untagged ${image}:v2; the image stays`, 20_000);
		expect(proxy!.changes().map(r => `${r.method} ${decodeURIComponent(r.route)}`)).toEqual([`DELETE /images/${image}:v2`]);
		// The other tag and the containers are untouched.
		await docker('image', 'inspect', `${image}:v1`);
		for (const name of running) expect(await state(name)).toBe('running');
	}, 90_000);
});

describe('keys typed while a confirm is open stay in it', () => {
	it('nothing leaks into the list behind: selection, focus, filter and the engine unchanged', async () => {
		const {running, prefix} = await world();
		const [a, b] = running as [string, string];
		await app!.press('K');
		await app!.waitFor(`Kill container ${a}`, 5000);
		await app!.press('j', 'j', DOWN, 'G', 'k', TAB, SHIFT_TAB, '2', '3', '/', 'usrpcdalSe', ENTER, ' ', PAGE_DOWN, 'a');
		await sleep(500);
		// Still the same dialog.
		expect(app!.lastFrame()).toContain(`Kill container ${a}`);
		await app!.press('n');
		const frame = await app!.waitFor('Cancelled; nothing was changed', 5000);
		expect(logsOf(a)(frame), frame).toBe(true);
		expect(logsOf(b)(frame), frame).toBe(false);
		expect(frame).toContain(`filter: ${prefix}`);
		expect(frame).toContain(' 1 Containers');
		expect(proxy!.changes()).toEqual([]);
		for (const name of running) expect(await state(name)).toBe('running');
	}, 90_000);
});

describe('keys typed in the same read as the key that opens a confirm', () => {
	it('go to the dialog, not to the list (a terminal delivers fast typing as one chunk)', async () => {
		const {running} = await world();
		const [a, b] = running as [string, string];
		// One write: K, then list keys, as a fast typist or a slow link delivers them.
		await app!.press('KjjGsd');
		const frame = await app!.waitFor(`Kill container ${a}`, 5000);
		expect(frame).not.toContain(`Kill container ${b}`);
		await app!.press('n');
		const after = await app!.waitFor('Cancelled; nothing was changed', 5000);
		expect(logsOf(a)(after), after).toBe(true);
		expect(proxy!.changes()).toEqual([]);
	}, 90_000);
});

describe('a confirm opened for container A can never act on container B', () => {
	it('the list re-sorts under the dialog (a new container sorts first): y kills A', async () => {
		const {running, ids, prefix, image} = await world();
		const [a] = running as [string];
		await app!.press('K');
		await app!.waitFor(`Kill container ${a}`, 5000);
		// B sorts before A, so A's row moves down while the dialog is open.
		const b = resources.container(`${prefix}-a-first`);
		await docker('run', '-d', '--name', b, `${image}:v1`, 'sleep', '1000');
		await app!.waitFor(f => f.indexOf(b) !== -1 && f.indexOf(b) < f.indexOf(`${a} `), 15_000);
		expect(app!.lastFrame()).toContain(`Kill container ${a}`);
		await app!.press('y');
		await app!.waitFor(`Killed ${a}`, 20_000);
		expect(await state(a)).toBe('exited');
		expect(await state(b)).toBe('running');
		expect(proxy!.changes().map(r => r.url)).toEqual([expect.stringContaining(`/containers/${ids[a]}/kill`)]);
	}, 90_000);

	it('A disappears before y and berth has not noticed yet: y goes to A (and fails), never to B', async () => {
		const {running, ids} = await world();
		const [a, b] = running as [string, string];
		await app!.press('K');
		await app!.waitFor(`Kill container ${a}`, 5000);
		// Berth's view of the list is held back, so the dialog stays open after A is gone.
		const release = proxy!.hold(r => r.route === '/containers/json');
		try {
			await docker('rm', '-f', a);
			await sleep(300);
			expect(app!.lastFrame()).toContain(`Kill container ${a}`);
			await app!.press('y');
			await app!.waitFor(f => f.includes(`kill ${a} failed`), 20_000);
		} finally {
			release();
		}
		expect(await state(b)).toBe('running');
		const kills = proxy!.changes().map(r => r.url);
		expect(kills).toEqual([expect.stringContaining(`/containers/${ids[a]}/kill`)]);
		expect(kills.join()).not.toContain(ids[b]!);
	}, 90_000);
});

describe('quitting while an action runs', () => {
	it('q says the action is still running on the engine; a second q quits and the engine finishes it', async () => {
		const name = resources.container(`nl${randomBytes(3).toString('hex')}-slowstop`);
		// Ignores SIGTERM: the stop takes the whole 8 s grace period, then SIGKILL.
		await docker('run', '-d', '--name', name, '--stop-timeout', '8', fixtureImage, 'sh', '-c', 'trap "" TERM; while :; do sleep 1; done');
		term = runBerth(['--host', host], {cols: 120, rows: 40});
		await term.waitForScreen('Engine ', 20_000);
		term.write(`/${name}\r`);
		await term.waitForScreen(`filter: ${name}`, 10_000);
		await term.waitForScreen(s => new RegExp(`Logs\\s+${name}`).test(s), 10_000);
		term.write('s');
		await term.waitForScreen('stopping…', 10_000);
		term.write('q');
		const screen = await term.waitForScreen('Still running', 10_000);
		expect(screen.replaceAll(/\s+/g, ' ')).toContain(`Still running: stopping ${name} — press q again to quit anyway`);
		// Still there: the first q did not quit.
		await sleep(500);
		expect(await Promise.race([term.exited.then(() => 'exited'), sleep(10).then(() => 'running')])).toBe('running');
		term.write('q');
		expect((await term.exited).exitCode).toBe(0);
		term = undefined;
		// The engine carries on without berth: the container ends up stopped (SIGKILL after the grace period).
		await waitFor(async () => (await state(name)) === 'exited', 'the stop to finish on the engine', 30_000);
		expect(await docker('inspect', '--format', '{{.State.ExitCode}}', name)).toBe('137');
	}, 90_000);
});
