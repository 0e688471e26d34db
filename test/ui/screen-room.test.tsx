/**
 * What the screen spends its room on: the containers' STATUS (the state's time) is shown whole
 * while there is room for it, at 120x40 and at 80x24; the panes' heights follow what they hold.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function shop() {
	const api = fakeImage({repoTags: ['shop/api:1.4']});
	const containers = [
		fakeContainer({name: 'shop-api-1', image: 'shop/api:1.4', imageId: api.id, state: 'exited', exitCode: 0, status: 'Exited (0) 2 minutes ago'}),
		fakeContainer({name: 'shop-db-1', image: 'shop/base:1.0', status: 'Up Less than a second', ports: [{privatePort: 5432, publicPort: 15432, type: 'tcp', ip: '0.0.0.0'}]}),
		fakeContainer({name: 'shop-worker-1', image: 'shop/worker:2.1', state: 'exited', exitCode: 137, status: 'Exited (137) 14 minutes ago'}),
	];
	return {containers, images: [api]};
}

describe('the containers columns', () => {
	for (const [columns, rows] of [
		[120, 40],
		[80, 24],
	] as const) {
		it(`at ${columns}x${rows} STATUS is whole: the state and its time`, async () => {
			app = await renderApp(new FakeEngine(shop()), {columns, rows});
			const frame = await app.waitFor('shop-worker-1');
			for (const status of ['Exited (0) 2 minutes ago', 'Exited (137) 14 minutes ago']) expect(frame).toContain(status);
			// The running one's status as aged now ("Up 29 minutes"), whole.
			expect(frame).toMatch(/shop-db-1 .* Up \d+ minutes/);
			for (const line of frame.split('\n')) expect(line.length, line).toBeLessThan(columns);
			if (columns === 120) expect(frame).toContain('15432->5432/tcp');
		});
	}
});

describe('the pane heights', () => {
	it('at 120x40, 20 tags and 3 containers: the images pane shows the rows the containers pane does not need', async () => {
		const {containers} = shop();
		const images = Array.from({length: 20}, (_, i) => fakeImage({repoTags: [`shop/tag-${String(i).padStart(2, '0')}:1`]}));
		app = await renderApp(new FakeEngine({containers, images}), {columns: 120, rows: 40});
		const frame = await app.waitFor('shop/tag-00:1');
		const lines = frame.split('\n');
		// No empty row between the last container and the images pane's header.
		const header = lines.findIndex(l => l.startsWith(' 2 Images'));
		expect(lines[header - 1]).toContain('shop-worker-1');
		expect(lines.filter(l => /^shop\/tag-\d\d:1 /.test(l)).length).toBeGreaterThanOrEqual(15);
	});
});
