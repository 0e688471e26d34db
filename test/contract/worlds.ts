/** The two worlds the contract runs in: the in-memory engine and a real one (world.ts). */
import {randomBytes} from 'node:crypto';
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
	const made: Array<{kind: 'container' | 'volume' | 'network'; id: string}> = [];
	return {
		engine,
		image,
		name: uniqueName,
		track: (kind, id) => made.push({kind, id}),
		eventually: wait,
		async cleanup() {
			const order = ['container', 'network', 'volume'] as const;
			for (const kind of order) {
				for (const {id} of made.filter(entry => entry.kind === kind)) {
					if (kind === 'container') await engine.containers.remove(id, {force: true}).catch(() => undefined);
					if (kind === 'network') await engine.networks.remove(id).catch(() => undefined);
					if (kind === 'volume') await engine.volumes.remove(id, {force: true}).catch(() => undefined);
				}
			}

			made.length = 0;
		},
	};
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
