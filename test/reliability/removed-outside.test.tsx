/**
 * Containers and images removed from outside berth (another terminal, a script) while berth
 * looks at them: selected with its log streaming, behind an open confirm dialog, in the
 * details view, and an image in its history view. The real App on the shared engine.
 */
import {randomBytes} from 'node:crypto';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {dockerCli} from '../support/dockerd.js';
import {ENTER} from '../support/keys.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';
import {engineFor, fixtureImage} from './support/engine.js';

const host = inject('dockerHost');
const resources = trackResources(host);
let app: RenderedApp | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await resources.cleanup();
});

const docker = (...args: string[]) => dockerCli(host, args);
/** A short unique prefix: the containers pane shows about 19 characters of a name at 100 columns. */
const short = (tag: string) => `${tag}${randomBytes(3).toString('hex')}`;

/** Three running containers PREFIX-a, -b, -c that log a line a second; berth filtered to them, b selected. */
async function threeOnScreen(prefix: string): Promise<{names: string[]; rendered: RenderedApp}> {
	const names = ['a', 'b', 'c'].map(s => `${prefix}-${s}`);
	for (const name of names) {
		resources.container(name);
		await docker('run', '-d', '--name', name, fixtureImage, 'sh', '-c', `while :; do echo "tick from ${name}"; sleep 1; done`);
	}
	const rendered = await renderApp(engineFor(host), {rows: 50, columns: 160, now: () => new Date()});
	await rendered.waitFor(names[2]!, 15_000);
	await rendered.press('/', prefix, ENTER);
	await rendered.waitFor(f => f.includes(`filter: ${prefix}`), 5000);
	await rendered.press('j');
	// b is selected: its log streams in the logs pane.
	await rendered.waitFor(f => f.includes(`tick from ${names[1]}`), 15_000);
	return {names, rendered};
}

describe('a container removed from outside', () => {
	it('while selected and its log is streaming: no crash, the selection moves to a neighbour and its log follows', async () => {
		const {names, rendered} = await threeOnScreen(short('sel'));
		app = rendered;
		await docker('rm', '-f', names[1]!);
		// The row at the old index is the neighbour now: c.
		const frame = await app.waitFor(f => !f.includes(`${names[1]} `) && f.includes(`tick from ${names[2]}`), 15_000);
		expect(frame).toContain(names[0]!);
		expect(frame).toMatch(new RegExp(`Logs\\s+${names[2]}`));
		// Still answering keys: move up to a, whose log then shows.
		await app.press('k');
		await app.waitFor(f => f.includes(`tick from ${names[0]}`), 15_000);
	}, 60_000);

	it('while a confirm dialog for it is open: the dialog closes with a note, nothing is done, the selection moves to a neighbour', async () => {
		const {names, rendered} = await threeOnScreen(short('dlg'));
		app = rendered;
		await app.press('K');
		await app.waitFor(`Kill container ${names[1]}`, 5000);
		await docker('rm', '-f', names[1]!);
		const frame = await app.waitFor(`${names[1]} was removed outside berth; nothing was done`, 15_000);
		expect(frame).not.toContain(`Kill container ${names[1]}`);
		await app.waitFor(f => new RegExp(`Logs\\s+${names[2]}`).test(f), 5000);
		// A late `y` lands on the list, not on a dialog: the neighbours keep running.
		await app.press('y');
		await new Promise(resolve => setTimeout(resolve, 1000));
		for (const name of [names[0]!, names[2]!]) expect(await docker('inspect', '--format', '{{.State.Status}}', name)).toBe('running');
	}, 60_000);

	it('while its details view is open: the view closes with a note', async () => {
		const {names, rendered} = await threeOnScreen(short('det'));
		app = rendered;
		await app.press(ENTER);
		await app.waitFor(`Details — ${names[1]}`, 10_000);
		await docker('rm', '-f', names[1]!);
		const frame = await app.waitFor('The container was removed', 15_000);
		expect(frame).not.toContain(`Details — ${names[1]}`);
		expect(frame).toContain(names[2]!);
	}, 60_000);
});

describe('an image removed from outside', () => {
	it('while its history view is open: the view closes with a note, no crash', async () => {
		const source = resources.container(uniqueName('hist-src'));
		await docker('run', '--name', source, fixtureImage, 'sh', '-c', 'echo layer > /layer');
		const repo = uniqueName('hist-img');
		resources.image(`${repo}:v1`);
		await docker('commit', source, `${repo}:v1`);
		app = await renderApp(engineFor(host), {rows: 50, columns: 160, now: () => new Date()});
		await app.press('2');
		await app.waitFor(`${repo}:v1`, 15_000);
		await app.press('/', repo, ENTER);
		await app.waitFor(f => f.includes(`filter: ${repo}`), 5000);
		await app.press(ENTER);
		await app.waitFor(`History — ${repo}:v1`, 10_000);
		await docker('rm', '-f', source);
		await docker('rmi', `${repo}:v1`);
		const frame = await app.waitFor('The image was removed', 15_000);
		expect(frame).not.toContain(`History — ${repo}:v1`);
		// Still answering keys.
		await app.press('?');
		await app.waitFor('Quit berth', 5000);
	}, 60_000);

	it('while a remove-image confirm for it is open: the dialog closes with a note', async () => {
		const source = resources.container(uniqueName('rmi-src'));
		await docker('run', '--name', source, fixtureImage, 'sh', '-c', 'echo layer > /layer');
		const repo = uniqueName('rmi-img');
		resources.image(`${repo}:v1`);
		await docker('commit', source, `${repo}:v1`);
		await docker('rm', '-f', source);
		app = await renderApp(engineFor(host), {rows: 50, columns: 160, now: () => new Date()});
		await app.press('2');
		await app.waitFor(`${repo}:v1`, 15_000);
		await app.press('/', repo, ENTER);
		await app.waitFor(f => f.includes(`filter: ${repo}`), 5000);
		await app.press('d');
		await app.waitFor(`Remove image ${repo}:v1`, 5000);
		await docker('rmi', `${repo}:v1`);
		await app.waitFor(`${repo}:v1 was removed outside berth; nothing was done`, 15_000);
		await waitFor(() => !app!.lastFrame().includes(`Remove image ${repo}:v1`), 'the dialog to close', 5000);
	}, 60_000);
});
