/**
 * The Engine on a real Docker engine. The modules beside this one do the work (of them only
 * `transport.ts` and `api-client.ts` import docker-modem, dockerode's transport, and nothing outside source/engine does);
 * everything above sees the domain types of `types.ts`:
 *
 * - `api-client.ts`: requests through dockerode's modem (negotiation, timeouts, streams, hijack)
 * - `transport.ts`, `socket-watch.ts`, `ssh-agent.ts`, `ssh-connector.ts`: the connection (unix, tcp/TLS, ssh via dial-stdio
 *   through one ControlMaster)
 * - `api-version.ts`, `timestamps.ts`: query parameters
 * - `mapping.ts`, `event-parser.ts`, `log-parser.ts`, `stats.ts`: the engine's answers to domain types
 * - `streams.ts`, `stats-reader.ts`: the logs, events and stats streams
 * - `stop-container.ts`: a stop that takes more than one request; `lifecycle/`: pull, push, build, cp, prune, create and run
 * - `swarm/`: services, tasks, nodes, service logs and the swarm's events
 * - `exec.ts`, `attach.ts`, `terminal-session.ts`, `frame-demuxer.ts`: exec, attach and their streams
 */
import {ApiClient, pathPart, type DockerEngineOptions} from './api-client.js';
import {attach} from './attach.js';
import type {ResolvedEndpoint} from './endpoint.js';
import {execCapture, execInteractive} from './exec.js';
import {
	toContainerDetails,
	toContainerSummary,
	toHistoryEntry,
	toImageSummary,
	type RawContainer,
	type RawHistory,
	type RawImage,
	type RawInspect,
} from './mapping.js';
import * as lifecycle from './lifecycle/index.js';
import * as swarm from './swarm/index.js';
import {imageIdWithAlgorithm, splitTopColumns} from './podman-compat.js';
import {statsOnce, streamStats} from './stats-reader.js';
import {stopContainer} from './stop-container.js';
import {streamLogs} from './streams.js';
import {
	EngineError,
	type CommitOptions,
	type ContainerDetails,
	type ContainerStats,
	type ContainerSummary,
	type Engine,
	type EngineEvent,
	type EngineInfo,
	type ExecResult,
	type ImageHistoryEntry,
	type ImageSummary,
	type LifecycleEngine,
	type LogLine,
	type LogOptions,
	type ProcessList,
	type RunContainerOptions,
	type StopResult,
	type SwarmEngine,
	type TerminalSession,
} from './types.js';

/** Creates an Engine for a resolved endpoint. Nothing connects until the first call. */
export function createDockerEngine(endpoint: ResolvedEndpoint, options: DockerEngineOptions = {}): Engine {
	return new DockerEngine(endpoint, options);
}

class DockerEngine implements Engine {
	readonly endpoint: string;
	private readonly client: ApiClient;

	constructor(resolved: ResolvedEndpoint, options: DockerEngineOptions) {
		this.endpoint = resolved.description;
		this.client = new ApiClient(resolved, options);
	}

	async info(): Promise<EngineInfo> {
		const version = await this.client.version();
		return {
			version: version.Version ?? '',
			apiVersion: this.client.apiVersion() ?? version.ApiVersion ?? '',
			os: version.Os ?? '',
			arch: version.Arch ?? '',
		};
	}

	async listContainers(options: {ids?: string[]} = {}): Promise<ContainerSummary[]> {
		const query = options.ids ? {all: true, filters: JSON.stringify({id: options.ids})} : {all: true};
		const raw = await this.client.read<RawContainer[]>('/containers/json', query);
		return Array.isArray(raw) ? raw.map(toContainerSummary) : [];
	}

	async listImages(): Promise<ImageSummary[]> {
		const raw = await this.client.read<RawImage[]>('/images/json');
		return Array.isArray(raw) ? raw.map(toImageSummary) : [];
	}

	async inspectContainer(id: string): Promise<ContainerDetails> {
		return toContainerDetails(await this.client.read<RawInspect>(`/containers/${pathPart(id)}/json`));
	}

	async imageHistory(id: string): Promise<ImageHistoryEntry[]> {
		const raw = await this.client.read<RawHistory[]>(`/images/${pathPart(id)}/history`);
		return Array.isArray(raw) ? raw.map(toHistoryEntry) : [];
	}

