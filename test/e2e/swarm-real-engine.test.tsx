/**
 * End to end on a real single-node Swarm (a private dockerd in its own network namespace,
 * test/support/swarm.ts): the real App opens the Swarm view, shows a service, scales it 1→2
 * from the prompt and follows it until 2/2 run, then removes it after the confirm — each
 * checked with the docker CLI.
 */
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import type {Engine} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {BACKSPACE, ENTER} from '../support/keys.js';
import {uniqueName, waitFor} from '../support/names.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';
import {createService, removeServices, startSingleNodeSwarm, type SingleNodeSwarm} from '../support/swarm.js';

let swarm: SingleNodeSwarm;
let engine: Engine;
let app: RenderedApp | undefined;
const made = new Set<string>();
const forever = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'];

beforeAll(async () => {
	swarm = await startSingleNodeSwarm();
	engine = createDockerEngine(resolveEndpoint({host: swarm.host, env: {}, homedir: tmpdir()}));
}, 180_000);

afterAll(async () => {
	await swarm?.stop();
}, 120_000);

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await removeServices(swarm.host, made);
	made.clear();
});

describe('the Swarm view on a real swarm manager', () => {
	it('shows a service, scales it 1→2 and follows it to 2/2, removes it after the confirm', async () => {
		const name = uniqueName('e2e-web');
		made.add(name);
		await createService(swarm.host, name, ['--replicas', '1'], forever);
		const row = (replicas: string) => new RegExp(`\\n${name}\\s+replicated\\s+${replicas}\\s+berth-test/busybox:latest`);

		app = await renderApp(engine, {columns: 160, rows: 40, now: () => new Date()});
		await app.waitFor('1 Containers', 20_000);
		await app.press('4');
		let frame = await app.waitFor(f => row('1/1').test(f), 90_000);
		expect(frame).toMatch(/Swarm — manager /);
		// Its task, on this node, running; the node as the leader.
		frame = await app.waitFor(f => /\n1\s+\w{12}\s+\S+\s+Running\s+Running/.test(f), 30_000);
		expect(frame).toMatch(/ \*\s+\w{12}\s+Ready\s+Active\s+Leader/);

		await app.press('s');
		await app.waitFor(`Scale ${name} to how many replicas?`);
		await app.press(`${BACKSPACE}2${ENTER}`);
		// The count is followed until it has converged, without a key pressed.
		await app.waitFor(f => row('2/2').test(f) && f.includes(`${name} has converged: 2/2 running`), 90_000);
		expect(await dockerCli(swarm.host, ['service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', name])).toBe('2');
		await app.waitFor(f => /\n2\s+\w{12}\s+\S+\s+Running\s+Running/.test(f), 30_000);

		await app.press('d');
		await app.waitFor(`Remove service ${name}?`);
		await app.press('y');
		await app.waitFor(`Removed service ${name}`, 30_000);
		await app.waitFor(f => !row('\\S+').test(f) && f.includes('No services'), 30_000);
		await waitFor(async () => !(await dockerCli(swarm.host, ['service', 'ls', '--format', '{{.Name}}'])).includes(name) || undefined, 'the service to be gone');
		made.delete(name);
		// The command log has both CLI lines.
		await app.press(':');
		frame = await app.waitFor(`docker service rm ${name}`);
		expect(frame).toContain(`docker service scale ${name}=2`);
	}, 240_000);
});
