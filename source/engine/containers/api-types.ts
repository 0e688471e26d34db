/**
 * The containers kind of the Engine (`engine.containers`): list, details, the lifecycle, logs,
 * stats, exec and attach, create and run, diff and cp. Every method rejects with an EngineError;
 * streaming methods resolve when the stream ends (the engine closed it, or `signal` aborted it).
 * With several hosts (hosts/multi-engine.ts) every method that takes an id goes to that id's host
 * and `list` merges every host's rows, each with its `host` and a qualified id.
 */
import type {ContainerChange, CopyInOptions, CopyInResult, CopyOutOptions, CopyOutResult} from './file-types.js';
import type {CommitOptions, ContainerDetails, ContainerStats, ContainerSummary, ExecResult, ProcessList, RunContainerOptions, StopResult, TerminalSession} from './types.js';
import type {LogLine, LogOptions} from '../listing-types.js';
import type {RunOutcome, RunSession} from '../lifecycle-types.js';

export interface ContainersApi {
	/** All containers, running and stopped; or only those with the given ids (missing ones are gone). */
	list(options?: {ids?: string[]}): Promise<ContainerSummary[]>;
	/** `docker inspect`, summarised (restart count, health, mounts, networks…). */
	inspect(id: string): Promise<ContainerDetails>;

	start(id: string): Promise<void>;
	/** Graceful: SIGTERM (or the container's stop signal), SIGKILL after `timeout` seconds (engine default when omitted); says which ended it. */
	stop(id: string, timeout?: number): Promise<StopResult>;
	/** SIGKILL at once unless another signal is given. */
	kill(id: string, signal?: string): Promise<void>;
	restart(id: string, timeout?: number): Promise<void>;
	pause(id: string): Promise<void>;
	unpause(id: string): Promise<void>;
	remove(id: string, options?: {force?: boolean; volumes?: boolean}): Promise<void>;
	/** `docker rename`. */
	rename(id: string, name: string): Promise<void>;
	/** `docker commit`; returns the new image's full id. */
	commit(id: string, options: CommitOptions): Promise<string>;

	/**
	 * A container's log. Lines arrive in batches (already split on newlines and, for non-TTY
	 * containers, demultiplexed into stdout and stderr), each with the engine's timestamp.
	 */
	logs(id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void>;
	/** One stats sample (the engine's one-shot stats; CPU computed from its two readings). */
	statsOnce(id: string): Promise<ContainerStats>;
	/** Stats about once a second until `signal` aborts; only for the selected container. */
	streamStats(id: string, onStats: (stats: ContainerStats) => void, signal: AbortSignal): Promise<void>;
	/** The container's processes (`docker top`). */
	top(id: string): Promise<ProcessList>;
	/** `docker diff`. */
	changes(id: string): Promise<ContainerChange[]>;

	/** Runs a command without a terminal and collects its output (small outputs only). */
	execCapture(id: string, cmd: string[]): Promise<ExecResult>;
	/** Starts an interactive command with a TTY of the given size (docker exec -it). */
	execInteractive(id: string, cmd: string[], size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** Attaches to the container's main process (docker attach); detach keys ctrl-p ctrl-q. */
	attach(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** `docker start -a -i`: attaches, then starts. */
	startAttached(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;

	/** `docker create IMAGE`: the container stays "created"; returns its id. */
	create(image: string, options: RunContainerOptions): Promise<string>;
	/** `docker run -d IMAGE`: creates and starts; returns its id. */
	run(image: string, options: RunContainerOptions): Promise<string>;
	/** `docker run` without -d: output as it comes, resolves with the exit code (--rm honoured). Aborting stops following. */
	runAttached(image: string, options: RunContainerOptions, onOutput: (lines: LogLine[]) => void, signal?: AbortSignal): Promise<RunOutcome>;
	/** `docker run -it`: a terminal session on the new container. */
	runInteractive(image: string, options: RunContainerOptions, size: {columns: number; rows: number}): Promise<RunSession>;

	/**
	 * `docker cp ID:PATH HOSTDIR` in one read of the archive, unpacked safely: nothing lands outside
	 * `hostDir`, no file is ever partly under its real name, existing entries are replaced only when
	 * `onConflicts` says so. Aborting, or a connection that drops, removes everything it wrote and
	 * rejects ('aborted', 'interrupted') saying so.
	 */
	copyFrom(id: string, containerPath: string, hostDir: string, options?: CopyOutOptions, signal?: AbortSignal): Promise<CopyOutResult>;
	/**
	 * `docker cp HOSTPATH ID:DIR`: the file or directory named, into the container's existing
	 * directory. Aborting cuts the upload; the engine keeps the files it had whole, and the one it
	 * was receiving is removed (the rejection says what the container holds).
	 */
	copyTo(id: string, hostPath: string, containerDir: string, options?: CopyInOptions, signal?: AbortSignal): Promise<CopyInResult>;
}
