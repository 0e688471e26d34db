/**
 * berth's engine adapter against podman's Docker-compatible API (a private rootful `podman system
 * service`, test/support/podman.ts): lists, logs, start/stop/kill/rm, exec captured and
 * interactive, events, commit and top, including where podman differs from dockerd and what
 * berth does about it (the README's Podman section lists each).
 */
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type Engine, type EngineEvent, type LogLine, type TerminalSession} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor, type Resources} from '../support/names.js';
import {startPodman, type PrivatePodman} from '../support/podman.js';

let podman: PrivatePodman;
let engine: Engine;
let resources: Resources;
const image = 'berth-test/busybox:latest';
const size = {columns: 80, rows: 24};
const sessions: TerminalSession[] = [];
const trapScript = 'trap "exit 143" TERM; echo trap-ready; while true; do sleep 0.2; done';

beforeAll(async () => {
	podman = await startPodman();
	engine = createDockerEngine(resolveEndpoint({host: podman.host, env: {}, homedir: tmpdir()}));
	resources = trackResources(podman.host);
}, 180_000);

afterAll(async () => {
	await podman?.stop();
}, 120_000);

afterEach(async () => {
	for (const session of sessions.splice(0)) session.close();
	await resources.cleanup();
});

async function run(prefix: string, command: string[], options: string[] = []): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	const id = resources.container(await dockerCli(podman.host, ['run', '-d', '--name', name, ...options, image, ...command]));
	return {id, name};
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

function track(session: TerminalSession): {text: () => string} {
	sessions.push(session);
	let text = '';
	session.output.on('data', (chunk: Buffer | string) => {
		text += chunk.toString();
	});
	return {text: () => text};
}

