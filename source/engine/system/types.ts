/**
 * The engine itself (`engine.system`): its version, `docker info`, `docker system df -v`, the
 * swarm membership, prune; and its events (`engine.events`).
 */
import type {EngineEvent, EngineInfo} from '../listing-types.js';
import type {SwarmMembership} from '../swarm/types.js';
import type {PruneOptions, PrunePlan, PruneReport, PruneTarget} from './prune-types.js';

/** What `docker info` (with /version) says, as the engine view shows it. */
export interface EngineDetails extends EngineInfo {
	/** The daemon's host name. */
	name: string;
	kernelVersion: string;
	operatingSystem: string;
	storageDriver: string;
	cgroupDriver: string;
	/** "1" or "2" ('' when not reported). */
	cgroupVersion: string;
	runtimes: string[];
	defaultRuntime: string;
	loggingDriver: string;
	cpus: number;
	/** Bytes. */
	memory: number;
	containers: {total: number; running: number; paused: number; stopped: number};
	images: number;
	/** inactive, pending, active, error or locked; '' when not reported. */
	swarmState: string;
	/** The engine's own warnings (untrusted text). */
	warnings: string[];
	dockerRootDir: string;
}

export interface DiskUsageImage {
	id: string;
	repoTags: string[];
	created: number;
	size: number;
	sharedSize: number;
	/** Containers using it. */
	containers: number;
}

export interface DiskUsageContainer {
	id: string;
	name: string;
	image: string;
	state: string;
	/** Bytes written in the container's layer. */
	sizeRw: number;
	sizeRootFs: number;
}

export interface DiskUsageVolume {
	name: string;
	driver: string;
	size?: number;
	refCount?: number;
}

export interface DiskUsageBuildCache {
	id: string;
	type: string;
	description: string;
	inUse: boolean;
	shared: boolean;
	size: number;
	/** RFC 3339. */
	lastUsed: string;
}

/** A row of `docker system df`: a kind's count, active count, size and what prune would reclaim. */
export interface DiskUsageTotal {
	count: number;
	active: number;
	size: number;
	reclaimable: number;
}

/** `docker system df -v`. */
export interface DiskUsage {
	/** The sum of the image layers' sizes (shared layers once). */
	layersSize: number;
	totals: {images: DiskUsageTotal; containers: DiskUsageTotal; volumes: DiskUsageTotal; buildCache: DiskUsageTotal};
	images: DiskUsageImage[];
	containers: DiskUsageContainer[];
	volumes: DiskUsageVolume[];
	buildCache: DiskUsageBuildCache[];
}

export interface SystemApi {
	/** The engine's version, negotiated API version, OS and architecture (one cheap /version). */
	info(): Promise<EngineInfo>;
	/** `docker info` with the version: storage and cgroup drivers, runtimes, resources, swarm state, warnings. */
	details(): Promise<EngineDetails>;
	/** `docker system df -v`. */
	diskUsage(): Promise<DiskUsage>;
	/**
	 * Whether this engine is a swarm manager, a worker or neither. Cheap: one /info, cached for the
	 * engine; node events in the event stream (and a swarm call the engine refuses for not being a
	 * manager) make the next call ask again; `refresh` asks now.
	 */
	swarmRole(options?: {refresh?: boolean}): Promise<SwarmMembership>;
	/** What `prune(targets)` would remove, computed with the engine's rules (targets run in the order given, as system prune does). */
	previewPrune(targets: PruneTarget[], options?: PruneOptions): Promise<PrunePlan>;
	prune(targets: PruneTarget[], options?: PruneOptions): Promise<PruneReport>;
}

export interface EventsApi {
	/**
	 * Streams engine events from `since` (unix seconds, fractions allowed) or from now: container,
	 * image, volume and network events; with `swarm`, on a manager, service and node events too.
	 */
	stream(options: {since?: string; swarm?: boolean}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void>;
}
