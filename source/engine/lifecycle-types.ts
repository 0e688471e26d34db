/**
 * berth's view of the Docker lifecycle beyond watching: pull, push, build, tag, image details,
 * diff, copy in and out, prune, create and run. Re-exported from `types.ts`; the methods are part
 * of `Engine` through `LifecycleEngine`. As everywhere, strings from the engine or a registry are
 * untrusted and passed through verbatim: the UI neutralises them when it renders.
 *
 * The types are grouped in files of their own: transfer-types.ts (registries, credentials, pull
 * and push progress), image-types.ts (build, image details and layers), file-types.ts (diff and
 * copy), prune-types.ts; run's are here.
 */
import type {RunContainerOptions, TerminalSession} from './container-types.js';
import type {LogLine} from './listing-types.js';
import type {BuildLine, BuildOptions, BuildResult, ImageDetails, ImageLayers} from './image-types.js';
import type {ContainerChange, CopyInOptions, CopyInResult, CopyOutOptions, CopyOutResult, CopyProgress} from './file-types.js';
import type {PruneOptions, PrunePlan, PruneReport, PruneTarget} from './prune-types.js';
import type {CredentialInfo, PullOptions, PullResult, PushOptions, PushResult, RegistryCredentials, TransferProgress} from './transfer-types.js';

export type * from './file-types.js';
export type * from './image-types.js';
export type * from './prune-types.js';
export type * from './transfer-types.js';

// ---------------------------------------------------------------- run

export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RestartPolicy {
	name: RestartPolicyName;
	/** For on-failure: retries (0 = unlimited). */
	maximumRetryCount?: number;
}

/** How an attached `docker run` ended. */
export interface RunOutcome {
	id: string;
	/** The main process's exit code; absent when berth stopped following first. */
	exitCode?: number;
	/** The engine removed the container (--rm). */
	removed: boolean;
}

export interface RunSession {
	id: string;
	session: TerminalSession;
}

// ---------------------------------------------------------------- the methods

/** The lifecycle part of Engine. Every method rejects with an EngineError carrying the engine's message. */
export interface LifecycleEngine {
	/**
	 * `docker pull REF`. Progress after each engine message. Errors the engine reports inside the
	 * stream reject too; a registry that wants credentials rejects with code 'unauthorized'.
	 * Aborting rejects with 'aborted' (the engine stops the pull).
	 */
	pull(ref: string, options: PullOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PullResult>;
	/** `docker push REF`; as pull. */
	push(ref: string, options: PushOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PushResult>;
	/** Checks credentials with the registry (the engine's /auth, as `docker login`) and keeps them for this session, in memory only. */
	login(credentials: RegistryCredentials): Promise<void>;
	/** Keeps credentials for this session without checking them. */
	rememberCredentials(credentials: RegistryCredentials): void;
	forgetCredentials(registry: string): void;
	/** Which credentials pull/push of `ref` would use, without the secret. */
	findCredentials(ref: string): Promise<CredentialInfo | undefined>;

	/** `docker tag SOURCE REPO:TAG`. */
	tagImage(source: string, repo: string, tag: string): Promise<void>;
	/** True when the engine has the image (to offer a pull before run). */
	imageExists(ref: string): Promise<boolean>;
	inspectImage(ref: string): Promise<ImageDetails>;
	imageLayers(ref: string): Promise<ImageLayers>;
	/**
	 * `docker build` with the classic builder; output lines in batches; resolves with the new
	 * image. `onUpload`: how much of the context was sent (its file contents, against the total
	 * counted first). Aborting closes the connection: while the context is being sent the engine
	 * discards it; during a step it stops the build.
	 */
	build(options: BuildOptions, onOutput: (lines: BuildLine[]) => void, signal?: AbortSignal, onUpload?: (progress: CopyProgress) => void): Promise<BuildResult>;

	containerChanges(id: string): Promise<ContainerChange[]>;
	/**
	 * `docker cp ID:PATH HOSTDIR` in one read of the archive, unpacked safely: nothing lands outside
	 * `hostDir`, no file is ever partly under its real name, existing entries are replaced only when
	 * `onConflicts` says so. Aborting, or a connection that drops, removes everything it wrote and
	 * rejects ('aborted', 'interrupted') saying so.
	 */
	copyFromContainer(id: string, containerPath: string, hostDir: string, options?: CopyOutOptions, signal?: AbortSignal): Promise<CopyOutResult>;
	/**
	 * `docker cp HOSTPATH ID:DIR`: the file or directory named, into the container's existing
	 * directory. Aborting cuts the upload; the engine keeps the files it had whole, and the one it
	 * was receiving is removed (the rejection says what the container holds).
	 */
	copyToContainer(id: string, hostPath: string, containerDir: string, options?: CopyInOptions, signal?: AbortSignal): Promise<CopyInResult>;

	/** What `prune(targets)` would remove, computed with the engine's rules (targets run in the order given, as system prune does). */
	previewPrune(targets: PruneTarget[], options?: PruneOptions): Promise<PrunePlan>;
	prune(targets: PruneTarget[], options?: PruneOptions): Promise<PruneReport>;

	/** `docker create`: the container stays "created"; returns its id. */
	createContainer(image: string, options: RunContainerOptions): Promise<string>;
	/** `docker run` without -d: output as it comes, resolves with the exit code (--rm honoured). Aborting stops following. */
	runAttached(image: string, options: RunContainerOptions, onOutput: (lines: LogLine[]) => void, signal?: AbortSignal): Promise<RunOutcome>;
	/** `docker run -it`: a terminal session on the new container. */
	runInteractive(image: string, options: RunContainerOptions, size: {columns: number; rows: number}): Promise<RunSession>;
	/** `docker start -a -i`: attaches, then starts. */
	startAttached(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** `docker rename`. */
	renameContainer(id: string, name: string): Promise<void>;
}
