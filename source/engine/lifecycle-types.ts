/**
 * berth's view of the Docker lifecycle beyond watching: pull, push, build, tag, image details,
 * diff, copy in and out, prune, create and run. Re-exported from `types.ts`; the methods are part
 * of `Engine` through `LifecycleEngine`. As everywhere, strings from the engine or a registry are
 * untrusted and passed through verbatim: the UI neutralises them when it renders.
 */
import type {LogLine, RunContainerOptions, TerminalSession} from './types.js';

// ---------------------------------------------------------------- registries and credentials

/** Credentials for one registry, as berth hands them to the engine (the X-Registry-Auth header). */
export interface RegistryCredentials {
	/** The registry as the docker CLI keys it: "https://index.docker.io/v1/" for Docker Hub, else host[:port]. */
	serverAddress: string;
	username?: string;
	password?: string;
	/** Identity token (a credential helper's "<token>" user, or `identitytoken` in config.json). */
	identityToken?: string;
	/** Bearer token for the registry. */
	registryToken?: string;
}

/** Where credentials were found; the secret itself never leaves the engine module. */
export interface CredentialInfo {
	/** Key used, as in RegistryCredentials.serverAddress. */
	registry: string;
	source: 'session' | 'config' | 'helper';
	/** docker-credential-<helper> that answered, for source "helper". */
	helper?: string;
	username?: string;
}

// ---------------------------------------------------------------- pull and push progress

/**
 * A layer's phase, from the engine's status text: pull goes waiting → downloading → verifying →
 * downloaded → extracting → done (or exists); push goes preparing → waiting → pushing → done (or
 * exists: "Layer already exists", "Mounted from …"). `retrying` for "Retrying in N seconds".
 */
export type LayerPhase =
	| 'waiting'
	| 'downloading'
	| 'verifying'
	| 'downloaded'
	| 'extracting'
	| 'preparing'
	| 'pushing'
	| 'retrying'
	| 'done'
	| 'exists'
	| 'other';

export interface LayerProgress {
	/** Short layer id as the engine shows it (12 hex). */
	id: string;
	phase: LayerPhase;
	/** The engine's status text, verbatim ("Downloading", "Mounted from library/x", …). */
	status: string;
	/** Bytes of the current phase, when the engine reports them. */
	current?: number;
	total?: number;
}

/** A snapshot of a pull or push, delivered after every message from the engine. */
export interface TransferProgress {
	/** Layers in the order the engine first named them. */
	layers: LayerProgress[];
	/** Bytes transferred over all layers whose size is known (finished layers count whole). */
	current: number;
	/** Sum of the known layer sizes; 0 until the engine has said any. */
	total: number;
	/** Layers done or already present. */
	finished: number;
	/** The last message that is not about one layer ("Digest: sha256:…", "Status: …", "The push refers to …"). */
	status?: string;
}

export interface PullOptions {
	/** Credentials to send; when absent berth looks them up like the docker CLI (session, config.json, credential helpers). */
	auth?: RegistryCredentials;
	/** os[/arch[/variant]], as `docker pull --platform`. */
	platform?: string;
}

export interface PullResult {
	/** The reference pulled, as the engine named it ("127.0.0.1:5000/app:1"). */
	ref: string;
	digest?: string;
	/** True when the engine already had it ("Image is up to date"). */
	upToDate: boolean;
}

export interface PushOptions {
	auth?: RegistryCredentials;
}

export interface PushResult {
	ref: string;
	tag: string;
	digest?: string;
	/** Manifest size in bytes, as the engine reports it. */
	size?: number;
}

// ---------------------------------------------------------------- build

