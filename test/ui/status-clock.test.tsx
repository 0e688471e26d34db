/**
 * Every status message is said by one helper on the controller's clock (the `now` berth was
 * given), whoever says it: an engine action, the contexts service, a run.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {Store} from '../../source/state/store.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('status messages', () => {
	it('carry the time of the clock berth runs on', async () => {
		const now = new Date('2026-11-23T10:30:00Z');
		let store: Store | undefined;
		const image = fakeImage({repoTags: ['berth-test/busybox:latest']});
		const engine = new FakeEngine({containers: [fakeContainer({name: 'web'})], images: [image]});
		app = await renderApp(engine, {now: () => now, onStore: s => (store = s)});
		await app.waitFor('web');
		await app.press('s');
		await app.waitFor('Stopped web');
		expect(store!.getState().status).toMatchObject({text: 'Stopped web', at: now.getTime()});
		// A run's messages too (the run form, detached): the one while it starts, and its outcome.
		engine.hold('runContainer');
		await app.press(`2r${ENTER}`);
		await app.waitFor(() => store!.getState().status?.text.startsWith('Starting a container from berth-test/busybox:latest') === true);
		expect(store!.getState().status?.at).toBe(now.getTime());
		engine.release('runContainer');
		await app.waitFor(() => store!.getState().status?.tone === 'ok');
		expect(store!.getState().status?.at).toBe(now.getTime());
	});
});
