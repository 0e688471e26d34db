/**
 * What scenario 7 (progress) streams, on the bench's private engine: a private registry
 * (test/support/registry.ts: Debian's docker-registry on 127.0.0.1) behind a bandwidth-capped
 * proxy (lib/throttle-proxy.mjs), an image of many layers of random bytes (incompressible, so
 * the cap sets the pace of the push and of the pull), and a build context whose RUN step prints
 * numbered lines for a while. Everything is labelled `berth.bench.progress=1` and removed by
 * `cleanup()`, also after a failure (and at the start, after an earlier run that was killed).
 */
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {fixtureImage} from './fixtures.mjs';
import {loadRegistry} from './support.mjs';
import {startThrottleProxy} from './throttle-proxy.mjs';

const execFileAsync = promisify(execFile);
const progressLabel = 'berth.bench.progress=1';
/** Lines per second the build's RUN step prints (`sleep 0.05` between them). */
const buildLinesPerSecond = 20;

/** The docker CLI on `host` with the classic builder (the CLI has no buildx here, as berth's B). */
async function docker(host, args, timeoutMs = 300_000) {
	try {
		const {stdout} = await execFileAsync('docker', args, {env: {...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: '', DOCKER_BUILDKIT: '0'}, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024});
		return stdout.trim();
	} catch (error) {
		throw new Error(`docker ${args.slice(0, 3).join(' ')} failed: ${String(error.stderr || error.message).trim().slice(-500)}`, {cause: error});
	}
}

/** Removes the scenario's containers and images (children before parents, a few passes). */
async function removeProgressResources(host, refs = []) {
	const quiet = args => docker(host, args, 60_000).catch(() => '');
	const containers = (await quiet(['ps', '-a', '-q', '--filter', `label=${progressLabel}`])).split('\n').filter(Boolean);
	if (containers.length > 0) await quiet(['rm', '-f', ...containers]);
	if (refs.length > 0) await quiet(['rmi', '-f', ...refs]);
	for (let pass = 0; pass < 5; pass++) {
		const ids = [...new Set((await quiet(['images', '-a', '-q', '--filter', `label=${progressLabel}`])).split('\n').filter(Boolean))];
		if (ids.length === 0) break;
		for (const id of ids) await quiet(['rmi', '-f', id]);
	}
}

/**
 * Starts the registry and the proxy, builds the layered image and writes the build context.
 * `layers` x `layerBytes` of random data; the proxy's cap makes a transfer of all of them take
 * about `seconds`. Returns what the scenario needs and `cleanup()`; a failure half-way cleans
 * up what was made before it rethrows.
 */
export async function prepareProgress(host, {layers, layerBytes, seconds, buildSeconds, log = () => {}}) {
	const made = {dirs: [], refs: []};
	let registry;
	let proxy;
	let cleaning;
	// Once only: the scenario's `finally` and the bench's clean-up on Ctrl-C may both ask.
	const cleanup = () => {
		cleaning ??= (async () => {
			await removeProgressResources(host, made.refs);
			await proxy?.stop();
			await registry?.stop();
			for (const dir of made.dirs) rmSync(dir, {recursive: true, force: true});
		})();
		return cleaning;
	};
	try {
		await removeProgressResources(host);
		const {startRegistry} = await loadRegistry();
		registry = await startRegistry();
		const totalBytes = layers * layerBytes;
		const bytesPerSecond = Math.round(totalBytes / seconds);
		proxy = await startThrottleProxy(registry.address, {bytesPerSecond});

		// The layered image: one COPY per layer (a COPY commits without running a container).
		const image = mkdtempSync(path.join(tmpdir(), 'berth-bench-layers-'));
		made.dirs.push(image);
		const copies = [];
		for (let i = 0; i < layers; i++) {
			const name = `f${String(i).padStart(2, '0')}`;
			writeFileSync(path.join(image, name), randomBytes(layerBytes));
			copies.push(`COPY ${name} /${name}`);
		}
		writeFileSync(path.join(image, 'Dockerfile'), [`FROM ${fixtureImage}`, `LABEL ${progressLabel}`, ...copies, ''].join('\n'));
		const localRef = 'bench/progress-layers:v1';
		const ref = `${proxy.address}/bench/progress:v1`;
		made.refs.push(localRef, ref);
		const startedAt = Date.now();
		log(`building a ${layers}-layer image (${(totalBytes / 1e6).toFixed(0)} MB of random bytes)`);
		await docker(host, ['build', '-q', '-t', localRef, image]);
		await docker(host, ['tag', localRef, ref]);
		log(`image ready in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; registry ${registry.address} behind the proxy ${proxy.address} at ${(bytesPerSecond / 1e6).toFixed(1)} MB/s`);

		// The build: FROM the fixture, one RUN printing a numbered line every 50 ms.
		const context = mkdtempSync(path.join(tmpdir(), 'berth-bench-build-'));
		made.dirs.push(context);
		const count = Math.round(buildSeconds * buildLinesPerSecond);
		writeFileSync(
			path.join(context, 'Dockerfile'),
			[`FROM ${fixtureImage}`, `LABEL ${progressLabel}`, `RUN for i in $(seq 1 ${count}); do echo "progress build line $i of ${count}"; sleep 0.05; done`, ''].join('\n'),
		);
		const buildRef = 'bench/progress-build:v1';
		made.refs.push(buildRef);

		return {
			ref,
			localRef,
			buildRef,
			context,
			buildLines: count,
			layers,
			totalBytes,
			bytesPerSecond,
			proxy,
			registry,
			/** Removes the image and its tags (before the pull), so that every layer comes down again. */
			removeImage: () => docker(host, ['rmi', '-f', ref, localRef], 60_000),
			imageExists: async r => (await docker(host, ['images', '-q', r], 60_000).catch(() => '')) !== '',
			cleanup,
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}
