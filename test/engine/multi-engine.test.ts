/**
 * The multi-engine over two real engines: the suite's dockerd ("alpha") and a second private
 * dockerd ("beta") behind a relay that can drop and come back (test/support/relay.ts). One list
 * with the host of each row, actions, logs, exec and events on each container's own host, a host
 * that drops greyed with its cause while the other goes on, back by itself; and the same through
 * berth's engine feed.
 */
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {createMultiEngine, type HostState, type MultiEngine} from '../../source/engine/hosts/multi-engine.js';
import {EngineError, type EngineEvent, type LogLine} from '../../source/engine/types.js';
import {startEngineFeed} from '../../source/state/engine-feed.js';
import type {Action} from '../../source/state/types.js';
import {dockerCli, ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {startRelay, type Relay} from '../support/relay.js';

const host = inject('dockerHost');
const image = 'berth-test/busybox:latest';
const alphaResources = trackResources(host);
let second: PrivateDockerd;
let relay: Relay;
let betaResources: ReturnType<typeof trackResources>;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
	second = await startPrivateDockerd();
	await ensureFixtureImage(second.host);
	relay = await startRelay(second.host);
	betaResources = trackResources(second.host);
}, 120_000);

afterAll(async () => {
	await relay?.close();
	await second?.stop();
});

afterEach(async () => {
	for (const stop of stops.splice(0).reverse()) await stop();
	await relay.restore().catch(() => undefined);
	await alphaResources.cleanup();
	await betaResources.cleanup();
});

function joined(extra: Array<{name: string; address: string}> = []): MultiEngine {
	const make = (address: string) => createDockerEngine(resolveEndpoint({host: address, env: {}, homedir: tmpdir()}), {connectTimeoutMs: 2000, readTimeoutMs: 5000});
	const engine = createMultiEngine([
		{name: 'alpha', engine: make(host)},
		{name: 'beta', engine: make(relay.host)},
		...extra.map(e => ({name: e.name, engine: make(e.address)})),
	]);
	stops.push(() => engine.close!());
	return engine;
}

/** Runs a container on a host's daemon (by its own address) that says where it is. */
async function runOn(daemon: string, name: string, where: string): Promise<string> {
	const resources = daemon === host ? alphaResources : betaResources;
	return resources.container(await dockerCli(daemon, ['run', '-d', '--stop-timeout', '1', '--name', name, '-e', `WHERE=${where}`, image, 'sh', '-c', 'echo "hello from $WHERE"; trap "exit 0" TERM; while true; do sleep 1; done']));
}

function follow(engine: MultiEngine): EngineEvent[] {
	const events: EngineEvent[] = [];
	const controller = new AbortController();
	const stream = engine.events.stream({}, event => events.push(event), controller.signal);
	stream.catch(() => undefined);
	stops.push(async () => {
		controller.abort();
		await stream.catch(() => undefined);
	});
	return events;
}

const state = (engine: MultiEngine, name: string) => engine.hosts().find(h => h.name === name)!;

