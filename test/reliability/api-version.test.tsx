/**
 * Engine API versions: berth works against the Debian engine here (API 1.41), and against an
 * older engine it negotiates down instead of failing. The older engine is the real one behind
 * a proxy that reports an older API version in /version and /_ping and refuses any request
 * for a newer version with the engine's own 400 "client version … is too new".
 */
import {afterEach, describe, expect, inject, it} from 'vitest';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC} from '../support/keys.js';
import {trackResources, uniqueName} from '../support/names.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';
import {engineFor, fixtureImage} from './support/engine.js';
import {startEngineProxy, type EngineProxy} from './support/proxy.js';

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

/** Lists, inspects (Enter), follows a log and stops a container through berth. */
async function exercise(rendered: RenderedApp, name: string): Promise<void> {
	await rendered.waitFor(name, 20_000);
	await rendered.press('/', name, ENTER);
	await rendered.waitFor(`filter: ${name}`, 5000);
	await rendered.waitFor(`hello from ${name}`, 20_000);
	await rendered.press(ENTER);
	await rendered.waitFor(`Details — ${name}`, 10_000);
	await rendered.waitFor('Entrypoint', 10_000);
	await rendered.press(ESC);
	await rendered.press('s');
	await rendered.waitFor(`Stopped ${name}`, 30_000);
}

describe('engine API versions', () => {
	it('works against the Debian engine here (API 1.41) and says so on the status line', async () => {
		const reported = await docker('version', '--format', '{{.Server.APIVersion}}');
		const name = resources.container(uniqueName('api-here'));
		await docker('run', '-d', '--name', name, '--stop-timeout', '1', fixtureImage, 'sh', '-c', `echo "hello from ${name}"; sleep 1000`);
		proxy = await startEngineProxy(socket);
		app = await renderApp(engineFor(proxy.host), {rows: 50, columns: 160, now: () => new Date()});
		const frame = await app.waitFor('Engine ', 20_000);
		expect(frame).toContain(`(API ${reported})`);
		await exercise(app, name);
		const versions = new Set(proxy.requests.map(r => /^\/v(\d+\.\d+)\//.exec(r.url)?.[1]).filter(Boolean));
		expect([...versions]).toEqual([reported]);
	}, 90_000);

	for (const old of ['1.30', '1.24']) {
		it(`negotiates down to an older engine's API ${old} instead of failing`, async () => {
			const name = resources.container(uniqueName(`api-${old.replace('.', '')}`));
			await docker('run', '-d', '--name', name, '--stop-timeout', '1', fixtureImage, 'sh', '-c', `echo "hello from ${name}"; sleep 1000`);
			proxy = await startEngineProxy(socket, {maxApi: old, minApi: '1.12'});
			app = await renderApp(engineFor(proxy.host), {rows: 50, columns: 160, now: () => new Date()});
			const frame = await app.waitFor('Engine ', 20_000);
			expect(frame).toContain(`(API ${old})`);
			await exercise(app, name);
			const refused = proxy.requests.filter(r => r.status === 400);
			expect(refused.map(r => r.url)).toEqual([]);
			const versions = new Set(proxy.requests.map(r => /^\/v(\d+\.\d+)\//.exec(r.url)?.[1]).filter(Boolean));
			expect([...versions]).toEqual([old]);
			expect(app.lastFrame()).not.toMatch(/too new|Cannot reach/);
		}, 90_000);
	}
});
