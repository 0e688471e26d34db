/**
 * An in-memory Engine for UI tests: the same interface as the real adapter, scripted state,
 * a record of every call, push-able log lines and events, and injectable failures. Engine
 * behaviour itself is tested against a real dockerd in test/engine and test/e2e.
 */
import {PassThrough} from 'node:stream';
import {
	EngineError,
	type CommitOptions,
	type ContainerStats,
	type ExecResult,
	type ProcessList,
	type RunContainerOptions,
	type StopResult,
	type TerminalSession,
	type ContainerDetails,
	type ContainerSummary,
	type Engine,
	type EngineEvent,
	type EngineInfo,
	type ImageHistoryEntry,
	type ImageSummary,
	type LogLine,
	type LogOptions,
	type ContainersApi,
	type DiskUsage,
	type EngineDetails,
	type EventsApi,
	type ImagesApi,
	type NetworksApi,
	type NodesApi,
	type RegistryApi,
	type ServicesApi,
	type SystemApi,
	type TasksApi,
	type VolumesApi,
		} from '../../source/engine/types.js';
import {fakeDiskUsage} from './fake-disk-usage.js';
import {FakeLifecycle} from './fake-lifecycle.js';
import {FakeNetworks} from './fake-networks.js';
import {FakeVolumes, type FakeMount} from './fake-volumes.js';
import {FakeSwarm} from './fake-swarm.js';

let counter = 0;
function hexId(): string {
	counter++;
	return (counter.toString(16).padStart(8, '0') + 'f'.repeat(56)).slice(0, 64);
}

export function fakeContainer(partial: Partial<ContainerSummary> & {name: string}): ContainerSummary {
	return {
		id: hexId(),
		image: 'berth-test/busybox:latest',
		imageId: 'sha256:' + 'a'.repeat(64),
		command: 'sleep 1000',
		created: 1_700_000_000,
		state: 'running',
		status: 'Up 5 minutes',
		ports: [],
		labels: {},
		...partial,
	};
}

export function fakeImage(partial: Partial<ImageSummary> & {repoTags: string[]}): ImageSummary {
	return {
		id: 'sha256:' + hexId(),
		repoDigests: [],
		created: 1_700_000_000,
		size: 1_234_567,
		...partial,
	};
}

type Call = [string, ...unknown[]];

interface LogSubscriber {
	id: string;
	onLines: (lines: LogLine[]) => void;
	resolve: () => void;
}

export class FakeEngine implements Engine {
	readonly endpoint = 'unix:///fake/docker.sock';
	/** The containers as the fake engine has them (what containers.list answers from). */
	containerRows: ContainerSummary[] = [];
	/** The images as the fake engine has them. */
	imageRows: ImageSummary[] = [];
	logs = new Map<string, LogLine[]>();
	/** Start and finish times per container id, as inspect reports them (RFC 3339). */
	times = new Map<string, {startedAt?: string; finishedAt?: string}>();
	/** What a container's inspect says besides what its row gives (restart count, the last health check). */
	inspected = new Map<string, Partial<ContainerDetails>>();
	calls: Call[] = [];
	/** Volume mounts per container id (what volumes.usedBy reads). */
	mounts = new Map<string, FakeMount[]>();
	/** Method name → error to throw (once, unless `sticky`). */
	failures = new Map<string, {error: EngineError; sticky: boolean}>();
	/** When set, every call rejects as unreachable. */
	down?: EngineError;
	/** Calls to these methods wait until `release()`. */
	holds = new Map<string, Array<() => void>>();
	held = new Set<string>();
	/**
	 * Set by `lagLists`: listContainers answers with the containers as they were this many ms
	 * before (by Date.now(), which fake timers drive), as a real engine reports some changes
	 * (`die`, `pause`) a little before its list shows them.
	 */
	private listLagMs = 0;
	private listHistory: Array<{at: number; containers: ContainerSummary[]}> = [];
	private logSubscribers = new Set<LogSubscriber>();
	private eventSubscribers = new Set<(e: EngineEvent) => void>();
	private eventEnders = new Set<() => void>();

	/** The lifecycle part (pull, push, build, copy, prune, run, …): its state is scripted there. */
	readonly lifecycle: FakeLifecycle;
	/** The swarm part (services, tasks, nodes): in no swarm until `swarm.becomeManager()`. */
	readonly swarm: FakeSwarm;

