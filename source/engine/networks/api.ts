/**
 * `engine.networks` on a real engine: the Docker object's listNetworks and createNetwork and
 * dockerode's Network, through berth's modem. The list's attached containers come from the
 * container list (the engine's network list leaves them out), inspect's from the network.
 */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {previewPrune, prune} from '../system/prune.js';
import {EngineError} from '../engine-error.js';
import type {NetworksApi} from './types.js';
import {endpointsByNetwork, toNetworkDetails, toNetworkSummary, type RawNetwork, type RawNetworkedContainer} from './mapping.js';

export function createNetworksApi(client: ApiClient): NetworksApi {
	const {docker} = client;
	const network = (id: string) => docker.getNetwork(pathPart(id));
	return {
		async list() {
			const [networks, containers] = await Promise.all([
				docker.listNetworks() as unknown as Promise<RawNetwork[]>,
				docker.listContainers({all: true}) as unknown as Promise<RawNetworkedContainer[]>,
			]);
			const endpoints = endpointsByNetwork(Array.isArray(containers) ? containers : []);
			return (Array.isArray(networks) ? networks : []).map(raw => toNetworkSummary(raw, endpoints.get(raw.Id) ?? []));
		},
		async inspect(id) {
			return toNetworkDetails(await network(id).inspect() as RawNetwork);
		},
		async create(options) {
			const ipam = options.subnet || options.gateway ? {Driver: 'default', Config: [{...(options.subnet && {Subnet: options.subnet}), ...(options.gateway && {Gateway: options.gateway})}]} : undefined;
			const created = await docker.createNetwork({
				Name: options.name,
				Driver: options.driver || 'bridge',
				CheckDuplicate: true,
				Internal: options.internal === true,
				Attachable: options.attachable === true,
				Labels: options.labels ?? {},
				...(ipam && {IPAM: ipam}),
			});
			if (typeof created?.id !== 'string' || !created.id) throw new EngineError('unknown', 'The engine did not return the new network id');
			return created.id;
		},
		async remove(id) {
			// With containers attached: the engine's "error while removing network: … has active endpoints".
			await network(id).remove();
		},
		async connect(id, container, options = {}) {
			await network(id).connect({Container: container, ...(options.aliases?.length && {EndpointConfig: {Aliases: options.aliases}})});
		},
		async disconnect(id, container, options = {}) {
			await network(id).disconnect({Container: container, Force: options.force === true});
		},
		previewPrune: async () => previewPrune(client, ['networks']),
		prune: async () => prune(client, ['networks']),
	};
}
