/**
 * The engine feed (source/state/engine-feed.ts) on the real engine: containers changed from
 * outside berth, in bursts, through the engine's HTTP API (as the docker CLI would), and every
 * row of the feed's last snapshot checked against the engine's own list one second after the
 * last event the engine reported.
 *
 * This caught a real race: the engine emits `die` (and `pause`, `unpause`, `health_status`)
 * before the list it answers from shows the change (measured 5–30 ms here), and the feed
 * fetched once per burst — 60 ms after a `kill`, which is about when the `die` that follows it
 * arrives — so the fetch often read the container as still running and nothing fetched it again
 * until the 60 s safety poll.
 */
import http from 'node:http';
import {tmpdir} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import type {ContainerSummary} from '../../source/engine/types.js';
import {startEngineFeed, type EngineFeed} from '../../source/state/engine-feed.js';
import {api, createContainer} from '../reliability/support/engine.js';
import {uniqueName} from '../support/names.js';

const host = inject('dockerHost');
const socketPath = host.slice('unix://'.length);
const labelKey = 'berth.test.feed';
const labelValue = uniqueName('feed');

let feed: EngineFeed | undefined;
let events: http.ClientRequest | undefined;
/** When the engine last reported an event for one of this file's containers. */
let lastEventAt = 0;
const eventLog: string[] = [];

beforeAll(async () => {
	// The test's own view of the events stream (raw HTTP, not berth's adapter): only this file's containers.
	const filters = encodeURIComponent(JSON.stringify({type: ['container'], label: [`${labelKey}=${labelValue}`]}));
	await new Promise<void>((resolve, reject) => {
		events = http.get({socketPath, path: `/events?filters=${filters}`}, response => {
			let buffered = '';
			response.on('data', (chunk: Buffer) => {
				buffered += chunk.toString('utf8');
				let end;
				while ((end = buffered.indexOf('\n')) !== -1) {
					const line = buffered.slice(0, end);
					buffered = buffered.slice(end + 1);
					const event = JSON.parse(line) as {Action?: string; id?: string};
					// A healthcheck runs an exec every interval: those change nothing a row shows.
					if (event.Action?.startsWith('exec_')) continue;
					lastEventAt = Date.now();
					eventLog.push(`${event.Action} ${event.id?.slice(0, 8)}`);
				}
			});
			response.on('error', () => undefined);
			resolve();
		});
		events.on('error', reject);
	});
});

afterAll(() => {
	events?.destroy();
});

afterEach(async () => {
	feed?.stop();
	feed = undefined;
	const list = await api(host, 'GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({label: [`${labelKey}=${labelValue}`]}))}`);
	for (const c of list.json() as Array<{Id: string}>) await api(host, 'DELETE', `/containers/${c.Id}?force=1`);
});

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** What a row shows that must match the engine (the status text changes by itself as time passes). */
function rows(list: ContainerSummary[]): string[] {
	return list
		.filter(c => c.labels[labelKey] === labelValue)
		.map(c => `${c.id.slice(0, 12)} ${c.name} ${c.state} health=${c.health ?? '-'} exit=${c.exitCode ?? '-'}`)
		.sort();
}

/** Calls the engine's API and fails the test on an unexpected answer. */
async function call(method: string, path: string, body?: unknown): Promise<void> {
	const response = await api(host, method, path, body);
	if (response.status >= 300 && response.status !== 304) throw new Error(`${method} ${path}: HTTP ${response.status} ${response.body}`);
}

function run(name: string, cmd: string[], extra: Record<string, unknown> = {}): Promise<string> {
	return createContainer(host, name, {Cmd: cmd, Labels: {[labelKey]: labelValue}, ...extra});
}

/** Waits until a second has passed since the engine's last event (and nothing came meanwhile), then compares. */
async function expectInStep(snapshot: () => ContainerSummary[], what: string): Promise<void> {
	for (;;) {
		const quietFor = Date.now() - lastEventAt;
		if (quietFor >= 1000) break;
		await sleep(1000 - quietFor);
	}
	const engineRows = rows(await engine().containers.list());
	const feedRows = rows(snapshot());
	expect(feedRows, `${what}; events so far:\n${eventLog.slice(-20).join('\n')}`).toEqual(engineRows);
}

let cached: ReturnType<typeof createDockerEngine> | undefined;
function engine() {
	cached ??= createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
	return cached;
}

function startFeed(): {snapshot: () => ContainerSummary[]; ready: Promise<void>} {
	let last: ContainerSummary[] = [];
	// A separate engine for the feed, as berth has: its own connections.
	feed = startEngineFeed(createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()})));
	feed.attach(action => {
		if (action.type === 'snapshot') last = action.containers;
	});
	return {snapshot: () => last, ready: feed.ready};
}