describe('berth on podman', () => {
	it('says what it is talking to, and that it is in no swarm', async () => {
		const info = await engine.system.info();
		expect(info.version).toBe(podman.version);
		expect(info.apiVersion).toBe('1.41');
		expect(await engine.system.swarmRole()).toEqual({role: 'none', localState: 'inactive'});
	});

	it('lists containers and images with the names docker would show (podman\'s docker.io/ taken off)', async () => {
		const {id, name} = await run('list', ['sleep', '300']);
		const container = (await engine.containers.list()).find(entry => entry.id === id);
		expect(container).toMatchObject({name, image, state: 'running'});
		expect((await engine.containers.list({ids: [id]})).map(entry => entry.id)).toEqual([id]);
		const fixture = (await engine.images.list()).find(entry => entry.repoTags.includes(image));
		expect(fixture?.id).toMatch(/^sha256:[\da-f]{64}$/);
		expect((await engine.containers.inspect(id)).image).toBe(image);
		// The short name still finds the image on podman.
		expect(await engine.images.exists(image)).toBe(true);
	});

	it('streams logs: stdout and stderr apart, a TTY container raw, lines written while following', async () => {
		const {id} = await run('logs', ['sh', '-c', 'echo out-1; echo err-1 >&2; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo out-2; sleep 300']);
		const lines: LogLine[] = [];
		const controller = new AbortController();
		const done = engine.containers.logs(id, {tail: 'all', follow: true}, batch => lines.push(...batch), controller.signal);
		await waitFor(() => lines.length >= 2, 'the first lines');
		await engine.containers.execCapture(id, ['touch', '/tmp/go']);
		await waitFor(() => lines.some(line => line.text === 'out-2'), 'the line written while following');
		controller.abort();
		await done;
		expect(lines.map(line => [line.stream, line.text])).toEqual([['stdout', 'out-1'], ['stderr', 'err-1'], ['stdout', 'out-2']]);
		// podman's timestamps have whole seconds only.
		for (const line of lines) expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

		const tty = await run('logs-tty', ['sh', '-c', 'echo tty-line; sleep 300'], ['-t']);
		await waitFor(async () => (await dockerCli(podman.host, ['logs', tty.id])).includes('tty-line'), 'the TTY line');
		const ttyLines: LogLine[] = [];
		await engine.containers.logs(tty.id, {tail: 'all', follow: false}, batch => ttyLines.push(...batch), new AbortController().signal);
		expect(ttyLines.map(line => [line.stream, line.text])).toEqual([['tty', 'tty-line']]);
	});

	it('starts, stops (SIGTERM honoured, or SIGKILL after the grace period), kills and removes', async () => {
		const {id} = await run('stop', ['sh', '-c', trapScript]);
		await waitFor(async () => (await dockerCli(podman.host, ['logs', id])).includes('trap-ready'), 'the trap');
		expect(await engine.containers.stop(id, 5)).toEqual({exitCode: 143, killed: false, graceSeconds: 5});
		await engine.containers.start(id);
		await engine.containers.start(id);
		expect((await engine.containers.inspect(id)).running).toBe(true);
		await engine.containers.kill(id);
		await waitFor(async () => !(await engine.containers.inspect(id)).running, 'the kill');
		expect((await engine.containers.inspect(id)).exitCode).toBe(137);

		const stubborn = await run('stop-kill', ['sh', '-c', 'trap "" TERM; echo ready; while true; do sleep 0.2; done']);
		await waitFor(async () => (await dockerCli(podman.host, ['logs', stubborn.id])).includes('ready'), 'the shell');
		expect(await engine.containers.stop(stubborn.id, 1)).toMatchObject({exitCode: 137, killed: true});

		const busy = await run('rm', ['sleep', '300']);
		const refused = await rejection(engine.containers.remove(busy.id));
		expect(refused.code).toBe('conflict');
		expect(refused.message).toMatch(/as it is running/);
		await engine.containers.remove(busy.id, {force: true});
		expect((await engine.containers.list()).some(entry => entry.id === busy.id)).toBe(false);
		expect((await rejection(engine.containers.inspect(busy.id))).code).toBe('not-found');
		expect((await rejection(engine.containers.kill(id, 'NOTASIGNAL'))).code).toBe('bad-request');
	});

	it('runs a command captured, and refuses one in a container that is not running as dockerd does (conflict)', async () => {
		const {id} = await run('exec', ['sleep', '300']);
		expect(await engine.containers.execCapture(id, ['sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({exitCode: 3, stdout: 'out\n', stderr: 'err\n'});
		const stopped = resources.container(await dockerCli(podman.host, ['create', '--name', uniqueName('exec-stopped'), image, 'sleep', '300']));
		const refused = await rejection(engine.containers.execCapture(stopped, ['true']));
		expect(refused.code).toBe('conflict');
		expect(refused.message).toMatch(/can only create exec sessions on running containers/);
	});

	it('runs a shell with a TTY: keys in, output out, resize, exit code', async () => {
		const {id} = await run('exec-it', ['sleep', '300']);
		const session = await engine.containers.execInteractive(id, ['sh'], size);
		const output = track(session);
		session.input.write('busybox stty size; echo sum-$((2+3))\r');
		await waitFor(() => output.text().includes('sum-5'), 'the shell');
		expect(output.text()).toContain('24 80');
		await session.resize(100, 30);
		session.input.write('busybox stty size\r');
		await waitFor(() => output.text().includes('30 100'), 'the new size');
		session.input.write('exit 7\r');
		expect(await session.done).toEqual({exitCode: 7});
	});

	it('attaches to a TTY container: only what is typed reaches it (podman passes request body bytes to stdin), exit code at the end', async () => {
		const {id} = await run('attach', ['sh'], ['-it']);
		const session = await engine.containers.attach(id, size);
		const output = track(session);
		session.input.write('echo attached-$((6*7)); busybox stty size\r');
		await waitFor(() => output.text().includes('attached-42'), 'the command\'s output');
		expect(output.text()).toContain('24 80');
		expect(output.text()).not.toContain('{}');
		expect(output.text()).not.toContain('not found');
		session.input.write('exit 5\r');
		expect(await session.done).toEqual({exitCode: 5});
	});

	it('streams events: a container\'s start and die, an image tag; events may arrive out of time order', async () => {
		const events: EngineEvent[] = [];
		const controller = new AbortController();
		const stream = engine.events.stream({}, event => events.push(event), controller.signal);
		const tag = uniqueName('tagged');
		// Podman's event stream opens once its first event is written: wait for it to deliver one.
		await waitFor(async () => {
			await dockerCli(podman.host, ['tag', image, `${tag}:probe`]);
			// The name as the lists give it (podman sends docker.io/library/…).
			return events.some(event => event.type === 'image' && event.action === 'tag' && event.attributes.name === `${tag}:probe`);
		}, 'the stream to deliver');
		resources.image(`${tag}:probe`);
		const {id} = await run('events', ['sh', '-c', 'exit 4']);
		await waitFor(() => events.some(event => event.id === id && event.action === 'die'), 'the die event');
		controller.abort();
		await stream;
		const start = events.find(event => event.id === id && event.action === 'start')!;
		const die = events.find(event => event.id === id && event.action === 'die')!;
		expect(start).toMatchObject({type: 'container', attributes: {name: expect.stringMatching(/^berth-t-events-/)}});
		expect(die.attributes.exitCode).toBe('4');
		expect(BigInt(die.timeNano)).toBeGreaterThan(BigInt(start.timeNano));
	});

	it('commits a container and lists its processes as dockerd would (columns split)', async () => {
		const {id} = await run('commit', ['sleep', '300']);
		const repo = uniqueName('committed');
		const imageId = await engine.containers.commit(id, {repo, tag: 'v1'});
		resources.image(`${repo}:v1`);
		expect(imageId).toMatch(/^sha256:[\da-f]{64}$/);
		// podman names it localhost/REPO:v1, and lists its id as bare hex: berth adds "sha256:" as dockerd gives it.
		expect((await engine.images.list()).find(entry => entry.repoTags.some(tag => tag.endsWith(`${repo}:v1`)))?.id).toBe(imageId);

		const top = await engine.containers.top(id);
		expect(top.titles).toEqual(['PID', 'USER', 'COMMAND']);
		expect(top.processes).toContainEqual(['1', '0', 'sleep 300']);
	});
});