describe('multi-engine over two real engines', () => {
	it('lists both hosts in one, each row with its host, and sends every call to the row\'s own host', async () => {
		// The same name on both hosts: only the host tells them apart.
		const name = uniqueName('multi');
		const a = await runOn(host, name, 'alpha');
		const b = await runOn(second.host, name, 'beta');
		const engine = joined();
		const events = follow(engine);
		await waitFor(() => engine.hosts().every(h => h.state === 'up'), 'both hosts up');

		const rows = (await engine.containers.list()).filter(c => c.name === name);
		expect(rows.map(r => ({id: r.id, host: r.host, unreachable: r.unreachable})).sort((x, y) => x.host!.localeCompare(y.host!))).toEqual([
			{id: `${a}@alpha`, host: 'alpha', unreachable: undefined},
			{id: `${b}@beta`, host: 'beta', unreachable: undefined},
		]);
		const images = (await engine.images.list()).filter(i => i.repoTags.includes(image));
		expect(images.map(i => i.host).sort()).toEqual(['alpha', 'beta']);
		const betaImage = await dockerCli(second.host, ['image', 'inspect', '-f', '{{.Id}}', image]);
		expect(images.find(i => i.host === 'beta')!.id).toBe(`${betaImage}@beta`);
		expect(rows.find(r => r.host === 'beta')!.imageId).toBe(`${betaImage}@beta`);

		await expect(engine.containers.execCapture(`${a}@alpha`, ['sh', '-c', 'echo $WHERE'])).resolves.toMatchObject({stdout: 'alpha\n'});
		await expect(engine.containers.execCapture(`${b}@beta`, ['sh', '-c', 'echo $WHERE'])).resolves.toMatchObject({stdout: 'beta\n'});
		const lines: LogLine[] = [];
		const logs = new AbortController();
		const logStream = engine.containers.logs(`${b}@beta`, {tail: 'all', follow: false}, batch => lines.push(...batch), logs.signal);
		await logStream;
		expect(lines.map(l => l.text)).toEqual(['hello from beta']);
		expect((await engine.containers.inspect(`${b}@beta`)).id).toBe(`${b}@beta`);

		await engine.containers.stop(`${b}@beta`, 5);
		expect(await dockerCli(second.host, ['inspect', '-f', '{{.State.Running}}', b])).toBe('false');
		expect(await dockerCli(host, ['inspect', '-f', '{{.State.Running}}', a])).toBe('true');
		await waitFor(() => events.some(e => e.type === 'container' && e.action === 'die' && e.id === `${b}@beta`), 'the die event from beta');
		expect(events.some(e => e.action === 'die' && e.id.startsWith(a))).toBe(false);
		expect((await engine.containers.list({ids: [`${b}@beta`]})).map(r => [r.id, r.state])).toEqual([[`${b}@beta`, 'exited']]);
		await expect(engine.containers.stop('0123456789ab@beta')).rejects.toMatchObject({code: 'not-found'});
	});

	it('a host that drops shows its rows as unreachable with the cause while the other keeps working, and comes back by itself', async () => {
		const a = await runOn(host, uniqueName('multi-a'), 'alpha');
		const b = await runOn(second.host, uniqueName('multi-b'), 'beta');
		const engine = joined();
		const changes: HostState[][] = [];
		engine.onHostsChange(hosts => changes.push(hosts));
		const events = follow(engine);
		await waitFor(() => engine.hosts().every(h => h.state === 'up'), 'both hosts up');
		await engine.containers.list();

		await relay.drop();
		await waitFor(() => state(engine, 'beta').state === 'down', 'beta down');
		const cause = state(engine, 'beta').error!;
		expect(cause).toBe(`No Docker socket at ${relay.host.slice('unix://'.length)} — is the Docker daemon running? Start it, or choose another engine with --host or --context`);
		expect(events.some(e => e.type === 'host' && e.action === 'down' && e.id === 'beta')).toBe(true);
		expect(changes.at(-1)?.map(h => h.state)).toEqual(['up', 'down']);

		const rows = await engine.containers.list();
		expect(rows.find(r => r.id === `${a}@alpha`)).toMatchObject({state: 'running'});
		expect(rows.find(r => r.id === `${a}@alpha`)!.unreachable).toBeUndefined();
		expect(rows.find(r => r.id === `${b}@beta`)).toMatchObject({state: 'running', unreachable: cause, host: 'beta'});
		expect((await engine.images.list()).filter(i => i.host === 'beta').every(i => i.unreachable === cause)).toBe(true);
		// alpha goes on: an action, its event.
		await engine.containers.stop(`${a}@alpha`, 5);
		await waitFor(() => events.some(e => e.action === 'die' && e.id === `${a}@alpha`), 'the die event from alpha');
		const refused = await engine.containers.stop(`${b}@beta`).then(() => undefined, (error: unknown) => error);
		expect(refused).toBeInstanceOf(EngineError);
		expect((refused as EngineError).code).toBe('unreachable');

		await relay.restore();
		await waitFor(() => state(engine, 'beta').state === 'up', 'beta back by itself', 20_000);
		expect(events.some(e => e.type === 'host' && e.action === 'up' && e.id === 'beta')).toBe(true);
		const back = (await engine.containers.list()).find(r => r.id === `${b}@beta`);
		expect(back).toMatchObject({state: 'running'});
		expect(back!.unreachable).toBeUndefined();
	});

	it('through berth\'s engine feed: one snapshot across hosts, a dropped host greyed, no "unreachable" screen while one is up', async () => {
		const a = await runOn(host, uniqueName('feed-a'), 'alpha');
		const b = await runOn(second.host, uniqueName('feed-b'), 'beta');
		const engine = joined();
		const feed = startEngineFeed(engine);
		stops.push(() => feed.stop());
		const actions: Action[] = [];
		feed.attach(action => actions.push(action));
		const snapshots = () => actions.filter((x): x is Extract<Action, {type: 'snapshot'}> => x.type === 'snapshot');
		const latest = () => snapshots().at(-1)?.containers ?? [];
		await waitFor(() => latest().some(c => c.id === `${a}@alpha`) && latest().some(c => c.id === `${b}@beta`), 'a snapshot with both hosts');

		await relay.drop();
		await waitFor(() => latest().find(c => c.id === `${b}@beta`)?.unreachable, 'beta greyed in the snapshot');
		expect(latest().find(c => c.id === `${a}@alpha`)?.unreachable).toBeUndefined();
		expect(actions.some(x => x.type === 'conn-down')).toBe(false);

		await relay.restore();
		await waitFor(() => latest().find(c => c.id === `${b}@beta`) && !latest().find(c => c.id === `${b}@beta`)!.unreachable, 'beta fresh again', 20_000);
		expect(actions.some(x => x.type === 'conn-down')).toBe(false);
	});

	it('says which host failed how when none can be reached', async () => {
		const missing = path.join(tmpdir(), `berth-none-${process.pid}.sock`);
		const engine = joined([{name: 'gamma', address: `unix://${missing}`}]);
		await engine.system.info();
		const events = follow(engine);
		await waitFor(() => state(engine, 'gamma').state === 'down' && state(engine, 'beta').state === 'up', 'gamma down, beta up');
		await relay.drop();
		// alpha is still up: no failure yet.
		await waitFor(() => state(engine, 'beta').state === 'down', 'beta down');
		await expect(engine.containers.list()).resolves.toBeDefined();

		const lonely = createMultiEngine([
			{name: 'beta', engine: createDockerEngine(resolveEndpoint({host: relay.host, env: {}, homedir: tmpdir()}))},
			{name: 'gamma', engine: createDockerEngine(resolveEndpoint({host: `unix://${missing}`, env: {}, homedir: tmpdir()}))},
		]);
		const error = await lonely.system.info().then(() => undefined, (error: unknown) => error);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).code).toBe('unreachable');
		expect((error as EngineError).message).toBe(`No host can be reached — beta: No Docker socket at ${relay.host.slice('unix://'.length)} — is the Docker daemon running? Start it, or choose another engine with --host or --context; gamma: No Docker socket at ${missing} — is the Docker daemon running? Start it, or choose another engine with --host or --context`);
		await expect(lonely.containers.list()).rejects.toMatchObject({code: 'unreachable'});
		await expect(lonely.events.stream({}, () => undefined, new AbortController().signal)).rejects.toMatchObject({code: 'unreachable'});
		expect(events.length).toBeGreaterThan(0);
	});
});
