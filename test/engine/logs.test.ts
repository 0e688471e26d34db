import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {MAX_LINE_BYTES} from '../../source/engine/containers/log-parser.js';
import {EngineError, type LogLine, type LogOptions} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
const rfc3339Nano = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z$/;
/** Shell that waits until the test creates /tmp/go. */
const waitForGo = 'while [ ! -f /tmp/go ]; do sleep 0.1; done';

afterEach(async () => {
	await resources.cleanup();
});

async function run(prefix: string, script: string, options: string[] = []): Promise<string> {
	return resources.container(await dockerCli(host, ['run', '-d', '--name', uniqueName(prefix), ...options, image, 'sh', '-c', script]));
}

/** Follows a container's log in the background, collecting lines and batches. */
function follow(id: string, options: Partial<LogOptions> = {}) {
	const lines: LogLine[] = [];
	const batches: number[] = [];
	const controller = new AbortController();
	const done = engine.containers.logs(id, {tail: 'all', follow: true, ...options}, batch => {
		batches.push(batch.length);
		lines.push(...batch);
	}, controller.signal);
	return {lines, batches, done, stop: () => controller.abort()};
}

describe('streamLogs', () => {
	it('delivers lines written after subscribing, demultiplexed, with timestamps (non-TTY)', async () => {
		const id = await run('logs', `echo first; ${waitForGo}; echo late-out; echo late-err >&2; sleep 300`);
		const stream = follow(id);
		await waitFor(() => stream.lines.some(line => line.text === 'first'), 'the first line');
		await dockerCli(host, ['exec', id, 'touch', '/tmp/go']);
		await waitFor(() => stream.lines.some(line => line.text === 'late-err'), 'the stderr line');
		await waitFor(() => stream.lines.some(line => line.text === 'late-out'), 'the stdout line');

		expect(stream.lines.find(line => line.text === 'first')?.stream).toBe('stdout');
		expect(stream.lines.find(line => line.text === 'late-out')?.stream).toBe('stdout');
		expect(stream.lines.find(line => line.text === 'late-err')?.stream).toBe('stderr');
		for (const line of stream.lines) expect(line.timestamp).toMatch(rfc3339Nano);

		stream.stop();
		await expect(stream.done).resolves.toBeUndefined();
	});

	it('delivers a TTY container\'s lines raw, marked tty, without \\r', async () => {
		const id = await run('logs-tty', `echo first; ${waitForGo}; echo late; echo late-err >&2; sleep 300`, ['-t']);
		const stream = follow(id);
		await waitFor(() => stream.lines.some(line => line.text === 'first'), 'the first line');
		await dockerCli(host, ['exec', id, 'touch', '/tmp/go']);
		await waitFor(() => stream.lines.some(line => line.text === 'late-err'), 'the late lines');
		expect(stream.lines.map(line => line.text)).toEqual(['first', 'late', 'late-err']);
		for (const line of stream.lines) {
			expect(line.stream).toBe('tty');
			expect(line.timestamp).toMatch(rfc3339Nano);
		}

		stream.stop();
		await stream.done;
	});

	it.each([
		['non-TTY', []],
		['TTY', ['-t']],
	])('delivers a 100 KB line cut at 64 KiB and marked, and the next line whole (%s)', async (_mode, options) => {
		const size = 100 * 1024;
		const id = await run('logs-long', `echo ready; ${waitForGo}; head -c ${size} /dev/zero | tr '\\0' x; echo; echo after; sleep 300`, options);
		const stream = follow(id);
		await waitFor(() => stream.lines.some(line => line.text === 'ready'), 'the first line');
		await dockerCli(host, ['exec', id, 'touch', '/tmp/go']);
		await waitFor(() => stream.lines.some(line => line.text === 'after'), 'the line after the long one');
		const texts = stream.lines.map(line => line.text);
		expect(texts.length).toBe(3);
		expect(texts[1]).toBe('x'.repeat(MAX_LINE_BYTES));
		expect(stream.lines[1]!.cut).toBe(true);
		expect(stream.lines[2]!.cut).toBeUndefined();
		expect(stream.lines[1]!.timestamp).toMatch(rfc3339Nano);
		stream.stop();
		await stream.done;
	});

	it('batches lines: far fewer callbacks than lines, all in order', async () => {
		const id = await run('logs-many', 'seq 1 20000; sleep 300');
		const stream = follow(id);
		await waitFor(() => stream.lines.length >= 20_000, 'all 20000 lines');
		expect(stream.lines.map(line => line.text)).toEqual(Array.from({length: 20_000}, (_, index) => String(index + 1)));
		expect(stream.batches.length).toBeLessThan(20_000 / 10);
		expect(stream.batches.every(size => size > 0)).toBe(true);
		stream.stop();
		await stream.done;
	});

	it('honours tail and since, and resolves at the end of a finished log', async () => {
		const id = await run('logs-tail', 'for i in 1 2 3 4 5; do echo line-$i; sleep 0.05; done');
		await waitFor(async () => (await engine.containers.inspect(id)).state === 'exited', 'the container to exit');

		const tail: LogLine[] = [];
		await engine.containers.logs(id, {tail: 2, follow: false}, batch => tail.push(...batch), new AbortController().signal);
		expect(tail.map(line => line.text)).toEqual(['line-4', 'line-5']);

		const all: LogLine[] = [];
		await engine.containers.logs(id, {tail: 'all', follow: true}, batch => all.push(...batch), new AbortController().signal);
		expect(all.map(line => line.text)).toEqual(['line-1', 'line-2', 'line-3', 'line-4', 'line-5']);

		const since: LogLine[] = [];
		await engine.containers.logs(id, {tail: 'all', follow: false, since: all[2]!.timestamp}, batch => since.push(...batch), new AbortController().signal);
		expect(since.map(line => line.text)).toEqual(['line-3', 'line-4', 'line-5']);
	});

	it('flushes a last line without a newline', async () => {
		const id = await run('logs-partial', 'echo one; printf two');
		await waitFor(async () => (await engine.containers.inspect(id)).state === 'exited', 'the container to exit');
		const lines: LogLine[] = [];
		await engine.containers.logs(id, {tail: 'all', follow: false}, batch => lines.push(...batch), new AbortController().signal);
		expect(lines.map(line => line.text)).toEqual(['one', 'two']);
	});

	it('resolves at once when aborted before or while streaming', async () => {
		const id = await run('logs-abort', 'echo hi; sleep 300');
		const controller = new AbortController();
		controller.abort();
		await expect(engine.containers.logs(id, {tail: 'all', follow: true}, () => undefined, controller.signal)).resolves.toBeUndefined();

		const stream = follow(id);
		await waitFor(() => stream.lines.length > 0, 'a line');
		stream.stop();
		await expect(stream.done).resolves.toBeUndefined();
	});

	it('rejects with not-found for a missing container', async () => {
		const error = await engine.containers.logs(uniqueName('missing'), {tail: 'all', follow: true}, () => undefined, new AbortController().signal)
			.then(() => undefined, (error: unknown) => error);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).code).toBe('not-found');
	});
});