describe('the feed shows what the engine reports, within a second of its last event', () => {
	it('a kill from outside, with the feed idle (the issue\'s reproduction), ten times', async () => {
		const view = startFeed();
		await view.ready;
		for (let round = 0; round < 10; round++) {
			const id = await run(`${labelValue}-kill-${round}`, ['sleep', '1000']);
			await sleep(300);
			await call('POST', `/containers/${id}/kill`);
			await expectInStep(view.snapshot, `round ${round}: after kill`);
		}
	}, 120_000);

	it('bursts of start, kill, stop, pause, unpause, rename, run and rm from outside', async () => {
		const view = startFeed();
		await view.ready;
		for (let round = 0; round < 6; round++) {
			const name = (what: string) => `${labelValue}-${what}-${round}`;
			const a = await run(name('a'), ['sleep', '1000']);
			const b = await run(name('b'), ['sleep', '1000']);
			// Ignores SIGTERM: its stop takes the grace period (1 s here) and ends in a SIGKILL.
			const c = await run(name('c'), ['sh', '-c', 'trap "" TERM; while :; do sleep 1; done']);
			const d = await run(name('d'), ['sleep', '1000']);
			await call('POST', `/containers/${d}/stop?t=0`);
			await expectInStep(view.snapshot, `round ${round}: after the set-up`);

			// One burst: several containers change within a few milliseconds.
			await Promise.all([
				call('POST', `/containers/${a}/kill`),
				call('POST', `/containers/${b}/pause`),
				call('POST', `/containers/${d}/start`),
				run(name('echo'), ['echo', 'hi']),
			]);
			await sleep(round * 30);
			await call('POST', `/containers/${b}/unpause`);
			await call('POST', `/containers/${c}/rename?name=${name('c2')}`);
			await call('POST', `/containers/${c}/stop?t=1`);
			await call('POST', `/containers/${b}/kill?signal=SIGTERM`);
			await expectInStep(view.snapshot, `round ${round}: after the first burst`);

			// Changes in quick succession on one container, then removals.
			await call('POST', `/containers/${a}/start`);
			await call('POST', `/containers/${a}/pause`);
			await call('POST', `/containers/${a}/unpause`);
			await call('POST', `/containers/${a}/stop?t=0`);
			await call('DELETE', `/containers/${c}?force=1`);
			await call('DELETE', `/containers/${d}?force=1`);
			await expectInStep(view.snapshot, `round ${round}: after the second burst`);
		}
	}, 240_000);

	it('health_status: the health a healthcheck reports is on screen', async () => {
		const view = startFeed();
		await view.ready;
		const id = await run(`${labelValue}-health`, ['sh', '-c', 'sleep 1000'], {
			Healthcheck: {Test: ['CMD-SHELL', 'test -e /tmp/ok'], Interval: 300_000_000, Timeout: 1_000_000_000, Retries: 1, StartPeriod: 0},
		});
		// Unhealthy, then healthy, then unhealthy again, each reported by a health_status event.
		for (const make of [false, true, false]) {
			const exec = await api(host, 'POST', `/containers/${id}/exec`, {Cmd: ['sh', '-c', make ? 'touch /tmp/ok' : 'rm -f /tmp/ok']});
			await call('POST', `/exec/${(exec.json() as {Id: string}).Id}/start`, {Detach: true});
			const want = make ? 'healthy' : 'unhealthy';
			const deadline = Date.now() + 20_000;
			while (!(await engine().containers.list({ids: [id]}))[0]?.status.includes(`(${want})`)) {
				if (Date.now() > deadline) throw new Error(`the engine never reported ${want}`);
				await sleep(100);
			}
			await expectInStep(view.snapshot, `after the healthcheck turned ${want}`);
		}
	}, 90_000);
});
