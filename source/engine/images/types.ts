/** Build, image details and layers (part of lifecycle-types.ts). */

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
