/** create, run (detached, attached, -it), start -a -i and rename against the real engine. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError, type LogLine, type RunContainerOptions, type TerminalSession} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const fixture = 'berth-test/busybox:latest';
const size = {columns: 80, rows: 24};
const sessions: TerminalSession[] = [];
const volumes: string[] = [];
const bindDir = mkdtempSync(path.join(tmpdir(), 'berth-bind-'));

afterEach(async () => {
	for (const session of sessions.splice(0)) session.close();
	await resources.cleanup();
	for (const volume of volumes.splice(0)) await dockerCli(host, ['volume', 'rm', '-f', volume]);
});

afterAll(() => {
	rmSync(bindDir, {recursive: true, force: true});
});

const plain = (cmd: string[], extra: Partial<RunContainerOptions> = {}): RunContainerOptions => ({cmd, ports: [], env: [], binds: [], ...extra});

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (failure: unknown) => failure);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

async function hostConfig(id: string): Promise<Record<string, unknown>> {
	return JSON.parse(await dockerCli(host, ['inspect', '--format', '{{json .HostConfig}}', id])) as Record<string, unknown>;
}

function track(session: TerminalSession): {text: () => string} {
	sessions.push(session);
	let text = '';
	session.output.on('data', (chunk: Buffer | string) => {
		text += chunk.toString();
	});
	return {text: () => text};
}

describe('createContainer', () => {
	it('creates without starting, with every run field as inspect shows it', async () => {
		const name = resources.container(uniqueName('create'));
		const volume = uniqueName('vol');
		volumes.push(volume);
		process.env.BERTH_T_FROM_ENV = 'from berth\'s environment';
		const id = await engine.containers.create(fixture, {
			name,
			cmd: ['sh', '-c', 'sleep 300'],
			ports: [{containerPort: 80, protocol: 'tcp', hostPort: 18_081}, {containerPort: 53, protocol: 'udp'}],
			env: ['PLAIN=1', 'BERTH_T_FROM_ENV', 'BERTH_T_UNSET_VARIABLE'],
			binds: [`${bindDir}:/host:ro`, `${volume}:/data`, '/anonymous'],
			workingDir: '/tmp',
			user: '1234:5678',
			restart: {name: 'on-failure', maximumRetryCount: 2},
			labels: {'berth.test': 'create'},
		});
		delete process.env.BERTH_T_FROM_ENV;
		const details = await engine.containers.inspect(id);
		expect(details).toMatchObject({name, state: 'created', running: false, workingDir: '/tmp', user: '1234:5678', cmd: ['sh', '-c', 'sleep 300'], restartPolicy: {name: 'on-failure', maximumRetryCount: 2}, labels: {'berth.test': 'create'}});
		expect(details.env).toEqual(expect.arrayContaining(['PLAIN=1', 'BERTH_T_FROM_ENV=from berth\'s environment']));
		// Unset in berth's environment: passed bare, as `docker run -e NAME` does.
		expect(details.env).toContain('BERTH_T_UNSET_VARIABLE');
		expect(details.mounts).toEqual(expect.arrayContaining([
			expect.objectContaining({type: 'bind', destination: '/host', rw: false}),
			expect.objectContaining({type: 'volume', destination: '/data', rw: true}),
			expect.objectContaining({type: 'volume', destination: '/anonymous'}),
		]));
		const config = await hostConfig(id);
		expect(config.PortBindings).toEqual({'80/tcp': [{HostIp: '', HostPort: '18081'}], '53/udp': [{HostIp: '', HostPort: ''}]});
		expect(config.Binds).toEqual([`${bindDir}:/host:ro`, `${volume}:/data`]);
		expect(config.AutoRemove).toBe(false);
		expect((await engine.containers.list()).find(container => container.id === id)?.state).toBe('created');
	});

	it('passes the engine\'s refusals on: --rm with a restart policy, a name in use', async () => {
		const conflict = await rejection(engine.containers.create(fixture, plain([], {autoRemove: true, restart: {name: 'always'}})));
		expect(conflict.code).toBe('bad-request');
		expect(conflict.message).toMatch(/restart|AutoRemove/i);
		const name = resources.container(uniqueName('taken'));
		await engine.containers.create(fixture, plain(['true'], {name}));
		const taken = await rejection(engine.containers.create(fixture, plain(['true'], {name})));
		expect(taken.code).toBe('conflict');
		expect(taken.message).toContain(`The container name "/${name}" is already in use`);
	});

	it('runContainer (-d) with an entrypoint reset, --rm and a working directory', async () => {
		const id = resources.container(await engine.containers.run(fixture, plain(['sh', '-c', 'pwd; sleep 300'], {entrypoint: [], workingDir: '/etc', autoRemove: true, restart: undefined})));
		await waitFor(async () => (await dockerCli(host, ['logs', id])) === '/etc', 'the working directory in the output');
		expect((await hostConfig(id)).AutoRemove).toBe(true);
		await dockerCli(host, ['kill', id]);
		await waitFor(async () => !(await dockerCli(host, ['ps', '-aq', '--no-trunc'])).includes(id), 'the engine to remove the --rm container');
	});
});

describe('runAttached', () => {
	it('streams stdout and stderr as lines and resolves with the exit code; the container stays, exited', async () => {
		const lines: LogLine[] = [];
		const outcome = await engine.containers.runAttached(fixture, plain(['sh', '-c', 'echo out; echo err >&2; printf no-newline; exit 7'], {name: resources.container(uniqueName('attached'))}), batch => lines.push(...batch));
		expect(outcome).toMatchObject({exitCode: 7, removed: false});
		expect(lines).toEqual(expect.arrayContaining([{stream: 'stdout', text: 'out'}, {stream: 'stderr', text: 'err'}, {stream: 'stdout', text: 'no-newline'}]));
		expect((await engine.containers.inspect(outcome.id)).state).toBe('exited');
	});

	it('with --rm the engine removes it, and the exit code still arrives', async () => {
		const lines: LogLine[] = [];
		const outcome = await engine.containers.runAttached(fixture, plain(['sh', '-c', 'echo bye; exit 3'], {autoRemove: true}), batch => lines.push(...batch));
		resources.container(outcome.id);
		expect(outcome).toMatchObject({exitCode: 3, removed: true});
		expect(lines).toEqual([{stream: 'stdout', text: 'bye'}]);
		expect((await rejection(engine.containers.inspect(outcome.id))).code).toBe('not-found');
	});

	it('with a TTY the output is one stream', async () => {
		const lines: LogLine[] = [];
		const outcome = await engine.containers.runAttached(fixture, plain(['sh', '-c', 'echo one; echo two >&2'], {tty: true, name: resources.container(uniqueName('tty'))}), batch => lines.push(...batch));
		expect(outcome.exitCode).toBe(0);
		expect(lines).toEqual([{stream: 'tty', text: 'one'}, {stream: 'tty', text: 'two'}]);
	});

	it('a start that fails rejects with the engine\'s message; the container stays created', async () => {
		const name = resources.container(uniqueName('bad-start'));
		const error = await rejection(engine.containers.runAttached(fixture, plain(['/no/such/binary'], {name}), () => {}));
		expect(error.message).toContain('/no/such/binary');
		expect((await engine.containers.inspect(name)).state).toBe('created');
	});

	it('aborting stops following; the container goes on', async () => {
		const controller = new AbortController();
		const name = resources.container(uniqueName('abort'));
		const outcome = await engine.containers.runAttached(fixture, plain(['sh', '-c', 'echo started; sleep 300'], {name}), () => controller.abort(), controller.signal);
		expect(outcome.exitCode).toBeUndefined();
		expect((await engine.containers.inspect(name)).running).toBe(true);
	});
});

describe('interactive', () => {
	it('run -it: a terminal session, exit code at the end, --rm honoured', async () => {
		const {id, session} = await engine.containers.runInteractive(fixture, plain(['sh'], {autoRemove: true}), size);
		resources.container(id);
		const screen = track(session);
		session.input.write('echo "sum=$((40+2))"\n');
		await waitFor(() => screen.text().includes('sum=42'), 'the shell\'s answer');
		session.input.write('exit 5\n');
		expect(await session.done).toEqual({exitCode: 5});
		await waitFor(async () => (await engine.containers.inspect(id).then(() => false, (error: EngineError) => error.code === 'not-found')), 'the engine to remove it');
	});

	it('start -a -i: a container created with -it (as docker create -it makes it) starts attached', async () => {
		const id = resources.container(await engine.containers.create(fixture, plain(['sh'], {tty: true, openStdin: true})));
		expect((await engine.containers.inspect(id)).state).toBe('created');
		// What `docker create -it` sets (checked against docker CLI 20.10): stdin kept open and attached once, a terminal, output attached.
		const config = JSON.parse(await dockerCli(host, ['inspect', '--format', '{{json .Config}}', id])) as Record<string, unknown>;
		expect(config).toMatchObject({Tty: true, OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true, AttachStderr: true});
		const plainId = resources.container(await engine.containers.create(fixture, plain(['true'])));
		const plainConfig = JSON.parse(await dockerCli(host, ['inspect', '--format', '{{json .Config}}', plainId])) as Record<string, unknown>;
		expect(plainConfig).toMatchObject({Tty: false, OpenStdin: false, StdinOnce: false, AttachStdin: false, AttachStdout: true, AttachStderr: true});
		const session = await engine.containers.startAttached(id, size);
		const screen = track(session);
		session.input.write('echo "attached-$((6*7))"\n');
		await waitFor(() => screen.text().includes('attached-42'), 'the shell\'s answer');
		session.input.write('exit 4\n');
		expect(await session.done).toEqual({exitCode: 4});
		expect((await engine.containers.inspect(id)).exitCode).toBe(4);
	});
});

describe('renameContainer', () => {
	it('renames, and passes the engine\'s refusals on (name in use, invalid name); each call reports its own error', async () => {
		const first = resources.container(await engine.containers.create(fixture, plain(['true'], {name: uniqueName('first')})));
		const second = resources.container(await engine.containers.create(fixture, plain(['true'], {name: uniqueName('second')})));
		const renamed = resources.container(uniqueName('renamed'));
		await engine.containers.rename(first, renamed);
		expect((await engine.containers.inspect(first)).name).toBe(renamed);

		const results = await Promise.allSettled([
			engine.containers.rename(second, renamed),
			engine.containers.rename(second, 'not/valid'),
			engine.containers.rename(uniqueName('missing'), uniqueName('x')),
		]);
		const errors = results.map(result => (result.status === 'rejected' ? result.reason as EngineError : undefined));
		expect(errors.map(error => error?.code)).toEqual(['conflict', 'bad-request', 'not-found']);
		expect(errors[0]!.message).toContain(`"/${renamed}" is already in use`);
		expect(errors[1]!.message).toContain('Invalid container name');
	});
});
