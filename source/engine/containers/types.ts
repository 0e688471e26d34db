/** Containers as berth sees them: list rows, details, stats, processes, exec, run and stop (part of types.ts). */
import type {RestartPolicy} from '../lifecycle-types.js';

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
	/** The networks it is attached to, by name (`docker ps --filter network=`). */
	networks?: string[];
	/** Where its mounts go, with the volume's name for a named volume (`docker ps --filter volume=`). */
	mounts?: Array<{destination: string; name?: string}>;
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
	/** The last health check (with a healthcheck): its exit code and output (untrusted), and how many failed in a row. */
	healthCheck?: {failingStreak: number; exitCode: number; output: string; at: string};
	restartPolicy: {name: string; maximumRetryCount: number};
	restartCount: number;
	ports: PortMapping[];
	mounts: MountInfo[];
	labels: Record<string, string>;
	networks: string[];
	stopSignal?: string;
	stopTimeout?: number;
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

/** What a stop did (the engine's answer to a stop says nothing about it; see containers/stop.ts). */
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