export interface BuildOptions {
	/** The build context: a directory on berth's host. */
	contextDir: string;
	/**
	 * The Dockerfile: relative to the context (default "Dockerfile") or absolute. One outside the
	 * context is sent under a private name, as the docker CLI does.
	 */
	dockerfile?: string;
	/** repository[:tag] names for the result. */
	tags?: string[];
	/** --build-arg: a value, or undefined to take it from berth's environment (like `--build-arg NAME`). */
	buildArgs?: Record<string, string | undefined>;
	labels?: Record<string, string>;
	/** --target stage. */
	target?: string;
	noCache?: boolean;
	/** Always try to pull newer base images. */
	pull?: boolean;
	/** Remove the failing step's container too (docker build --force-rm); intermediate containers are always removed on success. */
	forceRm?: boolean;
}

export interface BuildStep {
	/** 1-based. */
	index: number;
	total: number;
	/** The instruction as the engine echoes it ("RUN make"). */
	instruction: string;
}

/**
 * One line of the classic builder's output. `kind` says what it is: a step header, the step's
 * command output, the cache being used, a step's container or resulting layer, the end.
 */
export interface BuildLine {
	kind: 'step' | 'output' | 'cache' | 'running' | 'layer' | 'removing' | 'built' | 'tagged' | 'warning';
	/** The line as the engine sent it, without the newline (untrusted: may hold escape sequences). */
	text: string;
	/** The step this line belongs to. */
	step?: BuildStep;
	/** Short id, for running/layer/built. */
	id?: string;
	/** For tagged. */
	tag?: string;
}

/** What berth sent as the build context. */
export interface BuildContextSummary {
	files: number;
	directories: number;
	symlinks: number;
	/** Bytes of file content. */
	bytes: number;
	/** Paths left out by .dockerignore (directories count once). */
	ignored: number;
	/** Sockets, fifos and devices, which a context cannot hold. */
	skipped: string[];
}

export interface BuildResult {
	/** Full id (sha256:…). */
	imageId: string;
	tags: string[];
	context: BuildContextSummary;
}

// ---------------------------------------------------------------- images

export interface ImageConfig {
	entrypoint: string[];
	cmd: string[];
	env: string[];
	/** "80/tcp", … */
	exposedPorts: string[];
	volumes: string[];
	workingDir: string;
	user: string;
	labels: Record<string, string>;
	stopSignal?: string;
	/** The healthcheck's test, e.g. ["CMD-SHELL", "curl -f localhost"]. */
	healthcheck?: string[];
	shell?: string[];
	onBuild: string[];
}

/** `docker image inspect`, in berth's terms. */
export interface ImageDetails {
	id: string;
	repoTags: string[];
	repoDigests: string[];
	/** Parent image id (local builds), or "". */
	parent: string;
	comment: string;
	/** RFC 3339. */
	created: string;
	author: string;
	dockerVersion: string;
	architecture: string;
	os: string;
	variant?: string;
	/** Bytes, all layers. */
	size: number;
	config: ImageConfig;
	/** RootFS layer digests (diff ids), base first. */
	layers: string[];
	/** The engine's answer as it came. */
	raw: Readonly<Record<string, unknown>>;
}

/** One history step of an image, with the layer it made (if any). */
export interface ImageLayer {
	/** The step's image id, or "<missing>". */
	historyId: string;
	createdBy: string;
	/** Unix seconds. */
	created: number;
	comment: string;
	tags: string[];
	/** Bytes. */
	size: number;
	/** The layer's digest; absent for steps that made no layer (ENV, CMD, …). */
	diffId?: string;
	chainId?: string;
	/** Other local images (a tag, else the short id) that have this layer. */
	sharedWith: string[];
}

/** What a layer browser shows: the history newest first, with sizes and sharing. */
export interface ImageLayers {
	id: string;
	size: number;
	/** Bytes in layers that other local images have too. */
	sharedSize: number;
	/** Bytes only this image has (removing it frees them, unless a container uses it). */
	uniqueSize: number;
	layers: ImageLayer[];
}

// ---------------------------------------------------------------- containers: diff and copy

/** `docker diff`: A added, C changed, D deleted. */
export interface ContainerChange {
	kind: 'A' | 'C' | 'D';
	path: string;
}

export type ArchiveEntryKind = 'file' | 'directory' | 'symlink' | 'hardlink';

