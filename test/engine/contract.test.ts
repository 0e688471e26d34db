/** The contract suite (test/contract/) against the private dockerd; test/unit/contract-fake.test.ts runs it against the fake. */
import {tmpdir} from 'node:os';
import {afterAll, describe, inject} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {imageChecks} from '../contract/images.js';
import {networkChecks} from '../contract/networks.js';
import {systemChecks} from '../contract/system.js';
import {volumeChecks} from '../contract/volumes.js';
import {realWorld} from '../contract/worlds.js';

const engine = createDockerEngine(resolveEndpoint({host: inject('dockerHost'), env: {}, homedir: tmpdir()}));
const world = realWorld(engine);
afterAll(async () => engine.close?.());

describe('contract: dockerd', () => {
	volumeChecks(() => world);
	networkChecks(() => world);
	systemChecks(() => world);
	imageChecks(() => world);
});
