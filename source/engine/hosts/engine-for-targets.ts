/** The Engine for what berth's flags named (targets.ts): one engine, or a multi-engine over several contexts. */
import type {DockerEngineOptions} from '../transport/api-client.js';
import {createDockerEngine} from '../docker-engine.js';
import {createMultiEngine} from './multi-engine.js';
import type {Target} from './targets.js';
import type {Engine} from '../types.js';

/** One engine for the targets: the target's own, or a multi-engine over all of them. */
export function createEngineFor(targets: readonly Target[], options: DockerEngineOptions = {}): Engine {
	if (targets.length === 1) return createDockerEngine(targets[0]!.endpoint, options);
	return createMultiEngine(targets.map(target => ({name: target.name, engine: createDockerEngine(target.endpoint, options)})));
}
