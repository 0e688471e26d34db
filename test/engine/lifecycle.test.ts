import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type ContainerSummary} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
/**
 * PID 1 shell that honours SIGTERM with exit code 143. It prints "trap-ready" once the trap is
 * set: a signal sent before that is ignored (PID 1 has no default handlers), so tests wait for it.
 */
const trapScript = 'trap "exit 143" TERM; echo trap-ready; while true; do sleep 0.2; done';

afterEach(async () => {
	await resources.cleanup();
});

async function run(prefix: string, command: string[], options: string[] = []): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	const id = resources.container(await dockerCli(host, ['run', '-d', '--name', name, ...options, image, ...command]));
	if (command.includes(trapScript)) {
		await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('trap-ready'), 'the trap to be set');
	}
	return {id, name};
}

async function create(prefix: string, command: string[]): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	const id = resources.container(await dockerCli(host, ['create', '--name', name, image, ...command]));
	return {id, name};
}

async function summary(id: string): Promise<ContainerSummary | undefined> {
	return (await engine.containers.list()).find(container => container.id === id);
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

describe('DockerEngine against a real engine', () => {
	it('negotiates an API version the engine supports', async () => {
		const info = await engine.system.info();
		expect(info.version).toMatch(/^\d+\.\d+/);
		expect(info.apiVersion).toMatch(/^1\.\d+$/);
		const reported = JSON.parse(await dockerCli(host, ['version', '--format', '{{json .Server.APIVersion}}'])) as string;
		const [, minor] = info.apiVersion.split('.').map(Number);
		expect(minor).toBeLessThanOrEqual(Number(reported.split('.')[1]));
		expect(info.os).toBe('linux');
		expect(engine.endpoint).toBe(host);
	});

	it('lists a created container with its name, image and state', async () => {
		const {id, name} = await create('list', ['true']);
		const found = await summary(id);
		expect(found).toMatchObject({id, name, image, state: 'created'});
		expect(found?.imageId).toMatch(/^sha256:[\da-f]{64}$/);
		expect(found?.exitCode).toBeUndefined();
	});

	it('lists images with their tags and without placeholder references', async () => {
		const images = await engine.images.list();
		const fixture = images.find(entry => entry.repoTags.includes(image));
		expect(fixture?.id).toMatch(/^sha256:/);
		for (const entry of images) {
			expect(entry.repoTags.some(tag => tag.startsWith('<none>'))).toBe(false);
			expect(entry.repoDigests.some(digest => digest.startsWith('<none>'))).toBe(false);
		}
	});

	it('starts a container, and a second start is quiet', async () => {
		const {id} = await create('start', ['sleep', '300']);
		await engine.containers.start(id);
		expect((await summary(id))?.state).toBe('running');
		await engine.containers.start(id);
		expect((await engine.containers.inspect(id)).running).toBe(true);
	});

	it('stops a container that honours SIGTERM: exit code 143, no SIGKILL; a second stop is quiet and says so', async () => {
		const {id} = await run('stop-term', ['sh', '-c', trapScript]);
		expect(await engine.containers.stop(id, 20)).toEqual({exitCode: 143, killed: false, graceSeconds: 20});
		const found = await summary(id);
		expect(found?.state).toBe('exited');
		expect(found?.exitCode).toBe(143);
		expect(await engine.containers.stop(id, 1)).toEqual({exitCode: 143, killed: false, graceSeconds: 1, alreadyStopped: true});
		expect((await engine.containers.inspect(id)).exitCode).toBe(143);
	});

	it('stops a PID 1 that ignores SIGTERM with SIGKILL after the grace period: 137, and says it needed the SIGKILL', async () => {
		const {id} = await run('stop-kill', ['sleep', '300']);
		expect(await engine.containers.stop(id, 1)).toEqual({exitCode: 137, killed: true, graceSeconds: 1});
		const details = await engine.containers.inspect(id);
		expect(details.state).toBe('exited');
		expect(details.exitCode).toBe(137);
		expect((await summary(id))?.exitCode).toBe(137);
	});

	it("a container that traps SIGTERM: SIGKILL after the container's own grace period (--stop-timeout) when the call gives none", async () => {
		const {id} = await run('stop-trap', ['sh', '-c', "trap '' TERM; echo trap-ready; while true; do sleep 1; done"], ['--stop-timeout', '2']);
		await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('trap-ready'), 'the trap to be set');
		expect(await engine.containers.stop(id)).toEqual({exitCode: 137, killed: true, graceSeconds: 2});
	});

	it('a container that exits with 137 by itself on SIGTERM, within the grace period, was not killed', async () => {
		const {id} = await run('stop-137', ['sh', '-c', 'trap "exit 137" TERM; echo trap-ready; while true; do sleep 0.2; done']);
		await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('trap-ready'), 'the trap to be set');
		expect(await engine.containers.stop(id, 20)).toEqual({exitCode: 137, killed: false, graceSeconds: 20});
	});

	it('kills at once with SIGKILL (137), or with the signal given', async () => {
		const {id} = await run('kill', ['sh', '-c', trapScript]);
		await engine.containers.kill(id);
		await waitFor(async () => (await engine.containers.inspect(id)).state === 'exited', 'the container to exit');
		expect((await engine.containers.inspect(id)).exitCode).toBe(137);

		const other = await run('kill-term', ['sh', '-c', trapScript]);
		await engine.containers.kill(other.id, 'SIGTERM');
		await waitFor(async () => (await engine.containers.inspect(other.id)).state === 'exited', 'the container to exit');
		expect((await engine.containers.inspect(other.id)).exitCode).toBe(143);
	});

	it('restarts a running container', async () => {
		const {id} = await run('restart', ['sh', '-c', trapScript]);
		const before = await engine.containers.inspect(id);
		await engine.containers.restart(id, 10);
		const after = await engine.containers.inspect(id);
		expect(after.running).toBe(true);
		expect(after.pid).not.toBe(before.pid);
		expect(after.startedAt).not.toBe(before.startedAt);
	});

	it('pauses and unpauses', async () => {
		const {id} = await run('pause', ['sleep', '300']);
		await engine.containers.pause(id);
		expect((await summary(id))?.state).toBe('paused');
		expect((await engine.containers.inspect(id)).paused).toBe(true);
		await engine.containers.unpause(id);
		expect((await summary(id))?.state).toBe('running');
	});

	it('commits a container to repository:tag and returns the new image id', async () => {
		const {id} = await run('commit', ['sh', '-c', 'echo hello > /tmp/marker; sleep 300']);
		await waitFor(async () => (await dockerCli(host, ['exec', id, 'cat', '/tmp/marker'])) === 'hello', 'the marker file');
		const repo = uniqueName('commit-image');
		resources.image(`${repo}:v1`);
		const imageId = await engine.containers.commit(id, {repo, tag: 'v1', comment: 'made by berth tests', author: 'berth'});
		expect(imageId).toMatch(/^sha256:[\da-f]{64}$/);

		const images = await engine.images.list();
		expect(images.find(entry => entry.id === imageId)?.repoTags).toEqual([`${repo}:v1`]);
		const history = await engine.images.history(`${repo}:v1`);
		expect(history[0]).toMatchObject({id: imageId, comment: 'made by berth tests', tags: [`${repo}:v1`]});
		expect(history.length).toBeGreaterThanOrEqual(2);
		expect(await dockerCli(host, ['run', '--rm', `${repo}:v1`, 'cat', '/tmp/marker'])).toBe('hello');
	});

	it('inspects a container into the domain shape', async () => {
		const {id, name} = await run('inspect', ['sleep', '300'], ['--label', 'berth.test=yes', '--env', 'GREETING=hi', '--workdir', '/tmp', '--restart', 'on-failure:3']);
		const details = await engine.containers.inspect(name);
		expect(details).toMatchObject({
			id,
			name,
			image,
			state: 'running',
			running: true,
			tty: false,
			workingDir: '/tmp',
			cmd: ['sleep', '300'],
			restartPolicy: {name: 'on-failure', maximumRetryCount: 3},
			labels: {'berth.test': 'yes'},
		});
		expect(details.env).toContain('GREETING=hi');
		expect(details.pid).toBeGreaterThan(0);
		expect(details.imageId).toMatch(/^sha256:/);
	});

	it('reports health from the status text and from inspect', async () => {
		const {id} = await run('health', ['sleep', '300'], ['--health-cmd', 'true', '--health-interval', '1s']);
		const healthy = await waitFor(async () => {
			const found = await summary(id);
			return found?.health === 'healthy' ? found : undefined;
		}, 'the container to become healthy');
		expect(healthy.status).toContain('(healthy)');
		expect((await engine.containers.inspect(id)).health).toBe('healthy');
	});

	it("keeps a failing health check's last output and exit code for the details, and lists a container's volumes and networks", async () => {
		const {id} = await run('unhealthy', ['sleep', '300'], ['--health-cmd', 'echo "db not ready" >&2; exit 3', '--health-interval', '1s', '--health-retries', '1', '-v', '/data']);
		const details = await waitFor(async () => {
			const found = await engine.containers.inspect(id);
			return found.health === 'unhealthy' ? found : undefined;
		}, 'the container to become unhealthy');
		expect(details.healthCheck).toMatchObject({exitCode: 3, output: 'db not ready\n'});
		expect(details.healthCheck!.failingStreak).toBeGreaterThanOrEqual(1);
		const row = (await summary(id))!;
		expect(row.mounts).toEqual([{destination: '/data', name: expect.stringMatching(/^[0-9a-f]{64}$/)}]);
		// The default network keeps its name on an engine started with --bridge=none.
		expect(row.networks).toEqual(['bridge']);
	});

	it('removes a container, and refuses a running one with the engine message (conflict)', async () => {
		const {id} = await run('rm', ['sleep', '300']);
		const error = await rejection(engine.containers.remove(id));
		expect(error.code).toBe('conflict');
		expect(error.statusCode).toBe(409);
		expect(error.message).toMatch(/^You cannot remove a running container/);
		expect(error.message).not.toContain('HTTP code');

		await engine.containers.remove(id, {force: true, volumes: true});
		expect(await summary(id)).toBeUndefined();

		const stopped = await create('rm-stopped', ['true']);
		await engine.containers.remove(stopped.id);
		expect(await summary(stopped.id)).toBeUndefined();
	});

	it('removes an image, and refuses one a container uses (conflict)', async () => {
		const {id} = await run('rmi', ['sleep', '300']);
		const repo = uniqueName('rmi-image');
		resources.image(`${repo}:v1`);
		const imageId = await engine.containers.commit(id, {repo, tag: 'v1'});
		const userId = resources.container(await dockerCli(host, ['create', '--name', uniqueName('rmi-user'), `${repo}:v1`, 'true']));

		const error = await rejection(engine.images.remove(`${repo}:v1`));
		expect(error.code).toBe('conflict');
		expect(error.message).toMatch(/^conflict: unable to remove repository reference/);
		expect(error.message).toContain(userId.slice(0, 12));

		await engine.containers.remove(userId, {force: true});
		await engine.images.remove(`${repo}:v1`);
		expect((await engine.images.list()).some(entry => entry.id === imageId)).toBe(false);
	});

	it('maps a missing container or image to not-found', async () => {
		const missing = uniqueName('missing');
		const error = await rejection(engine.containers.inspect(missing));
		expect(error.code).toBe('not-found');
		expect(error.statusCode).toBe(404);
		expect(error.message).toBe(`No such container: ${missing}`);
		expect((await rejection(engine.containers.stop(missing))).code).toBe('not-found');
		expect((await rejection(engine.images.remove(`${missing}:nope`))).code).toBe('not-found');
		expect((await rejection(engine.images.history(`${missing}:nope`))).code).toBe('not-found');
	});

	it('reports a bad parameter as bad-request', async () => {
		const {id} = await run('bad-signal', ['sleep', '300']);
		const error = await rejection(engine.containers.kill(id, 'NOTASIGNAL'));
		expect(error.code).toBe('bad-request');
		expect(error.statusCode).toBe(400);
		expect(error.message).toContain('NOTASIGNAL');
	});
});
