/**
 * The containers' columns that know Docker: HEALTH (healthy, unhealthy, starting) when a
 * container has a health check, with the failing check's last output in the details; RESTARTS
 * once a container on screen has restarted (read from its inspect, as the ages are); PROJECT and
 * SERVICE from the compose labels when a container has them. Through the shipped stack.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {ENTER} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const titles = (frame: string) => frame.split('\n').find(l => l.startsWith('STATE'))!.split(/\s+/).filter(Boolean);

describe('the containers columns', () => {
	it('without health checks, restarts or compose labels: none of those columns', async () => {
		app = await renderApp(new FakeEngine({containers: [fakeContainer({name: 'plain'})]}), {columns: 160, rows: 40});
		const frame = await app.waitFor('plain');
		expect(titles(frame)).toEqual(['STATE', 'NAME', 'IMAGE', 'STATUS', 'CPU', 'MEM', 'ID', 'PORTS']);
	});

	it('HEALTH, RESTARTS, PROJECT and SERVICE where they apply; the failing check in the details', async () => {
		const web = fakeContainer({name: 'shop-web-1', status: 'Up 5 minutes (unhealthy)', health: 'unhealthy', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'}});
		const db = fakeContainer({name: 'shop-db-1', status: 'Up 5 minutes (healthy)', health: 'healthy', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db'}});
		const lone = fakeContainer({name: 'lone'});
		const engine = new FakeEngine({containers: [web, db, lone]});
		engine.inspected.set(web.id, {restartCount: 4, health: 'unhealthy', healthCheck: {failingStreak: 3, exitCode: 1, output: 'curl: (7) Failed to connect to localhost port 80\n', at: '2026-11-23T10:29:58Z'}});
		app = await renderApp(engine, {columns: 160, rows: 40});
		const frame = await app.waitFor(f => /RESTARTS/.test(f));
		expect(titles(frame)).toEqual(['STATE', 'NAME', 'IMAGE', 'STATUS', 'HEALTH', 'RESTARTS', 'PROJECT', 'SERVICE', 'CPU', 'MEM', 'ID', 'PORTS']);
		expect(frame).toMatch(/shop-web-1 .* unhealthy\s+4 shop\s+web /);
		expect(frame).toMatch(/shop-db-1 .* healthy\s+0 shop\s+db /);
		expect(frame).toMatch(/^● running\s+lone /m);
		// The health is its column's, not the state's any more.
		expect(frame).not.toContain('running (unhealthy)');
		await app.press(`G${ENTER}`);
		const details = await app.waitFor('Last check');
		expect(details).toMatch(/Health\s+│ unhealthy: 3 failing checks in a row/);
		expect(details).toMatch(/Last check\s+│ exit 1: curl: \(7\) Failed to connect to localhost port 80/);
	});
});