	constructor(init: {containers?: ContainerSummary[]; images?: ImageSummary[]} = {}) {
		this.containerRows = init.containers ?? [];
		this.imageRows = init.images ?? [];
		// The getters below read the lists as they are when asked (an arrow function cannot be a getter).
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const engine = this;
		this.lifecycle = new FakeLifecycle({
			enter: async (method, ...args) => this.enter(method, ...args),
			get containers() {
				return engine.containerRows;
			},
			get images() {
				return engine.imageRows;
			},
			emit: event => this.emit(event),
			session: () => this.session(),
			newContainer: fakeContainer,
			newImage: fakeImage,
		});
		this.swarm = new FakeSwarm({enter: async (method, ...args) => this.enter(method, ...args), emit: event => this.emit(event)});
	}

	fail(method: string, error: EngineError, sticky = false) {
		this.failures.set(method, {error, sticky});
	}

	/** Make calls to `method` wait until release(method). */
	hold(method: string) {
		this.held.add(method);
	}

	release(method: string) {
		this.held.delete(method);
		for (const resume of this.holds.get(method) ?? []) resume();
		this.holds.delete(method);
	}

	private async enter(method: string, ...args: unknown[]) {
		this.calls.push([method, ...args]);
		if (this.down) throw this.down;
		if (this.held.has(method)) {
			await new Promise<void>(resolve => {
				const list = this.holds.get(method) ?? [];
				list.push(resolve);
				this.holds.set(method, list);
			});
		}
		const failure = this.failures.get(method);
		if (failure) {
			if (!failure.sticky) this.failures.delete(method);
			throw failure.error;
		}
	}

	private find(id: string): ContainerSummary {
		const c = this.containerRows.find(x => x.id === id);
		if (!c) throw new EngineError('not-found', `No such container: ${id}`, {statusCode: 404});
		return c;
	}

	private update(id: string, patch: Partial<ContainerSummary>, action: string) {
		const index = this.containerRows.findIndex(x => x.id === id);
		this.containerRows[index] = {...this.containerRows[index]!, ...patch};
		this.emit({type: 'container', action, id, attributes: {name: this.containerRows[index]!.name}});
	}

	/** From now on, lists show each change `ms` after the event that reports it (see listLagMs). */
	lagLists(ms: number) {
		this.listLagMs = ms;
		this.listHistory = [{at: Number.NEGATIVE_INFINITY, containers: structuredClone(this.containerRows)}];
	}

	/** Changes a container as the engine would and reports it with an event (a destroy removes it). */
	change(id: string, action: string, patch: Partial<ContainerSummary> = {}) {
		if (action === 'destroy') {
			const gone = this.find(id);
			this.containerRows = this.containerRows.filter(c => c.id !== id);
			this.emit({type: 'container', action, id, attributes: {name: gone.name}});
			return;
		}
		this.find(id);
		this.update(id, patch, action);
	}

	emit(partial: Omit<EngineEvent, 'timeNano'> & {timeNano?: string}) {
		if (this.listLagMs > 0) this.listHistory.push({at: Date.now(), containers: structuredClone(this.containerRows)});
		const event: EngineEvent = {timeNano: `${Date.now()}000000`, ...partial};
		for (const subscriber of this.eventSubscribers) subscriber(event);
	}

	/** Ends every open events stream, as an engine restart would. */
	endEvents() {
		for (const end of this.eventEnders) end();
	}

	/** Appends lines to a container's log and delivers them to followers. */
	pushLog(id: string, lines: Array<string | LogLine>) {
		const stamped = lines.map((l, i) => {
			const line: LogLine = typeof l === 'string' ? {stream: 'stdout', text: l} : l;
			return {...line, timestamp: line.timestamp ?? new Date(Date.now() + i).toISOString()};
		});
		this.logs.set(id, [...(this.logs.get(id) ?? []), ...stamped]);
		for (const s of this.logSubscribers) if (s.id === id) s.onLines(stamped);
	}

	callsTo(method: string): Call[] {
		return this.calls.filter(c => c[0] === method);
	}

	async info(): Promise<EngineInfo> {
		await this.enter('info');
		return {version: '99.0.0-fake', apiVersion: '1.41', os: 'linux', arch: 'amd64'};
	}

