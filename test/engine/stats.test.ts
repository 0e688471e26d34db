/** Stats and top against the real engine, and the stats arithmetic on samples shaped like the engine's. */
import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {cpuPercent, isLiveSample, memoryUsage, toContainerStats, type RawStats} from '../../source/engine/containers/stats.js';
import {EngineError, type ContainerStats} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';

afterEach(async () => {
	await resources.cleanup();
});

async function run(prefix: string, command: string[]): Promise<string> {
	return resources.container(await dockerCli(host, ['run', '-d', '--name', uniqueName(prefix), image, ...command]));
}

async function create(prefix: string, command: string[]): Promise<string> {
	return resources.container(await dockerCli(host, ['create', '--name', uniqueName(prefix), image, ...command]));
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

/** Unix-socket connections that keep the process alive (a follow stream's, not idle pooled ones). */
function openPipes(): number {
	return process.getActiveResourcesInfo().filter(resource => resource === 'PipeWrap').length;
}

function expectPlausible(stats: ContainerStats): void {
	expect(stats.memoryUsage).toBeGreaterThan(0);
	expect(stats.memoryLimit).toBeGreaterThan(0);
	expect(stats.memoryUsage).toBeLessThanOrEqual(stats.memoryLimit);
	expect(stats.pids).toBeGreaterThanOrEqual(1);
	expect(Number.isFinite(stats.cpuPercent)).toBe(true);
	expect(stats.cpuPercent).toBeGreaterThanOrEqual(0);
	// --bridge=none: no network interfaces, so no traffic.
	expect(stats.networkRx).toBeGreaterThanOrEqual(0);
	expect(stats.networkTx).toBeGreaterThanOrEqual(0);
	expect(stats.blockRead).toBeGreaterThanOrEqual(0);
	expect(stats.blockWrite).toBeGreaterThanOrEqual(0);
	expect(stats.read).toMatch(/^\d{4}-\d\d-\d\dT/);
	expect(stats.read.startsWith('0001-')).toBe(false);
}

describe('statsOnce', () => {
	it('gives plausible figures for a running container', async () => {
		const id = await run('stats', ['sleep', '300']);
		expectPlausible(await engine.containers.statsOnce(id));
	});

	it('shows a busy container using CPU', async () => {
		const id = await run('stats-busy', ['sh', '-c', 'while true; do :; done']);
		const busy = await waitFor(async () => {
			const stats = await engine.containers.statsOnce(id);
			return stats.cpuPercent > 5 ? stats : undefined;
		}, 'a sample above 5 % CPU', 20_000);
		expectPlausible(busy);
	});

	it('rejects for a container that is not running (conflict), and for one that does not exist', async () => {
		const created = await create('stats-created', ['sleep', '300']);
		const error = await rejection(engine.containers.statsOnce(created));
		expect(error.code).toBe('conflict');
		expect(error.message).toMatch(/not running/);

		const exited = await run('stats-exited', ['true']);
		await dockerCli(host, ['wait', exited]);
		expect((await rejection(engine.containers.statsOnce(exited))).code).toBe('conflict');

		expect((await rejection(engine.containers.statsOnce(uniqueName('stats-missing')))).code).toBe('not-found');
	});
});

describe('streamStats', () => {
	it('delivers samples about once a second, and stops on abort without leaving its connection open', async () => {
		const id = await run('stats-stream', ['sleep', '300']);
		await engine.containers.list(); // Warm the connection pool: idle pooled sockets do not count.
		const before = openPipes();

		const samples: ContainerStats[] = [];
		const controller = new AbortController();
		const done = engine.containers.streamStats(id, stats => samples.push(stats), controller.signal);
		await waitFor(() => samples.length >= 2, 'two samples', 15_000);
		expect(openPipes()).toBeGreaterThan(before);
		for (const sample of samples) expectPlausible(sample);
		expect(samples[1]!.read > samples[0]!.read).toBe(true);

		controller.abort();
		await expect(done).resolves.toBeUndefined();
		await waitFor(() => openPipes() <= before, 'the stream\'s connection to close', 5000);
		const count = samples.length;
		await new Promise(resolve => {
			setTimeout(resolve, 1500);
		});
		expect(samples.length).toBe(count);
	});

	it('resolves at once when aborted before it starts', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(engine.containers.streamStats('whatever', () => {}, controller.signal)).resolves.toBeUndefined();
	});

	it('sends nothing for a stopped container', async () => {
		const id = await create('stats-stream-stopped', ['sleep', '300']);
		const samples: ContainerStats[] = [];
		const controller = new AbortController();
		const done = engine.containers.streamStats(id, stats => samples.push(stats), controller.signal);
		await new Promise(resolve => {
			setTimeout(resolve, 2500);
		});
		controller.abort();
		await done;
		expect(samples).toEqual([]);
	});
});

