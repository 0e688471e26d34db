/** The engine's network JSON (list, inspect, containers' network settings) to berth's types. */
import type {NetworkDetails, NetworkEndpoint, NetworkSummary} from './types.js';

/** The networks every engine makes, which cannot be removed. */
export const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none']);

export interface RawNetwork {
	Id: string;
	Name?: string;
	Driver?: string;
	Scope?: string;
	Created?: string;
	Internal?: boolean;
	Attachable?: boolean;
	Ingress?: boolean;
	EnableIPv6?: boolean;
	IPAM?: {Config?: Array<{Subnet?: string; Gateway?: string}> | null} | null;
	Labels?: Record<string, string> | null;
	Options?: Record<string, string> | null;
	Containers?: Record<string, {Name?: string; EndpointID?: string; MacAddress?: string; IPv4Address?: string; IPv6Address?: string}> | null;
}

/** A container row of /containers/json with its network settings. */
export interface RawNetworkedContainer {
	Id: string;
	Names?: string[] | null;
	NetworkSettings?: {
		Networks?: Record<string, {
			NetworkID?: string;
			EndpointID?: string;
			IPAddress?: string;
			IPPrefixLen?: number;
			GlobalIPv6Address?: string;
			GlobalIPv6PrefixLen?: number;
			MacAddress?: string;
			Aliases?: string[] | null;
		}> | null;
	} | null;
}

export function toNetworkSummary(raw: RawNetwork, containers: NetworkEndpoint[]): NetworkSummary {
	const name = raw.Name ?? '';
	return {
		id: raw.Id,
		name,
		driver: raw.Driver ?? '',
		scope: raw.Scope ?? '',
		subnets: (raw.IPAM?.Config ?? []).map(config => ({subnet: config.Subnet ?? '', gateway: config.Gateway ?? ''})),
		internal: raw.Internal === true,
		attachable: raw.Attachable === true,
		ingress: raw.Ingress === true,
		created: raw.Created ?? '',
		labels: {...raw.Labels},
		containers,
		predefined: PREDEFINED_NETWORKS.has(name),
	};
}

/** Inspect's endpoints (running containers only, as the engine keeps them). */
export function toNetworkDetails(raw: RawNetwork): NetworkDetails {
	const containers = Object.entries(raw.Containers ?? {}).map(([id, endpoint]): NetworkEndpoint => ({
		id,
		name: endpoint.Name ?? '',
		ipv4: endpoint.IPv4Address ?? '',
		ipv6: endpoint.IPv6Address ?? '',
		mac: endpoint.MacAddress ?? '',
		aliases: [],
	}));
	return {...toNetworkSummary(raw, containers), options: {...raw.Options}, enableIPv6: raw.EnableIPv6 === true};
}

/** Each network's attached containers (an endpoint id: connected now), by network id, from the container list. */
export function endpointsByNetwork(containers: RawNetworkedContainer[]): Map<string, NetworkEndpoint[]> {
	const byNetwork = new Map<string, NetworkEndpoint[]>();
	for (const container of containers) {
		for (const settings of Object.values(container.NetworkSettings?.Networks ?? {})) {
			if (!settings.NetworkID || !settings.EndpointID) continue;
			const endpoint: NetworkEndpoint = {
				id: container.Id,
				name: (container.Names?.[0] ?? '').replace(/^\//, ''),
				ipv4: settings.IPAddress ? `${settings.IPAddress}/${settings.IPPrefixLen ?? 0}` : '',
				ipv6: settings.GlobalIPv6Address ? `${settings.GlobalIPv6Address}/${settings.GlobalIPv6PrefixLen ?? 0}` : '',
				mac: settings.MacAddress ?? '',
				aliases: (settings.Aliases ?? []).filter(alias => typeof alias === 'string'),
			};
			const list = byNetwork.get(settings.NetworkID) ?? [];
			list.push(endpoint);
			byNetwork.set(settings.NetworkID, list);
		}
	}

	return byNetwork;
}
