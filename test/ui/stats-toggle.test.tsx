/** The stats columns: M turns them (and the sampling) off and on; --no-stats starts without. */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('stats columns', () => {
	it('M hides CPU and MEM and stops sampling; M again brings them back', async () => {
		const api = fakeContainer({name: 'api'});
		const engine = new FakeEngine({containers: [api]});
		engine.statsFor.set(api.id, {cpuPercent: 12.5});
		app = await renderApp(engine);
		await app.waitFor('12.5%');
		await app.press('M');
		const off = await app.waitFor('stats off (M)');
		expect(off).not.toMatch(/\bCPU\b/);
		expect(off).not.toContain('12.5%');
		const calls = engine.callsTo('statsOnce').length;
		await sleep(2500);
		expect(engine.callsTo('statsOnce').length).toBe(calls);
		await app.press('M');
		await app.waitFor('12.5%');
	});

	it('--no-stats starts without the columns and samples nothing', async () => {
		const api = fakeContainer({name: 'api'});
		const engine = new FakeEngine({containers: [api]});
		app = await renderApp(engine, {showStats: false});
		const frame = await app.waitFor('stats off (M)');
		expect(frame).not.toMatch(/\bCPU\b/);
		await sleep(1000);
		expect(engine.callsTo('statsOnce')).toHaveLength(0);
	});
});