	async listContainers(options: {ids?: string[]} = {}) {
		await this.enter('listContainers', options);
		const ids = options.ids;
		const seen = this.listLagMs > 0 ? this.listHistory.findLast(h => h.at <= Date.now() - this.listLagMs)?.containers : undefined;
		return (seen ?? this.containerRows).filter(c => !ids || ids.some(id => c.id.startsWith(id))).map(c => ({...c}));
	}

	async listImages() {
		await this.enter('listImages');
		return this.imageRows.map(i => ({...i}));
	}

	async inspectContainer(id: string): Promise<ContainerDetails> {
		await this.enter('inspectContainer', id);
		const c = this.find(id);
		return {
			id: c.id,
			name: c.name,
			image: c.image,
			imageId: c.imageId,
			created: '2026-11-23T10:00:00Z',
			path: 'sleep',
			args: ['1000'],
			cmd: ['sleep', '1000'],
			entrypoint: [],
			env: ['PATH=/bin', ...Object.entries(c.labels).map(([k, v]) => `L_${k}=${v}`)],
			workingDir: '',
			user: '',
			tty: false,
			state: c.state,
			running: c.state === 'running',
			paused: c.state === 'paused',
			restarting: false,
			pid: 1,
			exitCode: c.exitCode ?? 0,
			oomKilled: false,
			error: '',
			startedAt: this.times.get(c.id)?.startedAt ?? '2026-11-23T10:00:01.5Z',
			finishedAt: this.times.get(c.id)?.finishedAt ?? '0001-01-01T00:00:00Z',
			restartPolicy: {name: 'no', maximumRetryCount: 0},
			restartCount: 0,
			ports: c.ports,
			mounts: [],
			labels: c.labels,
			networks: ['bridge'],
			...this.inspected.get(c.id),
		};
	}

