/**
 * Networks as berth sees them (`engine.networks`): list rows and details with their subnets and
 * the containers attached, create, remove, connect and disconnect, prune. The predefined
 * networks (bridge, host, none) are flagged: the engine refuses to remove them.
 */
import type {PrunePlan, PruneReport} from '../system/prune-types.js';

/** A container attached to a network, with its addresses there. */
export interface NetworkEndpoint {
	/** Container id (qualified with several hosts). */
	id: string;
	name: string;
	/** CIDR, e.g. 172.18.0.2/16; '' when it has none. */
	ipv4: string;
	ipv6: string;
	mac: string;
	/** As far as the engine reports them: dockerd's lists leave them out (container inspect has them). */
	aliases: string[];
}

export interface NetworkSubnet {
	subnet: string;
	gateway: string;
}

export interface NetworkSummary {
	/** Full id (qualified `<id>@<host>` with several hosts). */
	id: string;
	name: string;
	driver: string;
	/** local, global or swarm. */
	scope: string;
	/** The IPAM configuration: usually one subnet (first), with its gateway. */
	subnets: NetworkSubnet[];
	internal: boolean;
	attachable: boolean;
	ingress: boolean;
	/** RFC 3339. */
	created: string;
	labels: Record<string, string>;
	/** The running containers attached, with their addresses. */
	containers: NetworkEndpoint[];
	/** bridge, host or none: made by the engine, cannot be removed. */
	predefined: boolean;
	host?: string;
	unreachable?: string;
}

export interface NetworkDetails extends NetworkSummary {
	options: Record<string, string>;
	enableIPv6: boolean;
}

export interface NetworkCreateOptions {
	name: string;
	/** bridge when absent. */
	driver?: string;
	subnet?: string;
	gateway?: string;
	internal?: boolean;
	attachable?: boolean;
	labels?: Record<string, string>;
}

export interface NetworksApi {
	list(): Promise<NetworkSummary[]>;
	inspect(id: string): Promise<NetworkDetails>;
	/** `docker network create`; returns the new network's id. */
	create(options: NetworkCreateOptions): Promise<string>;
	/**
	 * `docker network rm`. One with containers attached rejects with code 'forbidden' (dockerd
	 * answers 403) and the engine's reason ("… has active endpoints"); a predefined one likewise.
	 */
	remove(id: string): Promise<void>;
	/** `docker network connect [--alias A] NETWORK CONTAINER`. */
	connect(id: string, container: string, options?: {aliases?: string[]}): Promise<void>;
	/** `docker network disconnect [-f] NETWORK CONTAINER`. */
	disconnect(id: string, container: string, options?: {force?: boolean}): Promise<void>;
	/** What `prune` would remove: custom networks no container uses. */
	previewPrune(): Promise<PrunePlan>;
	prune(): Promise<PruneReport>;
}
