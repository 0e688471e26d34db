/**
 * In-memory versions of the lifecycle methods (pull, push, build, copy, prune, run, …) for
 * FakeEngine: scripted state a UI test sets up, the same result types and EngineErrors as the
 * real adapter (whose behaviour is tested against dockerd in test/engine). Calls are recorded and
 * failures injected through FakeEngine's `calls`, `fail` and `hold`.
 */
import {
	BuildError,
	EngineError,
	type BuildLine,
	type BuildOptions,
	type BuildResult,
	type ContainerChange,
	type ContainerSummary,
	type CopyInOptions,
	type CopyProgress,
	type CopyInResult,
	type CopyOutOptions,
	type CopyOutResult,
	type CredentialInfo,
	type ImageDetails,
	type ImageLayers,
	type ImageSummary,
	type LogLine,
	type PruneOptions,
	type PrunePlan,
	type PruneReport,
	type PruneTarget,
	type PullOptions,
	type PullResult,
	type PushOptions,
	type PushResult,
	type RegistryCredentials,
	type RunContainerOptions,
	type RunOutcome,
	type RunSession,
	type TerminalSession,
	type TransferProgress,
} from '../../source/engine/types.js';
import {credentialKey, registryOf} from '../../source/engine/images/registry-names.js';
import {abortable, countKinds, fakePruneItems, tally, type FakeFile, type FakeNetwork, type FakeVolume} from './fake-lifecycle-rules.js';

export type {FakeFile, FakeNetwork, FakeVolume} from './fake-lifecycle-rules.js';

/** What FakeEngine lends its lifecycle part. */
export interface FakeHost {
	enter(method: string, ...args: unknown[]): Promise<void>;
	containers: ContainerSummary[];
	images: ImageSummary[];
	emit(event: {type: string; action: string; id: string; attributes: Record<string, string>}): void;
	session(): TerminalSession;
	newContainer(partial: Partial<ContainerSummary> & {name: string}): ContainerSummary;
	newImage(partial: Partial<ImageSummary> & {repoTags: string[]}): ImageSummary;
}

export class FakeLifecycle {
	/** Images a registry would serve: reference → layer sizes. */
	remote = new Map<string, number[]>();
	/** Registries that refuse without these credentials (by registry host, e.g. "127.0.0.1:5000"). */
	protectedRegistries = new Map<string, {username: string; password: string}>();
	/** Credentials found in a docker config (what findCredentials reports as "config"). */
	configCredentials = new Map<string, RegistryCredentials>();
	/** The build's output, line by line; a line of kind "error" makes the build fail with its text. */
	buildOutput: Array<BuildLine | {kind: 'error'; text: string}> = [
		{kind: 'step', text: 'Step 1/2 : FROM berth-test/busybox:latest', step: {index: 1, total: 2, instruction: 'FROM berth-test/busybox:latest'}},
		{kind: 'step', text: 'Step 2/2 : CMD ["sh"]', step: {index: 2, total: 2, instruction: 'CMD ["sh"]'}},
	];

	/** Changes and files per container id. */
	changes = new Map<string, ContainerChange[]>();
	files = new Map<string, FakeFile[]>();
	/** Host paths that exist already (conflicts for copy out). */
	hostPaths = new Set<string>();
	networks: FakeNetwork[] = [];
	volumes: FakeVolume[] = [];
	/** Output and exit code of runAttached. */
	runOutput: LogLine[] = [];
	runExitCode = 0;
	/** When set, pulls and pushes wait for it after their first progress (to watch a transfer in flight). */
	transferPause?: Promise<void>;
	/** Extra progress reports of the downloading step, all at once (a chatty registry). */
	progressRepeats = 0;
	/** When set, a build waits for it after its output, before it ends. */
	buildPause?: Promise<void>;
	/** Details merged into inspectImage's answer, by image id. */
	imageDetails = new Map<string, Partial<ImageDetails>>();
	/** imageLayers' answer, by image id (else a two-step history). */
	layersFor = new Map<string, ImageLayers>();
	private readonly sessionCredentials = new Map<string, RegistryCredentials>();

	constructor(private readonly host: FakeHost) {}

	private credentialsFor(ref: string, given?: RegistryCredentials): RegistryCredentials | undefined {
		const key = credentialKey(registryOf(ref));
		return given ?? this.sessionCredentials.get(key) ?? this.configCredentials.get(key);
	}

