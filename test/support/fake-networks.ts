/**
 * The fake engine's networks (`engine.networks` of FakeEngine): the predefined bridge, host and
 * none, networks added or created, containers connected with their aliases, and the engine's
 * refusals as test/contract/networks.ts pins them down against the real dockerd.
 */
import {EngineError, type ContainerSummary, type NetworkDetails, type NetworkEndpoint, type NetworksApi, type PruneItem} from '../../source/engine/types.js';

export interface FakeNetworksHost {
	enter(method: string, ...args: unknown[]): Promise<void>;
	emit(event: {type: string; action: string; id: string; attributes: Record<string, string>}): void;
	containers(): ContainerSummary[];
}

let counter = 0;
const newId = () => (++counter).toString(16).padStart(12, '0') + 'e'.repeat(52);
const PREDEFINED: Array<[string, string]> = [['bridge', 'bridge'], ['host', 'host'], ['none', 'null']];

export class FakeNetworks {
	rows: NetworkDetails[];
	/** Network id → the containers connected (id, aliases). */
	private readonly endpoints = new Map<string, Array<{container: string; aliases: string[]}>>();

	constructor(private readonly host: FakeNetworksHost) {
		this.rows = PREDEFINED.map(([name, driver]) => this.network({name, driver, predefined: true}));
	}

	private network(partial: Partial<NetworkDetails> & {name: string}): NetworkDetails {
		return {
			id: newId(),
			driver: 'bridge',
			scope: 'local',
			subnets: [],
			internal: false,
			attachable: false,
			ingress: false,
			created: new Date().toISOString(),
			labels: {},
			containers: [],
			predefined: false,
			options: {},
			enableIPv6: false,
			...partial,
		};
	}

	/** Adds a network as if created outside berth. */
	add(partial: Partial<NetworkDetails> & {name: string}): NetworkDetails {
		const network = this.network(partial);
		this.rows.push(network);
		return network;
	}

	private find(idOrName: string): NetworkDetails {
		const network = this.rows.find(row => row.id === idOrName || row.name === idOrName || (idOrName.length >= 12 && row.id.startsWith(idOrName)));
		if (!network) throw new EngineError('not-found', `network ${idOrName} not found`, {statusCode: 404});
		return network;
	}

	private attached(network: NetworkDetails): NetworkEndpoint[] {
		const running = new Map(this.host.containers().filter(container => container.state === 'running').map(container => [container.id, container]));
		return (this.endpoints.get(network.id) ?? []).filter(endpoint => running.has(endpoint.container)).map((endpoint, index) => ({
			id: endpoint.container,
			name: running.get(endpoint.container)!.name,
			ipv4: network.subnets[0] ? `${network.subnets[0].subnet.replace(/\.0\/\d+$/, '')}.${index + 2}/${network.subnets[0].subnet.split('/')[1]}` : '',
			ipv6: '',
			mac: '',
			// dockerd reports no aliases in either list (the container list leaves them out).
			aliases: [],
		}));
	}

	private view(network: NetworkDetails): NetworkDetails {
		return {...network, containers: this.attached(network)};
	}

	private unused(): NetworkDetails[] {
		return this.rows.filter(network => !network.predefined && (this.endpoints.get(network.id) ?? []).length === 0);
	}

	api(): NetworksApi {
		const items = (networks: NetworkDetails[]): PruneItem[] => networks.map(network => ({kind: 'network', id: network.id, name: network.name}));
		const counts = (list: PruneItem[]) => ({container: 0, image: 0, network: list.length, volume: 0, 'build-cache': 0});
		return {
			list: async () => {
				await this.host.enter('listNetworks');
				return this.rows.map(network => {
					const {options: _options, enableIPv6: _ipv6, ...summary} = this.view(network);
					return summary;
				});
			},
			inspect: async id => {
				await this.host.enter('inspectNetwork', id);
				return this.view(this.find(id));
			},
			create: async options => {
				await this.host.enter('createNetwork', options);
				if (this.rows.some(row => row.name === options.name)) throw new EngineError('conflict', `network with name ${options.name} already exists`, {statusCode: 409});
				const network = this.add({
					name: options.name,
					driver: options.driver || 'bridge',
					internal: options.internal === true,
					attachable: options.attachable === true,
					labels: {...options.labels},
					subnets: options.subnet ? [{subnet: options.subnet, gateway: options.gateway ?? ''}] : [],
				});
				this.host.emit({type: 'network', action: 'create', id: network.id, attributes: {name: network.name, type: network.driver}});
				return network.id;
			},
			remove: async id => {
				await this.host.enter('removeNetwork', id);
				const network = this.find(id);
				if (network.predefined) throw new EngineError('forbidden', `${network.name} is a pre-defined network and cannot be removed`, {statusCode: 403});
				if (this.attached(network).length > 0) throw new EngineError('forbidden', `error while removing network: network ${network.name} id ${network.id} has active endpoints`, {statusCode: 403});
				this.rows = this.rows.filter(row => row !== network);
				this.endpoints.delete(network.id);
				this.host.emit({type: 'network', action: 'destroy', id: network.id, attributes: {name: network.name, type: network.driver}});
			},
			connect: async (id, container, options = {}) => {
				await this.host.enter('connectNetwork', id, container, options);
				const network = this.find(id);
				const row = this.host.containers().find(c => c.id === container || c.name === container || c.id.startsWith(container));
				if (!row) throw new EngineError('not-found', `No such container: ${container}`, {statusCode: 404});
				const list = this.endpoints.get(network.id) ?? [];
				if (list.some(endpoint => endpoint.container === row.id)) throw new EngineError('forbidden', `endpoint with name ${row.name} already exists in network ${network.name}`, {statusCode: 403});
				list.push({container: row.id, aliases: [...(options.aliases ?? [])]});
				this.endpoints.set(network.id, list);
				this.host.emit({type: 'network', action: 'connect', id: network.id, attributes: {container: row.id, name: network.name, type: network.driver}});
			},
			disconnect: async (id, container) => {
				await this.host.enter('disconnectNetwork', id, container);
				const network = this.find(id);
				const list = this.endpoints.get(network.id) ?? [];
				const row = this.host.containers().find(c => c.id === container || c.name === container || c.id.startsWith(container));
				if (!row || !list.some(endpoint => endpoint.container === row.id)) throw new EngineError('forbidden', `container ${container} is not connected to network ${network.name}`, {statusCode: 403});
				this.endpoints.set(network.id, list.filter(endpoint => endpoint.container !== row.id));
				this.host.emit({type: 'network', action: 'disconnect', id: network.id, attributes: {container: row.id, name: network.name, type: network.driver}});
			},
			previewPrune: async () => {
				await this.host.enter('previewPruneNetworks');
				const list = items(this.unused());
				return {targets: ['networks'], items: list, counts: counts(list), space: 0};
			},
			prune: async () => {
				await this.host.enter('pruneNetworks');
				const gone = this.unused();
				this.rows = this.rows.filter(row => !gone.includes(row));
				const removed = items(gone);
				return {targets: ['networks'], removed, counts: counts(removed), spaceReclaimed: 0};
			},
		};
	}
}
