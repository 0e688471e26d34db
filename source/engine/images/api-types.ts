/**
 * The images kind of the Engine (`engine.images`), and the registry credentials pull and push
 * use (`engine.registry`). Every method rejects with an EngineError carrying the engine's
 * message. With several hosts a reference names its host by its qualifier (`<ref>@<host>`), else
 * the host whose last list has it, else the first host up.
 */
import type {ImageHistoryEntry, ImageSummary} from '../listing-types.js';
import type {CredentialInfo, PullOptions, PullResult, PushOptions, PushResult, RegistryCredentials, TransferProgress} from './transfer-types.js';
import type {BuildLine, BuildOptions, BuildResult, ImageDetails, ImageLayers} from './types.js';
import type {CopyProgress} from '../containers/file-types.js';

export interface ImagesApi {
	/** All tagged and dangling top-level images, one entry per image (tags in repoTags). */
	list(): Promise<ImageSummary[]>;
	inspect(ref: string): Promise<ImageDetails>;
	history(ref: string): Promise<ImageHistoryEntry[]>;
	/** Which history steps made the image's layers, with their chain ids. */
	layers(ref: string): Promise<ImageLayers>;
	remove(ref: string, options?: {force?: boolean}): Promise<void>;
	/** `docker tag SOURCE REPO:TAG`. */
	tag(source: string, repo: string, tag: string): Promise<void>;
	/** True when the engine has the image (to offer a pull before run). */
	exists(ref: string): Promise<boolean>;
	/**
	 * `docker pull REF`. Progress after each engine message. Errors the engine reports inside the
	 * stream reject too; a registry that wants credentials rejects with code 'unauthorized'.
	 * Aborting rejects with 'aborted' (the engine stops the pull).
	 */
	pull(ref: string, options: PullOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PullResult>;
	/** `docker push REF`; as pull. */
	push(ref: string, options: PushOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PushResult>;
	/**
	 * `docker build` with the classic builder; output lines in batches; resolves with the new
	 * image. `onUpload`: how much of the context was sent (its file contents, against the total
	 * counted first). Aborting closes the connection: while the context is being sent the engine
	 * discards it; during a step it stops the build.
	 */
	build(options: BuildOptions, onOutput: (lines: BuildLine[]) => void, signal?: AbortSignal, onUpload?: (progress: CopyProgress) => void): Promise<BuildResult>;
}

/** Registry credentials for this session (in memory only), as pull, push and login use them. */
export interface RegistryApi {
	/** Checks credentials with the registry (the engine's /auth, as `docker login`) and keeps them. */
	login(credentials: RegistryCredentials): Promise<void>;
	/** Keeps credentials for this session without checking them. */
	remember(credentials: RegistryCredentials): void;
	forget(registry: string): void;
	/** Which credentials pull/push of `ref` would use, without the secret. */
	find(ref: string): Promise<CredentialInfo | undefined>;
}
