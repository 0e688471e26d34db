/**
 * On a real single-node Swarm (test/support/swarm.ts) and on the suite's engine, which is in no
 * swarm: the role berth sees and what it costs, service logs merged across tasks with their
 * prefixes, the swarm's events, and a node's availability and inspect.
 */
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import type {Engine, EngineEvent, ServiceLogLine} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {uniqueName, waitFor} from '../support/names.js';
import {createService, removeServices, startSingleNodeSwarm, type SingleNodeSwarm} from '../support/swarm.js';
import {startEngineProxy, type EngineProxy} from '../reliability/support/proxy.js';

let swarm: SingleNodeSwarm;
let proxy: EngineProxy;
let engine: Engine;
const made = new Set<string>();

function engineAt(host: string): Engine {
	return createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
}

beforeAll(async () => {
	swarm = await startSingleNodeSwarm();
	// Through a proxy that records every request: what each call costs.
	proxy = await startEngineProxy(swarm.host.replace(/^unix:\/\//, ''));
	engine = engineAt(proxy.host);
}, 180_000);

afterAll(async () => {
	await proxy?.close();
	await swarm?.stop();
}, 120_000);

afterEach(async () => {
	await removeServices(swarm.host, made);
	made.clear();
});

async function service(prefix: string, args: string[], command: string[]): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	made.add(name);
	return {id: await createService(swarm.host, name, args, command), name};
}

function infoRequests(): number {
	return proxy.requests.filter(request => request.route === '/info').length;
}

describe('swarmRole', () => {
	it('a manager says so with its node id, from one /info that later calls reuse; refresh asks again', async () => {
		const before = infoRequests();
		expect(await engine.system.swarmRole()).toEqual({role: 'manager', localState: 'active', nodeId: swarm.nodeId});
		await engine.system.swarmRole();
		await engine.nodes.list();
		expect(infoRequests() - before).toBe(1);
		await engine.system.swarmRole({refresh: true});
		expect(infoRequests() - before).toBe(2);
	});

	it('an engine in no swarm says none, and asking twice costs one request', async () => {
		const plain = await startEngineProxy(inject('dockerHost').replace(/^unix:\/\//, ''));
		try {
			const other = engineAt(plain.host);
			expect(await other.system.swarmRole()).toEqual({role: 'none', localState: 'inactive'});
			expect(await other.system.swarmRole()).toEqual({role: 'none', localState: 'inactive'});
			expect(plain.requests.filter(request => request.route === '/info')).toHaveLength(1);
			// The engine's own refusal, for a pane that asks anyway.
			const refused = await other.services.list().then(() => undefined, (error: unknown) => error as Error & {statusCode?: number});
			expect(refused?.statusCode).toBe(503);
			expect(refused?.message).toMatch(/This node is not a swarm manager/);
		} finally {
			await plain.close();
		}
	});
});

describe('service logs', () => {
	it('merges the lines of every task, each with its task, node and the CLI\'s prefix; stderr apart', async () => {
		const web = await service('logs', ['--replicas', '2', '--env', 'SLOT={{.Task.Slot}}'], ['sh', '-c', 'for i in 1 2 3; do echo "out-$SLOT-$i"; echo "err-$SLOT-$i" >&2; done; sleep 300']);
		const lines = await waitFor(async () => {
			const read: ServiceLogLine[] = [];
			await engine.services.logs(web.id, {tail: 'all', follow: false}, batch => read.push(...batch), new AbortController().signal);
			return read.length >= 12 ? read : undefined;
		}, 'twelve lines', 60_000);

		expect(lines.map(line => line.text).sort()).toEqual(['err-1-1', 'err-1-2', 'err-1-3', 'err-2-1', 'err-2-2', 'err-2-3', 'out-1-1', 'out-1-2', 'out-1-3', 'out-2-1', 'out-2-2', 'out-2-3']);
		const tasks = await engine.tasks.list(web.id);
		const hostname = (await engine.nodes.list())[0]!.hostname;
		for (const line of lines) {
			const slot = line.text.split('-')[1]!;
			const task = tasks.find(entry => entry.slot === Number(slot))!;
			expect(line).toMatchObject({task: `${web.name}.${slot}`, taskId: task.id, node: hostname, nodeId: swarm.nodeId, stream: line.text.startsWith('out') ? 'stdout' : 'stderr'});
			expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
		}

		// The CLI's own prefixes: "NAME.SLOT.TASKID@NODE    | text" (its stdout has the tasks' stdout).
		const cli = (await dockerCli(swarm.host, ['service', 'logs', web.name]))
			.split('\n')
			.map(line => /^(\S+)\s+\| (.*)$/.exec(line)!)
			.map(match => `${match[1]} ${match[2]}`);
		expect(lines.filter(line => line.stream === 'stdout').map(line => `${line.prefix} ${line.text}`).sort()).toEqual(cli.sort());
	});

	it('follows: lines written later arrive; tail and a TTY service', async () => {
		const web = await service('logs-follow', ['--replicas', '1', '--tty'], ['sh', '-c', 'echo early; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo late; sleep 300']);
		const lines: ServiceLogLine[] = [];
		const controller = new AbortController();
		const done = engine.services.logs(web.id, {tail: 'all', follow: true}, batch => lines.push(...batch), controller.signal);
		await waitFor(() => lines.some(line => line.text === 'early'), 'the early line', 60_000);
		// The task's container writes before the swarm has marked the task running: wait for that.
		const task = await waitFor(async () => (await engine.tasks.list(web.id)).find(entry => entry.state === 'running' && entry.containerId), 'the task to run');
		await dockerCli(swarm.host, ['exec', task.containerId!, 'touch', '/tmp/go']);
		await waitFor(() => lines.some(line => line.text === 'late'), 'the late line');
		controller.abort();
		await done;
		expect(lines.map(line => line.text)).toEqual(['early', 'late']);
		for (const line of lines) expect(line).toMatchObject({stream: 'tty', task: `${web.name}.1`, taskId: task.id});

		const tail: ServiceLogLine[] = [];
		await engine.services.logs(web.name, {tail: 1, follow: false}, batch => tail.push(...batch), new AbortController().signal);
		expect(tail.map(line => line.text)).toEqual(['late']);
	});
});

describe('swarm events', () => {
	it('with swarm on a manager: service and node events; without it, the stream is as before', async () => {
		const web = await service('events', ['--replicas', '1'], ['sleep', '300']);
		const withSwarm: EngineEvent[] = [];
		const without: EngineEvent[] = [];
		const controller = new AbortController();
		const streams = [
			engine.events.stream({swarm: true}, event => withSwarm.push(event), controller.signal),
			engine.events.stream({}, event => without.push(event), controller.signal),
		];
		// Both streams are open once the proxy sees them.
		await waitFor(() => proxy.open().filter(request => request.route === '/events').length === 2, 'both streams');
		await engine.services.scale(web.id, 2);
		await dockerCli(swarm.host, ['node', 'update', '--label-add', 'berth=yes', swarm.nodeId]);
		await waitFor(() => withSwarm.some(event => event.type === 'node'), 'the node event');
		const update = withSwarm.find(event => event.type === 'service' && event.action === 'update')!;
		expect(update).toMatchObject({id: web.id, attributes: {name: web.name, 'replicas.old': '1', 'replicas.new': '2'}});
		// The task's container starts on this node: its event comes on both streams.
		await waitFor(() => without.some(event => event.type === 'container' && event.action === 'start'), 'the new container on the stream without swarm');
		controller.abort();
		await Promise.all(streams);
		expect(without.filter(event => event.type !== 'container' && event.type !== 'image')).toEqual([]);

		// The node event made the next swarmRole ask the engine again.
		const before = infoRequests();
		await engine.system.swarmRole();
		expect(infoRequests() - before).toBe(1);
	});
});

describe('nodes', () => {
	it('lists the node as `docker node ls` does, drains it (its tasks stop) and activates it again', async () => {
		const web = await service('drain', ['--replicas', '2'], ['sleep', '300']);
		await waitFor(async () => (await engine.tasks.list(web.id)).filter(task => task.state === 'running').length === 2, 'two running tasks', 60_000);
		const [node] = await engine.nodes.list();
		const cli = JSON.parse(await dockerCli(swarm.host, ['node', 'ls', '--format', '{{json .}}'])) as Record<string, unknown>;
		expect(node).toMatchObject({id: cli.ID, hostname: cli.Hostname, status: 'ready', availability: 'active', role: 'manager', managerStatus: 'leader', engineVersion: cli.EngineVersion, self: true});

		await engine.nodes.setAvailability(node!.id, 'drain');
		expect((await engine.nodes.list())[0]!.availability).toBe('drain');
		await waitFor(async () => (await engine.tasks.list(web.id)).every(task => task.state !== 'running'), 'the tasks to stop', 60_000);
		expect(await dockerCli(swarm.host, ['node', 'inspect', '--format', '{{.Spec.Availability}}', node!.id])).toBe('drain');

		await engine.nodes.setAvailability(node!.hostname, 'active');
		await waitFor(async () => (await engine.tasks.list(web.id)).filter(task => task.state === 'running').length === 2, 'two running tasks again', 60_000);
		await engine.nodes.setAvailability(node!.id, 'pause');
		expect((await engine.nodes.inspect(node!.id)).availability).toBe('pause');
		await engine.nodes.setAvailability(node!.id, 'active');
	});

	it('inspects a node: platform, resources, engine and labels', async () => {
		await dockerCli(swarm.host, ['node', 'update', '--label-add', 'zone=a', swarm.nodeId]);
		const details = await engine.nodes.inspect(swarm.nodeId);
		const raw = (JSON.parse(await dockerCli(swarm.host, ['node', 'inspect', swarm.nodeId])) as Array<{Description: {Resources: {NanoCPUs: number; MemoryBytes: number}}}>)[0]!;
		expect(details).toMatchObject({id: swarm.nodeId, role: 'manager', managerStatus: 'leader', managerAddress: '127.0.0.1:2377', os: 'linux', nanoCpus: raw.Description.Resources.NanoCPUs, memoryBytes: raw.Description.Resources.MemoryBytes, self: true});
		expect(details.labels).toMatchObject({zone: 'a'});
		expect(details.plugins).toContainEqual({type: 'Log', name: 'json-file'});
		expect((await engine.nodes.setAvailability(swarm.nodeId, 'sideways' as 'drain').then(() => undefined, (error: unknown) => error as {code?: string}))?.code).toBe('bad-request');
	});
});
