/**
 * Triage features end to end: the real App on the real private engine, with containers that
 * print known lines.
 */
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {logCapacity} from '../../source/logs/log-stream.js';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC} from '../support/keys.js';
import {trackResources, uniqueName} from '../support/names.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
let app: RenderedApp | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await resources.cleanup();
});

async function run(prefix: string, command: string[]): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	const id = resources.container(await dockerCli(host, ['run', '-d', '--name', name, image, ...command]));
	return {id, name};
}

function engine() {
	return createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
}

/** Renders berth, narrows the list to `name` and focuses its logs. */
async function logsOf(name: string, options: {cwd?: string} = {}): Promise<RenderedApp> {
	const rendered = await renderApp(engine(), {columns: 160, now: () => new Date(), ...options});
	await rendered.waitFor(name, 15_000);
	await rendered.press('/', name, ENTER);
	await rendered.waitFor(f => f.includes(`filter: ${name}`));
	await rendered.press('3');
	return rendered;
}

const knownLines = 'for i in 1 2 3 4 5 6; do if [ $((i % 2)) = 0 ]; then echo "even line $i"; else echo "odd line $i"; fi; done; sleep 1000';

describe('logs triage on a real engine', () => {
	it('search highlights and counts matches, n jumps, f shows only matching lines', async () => {
		const {name} = await run('search', ['sh', '-c', knownLines]);
		app = await logsOf(name);
		await app.waitFor('odd line 5', 15_000);
		await app.press('/', 'even', ENTER);
		await app.waitFor('3 matches');
		await app.press('n');
		await app.waitFor(f => /match \d of 3/.test(f));
		await app.press('f');
		const frame = await app.waitFor('filter on (f)');
		expect(frame).toContain('even line 6');
		expect(frame).not.toContain('odd line 5');
		await app.press(ESC);
		await app.press('/', '/odd line [15]/', ENTER);
		await app.waitFor('2 matches');
	}, 60_000);

	it('t shows the engine timestamps; since and tail changes restart the stream and keep the lines', async () => {
		const {name} = await run('stamps', ['sh', '-c', knownLines]);
		app = await logsOf(name);
		await app.waitFor('odd line 5', 15_000);
		await app.press('t');
		await app.waitFor(f => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} odd line 1/.test(f));
		await app.press('[');
		await app.waitFor('since 24h');
		await app.waitFor('odd line 1', 15_000);
		await app.press('-', '-');
		await app.waitFor('tail 100');
		await app.waitFor('even line 6', 15_000);
	}, 60_000);

	it('S saves the whole log from the engine with the same contents as docker logs', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'berth-e2e-save-'));
		const {id, name} = await run('save', ['sh', '-c', knownLines]);
		app = await logsOf(name, {cwd: dir});
		await app.waitFor('odd line 5', 15_000);
		await app.press('S');
		await app.waitFor('Save the log of');
		await app.press('\t');
		await app.waitFor('the whole log, fetched again from the engine');
		await app.press(ENTER);
		const frame = await app.waitFor('Saved 6 lines', 15_000);
		const file = /to (\.\/\S+\.log)/.exec(frame)![1]!;
		const expected = (await dockerCli(host, ['logs', id])) + '\n';
		expect(readFileSync(path.join(dir, file), 'utf8')).toBe(expected);
	}, 60_000);

	it('a flooding container leaves the ring buffer bounded and berth answering keys', async () => {
		const {name} = await run('flood', ['sh', '-c', 'yes "flood line of some length to fill the buffer"']);
		app = await logsOf(name);
		await app.waitFor('dropped', 30_000);
		const used = () => process.memoryUsage().heapUsed;
		const before = used();
		await sleep(3000);
		// Keys still answer while the flood goes on.
		await app.press('2');
		await app.waitFor(f => /\[2 images\]|2 Images/.test(f), 10_000);
		const frame = app.lastFrame();
		const dropped = Number(/(\d+) dropped/.exec(frame)?.[1] ?? 0);
		expect(dropped).toBeGreaterThan(logCapacity);
		// The buffer holds at most logCapacity lines however many arrived: memory does not follow the flood.
		expect(used() - before).toBeLessThan(64 * 1024 * 1024);
	}, 90_000);
});

describe('stats and sort on a real engine', () => {
	it('shows CPU and memory for a running container and none for a stopped one; o sorts by name', async () => {
		await run('cpucol-run', ['sleep', '1000']);
		const stoppedName = uniqueName('cpucol-off');
		resources.container(await dockerCli(host, ['create', '--name', stoppedName, image, 'true']));
		app = await renderApp(engine(), {columns: 160, now: () => new Date()});
		const prefix = 'berth-t-cpucol-';
		await app.press('/', prefix, ENTER);
		// Names are cut to the column's width: rows are told apart by "cpucol-run" and "cpucol-off".
		const frame = await app.waitFor(f => /cpucol-run.*\d+\.\d%/.test(f), 20_000);
		const stoppedRow = frame.split('\n').find(l => l.includes('cpucol-off'))!;
		expect(stoppedRow).toBeDefined();
		expect(stoppedRow).not.toMatch(/\d\.\d%/);
		await app.press('o');
		const sorted = await app.waitFor('sort: name');
		const order = sorted.split('\n').filter(l => /^[●■○]/.test(l) && /cpucol-(run|off)/.test(l)).map(l => (l.includes('cpucol-run') ? 'a' : 'b'));
		// By name: "…cpucol-off-…" before "…cpucol-run-…".
		expect(order).toEqual(['b', 'a']);
		await app.press('O');
		const reversed = await app.waitFor('sort: name ↑');
		expect(reversed.split('\n').filter(l => /^[●■○]/.test(l) && /cpucol-(run|off)/.test(l)).map(l => (l.includes('cpucol-run') ? 'a' : 'b'))).toEqual(['a', 'b']);
	}, 60_000);
});
