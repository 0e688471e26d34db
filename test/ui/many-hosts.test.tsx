/**
 * Several hosts in one screen: the real multi-engine over two in-memory engines. A HOST column
 * in both lists, running/total per host in the header, actions on the row's own host, and a
 * host that drops: its rows greyed as last seen with the cause in the header, the other host
 * going on, and both back when it answers again.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createMultiEngine} from '../../source/engine/hosts/multi-engine.js';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const line = (frame: string, text: string) => frame.split('\n').find(l => l.includes(text)) ?? '';

describe('many hosts', () => {
	it('one list across hosts with a HOST column and per-host counts; a dropped host greyed with its cause, back by itself', async () => {
		const alpha = new FakeEngine({containers: [fakeContainer({name: 'web'}), fakeContainer({name: 'old', state: 'exited', status: 'Exited (0) 1 hour ago'})], images: [fakeImage({repoTags: ['web:1']})]});
		const beta = new FakeEngine({containers: [fakeContainer({name: 'db'})], images: [fakeImage({repoTags: ['db:2']})]});
		const engine = createMultiEngine([{name: 'alpha', engine: alpha}, {name: 'beta', engine: beta}]);
		app = await renderApp(engine, {columns: 120});
		let frame = await app.waitFor(f => f.includes('alpha 1/2 · beta 1/1'));
		expect(frame).toMatch(/STATE +NAME +HOST +IMAGE/);
		expect(line(frame, ' db ')).toMatch(/● running +db +beta /u);
		expect(line(frame, ' web ')).toMatch(/● running +web +alpha /u);
		expect(frame).toMatch(/HOST +REPOSITORY:TAG/);
		expect(line(frame, 'db:2')).toMatch(/^beta +db:2/);

		// Stop db (the first row): it goes to beta, not alpha.
		await app.press('gs');
		await app.waitFor(f => f.includes('alpha 1/2 · beta 0/1'));
		expect(beta.callsTo('stopContainer')).toHaveLength(1);
		expect(alpha.callsTo('stopContainer')).toHaveLength(0);

		// beta drops: its rows stay, greyed, marked unreachable; the cause is in the header.
		beta.down = new EngineError('unreachable', 'No Docker socket at /run/beta.sock');
		beta.endEvents();
		frame = await app.waitFor(f => f.includes('beta down: No Docker socket at /run/beta.sock') && line(f, ' db ').includes('unreachable'), 5000);
		expect(line(frame, ' db ')).toMatch(/^\? exited.* db +beta .*unreachable/u);
		expect(frame).toContain('alpha + beta (down)');
		// alpha goes on.
		await alpha.containers.start(alpha.containerRows[1]!.id);
		await app.waitFor(f => f.includes('alpha 2/2 · beta down'));

		beta.down = undefined;
		frame = await app.waitFor(f => f.includes('alpha 2/2 · beta 0/1') && !line(f, ' db ').includes('unreachable'), 10_000);
		expect(line(frame, ' db ')).toMatch(/■ exited.* db +beta /u);
		expect(frame).not.toContain('(down)');
	});

	it('image actions by tag go to the row\'s own host, when the same tag is on both', async () => {
		const id = 'sha256:' + 'ab'.repeat(32);
		const alpha = new FakeEngine({containers: [], images: [fakeImage({id, repoTags: ['shared:1', 'shared:keep']})]});
		const beta = new FakeEngine({containers: [], images: [fakeImage({id, repoTags: ['shared:1', 'shared:keep']})]});
		const engine = createMultiEngine([{name: 'alpha', engine: alpha}, {name: 'beta', engine: beta}]);
		app = await renderApp(engine, {columns: 120, rows: 40});
		await app.waitFor(f => /^beta +shared:keep/m.test(f));
		// The rows: alpha shared:1, alpha shared:keep, beta shared:1, beta shared:keep. Untag beta's shared:1.
		await app.press('2gjjd');
		await app.waitFor('Remove image shared:1');
		await app.press('y');
		await app.waitFor('Untagged shared:1');
		expect(beta.callsTo('removeImage').map(c => c[1])).toEqual(['shared:1']);
		expect(alpha.callsTo('removeImage')).toHaveLength(0);
		// Tag beta's shared:keep: the tag goes to beta's engine.
		await app.press('Gt');
		await app.waitFor('Tag shared:keep as');
		await app.press('\x15shared:new\r');
		await app.waitFor('Tagged shared:keep as shared:new');
		expect(beta.callsTo('tagImage')).toHaveLength(1);
		expect(alpha.callsTo('tagImage')).toHaveLength(0);
	});
});