describe('top', () => {
	it('lists the container\'s processes with the engine\'s column titles', async () => {
		const id = await run('top', ['sleep', '300']);
		const list = await engine.containers.top(id);
		expect(list.titles).toEqual(expect.arrayContaining(['PID', 'CMD']));
		const command = list.titles.indexOf('CMD');
		expect(list.processes.some(row => row.length === list.titles.length && row[command]!.includes('sleep 300'))).toBe(true);
	});

	it('rejects for a container that is not running with the engine\'s conflict', async () => {
		const id = await create('top-created', ['sleep', '300']);
		const error = await rejection(engine.containers.top(id));
		expect(error.code).toBe('conflict');
		expect(error.message).toMatch(/is not running/);
	});
});

describe('stats arithmetic', () => {
	const sample = (over: Partial<RawStats> = {}): RawStats => ({
		read: '2026-11-23T11:03:30.37375282Z',
		pids_stats: {current: 3},
		cpu_stats: {cpu_usage: {total_usage: 3_000_000_000}, system_cpu_usage: 20_000_000_000, online_cpus: 4},
		precpu_stats: {cpu_usage: {total_usage: 2_000_000_000}, system_cpu_usage: 16_000_000_000, online_cpus: 4},
		memory_stats: {usage: 100_000, limit: 1_000_000, stats: {total_inactive_file: 30_000, cache: 50_000}},
		...over,
	});

	it('computes CPU % as docker stats does', () => {
		// Δcpu 1e9 / Δsystem 4e9 × 4 CPUs × 100 = 100 %.
		expect(cpuPercent(sample())).toBeCloseTo(100);
		expect(cpuPercent(sample({precpu_stats: {}}))).toBe(0);
		expect(cpuPercent(sample({cpu_stats: {cpu_usage: {total_usage: 3_000_000_000, percpu_usage: [1, 2]}, system_cpu_usage: 20_000_000_000}}))).toBeCloseTo(50);
	});

	it('takes the page cache off memory: cgroup v1, cgroup v2, older engines', () => {
		expect(memoryUsage({usage: 100, stats: {total_inactive_file: 30, cache: 50}})).toBe(70);
		expect(memoryUsage({usage: 100, stats: {inactive_file: 20, file: 60}})).toBe(80);
		expect(memoryUsage({usage: 100, stats: {cache: 50}})).toBe(50);
		expect(memoryUsage({usage: 100})).toBe(100);
		expect(memoryUsage(undefined)).toBe(0);
	});

	it('sums networks and block io (op names in either case), counts pids', () => {
		const stats = toContainerStats(sample({
			networks: {eth0: {rx_bytes: 10, tx_bytes: 1}, eth1: {rx_bytes: 5, tx_bytes: 2}},
			blkio_stats: {io_service_bytes_recursive: [
				{major: 8, minor: 0, op: 'Read', value: 100},
				{major: 8, minor: 0, op: 'Write', value: 7},
				{major: 8, minor: 16, op: 'read', value: 1},
				{major: 8, minor: 16, op: 'write', value: 2},
				{major: 8, minor: 16, op: 'Total', value: 110},
			]},
		}));
		expect(stats).toEqual({
			cpuPercent: expect.closeTo(100) as number,
			memoryUsage: 70_000,
			memoryLimit: 1_000_000,
			networkRx: 15,
			networkTx: 3,
			blockRead: 101,
			blockWrite: 9,
			pids: 3,
			read: '2026-11-23T11:03:30.37375282Z',
		});
	});

	it('uses an earlier reading when the sample has no previous CPU reading', () => {
		const earlier = {cpu_usage: {total_usage: 2_500_000_000}, system_cpu_usage: 18_000_000_000, online_cpus: 4};
		expect(toContainerStats(sample({precpu_stats: {}}), earlier).cpuPercent).toBeCloseTo(100);
		expect(toContainerStats(sample({precpu_stats: {}})).cpuPercent).toBe(0);
	});

	it('tells the empty samples of a stopped container from real ones', () => {
		expect(isLiveSample(sample())).toBe(true);
		expect(isLiveSample({read: '0001-01-01T00:00:00Z', pids_stats: {}, memory_stats: {}})).toBe(false);
	});
});
