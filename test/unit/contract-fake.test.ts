/** The contract suite (test/contract/) against the in-memory engine; test/engine/contract.test.ts runs it against dockerd. */
import {beforeEach, describe} from 'vitest';
import {imageChecks} from '../contract/images.js';
import {networkChecks} from '../contract/networks.js';
import {systemChecks} from '../contract/system.js';
import {volumeChecks} from '../contract/volumes.js';
import type {World} from '../contract/world.js';
import {fakeWorld} from '../contract/worlds.js';

let world: World;
beforeEach(() => {
	world = fakeWorld();
});

describe('contract: FakeEngine', () => {
	volumeChecks(() => world);
	networkChecks(() => world);
	systemChecks(() => world);
	imageChecks(() => world);
});
