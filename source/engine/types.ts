/**
 * berth's own view of a Docker engine. Nothing here depends on dockerode: the UI and the state
 * code only see these types; the engine maps the API onto them (docker-engine.ts and each kind's
 * folder). Tests implement the same interface in memory (test/support/fake-*.ts), and one
 * contract suite (test/contract/) checks both against the same behaviour.
 *
 * The Engine is one API per kind, each declared once in its folder's api-types.ts or types.ts:
 *
 *   engine.containers  containers/api-types.ts   list, inspect, lifecycle, logs, stats, exec, run, cp
 *   engine.images      images/api-types.ts       list, inspect, history, layers, rm, tag, pull, push, build
 *   engine.volumes     volumes/types.ts          list (size, refs), inspect, usedBy, create, rm, prune
 *   engine.networks    networks/types.ts         list, inspect, create, rm, connect, disconnect, prune
 *   engine.services    swarm/types.ts            list, inspect, scale, force update, rollback, rm, logs
 *   engine.tasks       swarm/types.ts            list
 *   engine.nodes       swarm/types.ts            list, inspect, availability
 *   engine.system      system/types.ts           version, docker info, system df -v, swarm role, prune
 *   engine.events      system/types.ts           the event stream
 *   engine.registry    images/api-types.ts       registry credentials for pull, push and login
 *
 * Every method rejects with an EngineError. With several hosts (hosts/multi-engine.ts) the same
 * interface routes each call by the host its id names and merges each kind's `list`.
 *
 * Every string that comes from the engine (names, labels, messages, log text) is untrusted:
 * the adapter passes it through unchanged and the UI neutralises it when it renders.
 */
import type {ContainersApi} from './containers/api-types.js';
import type {HostState} from './hosts/types.js';
import type {ImagesApi, RegistryApi} from './images/api-types.js';
import type {NetworksApi} from './networks/types.js';
import type {NodesApi, ServicesApi, TasksApi} from './swarm/types.js';
import type {EventsApi, SystemApi} from './system/types.js';
import type {VolumesApi} from './volumes/types.js';

export type * from './containers/types.js';
export type * from './containers/api-types.js';
export type * from './images/api-types.js';
export type * from './listing-types.js';
export type * from './lifecycle-types.js';
export type * from './swarm/types.js';
export type * from './hosts/types.js';
export type * from './volumes/types.js';
export type * from './networks/types.js';
export type * from './system/types.js';
export {BuildError, EngineError, type EngineErrorCode, type UnreachableReason} from './engine-error.js';

/** The kinds of the Engine, by the name of their property. */
export interface EngineKinds {
	containers: ContainersApi;
	images: ImagesApi;
	volumes: VolumesApi;
	networks: NetworksApi;
	services: ServicesApi;
	tasks: TasksApi;
	nodes: NodesApi;
	system: SystemApi;
	events: EventsApi;
	registry: RegistryApi;
}

export type EngineKind = keyof EngineKinds;

export interface Engine extends Readonly<EngineKinds> {
	/** Human description of the endpoint in use, e.g. "unix:///var/run/docker.sock" or "ssh://deploy@box (context prod)". */
	readonly endpoint: string;

	/**
	 * Ends the engine's connections for good (kept-alive sockets; for ssh, berth's ssh master),
	 * e.g. when berth switches to another context. Optional: in-memory engines have nothing to end.
	 */
	close?(): Promise<void>;

	/** With several hosts (hosts/multi-engine.ts): each host's state; absent for one engine. */
	hosts?(): HostState[];
	/** With several hosts: called with every host's state whenever one changes; returns the unsubscribe. */
	onHostsChange?(listener: (hosts: HostState[]) => void): () => void;
}