	async imageHistory(id: string): Promise<ImageHistoryEntry[]> {
		await this.enter('imageHistory', id);
		if (!this.imageRows.some(i => i.id === id)) throw new EngineError('not-found', `No such image: ${id}`, {statusCode: 404});
		return [
			{id, created: 1_700_000_000, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', size: 0, tags: [], comment: ''},
			{id: '<missing>', created: 1_699_000_000, createdBy: 'Imported from -', size: 1_234_567, tags: [], comment: ''},
		];
	}

	async startContainer(id: string) {
		await this.enter('startContainer', id);
		this.find(id);
		this.update(id, {state: 'running', status: 'Up Less than a second', exitCode: undefined}, 'start');
	}

	/** What the next stops report as having needed a SIGKILL (ids). */
	stopNeedsKill = new Set<string>();

	async stopContainer(id: string, timeout?: number): Promise<StopResult> {
		await this.enter('stopContainer', id, timeout);
		this.find(id);
		const graceSeconds = timeout ?? 10;
		const killed = this.stopNeedsKill.has(id);
		const exitCode = killed ? 137 : 143;
		this.update(id, {state: 'exited', status: `Exited (${exitCode}) Less than a second ago`, exitCode}, 'die');
		return {exitCode, killed, graceSeconds};
	}

	async killContainer(id: string, signal?: string) {
		await this.enter('killContainer', id, signal);
		this.find(id);
		this.update(id, {state: 'exited', status: 'Exited (137) Less than a second ago', exitCode: 137}, 'die');
	}

	async restartContainer(id: string) {
		await this.enter('restartContainer', id);
		this.find(id);
		this.update(id, {state: 'running', status: 'Up Less than a second'}, 'restart');
	}

	async pauseContainer(id: string) {
		await this.enter('pauseContainer', id);
		this.update(id, {state: 'paused', status: 'Up 5 minutes (Paused)'}, 'pause');
	}

	async unpauseContainer(id: string) {
		await this.enter('unpauseContainer', id);
		this.update(id, {state: 'running', status: 'Up 5 minutes'}, 'unpause');
	}

	async commitContainer(id: string, options: CommitOptions) {
		await this.enter('commitContainer', id, options);
		const c = this.find(id);
		const image = fakeImage({repoTags: [`${options.repo}:${options.tag}`]});
		this.imageRows.push(image);
		this.emit({type: 'image', action: 'commit', id: image.id, attributes: {name: c.name}});
		return image.id;
	}

	async removeContainer(id: string, options: {force?: boolean; volumes?: boolean} = {}) {
		await this.enter('removeContainer', id, options);
		const c = this.find(id);
		if (c.state === 'running' && !options.force) {
			throw new EngineError(
				'conflict',
				`You cannot remove a running container ${id}. Stop the container before attempting removal or force remove`,
				{statusCode: 409},
			);
		}
		this.containerRows = this.containerRows.filter(x => x.id !== id);
		this.emit({type: 'container', action: 'destroy', id, attributes: {name: c.name}});
	}

	async removeImage(ref: string, options: {force?: boolean} = {}) {
		await this.enter('removeImage', ref, options);
		const image = this.imageRows.find(i => i.id === ref || i.repoTags.includes(ref));
		if (!image) throw new EngineError('not-found', `No such image: ${ref}`, {statusCode: 404});
		const user = this.containerRows.find(c => c.imageId === image.id);
		if (user && !options.force) {
			throw new EngineError(
				'conflict',
				`conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(7, 19)}`,
				{statusCode: 409},
			);
		}
		if (image.repoTags.includes(ref) && image.repoTags.length > 1) image.repoTags = image.repoTags.filter(t => t !== ref);
		else this.imageRows = this.imageRows.filter(i => i !== image);
		this.emit({type: 'image', action: 'delete', id: image.id, attributes: {}});
	}

	async streamLogs(id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal) {
		await this.enter('streamLogs', id, options);
		const all = this.logs.get(id) ?? [];
		const initial = options.tail === 'all' ? all : all.slice(-options.tail);
		if (initial.length > 0) onLines(initial);
		if (!options.follow) return;
		await new Promise<void>(resolve => {
			const subscriber: LogSubscriber = {id, onLines, resolve};
			this.logSubscribers.add(subscriber);
			signal.addEventListener('abort', () => {
				this.logSubscribers.delete(subscriber);
				resolve();
			});
		});
	}

	/** Open log streams, by container id. */
	logFollowers(): string[] {
		return [...this.logSubscribers].map(s => s.id);
	}

	/** Stats each container reports; running containers without an entry report small numbers. */
	statsFor = new Map<string, Partial<ContainerStats>>();

	private statsOf(id: string): ContainerStats {
		const c = this.find(id);
		if (c.state !== 'running') throw new EngineError('conflict', `Container ${id} is not running`, {statusCode: 409});
		return {cpuPercent: 0.5, memoryUsage: 2_000_000, memoryLimit: 1_000_000_000, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 1, read: new Date().toISOString(), ...this.statsFor.get(id)};
	}

	async statsOnce(id: string) {
		await this.enter('statsOnce', id);
		return this.statsOf(id);
	}

	async streamStats(id: string, onStats: (s: ContainerStats) => void, signal: AbortSignal) {
		await this.enter('streamStats', id);
		onStats(this.statsOf(id));
		await new Promise<void>(resolve => {
			const timer = setInterval(() => onStats(this.statsOf(id)), 100);
			signal.addEventListener('abort', () => {
				clearInterval(timer);
				resolve();
			});
		});
	}

	async top(id: string): Promise<ProcessList> {
		await this.enter('top', id);
		this.statsOf(id);
		return {titles: ['PID', 'USER', 'CMD'], processes: [['1', 'root', 'sleep 1000'], ['7', 'root', 'sh']]};
	}

	async execCapture(id: string, cmd: string[]): Promise<ExecResult> {
		await this.enter('execCapture', id, cmd);
		this.statsOf(id);
		return {exitCode: 0, stdout: '/bin/sh\n', stderr: ''};
	}

	/** Sessions opened by execInteractive/attach, newest last; the test ends them. */
	sessions: Array<{session: TerminalSession; end(result: {exitCode?: number; detached?: boolean}): void; typed: string[]}> = [];

	private session(): TerminalSession {
		const output = new PassThrough();
		const input = new PassThrough();
		let end!: (r: {exitCode?: number; detached?: boolean}) => void;
		const done = new Promise<{exitCode?: number; detached?: boolean}>(resolve => {
			end = resolve;
		});
		const typed: string[] = [];
		input.on('data', d => typed.push(String(d)));
		const session: TerminalSession = {output, input, resize: async () => {}, done, close: () => end({})};
		this.sessions.push({session, end, typed});
		return session;
	}

	async execInteractive(id: string, cmd: string[], size: {columns: number; rows: number}) {
		await this.enter('execInteractive', id, cmd, size);
		this.statsOf(id);
		return this.session();
	}

	async attach(id: string, size: {columns: number; rows: number}) {
		await this.enter('attach', id, size);
		this.statsOf(id);
		return this.session();
	}

	async runContainer(image: string, options: RunContainerOptions) {
		await this.enter('runContainer', image, options);
		const c = fakeContainer({name: options.name ?? `run-${this.containerRows.length}`, image});
		this.containerRows.push(c);
		this.emit({type: 'container', action: 'start', id: c.id, attributes: {name: c.name}});
		return c.id;
	}

	async streamEvents(options: {since?: string; swarm?: boolean}, onEvent: (e: EngineEvent) => void, signal: AbortSignal) {
		await this.enter('streamEvents', options);
		// Service and node events only reach a stream that asked for them, on a manager (as the real adapter).
		const swarm = options.swarm === true && this.swarm.membership.role === 'manager';
		const deliver = (event: EngineEvent) => {
			if (swarm || (event.type !== 'service' && event.type !== 'node')) onEvent(event);
		};
		await new Promise<void>(resolve => {
			const end = () => {
				this.eventSubscribers.delete(deliver);
				this.eventEnders.delete(end);
				resolve();
			};
			this.eventSubscribers.add(deliver);
			this.eventEnders.add(end);
			signal.addEventListener('abort', end);
		});
	}


	// ------------------------------------------------------------ the Engine, per kind

	readonly containers: ContainersApi = {
		list: async options => this.listContainers(options),
		inspect: async id => this.inspectContainer(id),
		start: async id => this.startContainer(id),
		stop: async (id, timeout) => this.stopContainer(id, timeout),
		kill: async (id, signal) => this.killContainer(id, signal),
		restart: async id => this.restartContainer(id),
		pause: async id => this.pauseContainer(id),
		unpause: async id => this.unpauseContainer(id),
		remove: async (id, options) => this.removeContainer(id, options),
		rename: async (id, name) => this.lifecycle.renameContainer(id, name),
		commit: async (id, options) => this.commitContainer(id, options),
		logs: async (id, options, onLines, signal) => this.streamLogs(id, options, onLines, signal),
		statsOnce: async id => this.statsOnce(id),
		streamStats: async (id, onStats, signal) => this.streamStats(id, onStats, signal),
		top: async id => this.top(id),
		changes: async id => this.lifecycle.containerChanges(id),
		execCapture: async (id, cmd) => this.execCapture(id, cmd),
		execInteractive: async (id, cmd, size) => this.execInteractive(id, cmd, size),
		attach: async (id, size) => this.attach(id, size),
		startAttached: async (id, size) => this.lifecycle.startAttached(id, size),
		create: async (image, options) => this.withMounts(await this.lifecycle.createContainer(image, options), options),
		run: async (image, options) => this.withMounts(await this.runContainer(image, options), options),
		runAttached: async (image, options, onOutput, signal) => this.lifecycle.runAttached(image, options, onOutput, signal),
		runInteractive: async (image, options, size) => this.lifecycle.runInteractive(image, options, size),
		copyFrom: async (id, path, hostDir, options, signal) => this.lifecycle.copyFromContainer(id, path, hostDir, options, signal),
		copyTo: async (id, hostPath, dir, options, signal) => this.lifecycle.copyToContainer(id, hostPath, dir, options, signal),
	};

	readonly images: ImagesApi = {
		list: async () => this.listImages(),
		inspect: async ref => this.lifecycle.inspectImage(ref),
		history: async ref => this.imageHistory(ref),
		layers: async ref => this.lifecycle.imageLayers(ref),
		remove: async (ref, options) => this.removeImage(ref, options),
		tag: async (source, repo, tag) => this.lifecycle.tagImage(source, repo, tag),
		exists: async ref => this.lifecycle.imageExists(ref),
		pull: async (ref, options, onProgress, signal) => this.lifecycle.pull(ref, options, onProgress, signal),
		push: async (ref, options, onProgress, signal) => this.lifecycle.push(ref, options, onProgress, signal),
		build: async (options, onOutput, signal, onUpload) => this.lifecycle.build(options, onOutput, signal, onUpload),
	};

	readonly registry: RegistryApi = {
		login: async credentials => this.lifecycle.login(credentials),
		remember: credentials => this.lifecycle.rememberCredentials(credentials),
		forget: registry => this.lifecycle.forgetCredentials(registry),
		find: async ref => this.lifecycle.findCredentials(ref),
	};

	readonly system: SystemApi = {
		info: async () => this.info(),
		details: async () => this.details(),
		diskUsage: async () => this.diskUsage(),
		swarmRole: async options => this.swarm.swarmRole(options),
		previewPrune: async (targets, options) => this.lifecycle.previewPrune(targets, options),
		prune: async (targets, options) => this.lifecycle.prune(targets, options),
	};

	readonly events: EventsApi = {
		stream: async (options, onEvent, signal) => this.streamEvents(options, onEvent, signal),
	};

	readonly services: ServicesApi = {
		list: async () => this.swarm.listServices(),
		inspect: async id => this.swarm.inspectService(id),
		scale: async (id, replicas) => this.swarm.scaleService(id, replicas),
		forceUpdate: async id => this.swarm.forceUpdateService(id),
		rollback: async id => this.swarm.rollbackService(id),
		remove: async id => this.swarm.removeService(id),
		logs: async (id, options, onLines, signal) => this.swarm.streamServiceLogs(id, options, onLines, signal),
	};

	readonly tasks: TasksApi = {list: async serviceId => this.swarm.listTasks(serviceId)};

	readonly nodes: NodesApi = {
		list: async () => this.swarm.listNodes(),
		inspect: async id => this.swarm.inspectNode(id),
		setAvailability: async (id, availability) => this.swarm.setNodeAvailability(id, availability),
	};

	/** Volumes (fake-volumes.ts): scripted with `volumeStore.add()`. */
	readonly volumeStore: FakeVolumes = new FakeVolumes({
		enter: async (method, ...args) => this.enter(method, ...args),
		emit: event => this.emit(event),
		containers: () => this.containerRows,
		mounts: id => this.mounts.get(id) ?? [],
	});

	readonly volumes: VolumesApi = this.volumeStore.api();

	/** Networks (fake-networks.ts): the predefined ones to begin with; `networkStore.add()` for more. */
	readonly networkStore: FakeNetworks = new FakeNetworks({
		enter: async (method, ...args) => this.enter(method, ...args),
		emit: event => this.emit(event),
		containers: () => this.containerRows,
	});

	readonly networks: NetworksApi = this.networkStore.api();

	/** Named volumes in a run's binds (`NAME:/path[:ro]`) are mounted, and made when missing, as the engine does. */
	private async withMounts(id: string, options: RunContainerOptions): Promise<string> {
		const mounts: FakeMount[] = [];
		for (const bind of options.binds) {
			const [name, destination, mode] = bind.split(':');
			if (!name || !destination || name.startsWith('/') || name.startsWith('.')) continue;
			if (!this.volumeStore.rows.some(volume => volume.name === name)) this.volumeStore.add({name});
			mounts.push({type: 'volume', name, destination, readOnly: mode === 'ro'});
		}

		if (mounts.length > 0) this.mounts.set(id, mounts);
		return id;
	}

	/** What system.details answers (merged over plain defaults). */
	engineDetails: Partial<EngineDetails> = {};

	private async details(): Promise<EngineDetails> {
		const info = await this.info();
		const running = this.containerRows.filter(container => container.state === 'running').length;
		const paused = this.containerRows.filter(container => container.state === 'paused').length;
		return {
			...info,
			name: 'fake',
			kernelVersion: '6.1.0',
			operatingSystem: 'Fake Linux',
			storageDriver: 'overlay2',
			cgroupDriver: 'systemd',
			cgroupVersion: '2',
			runtimes: ['runc'],
			defaultRuntime: 'runc',
			loggingDriver: 'json-file',
			cpus: 2,
			memory: 8 * 1024 ** 3,
			containers: {total: this.containerRows.length, running, paused, stopped: this.containerRows.length - running - paused},
			images: this.imageRows.length,
			swarmState: this.swarm.membership.role === 'none' ? 'inactive' : 'active',
			warnings: [],
			dockerRootDir: '/var/lib/docker',
			...this.engineDetails,
		};
	}

	private async diskUsage(): Promise<DiskUsage> {
		await this.enter('diskUsage');
		return fakeDiskUsage(this.containerRows, this.imageRows, await this.volumes.list());
	}

}

