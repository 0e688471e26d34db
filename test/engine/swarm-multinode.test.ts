/**
 * A real three-node Swarm (one manager, two workers: a dockerd per network namespace, joined by
 * a bridge of the test's own; test/support/netns-swarm.ts): a service with 4 replicas spread
 * over the nodes, a worker drained through the adapter and its tasks moving, and the adapter's
 * view equal to `docker service ps` and `docker node ls`. Everything the swarm made is removed
 * afterwards, whether the tests passed or not.
 */
import {tmpdir} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type Engine, type ServiceLogLine, type TaskSummary} from '../../source/engine/types.js';
import {managerStatusText, stateText} from '../../source/format/swarm.js';
import {dockerCli} from '../support/dockerd.js';
import {uniqueName, waitFor} from '../support/names.js';
import {startMultiNodeSwarm, type MultiNodeSwarm} from '../support/netns-swarm.js';
import {createService, removeServices} from '../support/swarm.js';

let swarm: MultiNodeSwarm;
let manager: Engine;
const name = uniqueName('spread');

function engineAt(host: string): Engine {
	return createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
}

beforeAll(async () => {
	swarm = await startMultiNodeSwarm({managers: 1, workers: 2});
	manager = engineAt(swarm.manager.host);
}, 300_000);

afterAll(async () => {
	await removeServices(swarm?.manager.host ?? '', swarm ? [name] : []).catch(() => undefined);
	await swarm?.stop();
}, 180_000);

function running(tasks: TaskSummary[]): TaskSummary[] {
	return tasks.filter(task => task.desiredState === 'running' && task.state === 'running');
}

/** The adapter's tasks against `docker service ps --format json` (read right after, once settled). */
async function expectTasksAsCli(service: string): Promise<void> {
	const ours = await manager.tasks.list(service);
	const cli = (await dockerCli(swarm.manager.host, ['service', 'ps', '--no-trunc', '--format', '{{json .}}', service]))
		.split('\n')
		.map(line => JSON.parse(line) as {ID: string; Name: string; Node: string; DesiredState: string; CurrentState: string});
	expect(ours.map(task => task.id).sort()).toEqual(cli.map(task => task.ID).sort());
	for (const task of ours) {
		const theirs = cli.find(entry => entry.ID === task.id)!;
		expect({name: theirs.Name.replace(/^\\_ /, ''), node: theirs.Node, desired: theirs.DesiredState, state: theirs.CurrentState.split(' ')[0]})
			.toEqual({name: task.name, node: task.node, desired: stateText(task.desiredState), state: stateText(task.state)});
	}
}

describe('a three-node swarm', () => {
	it('lists the nodes as `docker node ls` does, on the manager; a worker knows it is one and is refused', async () => {
		const nodes = await manager.nodes.list();
		const cli = (await dockerCli(swarm.manager.host, ['node', 'ls', '--format', '{{json .}}'])).split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(nodes).toHaveLength(3);
		expect(nodes.map(node => node.hostname).sort()).toEqual(swarm.nodes.map(node => node.hostname).sort());
		for (const node of nodes) {
			const theirs = cli.find(entry => entry.ID === node.id)!;
			expect({hostname: node.hostname, status: stateText(node.status), availability: stateText(node.availability), manager: managerStatusText(node), engine: node.engineVersion, self: node.self})
				.toEqual({hostname: theirs.Hostname, status: theirs.Status, availability: theirs.Availability, manager: theirs.ManagerStatus, engine: theirs.EngineVersion, self: theirs.Self});
			const handle = swarm.nodes.find(entry => entry.nodeId === node.id)!;
			expect(node).toMatchObject({role: handle.role, address: handle.address});
		}

		const worker = engineAt(swarm.nodes[1]!.host);
		expect(await worker.system.swarmRole()).toEqual({role: 'worker', localState: 'active', nodeId: swarm.nodes[1]!.nodeId});
		const refused = await worker.services.list().then(() => undefined, (error: unknown) => error);
		expect(refused).toBeInstanceOf(EngineError);
		expect((refused as EngineError).statusCode).toBe(503);
		expect((refused as EngineError).message).toMatch(/not a swarm manager/);
	});

	it('spreads 4 replicas over the nodes; a drained worker\'s tasks move to the others', {timeout: 240_000}, async () => {
		await createService(swarm.manager.host, name, ['--replicas', '4', '--env', 'SLOT={{.Task.Slot}}'], ['sh', '-c', 'echo "hello from $SLOT on $(cat /etc/hostname)"; trap "exit 0" TERM; while true; do sleep 0.2; done']);
		const spread = await waitFor(async () => {
			const tasks = running(await manager.tasks.list(name));
			return tasks.length === 4 ? tasks : undefined;
		}, 'four running tasks', 120_000);
		expect(new Set(spread.map(task => task.nodeId)).size).toBe(3);
		const service = (await manager.services.list()).find(entry => entry.name === name);
		expect(service).toMatchObject({running: 4, desired: 4, replicas: 4});
		await expectTasksAsCli(name);

		// Logs merged across the nodes, each line naming its own node.
		const lines = await waitFor(async () => {
			const read: ServiceLogLine[] = [];
			await manager.services.logs(name, {tail: 'all', follow: false}, batch => read.push(...batch), new AbortController().signal);
			return read.length >= 4 ? read : undefined;
		}, 'a line from every task', 60_000);
		const hostnames = new Map(swarm.nodes.map(node => [node.nodeId, node.hostname]));
		for (const line of lines) expect(line.node).toBe(hostnames.get(line.nodeId));
		expect(new Set(lines.map(line => line.node)).size).toBe(3);

		const drained = swarm.nodes.find(node => node.role === 'worker' && spread.some(task => task.nodeId === node.nodeId))!;
		const moving = spread.filter(task => task.nodeId === drained.nodeId).map(task => task.id);
		await manager.nodes.setAvailability(drained.nodeId, 'drain');
		const moved = await waitFor(async () => {
			const tasks = running(await manager.tasks.list(name));
			return tasks.length === 4 && tasks.every(task => task.nodeId !== drained.nodeId) ? tasks : undefined;
		}, 'the tasks to leave the drained node', 120_000);
		expect(new Set(moved.map(task => task.nodeId))).toEqual(new Set(swarm.nodes.filter(node => node !== drained).map(node => node.nodeId)));
		const after = await manager.tasks.list(name);
		for (const id of moving) expect(after.find(task => task.id === id)).toMatchObject({desiredState: 'shutdown', nodeId: drained.nodeId, node: drained.hostname});
		expect((await manager.nodes.list()).find(node => node.id === drained.nodeId)?.availability).toBe('drain');
		expect(await dockerCli(swarm.manager.host, ['node', 'inspect', '--format', '{{.Spec.Availability}}', drained.nodeId])).toBe('drain');
		// Once the drained node's tasks have stopped, nothing changes between the two reads.
		await waitFor(async () => (await manager.tasks.list(name)).filter(task => moving.includes(task.id)).every(task => task.state === 'shutdown' || task.state === 'complete'), 'the moved tasks to stop', 60_000);
		await expectTasksAsCli(name);

		await manager.nodes.setAvailability(drained.nodeId, 'active');
		expect((await manager.nodes.inspect(drained.nodeId)).availability).toBe('active');
	});
});
