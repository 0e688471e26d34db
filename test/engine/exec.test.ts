/** exec (captured and interactive) and attach against the real engine. */
import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EXEC_CAPTURE_LIMIT} from '../../source/engine/containers/exec.js';
import {EngineError, type TerminalSession} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
const size = {columns: 80, rows: 24};
const sessions: TerminalSession[] = [];

afterEach(async () => {
	for (const session of sessions.splice(0)) session.close();
	await resources.cleanup();
});

async function run(prefix: string, command: string[], options: string[] = []): Promise<string> {
	return resources.container(await dockerCli(host, ['run', '-d', '--name', uniqueName(prefix), ...options, image, ...command]));
}

async function create(prefix: string, command: string[]): Promise<string> {
	return resources.container(await dockerCli(host, ['create', '--name', uniqueName(prefix), image, ...command]));
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

/** Keeps a session for cleanup and collects its output as text. */
function track(session: TerminalSession): {text: () => string} {
	sessions.push(session);
	let text = '';
	session.output.on('data', (chunk: Buffer | string) => {
		text += chunk.toString();
	});
	return {text: () => text};
}

function openPipes(): number {
	return process.getActiveResourcesInfo().filter(resource => resource === 'PipeWrap').length;
}

async function running(id: string): Promise<boolean> {
	return (await engine.containers.inspect(id)).running;
}

describe('execCapture', () => {
	it('returns stdout, stderr and the exit code', async () => {
		const id = await run('exec', ['sleep', '300']);
		await expect(engine.containers.execCapture(id, ['sh', '-c', 'echo out; echo err >&2; exit 3'])).resolves.toEqual({
			exitCode: 3,
			stdout: 'out\n',
			stderr: 'err\n',
		});
		await expect(engine.containers.execCapture(id, ['echo', 'héllo', 'wörld'])).resolves.toEqual({exitCode: 0, stdout: 'héllo wörld\n', stderr: ''});
	});

	it('keeps the first MiB of a large output', async () => {
		const id = await run('exec-big', ['sleep', '300']);
		const result = await engine.containers.execCapture(id, ['sh', '-c', 'head -c 3000000 /dev/zero | tr "\\0" x']);
		expect(result.stdout.length).toBe(EXEC_CAPTURE_LIMIT);
		expect(result.stdout).toMatch(/^x+$/);
		expect(Number.isInteger(result.exitCode)).toBe(true);
	}, 60_000);

	it('reports the engine\'s error for a container that is not running, and for a command that does not exist', async () => {
		const id = await create('exec-stopped', ['sleep', '300']);
		const error = await rejection(engine.containers.execCapture(id, ['true']));
		expect(error.code).toBe('conflict');
		expect(error.message).toMatch(/is not running/);

		const running = await run('exec-missing', ['sleep', '300']);
		const missing = await engine.containers.execCapture(running, ['no-such-command']).then(result => result, (error: unknown) => error);
		// Docker 20.10 reports exit code 126/127 with the OCI error on stdout; newer engines refuse the start.
		if (missing instanceof EngineError) expect(missing.message).toMatch(/no-such-command|not found|executable/i);
		else expect((missing as {exitCode: number}).exitCode).toBeGreaterThanOrEqual(126);
	});
});

describe('execInteractive', () => {
	it('runs a shell: keys in, output out, exit code at the end', async () => {
		const id = await run('exec-it', ['sleep', '300']);
		const before = openPipes();
		const session = await engine.containers.execInteractive(id, ['sh'], size);
		const output = track(session);
		session.input.write('echo hello-$((40+2))\r');
		await waitFor(() => output.text().includes('hello-42'), 'the command\'s output');
		session.input.write('exit\r');
		await expect(session.done).resolves.toEqual({exitCode: 0});
		await waitFor(() => openPipes() <= before, 'the session\'s connection to close', 5000);
	});

	it('starts with the size given, and resizes', async () => {
		const id = await run('exec-size', ['sleep', '300']);
		const session = await engine.containers.execInteractive(id, ['sh'], size);
		const output = track(session);
		session.input.write('echo TERM=$TERM; busybox stty size\r');
		await waitFor(() => output.text().includes('24 80'), 'the initial size');
		expect(output.text()).toContain('TERM=xterm-256color');

		await session.resize(100, 30);
		session.input.write('busybox stty size\r');
		await waitFor(() => output.text().includes('30 100'), 'the new size');
		session.input.write('exit 7\r');
		await expect(session.done).resolves.toEqual({exitCode: 7});
		// Resizing after the end is harmless.
		await expect(session.resize(120, 40)).resolves.toBeUndefined();
	});

	it('ends when berth closes it', async () => {
		const id = await run('exec-close', ['sleep', '300']);
		const session = await engine.containers.execInteractive(id, ['sh'], size);
		const output = track(session);
		session.input.write('echo ready-$((1+1))\r');
		await waitFor(() => output.text().includes('ready-2'), 'the shell');
		session.close();
		const outcome = await session.done;
		expect(outcome.detached).toBeUndefined();
		// Writing after the end is dropped, not an error.
		session.input.write('echo too late\r');
	});

	it('ends on the detach keys ctrl-p ctrl-q, the container going on', async () => {
		const id = await run('exec-detach', ['sleep', '300']);
		const session = await engine.containers.execInteractive(id, ['sh', '-c', 'echo started; exec sleep 200'], size);
		const output = track(session);
		await waitFor(() => output.text().includes('started'), 'the command');
		session.input.write('\u0010\u0011');
		const outcome = await session.done;
		// Docker 20.10 ends the exec'd command on detach ("read escape sequence", 126); an engine
		// that kept it running would make the session end detached.
		const sleeping = (await engine.containers.top(id)).processes.some(row => row.at(-1) === 'sleep 200');
		expect(outcome).toEqual(sleeping ? {detached: true} : {exitCode: 126});
		expect(await running(id)).toBe(true);
	});

	it('reports the engine\'s error for a container that is not running', async () => {
		const id = await create('exec-it-stopped', ['sleep', '300']);
		expect((await rejection(engine.containers.execInteractive(id, ['sh'], size))).code).toBe('conflict');
	});
});

describe('attach', () => {
	it('attaches to a TTY container: typing works, ctrl-p ctrl-q detaches and the container goes on', async () => {
		const id = await run('attach-tty', ['sh'], ['-it']);
		const session = await engine.containers.attach(id, size);
		const output = track(session);
		session.input.write('echo attached-$((6*7))\r');
		await waitFor(() => output.text().includes('attached-42'), 'the command\'s output');
		// Only what was typed reached the shell (not the request's "{}" body).
		expect(output.text()).toContain('echo attached-$((6*7))\r\nattached-42\r\n');
		expect(output.text()).not.toContain('{}');
		session.input.write('\u0010');
		session.input.write('\u0011');
		await expect(session.done).resolves.toEqual({detached: true});
		expect(await running(id)).toBe(true);
	});

	it('reports the exit code when the attached process exits', async () => {
		const id = await run('attach-exit', ['sh'], ['-it']);
		const session = await engine.containers.attach(id, size);
		const output = track(session);
		session.input.write('busybox stty size; exit 5\r');
		await waitFor(() => output.text().includes('24 80'), 'the size');
		await expect(session.done).resolves.toEqual({exitCode: 5});
		expect(await running(id)).toBe(false);
	});

	it('shows a non-TTY container\'s stdout and stderr as plain text', async () => {
		const id = await run('attach-plain', ['sh', '-c', 'i=0; while true; do echo out-$i; echo err-$i >&2; i=$((i+1)); sleep 0.2; done']);
		const session = await engine.containers.attach(id, size);
		const output = track(session);
		await waitFor(() => (output.text().match(/\n/g) ?? []).length >= 6, 'a few lines');
		expect(output.text()).toMatch(/^((out|err)-\d+\n)+$/);
		expect(output.text()).toMatch(/err-\d+\n/);
		await expect(session.resize(100, 30)).resolves.toBeUndefined();
		session.close();
		await expect(session.done).resolves.toEqual({detached: true});
		expect(await running(id)).toBe(true);
	});

	it('refuses a container that is not running', async () => {
		const id = await create('attach-stopped', ['sh']);
		const error = await rejection(engine.containers.attach(id, size));
		expect(error.code).toBe('conflict');
		expect(error.message).toMatch(/stopped container/);
	});
});
