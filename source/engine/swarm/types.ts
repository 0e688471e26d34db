/**
 * berth's view of Docker Swarm: services, their tasks, nodes, and what berth does to them
 * (scale, force update, rollback, remove, node availability, service logs). Re-exported from
 * `types.ts`; the calls are `engine.services`, `engine.tasks` and `engine.nodes` (below). As everywhere, strings from
 * the engine are untrusted and passed through verbatim: the UI neutralises them when it renders.
 */
import type {LogLine, LogOptions} from '../listing-types.js';

// ---------------------------------------------------------------- the engine's place in a swarm

export type SwarmRole = 'manager' | 'worker' | 'none';

/** What /info says about the engine's node; `role` decides whether the swarm panes have anything to show. */
export interface SwarmMembership {
	/** manager: services, tasks and nodes can be read and changed here; worker: only on a manager; none: not in a swarm. */
	role: SwarmRole;
	/** Swarm.LocalNodeState: inactive, pending, active, error, locked ('' for engines without swarm, such as podman). */
	localState: string;
	/** This engine's node id, when it is in a swarm. */
	nodeId?: string;
	/** Swarm.Error (a node in the error state says why). */
	error?: string;
}

// ---------------------------------------------------------------- services

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export interface ServicePort {
	/** tcp, udp, sctp. */
	protocol: string;
	targetPort: number;
	/** Absent when the engine has not assigned one yet. */
	publishedPort?: number;
	/** ingress (the routing mesh) or host. */
	publishMode: string;
}

/** Spec.UpdateStatus: how the last update or rollback went. */
export interface ServiceUpdateStatus {
	/** updating, paused, completed, rollback_started, rollback_paused, rollback_completed. */
	state: string;
	/** RFC 3339. */
	startedAt?: string;
	completedAt?: string;
	message: string;
}

/** One row of `docker service ls`. */
export interface ServiceSummary {
	id: string;
	name: string;
	mode: ServiceMode;
	/** Tasks in the running state. */
	running: number;
	/** The replica count (replicated), or the tasks meant to run (global: one per eligible node), as `docker service ls` counts. */
	desired: number;
	/** Jobs: tasks of the current run that completed. */
	completed?: number;
	/** Replicated: the replica count in the spec (what scale changes). */
	replicas?: number;
	/** The image without its pinned digest, as `docker service ls` shows it. */
	image: string;
	ports: ServicePort[];
	updateStatus?: ServiceUpdateStatus;
	labels: Record<string, string>;
	/** RFC 3339. */
	createdAt: string;
	updatedAt: string;
	/** The spec version (every update needs the current one). */
	version: number;
}

export interface ServiceMount {
	/** bind, volume, tmpfs, npipe. */
	type: string;
	source: string;
	target: string;
	readOnly: boolean;
}

export interface ServiceUpdatePolicy {
	parallelism: number;
	/** Nanoseconds between batches. */
	delayNs: number;
	/** pause, continue, rollback. */
	failureAction: string;
	/** Nanoseconds a task is watched after its update. */
	monitorNs: number;
	maxFailureRatio: number;
	/** stop-first, start-first. */
	order: string;
}

/** `docker service inspect`, in berth's terms. */
export interface ServiceDetails extends ServiceSummary {
	/** The image as the spec has it (digest included). */
	imageRef: string;
	command: string[];
	args: string[];
	env: string[];
	workingDir: string;
	user: string;
	hostname: string;
	tty: boolean;
	mounts: ServiceMount[];
	/** Network ids (or names) the tasks attach to. */
	networks: string[];
	/** Placement constraints, e.g. "node.role==manager". */
	constraints: string[];
	/** Nanocpus and bytes; 0 when not set. */
	limits: {nanoCpus: number; memoryBytes: number};
	reservations: {nanoCpus: number; memoryBytes: number};
	/** Spec.TaskTemplate.RestartPolicy: condition any, on-failure, none. */
	restartPolicy: {condition: string; delayNs: number; maxAttempts: number; windowNs: number};
	update?: ServiceUpdatePolicy;
	rollback?: ServiceUpdatePolicy;
	/** vip or dnsrr. */
	endpointMode: string;
	/** Virtual IPs by network id. */
	virtualIps: Array<{networkId: string; address: string}>;
	/** TaskTemplate.ForceUpdate: how many times `update --force` ran. */
	forceUpdate: number;
	/** A previous spec exists, so a rollback has something to go back to. */
	canRollback: boolean;
	/** The engine's answer as it came. */
	raw: Readonly<Record<string, unknown>>;
}

/** What an update (scale, force, rollback) answered besides success. */
export interface ServiceUpdateResult {
	/** The engine's warnings, verbatim. */
	warnings: string[];
}