	private checkAuth(ref: string, given?: RegistryCredentials): void {
		const wanted = this.protectedRegistries.get(registryOf(ref));
		if (!wanted) return;
		const credentials = this.credentialsFor(ref, given);
		if (!credentials) throw new EngineError('unauthorized', `Head "http://${registryOf(ref)}/v2/": no basic auth credentials`, {statusCode: 500});
		if (credentials.username !== wanted.username || credentials.password !== wanted.password) throw new EngineError('unauthorized', 'unauthorized: authentication required', {statusCode: 500});
	}

	private findImage(ref: string): ImageSummary | undefined {
		const name = ref.includes(':') || ref.startsWith('sha256') ? ref : `${ref}:latest`;
		return this.host.images.find(image => image.id === ref || image.id === `sha256:${ref}` || image.repoTags.includes(name));
	}

	private image(ref: string): ImageSummary {
		const image = this.findImage(ref);
		if (!image) throw new EngineError('not-found', `No such image: ${ref}`, {statusCode: 404});
		return image;
	}

	private async transferSteps(layers: number[], onProgress: (progress: TransferProgress) => void, done: 'done' | 'exists', signal?: AbortSignal): Promise<void> {
		const ids = layers.map((_, index) => `${String(index).padStart(2, '0')}${'ab'.repeat(5)}`);
		for (const [step, phase] of (['waiting', 'downloading', done] as const).entries()) {
			if (signal?.aborted) throw new EngineError('aborted', 'Cancelled');
			const finished = step === 2;
			const report = (part: number) => onProgress({
				layers: ids.map((id, index) => ({id, phase, status: phase, ...(phase === 'downloading' && {current: Math.floor(layers[index]! * part), total: layers[index]!})})),
				current: step === 0 ? 0 : layers.reduce((sum, size) => sum + (finished ? size : Math.floor(size * part)), 0),
				total: layers.reduce((sum, size) => sum + size, 0),
				finished: finished ? layers.length : 0,
			});
			if (phase === 'downloading') for (let repeat = 0; repeat < this.progressRepeats; repeat++) report((repeat + 1) / (this.progressRepeats + 2));
			report(0.5);
			if (step === 1 && this.transferPause) await abortable(this.transferPause, signal);
		}
	}

