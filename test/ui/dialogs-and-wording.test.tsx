/**
 * What a new user tripped over: dialog key bars, the end of a view, the run form on a refusal,
 * the filter and the counts on a narrow terminal, and the words berth uses.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC, PAGE_DOWN, PAGE_UP, TAB} from '../support/keys.js';
import {dialogText, renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function world() {
	const shared = fakeImage({repoTags: ['shop/api:1.4', 'shop/api:latest', 'shop/api:prod']});
	const api = fakeContainer({name: 'api', imageId: shared.id, labels: Object.fromEntries(Array.from({length: 60}, (_, i) => [`label.${i}`, `value ${i}`]))});
	const db = fakeContainer({name: 'db'});
	const dangling = fakeImage({repoTags: []});
	const engine = new FakeEngine({containers: [api, db], images: [shared, dangling]});
	return {engine, api, db, shared, dangling};
}

/** The dialog's last line: its keys. */
function dialogKeys(frame: string): string {
	const lines = frame.split('\n').filter(l => /│.*│/.test(l));
	return lines.at(-1)!.replace(/^.*?│\s*/, '').replace(/\s*│.*$/, '');
}

describe('dialogs offer only their keys', () => {
	it('the kill dialog offers y and n, not force; rm of a running container offers f at once; a refused rm offers f and n, not y', async () => {
		const {engine} = world();
		engine.containerRows.push(fakeContainer({name: 'zz-stopped', state: 'exited', status: 'Exited (0) 1 minute ago'}));
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('K');
		expect(dialogKeys(await app.waitFor('Kill container api'))).toBe('y yes   n/Esc no (default)');
		// f does nothing here.
		await app.press('f');
		await sleep(20);
		expect(engine.callsTo('killContainer')).toHaveLength(0);
		await app.press('n', 'd');
		expect(dialogKeys(await app.waitFor('Remove container api'))).toBe('f force   n/Esc no (default)');
		// A stopped one: y; when the engine refuses all the same, force is offered.
		await app.press('n', 'G', 'd');
		expect(dialogKeys(await app.waitFor('Remove container zz-stopped'))).toBe('y yes   n/Esc no (default)');
		engine.fail('removeContainer', new EngineError('conflict', 'removal of container zz-stopped is already in progress'));
		await app.press('y');
		const refused = await app.waitFor('The engine refused to remove zz-stopped');
		expect(dialogKeys(refused)).toBe('f force   n/Esc no (default)');
		// y does nothing in it, and the bottom help bar says the same as the dialog.
		await app.press('y');
		await sleep(20);
		expect(engine.callsTo('removeContainer')).toHaveLength(1);
		expect(app.lastFrame().split('\n').at(-1)).toMatch(/^ f force {2}n\/Esc no \(default\)/);
	});
});

describe('views stop at their end', () => {
	it('PgDn in the details view stops at the last line instead of scrolling into a blank page', async () => {
		const {engine} = world();
		app = await renderApp(engine, {rows: 30});
		await app.waitFor('api');
		await app.press(ENTER);
		await app.waitFor('Summary');
		await app.press(PAGE_DOWN.repeat(12));
		const end = await app.waitFor('label.59');
		// The last page is full: the body has no blank rows at its bottom.
		const body = end.split('\n').slice(1, -3);
		expect(body.at(-1)!.trim()).not.toBe('');
		await app.press(PAGE_UP);
		await app.waitFor(f => !f.includes('label.59'));
	});
});

describe('the run form on a refusal', () => {
	it('stays open with the engine reason and what was typed', async () => {
		const {engine} = world();
		engine.fail('runContainer', new EngineError('conflict', 'Conflict. The container name "/db" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.', {statusCode: 409}));
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('2', 'r');
		await app.waitFor('Run a container from shop/api:1.4');
		await app.press(`db${TAB}sleep 1000${ENTER}`);
		const frame = await app.waitFor('is already in use');
		expect(frame).toContain('Run a container from shop/api:1.4');
		expect(frame).toMatch(/Name\s+db\s/);
		expect(frame).toMatch(/Command\s+sleep 1000/);
		// Fix the name and run again: it runs and the form closes.
		await app.press(`${TAB}${TAB}${TAB}${TAB}\u0015db2${ENTER}`);
		await app.waitFor('Started db2');
		expect(app.lastFrame()).not.toContain('Run a container from');
	});
});

describe('at 80 columns', () => {
	it('keeps the filter visible (the counts and notes give way) and the status counts whole', async () => {
		const {engine} = world();
		app = await renderApp(engine, {rows: 24, columns: 80});
		await app.waitFor('api');
		// Sorted by name, both marked (Space moves down: db is selected), filtered.
		await app.press('o', ' ', ' ', `/a${ENTER}`);
		const frame = await app.waitFor('filter: a');
		const header = frame.split('\n').find(l => l.includes('1 Containers'))!;
		expect(header).toMatch(/sort: name|2 marked/);
		expect(header).toContain('filter: a');
		// A long message does not cut the counts. (Esc Esc: the filter, then the marks, go.)
		engine.fail('stopContainer', new EngineError('server', 'x'.repeat(200)));
		await app.press(`${ESC}${ESC}`);
		await app.waitFor(f => !f.includes('marked'));
		await app.press('s');
		const failed = await app.waitFor(f => f.split('\n').at(-2)!.includes('│ xxxxxxxxxx'));
		const status = failed.split('\n').at(-2)!;
		expect(status).toContain('2 running / 0 stopped · 2 images');
	});
});

describe('words', () => {
	it('rmi names the other tags that stay, does not repeat the id, and an untag says Untagged', async () => {
		const {engine, dangling} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('2', 'd');
		const frame = dialogText(await app.waitFor('Remove image shop/api:1.4'));
		expect(frame).toContain('Only the tag shop/api:1.4 goes; the image keeps its other 2 tags: shop/api:latest, shop/api:prod.');
		expect(frame).toContain('Used by 1 container: api');
		await app.press('n', 'G', 'd');
		const id = dangling.id.slice(7, 19);
		const bare = dialogText(await app.waitFor(`Remove image ${id}?`));
		expect(bare.split(id).length - 1).toBe(1);
		// One of several tags: the engine untags it though a container uses the image (as dockerd does).
		await app.press('n', 'g', 'd', 'y');
		await app.waitFor('Untagged shop/api:1.4; the image stays');
		expect(engine.callsTo('removeImage')).toEqual([['removeImage', 'shop/api:1.4', {force: false}]]);
		expect(app.lastFrame()).toMatch(/shop\/api:latest/);
	});

	it('the images header counts tags (not <none> rows) and shows "N of M" when filtered, as the containers header does', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		const frame = await app.waitFor('api');
		expect(frame).toContain('2 Images  3 tags, 2 images');
		expect(frame).toContain('1 Containers  2 running / 2 total');
		await app.press('2', `/prod${ENTER}`);
		await app.waitFor('3 tags, 2 images  1 of 4 shown');
		await app.press('1', `/db${ENTER}`);
		await app.waitFor('2 running / 2 total  1 of 2 shown');
	});
});