	async startContainer(id: string): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/start`, alsoOk: [304]});
	}

	async stopContainer(id: string, timeout?: number): Promise<StopResult> {
		return stopContainer(this.client, id, timeout);
	}

	async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/kill`, query: {signal}});
	}

	async restartContainer(id: string, timeout?: number): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/restart`, query: {t: timeout}}, timeout);
	}

	async pauseContainer(id: string): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/pause`});
	}

	async unpauseContainer(id: string): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/unpause`});
	}

	async commitContainer(id: string, options: CommitOptions): Promise<string> {
		const result = await this.client.act<{Id?: string}>({
			method: 'POST',
			path: '/commit',
			query: {
				container: id,
				repo: options.repo,
				tag: options.tag,
				comment: options.comment,
				author: options.author,
				pause: options.pause,
			},
			// The container config to change: none. podman refuses a commit without a JSON body.
			body: {},
		});
		if (typeof result?.Id !== 'string') throw new EngineError('unknown', 'The engine did not return the new image id');
		return imageIdWithAlgorithm(result.Id);
	}

	async removeContainer(id: string, options: {force?: boolean; volumes?: boolean} = {}): Promise<void> {
		await this.client.act({method: 'DELETE', path: `/containers/${pathPart(id)}`, query: {force: options.force, v: options.volumes}});
	}

	async removeImage(id: string, options: {force?: boolean} = {}): Promise<void> {
		await this.client.act({method: 'DELETE', path: `/images/${pathPart(id)}`, query: {force: options.force}});
	}

	async streamLogs(id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
		return streamLogs(this.client, id, options, onLines, signal);
	}

	async streamEvents(options: {since?: string; swarm?: boolean}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
		return swarm.streamEvents(this.client, options, onEvent, signal);
	}

	async statsOnce(id: string): Promise<ContainerStats> {
		return statsOnce(this.client, id);
	}

	async streamStats(id: string, onStats: (stats: ContainerStats) => void, signal: AbortSignal): Promise<void> {
		return streamStats(this.client, id, onStats, signal);
	}

	async top(id: string): Promise<ProcessList> {
		const raw = await this.client.read<{Titles?: string[] | null; Processes?: string[][] | null}>(`/containers/${pathPart(id)}/top`);
		return splitTopColumns({
			titles: raw?.Titles ?? [],
			processes: (raw?.Processes ?? []).map(row => row.map(String)),
		});
	}

	async execCapture(id: string, cmd: string[]): Promise<ExecResult> {
		return execCapture(this.client, id, cmd, this.client.actionTimeoutMs);
	}

	async execInteractive(id: string, cmd: string[], size: {columns: number; rows: number}): Promise<TerminalSession> {
		return execInteractive(this.client, id, cmd, size);
	}

	async attach(id: string, size: {columns: number; rows: number}): Promise<TerminalSession> {
		return attach(this.client, id, size);
	}

	async close(): Promise<void> {
		await this.client.close();
	}

	async runContainer(image: string, options: RunContainerOptions): Promise<string> {
		return lifecycle.runDetached(this.client, image, options);
	}

	// The lifecycle (source/engine/lifecycle/): one line each.
	pull(...a: Args<'pull'>) { return lifecycle.pull(this.client, ...a); }
	push(...a: Args<'push'>) { return lifecycle.push(this.client, ...a); }
	login(...a: Args<'login'>) { return lifecycle.login(this.client, ...a); }
	rememberCredentials(...a: Args<'rememberCredentials'>) { lifecycle.rememberCredentials(this.client, ...a); }
	forgetCredentials(...a: Args<'forgetCredentials'>) { lifecycle.forgetCredentials(this.client, ...a); }
	findCredentials(...a: Args<'findCredentials'>) { return lifecycle.findCredentials(this.client, ...a); }
	tagImage(...a: Args<'tagImage'>) { return lifecycle.tagImage(this.client, ...a); }
	imageExists(...a: Args<'imageExists'>) { return lifecycle.imageExists(this.client, ...a); }
	inspectImage(...a: Args<'inspectImage'>) { return lifecycle.inspectImage(this.client, ...a); }
	imageLayers(...a: Args<'imageLayers'>) { return lifecycle.imageLayers(this.client, ...a); }
	build(...a: Args<'build'>) { return lifecycle.build(this.client, ...a); }
	containerChanges(...a: Args<'containerChanges'>) { return lifecycle.containerChanges(this.client, ...a); }
	copyFromContainer(...a: Args<'copyFromContainer'>) { return lifecycle.copyFromContainer(this.client, ...a); }
	copyToContainer(...a: Args<'copyToContainer'>) { return lifecycle.copyToContainer(this.client, ...a); }
	previewPrune(...a: Args<'previewPrune'>) { return lifecycle.previewPrune(this.client, ...a); }
	prune(...a: Args<'prune'>) { return lifecycle.prune(this.client, ...a); }
	createContainer(...a: Args<'createContainer'>) { return lifecycle.createContainer(this.client, ...a); }
	runAttached(...a: Args<'runAttached'>) { return lifecycle.runAttached(this.client, ...a); }
	runInteractive(...a: Args<'runInteractive'>) { return lifecycle.runInteractive(this.client, ...a); }
	startAttached(...a: Args<'startAttached'>) { return lifecycle.startAttached(this.client, ...a); }
	renameContainer(...a: Args<'renameContainer'>) { return lifecycle.renameContainer(this.client, ...a); }

	// Swarm (source/engine/swarm/): one line each.
	swarmRole(...a: SwarmArgs<'swarmRole'>) { return swarm.swarmRole(this.client, ...a); }
	listServices() { return swarm.listServices(this.client); }
	listTasks(...a: SwarmArgs<'listTasks'>) { return swarm.listTasks(this.client, ...a); }
	listNodes() { return swarm.listNodes(this.client); }
	inspectService(...a: SwarmArgs<'inspectService'>) { return swarm.inspectService(this.client, ...a); }
	inspectNode(...a: SwarmArgs<'inspectNode'>) { return swarm.inspectNode(this.client, ...a); }
	scaleService(...a: SwarmArgs<'scaleService'>) { return swarm.scaleService(this.client, ...a); }
	forceUpdateService(...a: SwarmArgs<'forceUpdateService'>) { return swarm.forceUpdateService(this.client, ...a); }
	rollbackService(...a: SwarmArgs<'rollbackService'>) { return swarm.rollbackService(this.client, ...a); }
	removeService(...a: SwarmArgs<'removeService'>) { return swarm.removeService(this.client, ...a); }
	setNodeAvailability(...a: SwarmArgs<'setNodeAvailability'>) { return swarm.setNodeAvailability(this.client, ...a); }
	streamServiceLogs(...a: SwarmArgs<'streamServiceLogs'>) { return swarm.streamServiceLogs(this.client, ...a); }
}

/** A lifecycle method's parameters. */
type Args<K extends keyof LifecycleEngine> = Parameters<LifecycleEngine[K]>;
/** A swarm method's parameters. */
type SwarmArgs<K extends keyof SwarmEngine> = Parameters<SwarmEngine[K]>;