	async pull(ref: string, options: PullOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PullResult> {
		await this.host.enter('pull', ref, options);
		this.checkAuth(ref, options.auth);
		const full = ref.includes(':') ? ref : `${ref}:latest`;
		const layers = this.remote.get(full);
		if (!layers) throw new EngineError('not-found', `manifest for ${full} not found: manifest unknown: manifest unknown`, {statusCode: 404});
		const existing = this.findImage(full);
		await this.transferSteps(layers, onProgress, existing ? 'exists' : 'done', signal);
		if (!existing) {
			const image = this.host.newImage({repoTags: [full], size: layers.reduce((sum, size) => sum + size, 0)});
			this.host.images.push(image);
			this.host.emit({type: 'image', action: 'pull', id: full, attributes: {}});
		}

		return {ref: full, digest: `sha256:${'d'.repeat(64)}`, upToDate: existing !== undefined};
	}

	async push(ref: string, options: PushOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PushResult> {
		await this.host.enter('push', ref, options);
		const image = this.image(ref);
		this.checkAuth(ref, options.auth);
		await this.transferSteps([image.size], onProgress, 'done', signal);
		const tag = ref.slice(ref.lastIndexOf(':') + 1);
		this.remote.set(ref, [image.size]);
		return {ref, tag, digest: `sha256:${'e'.repeat(64)}`, size: 527};
	}

	async login(credentials: RegistryCredentials): Promise<void> {
		await this.host.enter('login', {...credentials, password: credentials.password ? '***' : undefined});
		const wanted = this.protectedRegistries.get(credentials.serverAddress);
		if (wanted && (credentials.username !== wanted.username || credentials.password !== wanted.password)) {
			throw new EngineError('unauthorized', `login attempt to http://${credentials.serverAddress}/v2/ failed with status: 401 Unauthorized`, {statusCode: 500});
		}

		this.rememberCredentials(credentials);
	}

	rememberCredentials(credentials: RegistryCredentials): void {
		this.sessionCredentials.set(credentialKey(credentials.serverAddress), {...credentials, serverAddress: credentialKey(credentials.serverAddress)});
	}

	forgetCredentials(registry: string): void {
		this.sessionCredentials.delete(credentialKey(registry));
	}

	async findCredentials(ref: string): Promise<CredentialInfo | undefined> {
		await this.host.enter('findCredentials', ref);
		const key = credentialKey(registryOf(ref));
		const session = this.sessionCredentials.get(key);
		if (session) return {registry: key, source: 'session', username: session.username};
		const config = this.configCredentials.get(key);
		return config ? {registry: key, source: 'config', username: config.username} : undefined;
	}

	async tagImage(source: string, repo: string, tag: string): Promise<void> {
		await this.host.enter('tagImage', source, repo, tag);
		const image = this.image(source);
		const name = `${repo}:${tag}`;
		for (const other of this.host.images) other.repoTags = other.repoTags.filter(existing => existing !== name);
		image.repoTags = [...image.repoTags, name];
		this.host.emit({type: 'image', action: 'tag', id: image.id, attributes: {name}});
	}

	async imageExists(ref: string): Promise<boolean> {
		await this.host.enter('imageExists', ref);
		return this.findImage(ref) !== undefined;
	}

	async inspectImage(ref: string): Promise<ImageDetails> {
		await this.host.enter('inspectImage', ref);
		const image = this.image(ref);
		const config = {entrypoint: [], cmd: ['/bin/sh'], env: ['PATH=/bin'], exposedPorts: [], volumes: [], workingDir: '', user: '', labels: {}, onBuild: []};
		const extra = this.imageDetails.get(image.id);
		if (extra) {
			const merged = {...config, ...extra.config};
			return {
				id: image.id, repoTags: image.repoTags, repoDigests: image.repoDigests, parent: '', comment: '', created: '2026-11-23T10:00:00Z', author: '', dockerVersion: '20.10.24',
				architecture: 'amd64', os: 'linux', size: image.size, layers: [`sha256:${'1'.repeat(64)}`], raw: {Id: image.id, RepoTags: image.repoTags}, ...extra, config: merged,
			};
		}

		return {
			id: image.id, repoTags: image.repoTags, repoDigests: image.repoDigests, parent: '', comment: '', created: '2026-11-23T10:00:00Z', author: '', dockerVersion: '20.10.24',
			architecture: 'amd64', os: 'linux', size: image.size, config, layers: [`sha256:${'1'.repeat(64)}`], raw: {Id: image.id, RepoTags: image.repoTags},
		};
	}

	async imageLayers(ref: string): Promise<ImageLayers> {
		await this.host.enter('imageLayers', ref);
		const image = this.image(ref);
		const scripted = this.layersFor.get(image.id);
		if (scripted) return scripted;
		return {
			id: image.id,
			size: image.size,
			sharedSize: 0,
			uniqueSize: image.size,
			layers: [
				{historyId: image.id, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', created: image.created, comment: '', tags: image.repoTags, size: 0, sharedWith: []},
				{historyId: '<missing>', createdBy: 'Imported from -', created: image.created, comment: '', tags: [], size: image.size, diffId: `sha256:${'1'.repeat(64)}`, chainId: `sha256:${'1'.repeat(64)}`, sharedWith: []},
			],
		};
	}

	/** The context is "sent" (progress to `onUpload`, with a stop at `build.upload` to hold it there), then the output comes. */
	async build(options: BuildOptions, onOutput: (lines: BuildLine[]) => void, signal?: AbortSignal, onUpload?: (progress: CopyProgress) => void): Promise<BuildResult> {
		await this.host.enter('build', options);
		onUpload?.({bytes: 2_000_000, total: 8_000_000, entries: 3, current: 'ctx/big.bin'});
		await abortable(this.host.enter('build.upload'), signal);
		onUpload?.({bytes: 8_000_000, total: 8_000_000, entries: 3});
		let step;
		for (const line of this.buildOutput) {
			if (signal?.aborted) throw new EngineError('aborted', 'Cancelled');
			if (line.kind === 'error') throw new BuildError('server', line.text, step);
			if (line.step) step = line.step;
			onOutput([line]);
		}

		if (this.buildPause) await this.buildPause;

		const image = this.host.newImage({repoTags: options.tags ?? []});
		this.host.images.push(image);
		onOutput([{kind: 'built', text: `Successfully built ${image.id.slice(7, 19)}`, id: image.id.slice(7, 19)}, ...(options.tags ?? []).map(tag => ({kind: 'tagged' as const, text: `Successfully tagged ${tag}`, tag}))]);
		return {imageId: image.id, tags: options.tags ?? [], context: {files: 1, directories: 0, symlinks: 0, bytes: 42, ignored: 0, skipped: []}};
	}

	private container(id: string): ContainerSummary {
		const container = this.host.containers.find(candidate => candidate.id === id || candidate.name === id);
		if (!container) throw new EngineError('not-found', `No such container: ${id}`, {statusCode: 404});
		return container;
	}

	async containerChanges(id: string): Promise<ContainerChange[]> {
		await this.host.enter('containerChanges', id);
		this.container(id);
		return this.changes.get(id) ?? [];
	}

	private filesUnder(id: string, containerPath: string): FakeFile[] {
		const container = this.container(id);
		const base = containerPath.replace(/\/+$/, '');
		const found = (this.files.get(container.id) ?? []).filter(file => file.path === base || file.path.startsWith(`${base}/`));
		if (found.length === 0) throw new EngineError('not-found', `Could not find the file ${containerPath} in container ${id}`, {statusCode: 404});
		const parent = base.slice(0, base.lastIndexOf('/') + 1);
		return found.map(file => ({...file, path: file.path.slice(parent.length)}));
	}

	/**
	 * Copies the fake files out: progress after each, a stop at `copyFromContainer.midway` (hold it to
	 * see the copy running; a cancel then rejects as the real one does), existing host paths asked
	 * about at the end, refused files reported.
	 */
	async copyFromContainer(id: string, containerPath: string, hostDir: string, options: CopyOutOptions = {}, signal?: AbortSignal): Promise<CopyOutResult> {
		await this.host.enter('copyFromContainer', id, containerPath, hostDir);
		const files = this.filesUnder(id, containerPath);
		const sized = files.length === 1 && files[0]!.kind === 'file' ? {total: files[0]!.bytes} : {};
		let bytes = 0;
		for (const [index, file] of files.entries()) {
			bytes += file.bytes;
			options.onProgress?.({bytes, entries: index + 1, current: file.path, ...sized});
			if (index === 0) {
				await abortable(this.host.enter('copyFromContainer.midway'), signal, `Cancelled after ${bytes} bytes: nothing was copied`).catch((error: unknown) => {
					// As the real one can: a piece already read is reported after the copy ended.
					setTimeout(() => {
						options.onProgress?.({bytes: bytes + 1, entries: 2, current: file.path, ...sized});
						void this.host.enter('copyFromContainer.late-progress');
					}, 50);
					throw error;
				});
			}
		}
		const refused = files.filter(file => file.refused).map(file => ({path: file.path, reason: file.refused!}));
		const copied = files.filter(file => !file.refused);
		const conflicts = copied.filter(file => file.kind !== 'directory' && this.hostPaths.has(`${hostDir}/${file.path}`)).map(file => file.path);
		if (conflicts.length > 0 && !(await abortable(options.onConflicts?.(conflicts) ?? Promise.resolve(false), signal))) {
			return {destination: hostDir, written: [], ...tally([]), replaced: [], refused, declined: conflicts};
		}
		for (const file of copied) this.hostPaths.add(`${hostDir}/${file.path}`);
		return {destination: hostDir, written: copied.map(file => ({path: file.path, kind: file.kind, bytes: file.bytes})), ...tally(copied), replaced: conflicts, refused};
	}

	/** Puts one fake file in: progress, then a stop at `copyToContainer.midway` (as copy out). */
	async copyToContainer(id: string, hostPath: string, containerDir: string, options: CopyInOptions = {}, signal?: AbortSignal): Promise<CopyInResult> {
		await this.host.enter('copyToContainer', id, hostPath, containerDir);
		const container = this.container(id);
		options.onProgress?.({bytes: 21, total: 42, entries: 1, current: hostPath});
		await abortable(this.host.enter('copyToContainer.midway'), signal, 'Cancelled after 21 bytes of 42 bytes: the container keeps the 0 entries sent whole');
		options.onProgress?.({bytes: 42, total: 42, entries: 1, current: hostPath});
		const name = hostPath.slice(hostPath.lastIndexOf('/') + 1);
		this.files.set(container.id, [...(this.files.get(container.id) ?? []), {path: `${containerDir.replace(/\/+$/, '')}/${name}`, kind: 'file', bytes: 42}]);
		return {files: 1, directories: 0, symlinks: 0, bytes: 42, skipped: []};
	}

	async previewPrune(targets: PruneTarget[], options?: PruneOptions): Promise<PrunePlan> {
		await this.host.enter('previewPrune', targets, options);
		const items = fakePruneItems(this.host.containers, this.host.images, this.networks, this.volumes, targets, options);
		return {targets, items, counts: countKinds(items), space: items.reduce((sum, item) => sum + (item.size ?? 0), 0)};
	}

	async prune(targets: PruneTarget[], options?: PruneOptions): Promise<PruneReport> {
		await this.host.enter('prune', targets, options);
		const items = fakePruneItems(this.host.containers, this.host.images, this.networks, this.volumes, targets, options);
		const gone = new Set(items.map(item => item.id));
		this.host.containers.splice(0, this.host.containers.length, ...this.host.containers.filter(container => !gone.has(container.id)));
		this.host.images.splice(0, this.host.images.length, ...this.host.images.filter(image => !gone.has(image.id)));
		this.networks = this.networks.filter(network => !gone.has(network.id));
		this.volumes = this.volumes.filter(volume => !gone.has(volume.name));
		for (const item of items) this.host.emit({type: item.kind, action: item.kind === 'image' ? 'delete' : 'destroy', id: item.id, attributes: {name: item.name}});
		return {targets, removed: items, counts: countKinds(items), spaceReclaimed: items.reduce((sum, item) => sum + (item.size ?? 0), 0)};
	}

	private create(image: string, options: RunContainerOptions, state: ContainerSummary['state']): ContainerSummary {
		this.image(image);
		if (options.name && this.host.containers.some(container => container.name === options.name)) {
			throw new EngineError('conflict', `Conflict. The container name "/${options.name}" is already in use by container "${this.host.containers.find(container => container.name === options.name)!.id}". You have to remove (or rename) that container to be able to reuse that name.`, {statusCode: 409});
		}

		const container = this.host.newContainer({name: options.name ?? `fake-${this.host.containers.length}`, image, state, status: state === 'created' ? 'Created' : 'Up Less than a second', labels: options.labels ?? {}});
		this.host.containers.push(container);
		this.host.emit({type: 'container', action: 'create', id: container.id, attributes: {name: container.name}});
		return container;
	}

	async createContainer(image: string, options: RunContainerOptions): Promise<string> {
		await this.host.enter('createContainer', image, options);
		return this.create(image, options, 'created').id;
	}

	async runAttached(image: string, options: RunContainerOptions, onOutput: (lines: LogLine[]) => void, _signal?: AbortSignal): Promise<RunOutcome> {
		await this.host.enter('runAttached', image, options);
		const container = this.create(image, options, 'running');
		if (this.runOutput.length > 0) onOutput(this.runOutput.map(line => ({...line})));
		Object.assign(container, {state: 'exited', status: `Exited (${this.runExitCode}) Less than a second ago`, exitCode: this.runExitCode});
		if (options.autoRemove) this.host.containers.splice(this.host.containers.indexOf(container), 1);
		return {id: container.id, exitCode: this.runExitCode, removed: options.autoRemove === true};
	}

	async runInteractive(image: string, options: RunContainerOptions, size: {columns: number; rows: number}): Promise<RunSession> {
		await this.host.enter('runInteractive', image, options, size);
		return {id: this.create(image, options, 'running').id, session: this.host.session()};
	}

	async startAttached(id: string, size: {columns: number; rows: number}): Promise<TerminalSession> {
		await this.host.enter('startAttached', id, size);
		Object.assign(this.container(id), {state: 'running', status: 'Up Less than a second', exitCode: undefined});
		return this.host.session();
	}

	async renameContainer(id: string, name: string): Promise<void> {
		await this.host.enter('renameContainer', id, name);
		const container = this.container(id);
		const holder = this.host.containers.find(other => other.name === name && other !== container);
		if (holder) throw new EngineError('conflict', `Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`, {statusCode: 409});
		if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) throw new EngineError('bad-request', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, {statusCode: 400});
		container.name = name;
		this.host.emit({type: 'container', action: 'rename', id: container.id, attributes: {name}});
	}
}
