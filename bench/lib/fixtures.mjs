/**
 * The bench's containers and images, made through the engine API (dockerode, berth's own
 * dependency) with a bounded pool of concurrent requests.
 *
 * 1,000 containers: 50 running (`sleep`), 250 exited, 659 created, 40 created "churn"
 * containers (scenario 4 starts and stops them) and one created "flood" container (scenario 5
 * starts it). Its name sorts first, so when it runs berth selects it at start-up.
 * 500 image tags: 20 images (commits with distinct labels) x 25 tags each.
 */
import {createRequire} from 'node:module';
import {now} from './stats.mjs';

const require = createRequire(import.meta.url);
const Docker = require('dockerode');

export const fixtureImage = 'berth-test/busybox:latest';
export const floodRate = 20_000;

/** An awk loop that prints `rate` numbered lines per second, paced by /proc/uptime (10 ms steps). */
export function floodScript(rate = floodRate) {
	return `BEGIN { RATE=${rate}; getline u < "/proc/uptime"; close("/proc/uptime"); split(u, a, " "); t0 = a[1]; n = 0;
  for (;;) { getline u < "/proc/uptime"; close("/proc/uptime"); split(u, a, " "); target = (a[1] - t0) * RATE;
    while (n < target) { printf "flood %d some log line of text for the berth benchmark\\n", n; n++ }
    fflush(); system("sleep 0.01") } }`;
}

export function engineClient(host) {
	// Every request is bounded: an engine wedged by the churn must not hang the bench.
	return new Docker({socketPath: host.replace(/^unix:\/\//, ''), timeout: 60_000});
}

/** Runs `fn` over `items` with at most `concurrency` at a time; rejects on the first failure. */
export async function pool(items, concurrency, fn) {
	const results = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index], index);
		}
	};
	await Promise.all(Array.from({length: Math.min(concurrency, items.length)}, worker));
	return results;
}

const pad = (n, width) => String(n).padStart(width, '0');

export const counts = {running: 50, churn: 40, exited: 250, created: 659, flood: 1, images: 20, tagsPerImage: 25};

export function fixtureNames() {
	const range = (count, fn) => Array.from({length: count}, (_, i) => fn(i));
	return {
		flood: 'bench-0-flood',
		running: range(counts.running, i => `bench-run-${pad(i, 3)}`),
		churn: range(counts.churn, i => `bench-churn-${pad(i, 2)}`),
		exited: range(counts.exited, i => `bench-exited-${pad(i, 3)}`),
		created: range(counts.created, i => `bench-created-${pad(i, 3)}`),
	};
}

/** Creates every fixture; returns {ids: name → id, seconds}. */
export async function createFixtures(docker, log = () => {}) {
	const started = now();
	const names = fixtureNames();
	const ids = new Map();
	const create = async (name, cmd) => {
		const container = await docker.createContainer({
			name,
			Image: fixtureImage,
			Cmd: cmd,
			StopTimeout: 1,
			Labels: {'berth.bench': '1'},
			HostConfig: {NetworkMode: 'none'},
		});
		ids.set(name, container.id);
		return container;
	};
	const sleeper = ['sleep', '100000'];
	const specs = [
		[names.flood, ['awk', floodScript()]],
		...names.running.map(n => [n, sleeper]),
		...names.churn.map(n => [n, sleeper]),
		...names.exited.map(n => [n, ['true']]),
		...names.created.map(n => [n, sleeper]),
	];
	log(`creating ${specs.length} containers`);
	await pool(specs, 16, ([name, cmd]) => create(name, cmd));
	log(`starting ${names.running.length} running and ${names.exited.length} soon-exited containers`);
	await pool([...names.running, ...names.exited], 8, name => docker.getContainer(ids.get(name)).start());

	log(`committing ${counts.images} images and tagging each ${counts.tagsPerImage} times`);
	const base = ids.get(names.created[0]);
	const images = await pool(Array.from({length: counts.images}, (_, i) => i), 4, async i => {
		const repo = `bench/img-${pad(i, 2)}`;
		await docker.getContainer(base).commit({repo, tag: 't00', changes: `LABEL bench.image=${i}`});
		return repo;
	});
	const tags = images.flatMap(repo => Array.from({length: counts.tagsPerImage - 1}, (_, t) => [repo, `t${pad(t + 1, 2)}`]));
	await pool(tags, 16, ([repo, tag]) => docker.getImage(`${repo}:t00`).tag({repo, tag}));

	// Wait for the `true` containers to have exited.
	const deadline = now() + 60_000;
	for (;;) {
		const list = await docker.listContainers({all: true, filters: JSON.stringify({label: ['berth.bench=1'], status: ['running']})});
		if (list.length === names.running.length || now() > deadline) break;
		await new Promise(resolve => setTimeout(resolve, 250));
	}
	return {names, ids, seconds: (now() - started) / 1000};
}

/** Running containers (all states counted by berth as alive: running, paused, restarting). */
export async function engineCounts(docker) {
	const list = await docker.listContainers({all: true});
	const alive = list.filter(c => ['running', 'paused', 'restarting'].includes(c.State)).length;
	return {running: alive, total: list.length, byName: new Map(list.map(c => [c.Names[0].replace(/^\//, ''), c.State]))};
}

/** Kills whatever of `ids` runs (for resets and clean-up); ignores "not running" and gives up on a wedged engine after 20 s. */
export async function killAll(docker, ids) {
	let timer;
	const all = pool(ids, 16, async id => {
		try {
			await docker.getContainer(id).kill();
		} catch {
			// Not running.
		}
	});
	await Promise.race([all, new Promise(resolve => {
		timer = setTimeout(resolve, 20_000);
	})]);
	clearTimeout(timer);
}

/**
 * The small engine (a second private dockerd, so the 1,000-container fixtures stay as they
 * are): 10 containers (4 running, 3 exited, 3 created) and 5 tags of one image, about what a
 * laptop shows. Its names start with "small-".
 */
export const smallCounts = {running: 4, exited: 3, created: 3, tags: 5};

export function smallNames() {
	const range = (count, prefix) => Array.from({length: count}, (_, i) => `small-${prefix}-${i}`);
	return {running: range(smallCounts.running, 'run'), exited: range(smallCounts.exited, 'exited'), created: range(smallCounts.created, 'created')};
}

export async function createSmallFixtures(docker) {
	const started = now();
	const names = smallNames();
	const ids = new Map();
	const create = async (name, cmd) => {
		const container = await docker.createContainer({name, Image: fixtureImage, Cmd: cmd, StopTimeout: 1, Labels: {'berth.bench': '1'}, HostConfig: {NetworkMode: 'none'}});
		ids.set(name, container.id);
	};
	await pool([...names.running, ...names.created].map(n => [n, ['sleep', '100000']]).concat(names.exited.map(n => [n, ['true']])), 8, ([n, cmd]) => create(n, cmd));
	await pool([...names.running, ...names.exited], 4, name => docker.getContainer(ids.get(name)).start());
	const base = ids.get(names.created[0]);
	await docker.getContainer(base).commit({repo: 'small/img', tag: 't0'});
	await pool(Array.from({length: smallCounts.tags - 1}, (_, i) => `t${i + 1}`), 4, tag => docker.getImage('small/img:t0').tag({repo: 'small/img', tag}));
	const deadline = now() + 30_000;
	for (;;) {
		const list = await docker.listContainers({filters: JSON.stringify({status: ['running']})});
		if (list.length === names.running.length || now() > deadline) break;
		await new Promise(resolve => setTimeout(resolve, 200));
	}
	return {names, ids, seconds: (now() - started) / 1000};
}