export interface RefusedEntry {
	/** The entry's name in the archive (untrusted). */
	path: string;
	reason: string;
}

/** What copying out of a container would do; nothing is written yet. */
export interface CopyPlan {
	/** Where the copy lands: the host directory joined with the entry names. */
	destination: string;
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Entries that exist on the host already (paths relative to the destination): copied only with `overwrite`. */
	conflicts: string[];
	/** Entries that will never be written, and why (outside the destination, device, fifo, link out, …). */
	refused: RefusedEntry[];
}

export interface CopyOutOptions {
	/** Replace existing files and links (never a directory by a file, or the reverse). */
	overwrite?: boolean;
}

export interface WrittenEntry {
	/** Relative to the destination. */
	path: string;
	kind: ArchiveEntryKind;
	bytes: number;
}

export interface CopyOutResult {
	destination: string;
	written: WrittenEntry[];
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Existing entries left as they were (no `overwrite`). */
	kept: string[];
	refused: RefusedEntry[];
}

export interface CopyInResult {
	files: number;
	directories: number;
	symlinks: number;
	bytes: number;
	/** Host paths not sent: sockets, fifos, devices. */
	skipped: string[];
}

// ---------------------------------------------------------------- prune

/**
 * What a prune removes, with dockerd 20.10's rules: stopped containers (created, exited, dead);
 * images no container uses (all, or only untagged ones); networks without running containers,
 * except the predefined ones; every local volume no container refers to (named ones too: API
 * 1.41 has no "anonymous only"); build cache not in use (without "all": not shared, internal or frontend records).
 */
export type PruneTarget = 'containers' | 'dangling-images' | 'unused-images' | 'networks' | 'volumes' | 'build-cache' | 'all-build-cache';

export type PruneItemKind = 'container' | 'image' | 'network' | 'volume' | 'build-cache';

export interface PruneItem {
	kind: PruneItemKind;
	id: string;
	/** Container or network or volume name; an image's tags joined with ", " or its short id. */
	name: string;
	/** Bytes this item frees on its own, when known. */
	size?: number;
	/** Images: the references removed with it. */
	untagged?: string[];
	/**
	 * Images: "untag" when only the references go and the image stays (an image built on it is
	 * still needed). dockerd 20.10 does this to a tagged base image in an all-images prune.
	 */
	action?: 'untag';
}

export interface PruneOptions {
	/** Only objects with these labels ("key" or "key=value"), as `--filter label=…`. */
	labels?: string[];
}

export interface PrunePlan {
	targets: PruneTarget[];
	items: PruneItem[];
	counts: Record<PruneItemKind, number>;
	/** Bytes the engine would free (layers no other image keeps, container layers, volume data, cache). */
	space: number;
}

export interface PruneReport {
	targets: PruneTarget[];
	removed: PruneItem[];
	counts: Record<PruneItemKind, number>;
	/** The engine's own figure, summed over the targets. */
	spaceReclaimed: number;
}

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
	/** `docker build` with the classic builder; output lines in batches; resolves with the new image. */
	build(options: BuildOptions, onOutput: (lines: BuildLine[]) => void, signal?: AbortSignal): Promise<BuildResult>;

	containerChanges(id: string): Promise<ContainerChange[]>;
	/** What `copyFromContainer` would write into `hostDir`, with conflicts and refused entries. */
	planCopyFromContainer(id: string, containerPath: string, hostDir: string): Promise<CopyPlan>;
	/** `docker cp ID:PATH HOSTDIR`, unpacked safely: nothing lands outside `hostDir`. */
	copyFromContainer(id: string, containerPath: string, hostDir: string, options?: CopyOutOptions, signal?: AbortSignal): Promise<CopyOutResult>;
	/** `docker cp HOSTPATH ID:DIR`: the file or directory named, into the container's existing directory. */
	copyToContainer(id: string, hostPath: string, containerDir: string, signal?: AbortSignal): Promise<CopyInResult>;

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
