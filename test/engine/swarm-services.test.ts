/**
 * Services on a real single-node Swarm (a private dockerd in its own network namespace, made by
 * test/support/swarm.ts): list, tasks, inspect, scale followed until it converges, force update,
 * rollback and rm, each compared with what the docker CLI reports.
 */
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type Engine, type ServiceSummary, type TaskSummary} from '../../source/engine/types.js';
import {replicasText, serviceConverged, servicePortsText, stateText} from '../../source/format/swarm.js';
import {dockerCli} from '../support/dockerd.js';
import {uniqueName, waitFor} from '../support/names.js';
import {createService, removeServices, startSingleNodeSwarm, type SingleNodeSwarm} from '../support/swarm.js';

let swarm: SingleNodeSwarm;
let engine: Engine;
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
	await removeServices(swarm.host, made);
	made.clear();
});

async function service(prefix: string, args: string[] = [], command = forever): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	made.add(name);
	return {id: await createService(swarm.host, name, args, command), name};
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

async function summary(id: string): Promise<ServiceSummary | undefined> {
	return (await engine.services.list()).find(entry => entry.id === id);
}

/** Polls listServices (as a pane follows a scale) until the service has settled. */
async function converged(id: string, what: string, check: (service: ServiceSummary) => boolean = () => true): Promise<ServiceSummary> {
	return waitFor(async () => {
		const found = await summary(id);
		return found && serviceConverged(found) && check(found) ? found : undefined;
	}, what, 90_000);
}

function cliJson<T>(text: string): T[] {
	return text.split('\n').filter(Boolean).map(line => JSON.parse(line) as T);
}

