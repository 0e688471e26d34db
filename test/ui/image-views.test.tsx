/** Inspect (i), the layer browser (Enter) and prune (X) on the in-memory engine. */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function openOnImages(engine: FakeEngine): Promise<RenderedApp> {
	const rendered = await renderApp(engine, {columns: 120, rows: 40});
	await rendered.waitFor('berth-test/busybox:latest');
	await rendered.press('2');
	return rendered;
}

describe('i inspects', () => {
	it('shows the config in tables, the raw JSON on r, searchable with / and n/N', async () => {
		const busybox = fakeImage({repoTags: ['berth-test/busybox:latest']});
		const engine = new FakeEngine({images: [busybox]});
		const raw: Record<string, unknown> = {Id: busybox.id, RepoTags: busybox.repoTags, Config: {Env: ['PATH=/bin', 'GREETING=hello'], Labels: {'org.example.team': 'berth'}}};
		for (let i = 0; i < 60; i++) raw[`Filler${i}`] = i === 45 ? 'needle-two' : `value ${i}`;
		raw.Comment = 'needle-one';
		engine.lifecycle.imageDetails.set(busybox.id, {
			author: 'Berth Tests <t@example.org>',
			comment: 'imported',
			config: {entrypoint: ['/bin/entry', 'a b'], cmd: ['serve'], env: ['PATH=/bin', 'GREETING=hello'], exposedPorts: ['8080/tcp'], volumes: ['/data'], workingDir: '/app', user: 'nobody', labels: {'org.example.team': 'berth'}, onBuild: []},
			layers: [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`],
			raw,
		});
		app = await openOnImages(engine);
		await app.press('i');
		const tables = await app.waitFor('Entrypoint');
		expect(tables).toContain('Inspect — berth-test/busybox:latest');
		expect(tables).toContain('$ docker image inspect berth-test/busybox:latest');
		expect(tables).toMatch(/Entrypoint\s+│ \/bin\/entry "a b"/);
		expect(tables).toMatch(/Working dir\s+│ \/app/);
		expect(tables).toMatch(/User\s+│ nobody/);
		expect(tables).toMatch(/Author\s+│ Berth Tests <t@example.org>/);
		expect(tables).toMatch(/Platform\s+│ linux\/amd64/);
		await app.press('G');
		const end = await app.waitFor(`sha256:${'2'.repeat(64)}`);
		expect(end).toContain('8080/tcp');
		expect(end).toContain('org.example.team');
		await app.press('r');
		const json = await app.waitFor('(raw JSON)');
		expect(json).toContain('"RepoTags": [');
		expect(json).not.toContain('needle-two');
		await app.press('/', 'needle');
		await app.waitFor('match 1 of 2 lines');
		await app.press(ENTER);
		await app.waitFor(f => f.includes('search: needle') && f.includes('"Filler45": "needle-two"'));
		await app.press('n');
		await app.waitFor(f => f.includes('match 2 of 2 lines') && f.includes('"Comment": "needle-one"'));
		await app.press('N');
		await app.waitFor('match 1 of 2 lines');
		// Esc clears the search, then closes the view.
		await app.press(ESC);
		await app.waitFor(f => f.includes('(raw JSON)') && !f.includes('search: needle'));
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Inspect —') && f.includes('REPOSITORY:TAG'));
	});
});

describe('Enter: the layer browser', () => {
	it("shows each step's command, size, age and comment, the total and what other images share", async () => {
		const busybox = fakeImage({repoTags: ['berth-test/busybox:latest'], size: 5_000_000});
		const app1 = fakeImage({repoTags: ['app:1'], size: 6_000_000});
		const engine = new FakeEngine({images: [busybox, app1]});
		engine.lifecycle.layersFor.set(app1.id, {
			id: app1.id,
			size: 6_000_000,
			sharedSize: 5_000_000,
			uniqueSize: 1_000_000,
			layers: [
				{historyId: app1.id, createdBy: '/bin/sh -c #(nop)  CMD ["serve"]', created: 1_700_000_000, comment: '', tags: ['app:1'], size: 0, sharedWith: []},
				{historyId: '<missing>', createdBy: '/bin/sh -c make install && rm -rf /tmp/build-cache-directory', created: 1_700_000_000, comment: 'the app', tags: [], size: 1_000_000, diffId: `sha256:${'3'.repeat(64)}`, sharedWith: []},
				{historyId: busybox.id, createdBy: 'Imported from -', created: 1_690_000_000, comment: '', tags: ['berth-test/busybox:latest'], size: 5_000_000, diffId: `sha256:${'4'.repeat(64)}`, sharedWith: ['berth-test/busybox:latest']},
			],
		});
		app = await openOnImages(engine);
		await app.press('g', ENTER);
		const frame = await app.waitFor('Commands in full');
		expect(frame).toContain('History — app:1');
		expect(frame).toContain('Size 6MB: 5MB shared with other local images, 1MB only in this one');
		expect(frame).toMatch(/CMD \["serve"\]/);
		expect(frame).toMatch(/333333333333 .*1MB .*RUN make install/);
		expect(frame).toContain('the app');
		expect(frame).toMatch(/444444444444 .*5MB .*Imported from - .*berth-test\/busybox:latest/);
		await app.press('G');
		await app.waitFor('RUN make install && rm -rf /tmp/build-cache-directory');
	});
});

describe('X prunes', () => {
	function world() {
		const busybox = fakeImage({repoTags: ['berth-test/busybox:latest']});
		const dangling = fakeImage({repoTags: [], size: 7_000_000});
		const exited = fakeContainer({name: 'old-job', state: 'exited', status: 'Exited (0) 1 hour ago', imageId: busybox.id});
		const running = fakeContainer({name: 'web', imageId: busybox.id});
		return {engine: new FakeEngine({images: [busybox, dangling], containers: [exited, running]}), dangling, exited};
	}

	it('previews what a choice would remove with the space, prunes nothing on n, and after y shows what the engine removed', async () => {
		const {engine, dangling} = world();
		app = await openOnImages(engine);
		await app.press('X');
		const choose = await app.waitFor('What should go?');
		expect(choose).toContain('Everything unused and volumes');
		expect(choose).toContain('$ docker image prune -f');
		await app.press('j', 'j');
		await app.waitFor('$ docker container prune -f');
		await app.press('k', 'k', ENTER);
		const preview = await app.waitFor('Would remove 1 image; space to reclaim: 7MB');
		expect(preview).toContain(dangling.id.slice(7, 19));
		expect(preview).toContain('Prune these? y prunes');
		// Enter and other keys do nothing here; n prunes nothing.
		await app.press(ENTER, 'd', 'f');
		await app.press('n');
		await app.waitFor('Cancelled; nothing was pruned');
		expect(engine.callsTo('prune')).toEqual([]);
		expect(engine.imageRows).toHaveLength(2);

		await app.press('X', ENTER);
		await app.waitFor('Would remove 1 image');
		await app.press('y');
		const done = await app.waitFor('✔ Removed 1 image; the engine reports 7MB reclaimed');
		expect(done).toContain(dangling.id.slice(7, 19));
		// Nothing is asked any more: n/Esc/q close the view, and no key says "no (default)".
		expect(done).not.toContain('no (default)');
		expect(done.split('\n')[0]).toContain('n/Esc/q close');
		expect(engine.callsTo('prune')).toEqual([['prune', ['dangling-images'], undefined]]);
		expect(engine.imageRows.map(i => i.id)).not.toContain(dangling.id);
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Prune —') && f.includes('Pruned 1 image; the engine reclaimed 7MB'));
	});

	it('system prune names its targets in order and lists each kind; nothing to prune offers no y', async () => {
		const {engine} = world();
		app = await openOnImages(engine);
		await app.press('X', 'G', 'k', ENTER);
		const preview = await app.waitFor('Would remove 1 container, 1 image');
		expect(preview).toContain('$ docker system prune -f');
		expect(preview).toMatch(/Containers \(1\)\s+old-job/);
		await app.press('y');
		await app.waitFor('✔ Removed 1 container, 1 image');
		expect(engine.callsTo('prune')[0]![1]).toEqual(['containers', 'networks', 'dangling-images', 'build-cache']);
		expect(engine.containerRows.map(c => c.name)).toEqual(['web']);
		await app.press(ESC, 'X', ENTER);
		await app.waitFor('Dangling images: nothing to remove.');
		await app.press('y');
		await app.waitFor('Nothing to prune');
		expect(engine.callsTo('prune')).toHaveLength(1);
	});
});
