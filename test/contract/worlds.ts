/** The two worlds the contract runs in: the in-memory engine and a real one (world.ts). */
import {randomBytes, randomInt} from 'node:crypto';
import type {Engine} from '../../source/engine/types.js';
import {FakeEngine, fakeImage} from '../support/fake-engine.js';
import type {World} from './world.js';

const image = 'berth-test/busybox:latest';

/** Names unique to this run: `berth-c-<prefix>-<hex>`. */
function uniqueName(prefix: string): string {
	return `berth-c-${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A world over `engine`; cleanup removes what the check tracked, through the engine itself. */
function worldOver(engine: Engine, wait: World['eventually']): World {
	const made: Array<{kind: 'container' | 'volume' | 'network' | 'image'; id: string}> = [];
	return {
		engine,
		image,
		name: uniqueName,
		subnet: () => `10.${100 + randomInt(150)}.${randomInt(256)}`,
		track: (kind, id) => made.push({kind, id}),
		eventually: wait,
		async cleanup() {
			const order = ['network', 'container', 'volume', 'image'] as const;
			for (const kind of order) {
				for (const {id} of made.filter(entry => entry.kind === kind)) {
					if (kind === 'container') await engine.containers.remove(id, {force: true}).catch(() => undefined);
					if (kind === 'network') await removeNetwork(engine, id);
					if (kind === 'volume') await engine.volumes.remove(id, {force: true}).catch(() => undefined);
					if (kind === 'image') await engine.images.remove(id, {force: true}).catch(() => undefined);
				}
			}

			made.length = 0;
		},
	};
}

/**
 * Removes a network the check made. dockerd 20.10 can keep the endpoint of a container removed
 * with force while connected (seen here): disconnected with force first, as `docker network
 * disconnect -f` clears it.
 */
async function removeNetwork(engine: Engine, id: string): Promise<void> {
	const details = await engine.networks.inspect(id).catch(() => undefined);
	for (const endpoint of details?.containers ?? []) await engine.networks.disconnect(id, endpoint.name, {force: true}).catch(() => undefined);
	await engine.networks.remove(id).catch(() => undefined);
}

async function poll(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

/** A fresh FakeEngine with the fixture image, per check. */
export function fakeWorld(): World {
	return worldOver(new FakeEngine({images: [fakeImage({repoTags: [image]})]}), poll);
}

export function realWorld(engine: Engine): World {
	return worldOver(engine, poll);
}