describe('services on a single-node swarm', () => {
	it('lists replicated and global services as `docker service ls` does: mode, replicas, image, ports', async () => {
		const web = await service('ls-web', ['--replicas', '2', '--publish', 'published=18080,target=80', '--publish', 'published=18081,target=81']);
		const all = await service('ls-global', ['--mode', 'global']);
		await converged(web.id, 'two replicas', found => found.running === 2);
		await converged(all.id, 'the global task', found => found.running === 1);

		const services = await engine.services.list();
		const cli = cliJson<{ID: string; Name: string; Mode: string; Replicas: string; Image: string; Ports: string}>(await dockerCli(swarm.host, ['service', 'ls', '--format', '{{json .}}']));
		for (const {id} of [web, all]) {
			const ours = services.find(entry => entry.id === id)!;
			const theirs = cli.find(entry => id.startsWith(entry.ID))!;
			expect({name: ours.name, mode: ours.mode, replicas: replicasText(ours), image: ours.image, ports: servicePortsText(ours.ports)})
				.toEqual({name: theirs.Name, mode: theirs.Mode, replicas: theirs.Replicas, image: theirs.Image, ports: theirs.Ports});
		}

		expect(services.find(entry => entry.id === web.id)).toMatchObject({mode: 'replicated', replicas: 2, running: 2, desired: 2, image: 'berth-test/busybox:latest'});
		expect(services.find(entry => entry.id === all.id)).toMatchObject({mode: 'global', running: 1, desired: 1});
		expect(services.find(entry => entry.id === all.id)?.replicas).toBeUndefined();
		expect(servicePortsText(services.find(entry => entry.id === web.id)!.ports)).toBe('*:18080-18081->80-81/tcp');
	});

	it('lists a service\'s tasks as `docker service ps` does: slot, node, desired and current state, error', async () => {
		const web = await service('ps', ['--replicas', '2']);
		const failing = await service('ps-fail', ['--replicas', '1', '--restart-condition', 'none'], ['sh', '-c', 'echo bye; exit 3']);
		await converged(web.id, 'two replicas', found => found.running === 2);
		const failed = await waitFor(async () => (await engine.tasks.list(failing.id)).find(task => task.state === 'failed'), 'the task to fail', 60_000);
		expect(failed).toMatchObject({name: `${failing.name}.1`, slot: 1, desiredState: 'shutdown', exitCode: 3, node: expect.any(String)});
		expect(failed.error).toBe('task: non-zero exit (3)');

		for (const {id, name} of [web, failing]) {
			const ours = await engine.tasks.list(id);
			const cli = cliJson<{ID: string; Name: string; Node: string; DesiredState: string; CurrentState: string; Error: string}>(
				await dockerCli(swarm.host, ['service', 'ps', '--no-trunc', '--format', '{{json .}}', name]),
			);
			expect(ours.map(task => task.id).sort()).toEqual(cli.map(task => task.ID).sort());
			for (const task of ours) {
				const theirs = cli.find(entry => entry.ID === task.id)!;
				expect(theirs.Name.replace(/^\\_ /, '')).toBe(task.name);
				expect(theirs.Node).toBe(task.node);
				expect(theirs.DesiredState).toBe(stateText(task.desiredState));
				expect(theirs.CurrentState.startsWith(`${stateText(task.state)} `)).toBe(true);
				// The CLI quotes the error.
				expect(theirs.Error).toBe(task.error === undefined ? '' : `"${task.error}"`);
			}
		}

		const tasks = await engine.tasks.list(web.name);
		expect(tasks.map(task => task.slot)).toEqual([1, 2]);
		for (const task of tasks) expect(Date.parse(task.stateSince)).toBeGreaterThan(Date.parse(task.createdAt) - 1);
	});

	it('scales a service and the replica count converges, up and down; the engine refuses what cannot scale', async () => {
		const web = await service('scale', ['--replicas', '1']);
		await converged(web.id, 'one replica', found => found.running === 1);
		const versionBefore = (await summary(web.id))!.version;

		expect(await engine.services.scale(web.id, 3)).toEqual({warnings: []});
		const scaled = await summary(web.id);
		expect(scaled).toMatchObject({replicas: 3, desired: 3});
		expect(scaled!.version).toBeGreaterThan(versionBefore);
		// Followed by polling the tasks, as the pane does until it converges.
		await waitFor(async () => (await engine.tasks.list(web.id)).filter((task: TaskSummary) => task.state === 'running').length === 3, 'three running tasks', 90_000);
		expect(await converged(web.id, '3/3')).toMatchObject({running: 3, desired: 3});
		expect(await dockerCli(swarm.host, ['service', 'ls', '--filter', `id=${web.id}`, '--format', '{{.Replicas}}'])).toBe('3/3');

		await engine.services.scale(web.name, 1);
		await converged(web.id, '1/1', found => found.running === 1);
		const tasks = await engine.tasks.list(web.id);
		expect(tasks.filter(task => task.desiredState === 'running')).toHaveLength(1);

		expect((await rejection(engine.services.scale(web.id, -1))).code).toBe('bad-request');
		expect((await rejection(engine.services.scale(web.id, 1.5))).code).toBe('bad-request');
		const all = await service('scale-global', ['--mode', 'global']);
		const refused = await rejection(engine.services.scale(all.id, 2));
		expect(refused.code).toBe('bad-request');
		expect(refused.message).toContain('scale can only be used with replicated or replicated-job mode');
		const missing = await rejection(engine.services.scale('berth-no-such-service', 2));
		expect(missing.code).toBe('not-found');
		expect(missing.message).toMatch(/service berth-no-such-service not found/);
	});

	it('force-updates a service: ForceUpdate goes up and every task is replaced', async () => {
		const web = await service('force', ['--replicas', '2', '--update-parallelism', '2', '--update-delay', '0s']);
		await converged(web.id, 'two replicas', found => found.running === 2);
		const before = (await engine.tasks.list(web.id)).map(task => task.id);
		expect((await engine.services.inspect(web.id)).forceUpdate).toBe(0);

		await engine.services.forceUpdate(web.id);
		expect((await engine.services.inspect(web.id)).forceUpdate).toBe(1);
		const after = await converged(web.id, 'the update to complete', found => found.updateStatus?.state === 'completed');
		expect(after.running).toBe(2);
		const tasks = await engine.tasks.list(web.id);
		const running = tasks.filter(task => task.desiredState === 'running');
		expect(running).toHaveLength(2);
		for (const task of running) expect(before).not.toContain(task.id);
		expect(tasks.filter(task => before.includes(task.id)).every(task => task.desiredState === 'shutdown')).toBe(true);
	});

	it('rolls a service back to its previous spec; without one the engine refuses with its message', async () => {
		const web = await service('rollback', ['--replicas', '1', '--env', 'STAGE=one']);
		await converged(web.id, 'one replica', found => found.running === 1);
		const fresh = await rejection(engine.services.rollback(web.id));
		expect(fresh.message).toMatch(/does not have a previous spec/);

		await dockerCli(swarm.host, ['service', 'update', '--detach', '--env-add', 'STAGE=two', web.name]);
		await converged(web.id, 'the update', found => found.updateStatus?.state === 'completed');
		expect((await engine.services.inspect(web.id)).env).toEqual(['STAGE=two']);
		expect((await engine.services.inspect(web.id)).canRollback).toBe(true);

		await engine.services.rollback(web.name);
		const rolled = await converged(web.id, 'the rollback', found => found.updateStatus?.state === 'rollback_completed');
		expect(rolled.running).toBe(1);
		expect((await engine.services.inspect(web.id)).env).toEqual(['STAGE=one']);
		const cliEnv = JSON.parse(await dockerCli(swarm.host, ['service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', web.name])) as string[];
		expect(cliEnv).toEqual(['STAGE=one']);
	});

	it('removes a service; a second removal is not-found', async () => {
		const web = await service('rm', ['--replicas', '1']);
		await engine.services.remove(web.id);
		expect(await summary(web.id)).toBeUndefined();
		expect(await dockerCli(swarm.host, ['service', 'ls', '--quiet', '--filter', `id=${web.id}`])).toBe('');
		expect((await rejection(engine.services.remove(web.id))).code).toBe('not-found');
	});

	it('inspects a service into the details the tables show', async () => {
		const web = await service('inspect', ['--replicas', '2', '--env', 'A=1', '--label', 'team=blue', '--constraint', 'node.role==manager', '--limit-memory', '64m', '--workdir', '/tmp', '--mount', 'type=tmpfs,target=/cache', '--publish', 'published=18090,target=90']);
		await converged(web.id, 'two replicas', found => found.running === 2);
		const details = await engine.services.inspect(web.name);
		const raw = JSON.parse(await dockerCli(swarm.host, ['service', 'inspect', web.name])) as Array<{ID: string; Version: {Index: number}; Spec: {Labels: Record<string, string>}}>;
		expect(details).toMatchObject({
			id: raw[0]!.ID,
			name: web.name,
			version: raw[0]!.Version.Index,
			mode: 'replicated',
			replicas: 2,
			running: 2,
			desired: 2,
			labels: {team: 'blue'},
			imageRef: 'berth-test/busybox:latest',
			args: forever,
			env: ['A=1'],
			workingDir: '/tmp',
			constraints: ['node.role==manager'],
			limits: {nanoCpus: 0, memoryBytes: 64 * 1024 * 1024},
			mounts: [{type: 'tmpfs', source: '', target: '/cache', readOnly: false}],
			ports: [{protocol: 'tcp', targetPort: 90, publishedPort: 18090, publishMode: 'ingress'}],
			endpointMode: 'vip',
			canRollback: false,
			forceUpdate: 0,
		});
		expect(details.raw).toEqual(raw[0]);
		expect(details.update).toEqual({parallelism: 1, delayNs: 0, failureAction: 'pause', monitorNs: 5_000_000_000, maxFailureRatio: 0, order: 'stop-first'});
		expect(details.restartPolicy).toEqual({condition: 'any', delayNs: 5_000_000_000, maxAttempts: 0, windowNs: 0});
	});
});
