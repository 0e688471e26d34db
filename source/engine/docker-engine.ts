/**
 * The Engine on a real Docker engine: one client (dockerode's Docker on berth's modem,
 * transport/api-client.ts and transport/berth-modem.ts) shared by each kind's API, which lives in
 * its own folder:
 *
 * - `containers/`: list, inspect, lifecycle, logs, stats, exec, attach, run, diff (cp in lifecycle/)
 * - `images/`: list, inspect, history, layers, rm, tag (pull, push, build, credentials in lifecycle/)
 * - `volumes/`, `networks/`: their lists, details, create, rm, connect, prune
 * - `swarm/`: services, tasks, nodes, service logs and the swarm's events
 * - `system/`: version, docker info, system df, events, prune
 * - `transport/`: the modem, connections (unix, tcp/TLS, ssh), endpoint, errors
 * - `io/`: byte streams shared by logs, exec and attach
 * - `hosts/`: several engines as one (multi-engine.ts); `contexts/`: Docker contexts
 */
import {ApiClient, type DockerEngineOptions} from './transport/api-client.js';
import type {ResolvedEndpoint} from './transport/endpoint.js';
import {createContainersApi} from './containers/api.js';
import {createImagesApi, createRegistryApi} from './images/api.js';
import {createNetworksApi} from './networks/api.js';
import {createNodesApi, createServicesApi, createTasksApi} from './swarm/api.js';
import {createEventsApi, createSystemApi} from './system/api.js';
import type {Engine} from './types.js';
import {createVolumesApi} from './volumes/api.js';

/** Creates an Engine for a resolved endpoint. Nothing connects until the first call. */
export function createDockerEngine(endpoint: ResolvedEndpoint, options: DockerEngineOptions = {}): Engine {
	const client = new ApiClient(endpoint, options);
	return {
		endpoint: endpoint.description,
		containers: createContainersApi(client),
		images: createImagesApi(client),
		volumes: createVolumesApi(client),
		networks: createNetworksApi(client),
		services: createServicesApi(client),
		tasks: createTasksApi(client),
		nodes: createNodesApi(client),
		system: createSystemApi(client),
		events: createEventsApi(client),
		registry: createRegistryApi(client),
		close: async () => client.close(),
	};
}
