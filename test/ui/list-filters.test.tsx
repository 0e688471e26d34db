/**
 * Every list's `/` filter takes Docker's filter words beside free text (all must hold) and says
 * in the filter line why a word is left out; `o`/`O` sort any list by its kind's orders.
 * Through the shipped stack, with the in-memory engine.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, ENTER} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const rowsOf = (frame: string, names: string[]) => names.filter(name => new RegExp(`^[●■○‖↻✖?] .*\\s${name}\\s`, 'm').test(frame));

function world() {
	const shop = {'com.docker.compose.project': 'shop'};
	const containers = [
		fakeContainer({name: 'shop-web-1', state: 'running', status: 'Up 2 minutes', labels: {...shop, 'com.docker.compose.service': 'web', tier: 'front'}}),
		fakeContainer({name: 'shop-db-1', state: 'exited', exitCode: 0, status: 'Exited (0) 1 minute ago', labels: {...shop, 'com.docker.compose.service': 'db'}}),
		fakeContainer({name: 'tools', state: 'exited', exitCode: 1, status: 'Exited (1) 3 minutes ago'}),
	];
	const images = [fakeImage({repoTags: ['small:1'], size: 1_000_000, created: 1_700_000_000}), fakeImage({repoTags: ['big:1'], size: 9_000_000, created: 1_600_000_000}), fakeImage({repoTags: []})];
	return new FakeEngine({containers, images});
}

describe('the list filter with Docker words', () => {
	it('status=, project= and free text together; a malformed word is left out and says why', async () => {
		app = await renderApp(world(), {columns: 120, rows: 40});
		await app.waitFor('shop-db-1');
		await app.press(`/status=exited project=shop${ENTER}`);
		let frame = await app.waitFor('filter: status=exited project=shop');
		expect(rowsOf(frame, ['shop-web-1', 'shop-db-1', 'tools'])).toEqual(['shop-db-1']);
		await app.press('/');
		await app.press(`${BACKSPACE.repeat('project=shop'.length)}tools${ENTER}`);
		frame = await app.waitFor('filter: status=exited tools');
		expect(rowsOf(frame, ['shop-web-1', 'shop-db-1', 'tools'])).toEqual(['tools']);
		await app.press('/');
		await app.press(`${BACKSPACE.repeat('status=exited tools'.length)}status=bogus label=tier${ENTER}`);
		frame = await app.waitFor('status is one of created, restarting, running');
		expect(frame).toContain('filter: status=bogus label=tier — status=bogus: status is one of');
		expect(rowsOf(frame, ['shop-web-1', 'shop-db-1', 'tools'])).toEqual(['shop-web-1']);
	});

	it('an images word in the images pane, and the containers pane says which list takes it', async () => {
		app = await renderApp(world(), {columns: 120, rows: 40});
		await app.waitFor('big:1');
		await app.press(`2/dangling=true${ENTER}`);
		let frame = await app.waitFor('1 of 3 shown');
		expect(frame).toContain('<none>');
		expect(frame).not.toMatch(/^big:1/m);
		await app.press(`1/dangling=true${ENTER}`);
		frame = await app.waitFor('dangling= filters images, not containers');
		expect(rowsOf(frame, ['shop-web-1', 'shop-db-1', 'tools'])).toEqual(['shop-web-1', 'shop-db-1', 'tools']);
	});
});

describe('sorting any list', () => {
	it('o sorts the images by size, then by age; O reverses; the header says so', async () => {
		app = await renderApp(world(), {columns: 120, rows: 40});
		await app.waitFor('big:1');
		const order = (frame: string) => frame.split('\n').filter(l => /^(big|small):1 /.test(l)).map(l => l.split(' ')[0]);
		expect(order(app.lastFrame())).toEqual(['big:1', 'small:1']);
		await app.press('2o');
		let frame = await app.waitFor('sort: size ↓');
		expect(order(frame)).toEqual(['big:1', 'small:1']);
		await app.press('o');
		frame = await app.waitFor('sort: created ↓');
		expect(order(frame)).toEqual(['small:1', 'big:1']);
		await app.press('O');
		frame = await app.waitFor('sort: created ↑');
		expect(order(frame)).toEqual(['big:1', 'small:1']);
	});
});

describe("the Swarm view's parts", () => {
	it('/ filters the part with the keyboard by its words; Esc clears the filter first, then closes the view', async () => {
		const engine = new FakeEngine();
		engine.swarm.becomeManager(['node-1', 'node-2', 'node-3']);
		engine.swarm.addService({name: 'web', replicas: 1});
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of web');
		await app.press(`\t\t/role=worker${ENTER}`);
		let frame = await app.waitFor('filter: role=worker');
		expect(frame).toContain('2 of 3 shown');
		expect(frame).not.toMatch(/^node-1 \*/m);
		await app.press('\u001B');
		frame = await app.waitFor(f => !f.includes('filter: role=worker'));
		expect(frame).toMatch(/^node-1 \*/m);
		expect(frame).toContain('Tasks of web');
		await app.press('q');
		await app.waitFor('1 Containers');
	});
});
