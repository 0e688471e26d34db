/**
 * A slow engine: a proxy in front of the shared engine delays every response head and every
 * body chunk by 2 s. Keys must still answer at once, actions must show their busy state while
 * the engine works, and requests must not pile up (the proxy counts what is in flight: the
 * same request twice at once is a pile-up).
 */
import {randomBytes} from 'node:crypto';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC} from '../support/keys.js';
import {trackResources} from '../support/names.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';
import {engineFor, fixtureImage} from './support/engine.js';
import {routeClass, startEngineProxy, type EngineProxy} from './support/proxy.js';

const host = inject('dockerHost');
const socket = host.replace(/^unix:\/\//, '');
const resources = trackResources(host);
let app: RenderedApp | undefined;
let proxy: EngineProxy | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await proxy?.close();
	proxy = undefined;
	await resources.cleanup();
});

const docker = (...args: string[]) => dockerCli(host, args);
const logsOf = (name: string) => (f: string) => new RegExp(`Logs\\s+${name}`).test(f);

/** Three running containers, berth on the slow proxy, filtered to them, the first one's log showing. */
async function slowBerth(): Promise<{names: string[]; ids: string[]; app: RenderedApp; proxy: EngineProxy}> {
	const prefix = `slow${randomBytes(3).toString('hex')}`;
	const names = ['a', 'b', 'c'].map(s => `${prefix}-${s}`);
	const ids: string[] = [];
	for (const name of names) {
		resources.container(name);
		ids.push(await docker('run', '-d', '--name', name, '--stop-timeout', '1', fixtureImage, 'sh', '-c', `while :; do echo "tick ${name}"; sleep 1; done`));
	}
	proxy = await startEngineProxy(socket, {delayMs: 2000});
	app = await renderApp(engineFor(proxy.host), {rows: 50, columns: 160, now: () => new Date()});
	await app.waitFor(names[2]!, 30_000);
	await app.press('/', prefix, ENTER);
	await app.waitFor(`filter: ${prefix}`, 2000);
	await app.waitFor(`tick ${names[0]}`, 30_000);
	return {names, ids, app, proxy};
}

/** Waits until the non-stream requests have drained; returns any still open after `ms`. */
async function lingering(p: EngineProxy, ms = 6000): Promise<string[]> {
	await sleep(ms);
	return p.open().filter(r => !r.stream && Date.now() - r.arrived > ms - 1500).map(r => `${r.method} ${routeClass(r.route)}`);
}

describe('an engine that answers every request 2 s late', () => {
	it('keys answer at once and an action shows its busy state while the engine works on it', async () => {
		const {names, ids, app, proxy} = await slowBerth();
		// The selection moves at once: the logs pane names b before the engine has answered any
		// request about b that the move caused (checked when the frame shows it, so no timing is
		// assumed; berth may have read b's times before, when it came on screen).
		const pressed = Date.now();
		await app.press('j');
		await app.waitFor(logsOf(names[1]!), 10_000);
		const caused = proxy.requests.filter(r => r.arrived >= pressed && r.url.includes(ids[1]!) && !r.route.endsWith('/stats'));
		expect(caused.every(r => r.answered === undefined)).toBe(true);

		// The stop's answer is held back until the checks below are done.
		const release = proxy.hold(r => r.method === 'POST' && r.route.endsWith('/stop'));
		await app.press('s');
		await app.waitFor(f => f.includes('stopping…'), 10_000);
		const stop = () => proxy.requests.find(r => r.method === 'POST' && r.route.endsWith('/stop'));
		expect(stop()?.answered).toBeUndefined();
		// Other keys answer while it runs: the help overlay opens and closes.
		await app.press('?');
		await app.waitFor('Quit berth', 10_000);
		expect(stop()?.answered).toBeUndefined();
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Quit berth'), 10_000);
		// Pressing s again meanwhile says it is busy rather than sending a second stop.
		await app.press('s');
		await app.waitFor(f => f.includes(`${names[1]} is busy`), 10_000);
		release();
		await app.waitFor(`Stopped ${names[1]}`, 30_000);
		expect(proxy.requests.filter(r => r.method === 'POST' && r.route.endsWith('/stop'))).toHaveLength(1);
		expect(await docker('inspect', '--format', '{{.State.Status}}', names[1]!)).toBe('exited');
	}, 120_000);

	it('moving the selection quickly does not pile up requests, and everything drains once the keys stop', async () => {
		const {app, proxy} = await slowBerth();
		proxy.resetPeaks();
		for (let i = 0; i < 40; i++) {
			await app.press(i % 4 < 2 ? 'j' : 'k');
			await sleep(30);
		}
		const peak = proxy.peak();
		expect(peak.same, `the same request in flight twice at once: ${peak.sameRequest}`).toBeLessThanOrEqual(1);
		expect(peak.byRoute.get('/containers/json') ?? 0).toBeLessThanOrEqual(1);
		expect(peak.byRoute.get('/images/json') ?? 0).toBeLessThanOrEqual(1);
		expect(await lingering(proxy)).toEqual([]);
		// One events stream and one log stream (the selected container's), nothing left over.
		expect(proxy.open().filter(r => r.stream).map(r => routeClass(r.route)).sort()).toEqual(['/containers/:id/logs', '/events']);
	}, 120_000);

	// Was a bug (fixed: use-query shares a read already in flight):
	// the details view reads the container with useQuery, which neither aborts the request when
	// the view closes nor reuses one already in flight, so Enter/Esc pressed quickly on one
	// container sends the same inspect request again each time and they pile up on a slow
	// engine (measured: 6 identical GET /containers/ID/json in flight at once).
	it('opening and closing the details view quickly does not pile up inspect requests', async () => {
		const {app, proxy} = await slowBerth();
		proxy.resetPeaks();
		for (let i = 0; i < 5; i++) {
			await app.press(ENTER);
			await sleep(100);
			await app.press(ESC);
			await sleep(100);
		}
		const peak = proxy.peak();
		expect(peak.same, `the same request in flight twice at once: ${peak.sameRequest}`).toBeLessThanOrEqual(1);
	}, 120_000);
});
