/**
 * berth's own view of a Docker engine. Nothing here depends on dockerode: the UI and the
 * state code only see these types, and `docker-engine.ts` is the one module that maps the
 * engine's API onto them. Tests implement the same interface in memory.
 *
 * Every string that comes from the engine (names, labels, messages, log text) is untrusted:
 * the adapter passes it through unchanged and the UI neutralises it when it renders.
 */
import type {BuildStep, LifecycleEngine, RestartPolicy} from './lifecycle-types.js';
import type {SwarmEngine} from './swarm-types.js';

export type * from './lifecycle-types.js';
export type * from './swarm-types.js';
export type * from './host-types.js';

/** Lifecycle state as the engine reports it (`State` of /containers/json). */
export type ContainerState = 'running' | 'paused' | 'restarting' | 'exited' | 'created' | 'dead' | 'removing';

export type Health = 'healthy' | 'unhealthy' | 'starting';

export interface PortMapping {
	/** Host address, when published. */
	ip?: string;
	privatePort: number;
	publicPort?: number;
	type: string;
}

export interface ContainerSummary {
	/** Full 64-hex id. */
	id: string;
	/** Name without the leading slash. */
	name: string;
	/** Image as the engine lists it (repo:tag, or an id when the tag moved). */
	image: string;
	/** Full image id (sha256:...). */
	imageId: string;
	command: string;
	/** Unix seconds. */
	created: number;
	state: ContainerState;
	/** The engine's own status text, e.g. "Up 3 minutes (healthy)", "Exited (137) 2 seconds ago". */
	status: string;
	/** Present only when the container has a healthcheck. */
	health?: Health;
	/** Exit code, parsed from the status text, for exited containers. */
	exitCode?: number;
	ports: PortMapping[];
	labels: Record<string, string>;
	/** With several hosts (multi-engine.ts): the host it is on; its id is then qualified, `<id>@<host>`. */
	host?: string;
	/** With several hosts: the host cannot be reached (the cause); the row is as last seen. */
	unreachable?: string;
}

export interface ImageSummary {
	/** Full id (sha256:...). */
	id: string;
	/** repository:tag references; empty for a dangling image. */
	repoTags: string[];
	repoDigests: string[];
	/** Unix seconds. */
	created: number;
	/** Bytes. */
	size: number;
	/** Containers using it, counted by berth from the container list (the engine reports -1 unless asked). */
	containers?: number;
	/** With several hosts (multi-engine.ts): the host it is on; its id is then qualified, `<id>@<host>`. */
	host?: string;
	/** With several hosts: the host cannot be reached (the cause); the row is as last seen. */
	unreachable?: string;
}

export interface MountInfo {
	type: string;
	source: string;
	destination: string;
	mode: string;
	rw: boolean;
}

/** What the details view shows: a summary of `docker inspect`. */
export interface ContainerDetails {
	id: string;
	name: string;
	image: string;
	imageId: string;
	created: string;
	path: string;
	args: string[];
	cmd: string[];
	entrypoint: string[];
	env: string[];
	workingDir: string;
	user: string;
	tty: boolean;
	state: ContainerState;
	running: boolean;
	paused: boolean;
	restarting: boolean;
	pid: number;
	exitCode: number;
	oomKilled: boolean;
	error: string;
	startedAt: string;
	finishedAt: string;
	health?: Health;
	restartPolicy: {name: string; maximumRetryCount: number};
	restartCount: number;
	ports: PortMapping[];
	mounts: MountInfo[];
	labels: Record<string, string>;
	networks: string[];
	stopSignal?: string;
	stopTimeout?: number;
}

export interface ImageHistoryEntry {
	/** Layer image id, or "<missing>" for layers built elsewhere. */
	id: string;
	/** Unix seconds. */
	created: number;
	createdBy: string;
	/** Bytes. */
	size: number;
	tags: string[];
	comment: string;
}

export type LogStream = 'stdout' | 'stderr' | 'tty';

export interface LogLine {
	stream: LogStream;
	/** The line without its trailing newline, exactly as the container wrote it (untrusted). */
	text: string;
	/** The engine's RFC 3339 timestamp with nanoseconds, e.g. 2026-11-23T10:33:19.236871895Z. */
	timestamp?: string;
	/** The container wrote more than berth keeps of one line (64 KiB): the rest was dropped. */
	cut?: boolean;
}

export interface LogOptions {
	/** Lines to send before following; 'all' for the whole log. */
	tail: number | 'all';
	/** Only lines after this time: unix seconds (fractions allowed) or an RFC 3339 timestamp. */
	since?: number | string;
	follow: boolean;
}

export interface EngineEvent {
	/** container, image, network, volume, ... */
	type: string;
	/** start, die, destroy, health_status: healthy, ... */
	action: string;
	/** Actor id: container id, image id or reference. */
	id: string;
	attributes: Record<string, string>;
	/** Nanoseconds since the epoch, as a decimal string (exceeds Number precision). */
	timeNano: string;
}

export interface EngineInfo {
	/** Engine version, e.g. 20.10.24. */
	version: string;
	/** API version in use after negotiation, e.g. 1.41. */
	apiVersion: string;
	os: string;
	arch: string;
}

export interface CommitOptions {
	repo: string;
	tag: string;
	comment?: string;
	author?: string;
	/** Pause the container while committing (the engine's default is true). */
	pause?: boolean;
}