// ---------------------------------------------------------------- tasks

/** One row of `docker service ps`. */
export interface TaskSummary {
	id: string;
	serviceId: string;
	/** `web.1` (replicated: service name and slot) or `web.NODEID` (global), as `docker service ps` names it. */
	name: string;
	/** Replicated services: 1-based; absent for global services. */
	slot?: number;
	nodeId?: string;
	/** The node's hostname; the node id when the node is gone; absent when not yet scheduled. */
	node?: string;
	/** running, shutdown, complete, … */
	desiredState: string;
	/** new, pending, assigned, preparing, starting, running, complete, shutdown, failed, rejected, orphaned, remove. */
	state: string;
	/** Status.Message: "started", "preparing", … */
	message: string;
	/** Status.Err: why a task failed or was rejected. */
	error?: string;
	/** When the task entered its current state (RFC 3339): "Running 5 minutes ago". */
	stateSince: string;
	createdAt: string;
	updatedAt: string;
	/** The task's image (as its spec has it). */
	image: string;
	containerId?: string;
	exitCode?: number;
}

// ---------------------------------------------------------------- nodes

export type NodeAvailability = 'active' | 'pause' | 'drain';

/** One row of `docker node ls`. */
export interface NodeSummary {
	id: string;
	hostname: string;
	/** ready, down, disconnected, unknown. */
	status: string;
	/** Status.Message (why a node is down). */
	statusMessage?: string;
	availability: NodeAvailability;
	role: 'manager' | 'worker';
	/** Managers: leader, reachable or unreachable; absent for workers. */
	managerStatus?: 'leader' | 'reachable' | 'unreachable';
	engineVersion: string;
	/** The node's labels (Spec.Labels, set with `docker node update --label-add`). */
	labels: Record<string, string>;
	/** Status.Addr. */
	address: string;
	/** This is the engine berth talks to. */
	self: boolean;
	version: number;
}

/** `docker node inspect`, in berth's terms. */
export interface NodeDetails extends NodeSummary {
	createdAt: string;
	updatedAt: string;
	os: string;
	architecture: string;
	nanoCpus: number;
	memoryBytes: number;
	/** The engine's own labels (daemon --label), distinct from the node labels. */
	engineLabels: Record<string, string>;
	/** Manager address (host:port), for managers. */
	managerAddress?: string;
	plugins: Array<{type: string; name: string}>;
	raw: Readonly<Record<string, unknown>>;
}

// ---------------------------------------------------------------- logs

/** One line of `docker service logs`: which task and node wrote it. */
export interface ServiceLogLine extends LogLine {
	taskId: string;
	nodeId: string;
	/** `web.1` (or `web.NODEID` for global services). */
	task: string;
	/** The node's hostname (its id when the node is unknown). */
	node: string;
	/** `web.1.0123456789ab@node1`, the prefix `docker service logs` prints. */
	prefix: string;
}

// ---------------------------------------------------------------- the methods

/**
 * The swarm kinds of the Engine: `engine.services`, `engine.tasks`, `engine.nodes`. Every method
 * rejects with an EngineError carrying the engine's message; on an engine that is not a manager
 * the engine's own refusal ("This node is not a swarm manager…") comes through as one, so the UI
 * should ask `engine.system.swarmRole()` first. With several hosts they go to the swarm's manager.
 */
export interface ServicesApi {
	list(): Promise<ServiceSummary[]>;
	inspect(id: string): Promise<ServiceDetails>;
	/** `docker service scale ID=N`: replicated services only (bad-request for a global one). */
	scale(id: string, replicas: number): Promise<ServiceUpdateResult>;
	/** `docker service update --force ID`: the tasks are replaced even though nothing changed. */
	forceUpdate(id: string): Promise<ServiceUpdateResult>;
	/** `docker service rollback ID`: back to the previous spec (the engine refuses when there is none). */
	rollback(id: string): Promise<ServiceUpdateResult>;
	remove(id: string): Promise<void>;
	/**
	 * `docker service logs`: the lines of all the service's tasks, merged as the engine sends them,
	 * each with the task and node that wrote it. As containers.logs otherwise.
	 */
	logs(id: string, options: LogOptions, onLines: (lines: ServiceLogLine[]) => void, signal: AbortSignal): Promise<void>;
}

export interface TasksApi {
	/** The tasks of one service, newest first within each slot, current and past (as `docker service ps`). */
	list(serviceId: string): Promise<TaskSummary[]>;
}

export interface NodesApi {
	list(): Promise<NodeSummary[]>;
	inspect(id: string): Promise<NodeDetails>;
	/** `docker node update --availability A NODE`. */
	setAvailability(id: string, availability: NodeAvailability): Promise<void>;
}
