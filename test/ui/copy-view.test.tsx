/**
 * docker cp from the containers pane on the in-memory engine: each copy in its own view with its
 * progress, `x` cancelling it, the question about files that exist asked once the archive was
 * read, and the outcome with the counts and every refused entry and its reason; `v` shows it again.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

const CTRL_U = '\u0015';
let app: RenderedApp | undefined;
let dir: string;
afterEach(() => {
	app?.unmount();
	app = undefined;
	rmSync(dir, {recursive: true, force: true});
});

function world() {
	dir = mkdtempSync(path.join(tmpdir(), 'berth-cp-view-'));
	const image = fakeImage({repoTags: ['shop/api:1.4']});
	const a = fakeContainer({name: 'a1', imageId: image.id, image: 'shop/api:1.4'});
	const engine = new FakeEngine({containers: [a], images: [image]});
	engine.lifecycle.files.set(a.id, [
		{path: '/data', kind: 'directory', bytes: 0},
		{path: '/data/a.txt', kind: 'file', bytes: 10},
		{path: '/data/up', kind: 'symlink', bytes: 0, refused: 'its target "../../etc" points outside the destination'},
		{path: '/data/null', kind: 'file', bytes: 0, refused: 'device files are not copied'},
		{path: '/data/b.txt', kind: 'file', bytes: 20},
	]);
	return {engine, a};
}

/** C, the two paths, Enter. */
async function copyOut(from = '/data') {
	await app!.press('C');
	await app!.waitFor('Copy out of a1');
	await app!.press(CTRL_U, from, TAB, CTRL_U, dir, ENTER);
}

describe('C copies out in a view of its own', () => {
	it('shows its progress while it runs, then the counts and every refused entry with its reason', async () => {
		const {engine, a} = world();
		engine.hold('copyFromContainer.midway');
		app = await renderApp(engine, {columns: 120});
		await app.waitFor('a1');
		await copyOut();
		const running = await app.waitFor(f => f.includes(`Copy out — a1:/data → ${dir}`) && f.includes('Copying: '));
		expect(running).toContain(`$ docker cp a1:/data ${dir}`);
		expect(running).toContain('x cancel');
		engine.release('copyFromContainer.midway');
		const done = await app.waitFor('Written: 3 · Refused: 2');
		expect(done).toContain('✔ Copied 2 files, 1 directory (30B) from a1:/data to');
		expect(done).toContain('refused 2 (v shows which and why)');
		expect(done).toContain('data/up — its target "../../etc" points outside the destination');
		expect(done).toContain('data/null — device files are not copied');
		expect(engine.callsTo('copyFromContainer')).toHaveLength(1);
		// Esc hides it; v in the containers pane shows it again.
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Written: 3'));
		await app.press('v');
		await app.waitFor('Written: 3 · Refused: 2');
		// The command log has the counts too.
		await app.press(ESC, ':');
		await app.waitFor(`docker cp a1:/data ${dir}`);
		expect(engine.callsTo('copyFromContainer')[0]!.slice(1)).toEqual([a.id, '/data', dir]);
	});

	it('x cancels it part-way: the view and the status line say nothing was copied', async () => {
		const {engine} = world();
		engine.hold('copyFromContainer.midway');
		app = await renderApp(engine, {columns: 120});
		await app.waitFor('a1');
		await copyOut();
		await app.waitFor('Copying: ');
		await app.press('x');
		const cancelled = await app.waitFor('✖ Cancelled after 0 bytes: nothing was copied');
		expect(cancelled).not.toContain('x cancel');
		await app.press(ESC);
		await app.waitFor(f => f.includes('Copy from a1: Cancelled after 0 bytes') && !f.includes('copying'));
		// Progress that arrives after the end does not mark the row busy again.
		for (let tries = 0; tries < 200 && engine.callsTo('copyFromContainer.late-progress').length === 0; tries++) await new Promise(resolve => setTimeout(resolve, 10));
		expect(engine.callsTo('copyFromContainer.late-progress')).toHaveLength(1);
		await app.press('s');
		await app.waitFor('Stopped a1');
	});

	it('asks about files that exist once the archive was read: n keeps them and copies nothing, y replaces them', async () => {
		const {engine} = world();
		engine.lifecycle.hostPaths.add(`${dir}/data/a.txt`);
		app = await renderApp(engine, {columns: 120});
		await app.waitFor('a1');
		await copyOut();
		const asking = await app.waitFor(`1 entry exists in ${dir} already`);
		expect(asking).toContain('data/a.txt');
		expect(asking).toMatch(/y replace .*n keep, copy nothing/);
		await app.press('n');
		await app.waitFor(`✖ Kept the 1 entry that existed in ${dir}: nothing was copied from a1:/data`);
		await app.press(ESC);
		await copyOut();
		await app.waitFor(`1 entry exists in ${dir} already`);
		await app.press('y');
		await app.waitFor('; replaced 1 that existed; refused 2');
		expect(engine.callsTo('copyFromContainer')).toHaveLength(2);
	});
});

describe('the copy forms', () => {
	it('keep a host path that is not there in the form, with the reason, and start nothing', async () => {
		const {engine} = world();
		app = await renderApp(engine, {columns: 120});
		await app.waitFor('a1');
		await app.press('C');
		await app.waitFor('Copy out of a1');
		await app.press(CTRL_U, '/data', TAB, CTRL_U, `${dir}/nope`, ENTER);
		await app.waitFor(`to: ${dir}/nope: no such directory`);
		await app.press(ESC, 'I');
		await app.waitFor('Copy into a1');
		await app.press(`${dir}/missing.txt`, TAB, CTRL_U, '/srv', ENTER);
		await app.waitFor(`from: ${dir}/missing.txt: no such file or directory`);
		expect(engine.callsTo('copyFromContainer')).toEqual([]);
		expect(engine.callsTo('copyToContainer')).toEqual([]);
	});
});

describe('I copies in', () => {
	it('shows bytes, percent and a bar against the size counted first; x cancels it', async () => {
		const {engine} = world();
		engine.hold('copyToContainer.midway');
		app = await renderApp(engine, {columns: 120});
		await app.waitFor('a1');
		await app.press('I');
		await app.waitFor('Copy into a1');
		await app.press('/etc/hostname', TAB, CTRL_U, '/srv', ENTER);
		const running = await app.waitFor('Copying: 21B of 42B · 50%');
		expect(running).toContain('Copy in — /etc/hostname → a1:/srv');
		expect(running).toMatch(/█+░+/);
		await app.press('x');
		await app.waitFor('✖ Cancelled after 21 bytes of 42 bytes');
	});
});