/** One stats sample of a container, already reduced to the numbers people read. */
export interface ContainerStats {
	/** CPU use in percent of one core (100 = one full core; can exceed 100 on several cores). */
	cpuPercent: number;
	/** Bytes in use, page cache excluded (as `docker stats` shows). */
	memoryUsage: number;
	/** Bytes the container may use (the host's memory when unlimited). */
	memoryLimit: number;
	networkRx: number;
	networkTx: number;
	blockRead: number;
	blockWrite: number;
	pids: number;
	/** The engine's timestamp of the sample (RFC 3339). */
	read: string;
}

/** `docker top`: column titles and one row of cells per process. */
export interface ProcessList {
	titles: string[];
	processes: string[][];
}

/** Result of running a command in a container without a terminal. */
export interface ExecResult {
	exitCode: number;
	stdout: string;
	stderr: string;
}

/**
 * An interactive session in a container (exec with a TTY, or attach): raw bytes both ways.
 * berth hands the user's terminal to it and takes it back when `done` resolves.
 */
export interface TerminalSession {
	/** Bytes from the container's terminal. */
	output: NodeJS.ReadableStream;
	/** Bytes to the container's terminal (keys). */
	input: NodeJS.WritableStream;
	/** Tells the engine the terminal's size. */
	resize(columns: number, rows: number): Promise<void>;
	/** Resolves when the session ends: the exit code for exec (when known), detached for attach. */
	done: Promise<{exitCode?: number; detached?: boolean; error?: string}>;
	/** What the session is and how to leave it, said before it starts (attach: output only or interactive). */
	note?: string;
	/** Ends the session from berth's side. */
	close(): void;
}

/** What `runContainer` needs: the run form's checked fields. */
export interface RunContainerOptions {
	name?: string;
	/** Empty: the image's own command. */
	cmd: string[];
	ports: Array<{containerPort: number; protocol: string; hostPort?: number; hostIp?: string}>;
	/** NAME=value */
	env: string[];
	/**
	 * -v entries: host-path:container-path[:ro|rw], volume-name:container-path[:ro|rw], or a
	 * container path alone for an anonymous volume.
	 */
	binds: string[];
	/** undefined: the image's; [] resets it (docker run --entrypoint ''). */
	entrypoint?: string[];
	workingDir?: string;
	/** user[:group], names or ids. */
	user?: string;
	restart?: RestartPolicy;
	/** --rm: the engine removes the container when it exits. */
	autoRemove?: boolean;
	/** -t */
	tty?: boolean;
	/** -i */
	openStdin?: boolean;
	labels?: Record<string, string>;
}

/** What a stop did (the engine's answer to a stop says nothing about it; see stop-container.ts). */
export interface StopResult {
	/** The container's exit code afterwards; undefined when it is gone already (--rm). */
	exitCode?: number;
	/** It did not exit within the grace period, so the engine sent SIGKILL. */
	killed: boolean;
	/** The grace period that applied, in seconds (the call's, else the container's, else the engine's 10). */
	graceSeconds: number;
	/** It was not running: the engine did nothing. */
	alreadyStopped?: boolean;
}

/** Why the engine could not be reached, in the user's terms. */
export type UnreachableReason =
	| 'no-socket'
	| 'permission'
	| 'refused'
	| 'timeout'
	| 'dns'
	| 'tls'
	| 'closed'
	| 'other';

export type EngineErrorCode =
	/** No connection to the engine at all. */
	| 'unreachable'
	/** 404: the container or image is gone. */
	| 'not-found'
	/** 409: e.g. rm of a running container, rmi of an image in use, name in use. */
	| 'conflict'
	/** 304: already started / already stopped. */
	| 'not-modified'
	/** 400: bad parameter (invalid reference, ...). */
	| 'bad-request'
	/** 500 and other server-side failures. */
	| 'server'
	/** The call was aborted by berth (selection changed, shutting down). */
	| 'aborted'
	/** The connection dropped mid-request: the action's outcome on the engine is unknown. */
	| 'interrupted'
	/** A registry refused: no or wrong credentials (pull, push, login). */
	| 'unauthorized'
	| 'unknown';

/** A failure of an engine call, with the engine's own message kept verbatim (untrusted). */
export class EngineError extends Error {
	readonly code: EngineErrorCode;
	readonly statusCode?: number;
	readonly reason?: UnreachableReason;

	constructor(
		code: EngineErrorCode,
		message: string,
		options: {statusCode?: number; reason?: UnreachableReason; cause?: unknown} = {},
	) {
		super(message, {cause: options.cause});
		this.name = 'EngineError';
		this.code = code;
		this.statusCode = options.statusCode;
		this.reason = options.reason;
	}
}

/**
 * A build that failed: the engine's message, and the step that failed when the output named it
 * (code 'server' for a failing step, 'bad-request' for a Dockerfile the engine could not parse).
 */
export class BuildError extends EngineError {
	readonly step?: BuildStep;

	constructor(code: EngineErrorCode, message: string, step: BuildStep | undefined, options: {statusCode?: number; cause?: unknown} = {}) {
		super(code, message, options);
		this.name = 'BuildError';
		this.step = step;
	}
}

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
	hosts?(): import('./host-types.js').HostState[];
	/** With several hosts: called with every host's state whenever one changes; returns the unsubscribe. */
	onHostsChange?(listener: (hosts: import('./host-types.js').HostState[]) => void): () => void;

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
