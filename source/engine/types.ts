/**
 * berth's own view of a Docker engine. Nothing here depends on dockerode: the UI and the
 * state code only see these types, and `docker-engine.ts` is the one module that maps the
 * engine's API onto them. Tests implement the same interface in memory.
 *
 * Every string that comes from the engine (names, labels, messages, log text) is untrusted:
 * the adapter passes it through unchanged and the UI neutralises it when it renders.
 */
import type {ContainerDetails, ContainerStats, ContainerSummary, CommitOptions, ExecResult, ProcessList, RunContainerOptions, StopResult, TerminalSession} from './containers/types.js';
import type {HostState} from './hosts/types.js';
import type {LifecycleEngine} from './lifecycle-types.js';
import type {EngineEvent, EngineInfo, ImageHistoryEntry, ImageSummary, LogLine, LogOptions} from './listing-types.js';
import type {SwarmEngine} from './swarm/types.js';

export type * from './containers/types.js';
export type * from './listing-types.js';
export type * from './lifecycle-types.js';
export type * from './swarm/types.js';
export type * from './hosts/types.js';
export {BuildError, EngineError, type EngineErrorCode, type UnreachableReason} from './engine-error.js';

/**
 * The operations berth needs. Every method rejects with an EngineError. Streaming methods
 * resolve when the stream ends (engine closed it, or `signal` aborted it) and reject with an
 * EngineError when it breaks.
 */
export interface Engine extends LifecycleEngine, SwarmEngine {
	/** Human description of the endpoint in use, e.g. "unix:///var/run/docker.sock" or "ssh://deploy@box (context prod)". */
	readonly endpoint: string;

	info(): Promise<EngineInfo>;
	/** All containers, running and stopped; or only those with the given ids (missing ones are gone). */
	listContainers(options?: {ids?: string[]}): Promise<ContainerSummary[]>;
	/** All tagged and dangling top-level images, one entry per image (tags in repoTags). */
	listImages(): Promise<ImageSummary[]>;
	inspectContainer(id: string): Promise<ContainerDetails>;
	imageHistory(id: string): Promise<ImageHistoryEntry[]>;

	startContainer(id: string): Promise<void>;
	/** Graceful: SIGTERM (or the container's stop signal), SIGKILL after `timeout` seconds (engine default when omitted); says which ended it. */
	stopContainer(id: string, timeout?: number): Promise<StopResult>;
	/** SIGKILL at once unless another signal is given. */
	killContainer(id: string, signal?: string): Promise<void>;
	restartContainer(id: string, timeout?: number): Promise<void>;
	pauseContainer(id: string): Promise<void>;
	unpauseContainer(id: string): Promise<void>;
	/** Returns the new image's full id. */
	commitContainer(id: string, options: CommitOptions): Promise<string>;
	removeContainer(id: string, options?: {force?: boolean; volumes?: boolean}): Promise<void>;
	removeImage(id: string, options?: {force?: boolean}): Promise<void>;

	/**
	 * Streams a container's log. Lines arrive in batches (already split on newlines and, for
	 * non-TTY containers, demultiplexed into stdout and stderr), each with the engine's timestamp.
	 */
	streamLogs(
		id: string,
		options: LogOptions,
		onLines: (lines: LogLine[]) => void,
		signal: AbortSignal,
	): Promise<void>;

	/** One stats sample (the engine's one-shot stats; CPU computed from its two readings). */
	statsOnce(id: string): Promise<ContainerStats>;
	/** Stats about once a second until `signal` aborts; only for the selected container. */
	streamStats(id: string, onStats: (stats: ContainerStats) => void, signal: AbortSignal): Promise<void>;
	/** The container's processes (`docker top`). */
	top(id: string): Promise<ProcessList>;
	/** Runs a command without a terminal and collects its output (small outputs only). */
	execCapture(id: string, cmd: string[]): Promise<ExecResult>;
	/** Starts an interactive command with a TTY of the given size (docker exec -it). */
	execInteractive(id: string, cmd: string[], size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** Attaches to the container's main process (docker attach); detach keys ctrl-p ctrl-q. */
	attach(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;

	/** Creates a container from an image and starts it (docker run -d); returns its id. */
	runContainer(image: string, options: RunContainerOptions): Promise<string>;

	/**
	 * Ends the engine's connections for good (kept-alive sockets; for ssh, berth's ssh master),
	 * e.g. when berth switches to another context. Optional: in-memory engines have nothing to end.
	 */
	close?(): Promise<void>;

	/** With several hosts (multi-engine.ts): each host's state; absent for one engine. */
	hosts?(): HostState[];
	/** With several hosts: called with every host's state whenever one changes; returns the unsubscribe. */
	onHostsChange?(listener: (hosts: HostState[]) => void): () => void;

	/**
	 * Streams engine events from `since` (unix seconds, fractions allowed) or from now: container
	 * and image events; with `swarm`, on a manager, service and node events too (swarm-types.ts).
	 */
	streamEvents(
		options: {since?: string; swarm?: boolean},
		onEvent: (event: EngineEvent) => void,
		signal: AbortSignal,
	): Promise<void>;
}
