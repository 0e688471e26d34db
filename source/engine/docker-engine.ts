/**
 * The Engine on a real Docker engine. The modules beside this one do the work (of them only
 * `transport.ts` and `api-client.ts` import docker-modem, dockerode's transport, and nothing outside source/engine does);
 * everything above sees the domain types of `types.ts`:
 *
 * - `api-client.ts`: requests through dockerode's modem (negotiation, timeouts, streams, hijack)
 * - `transport.ts`, `ssh-agent.ts`: the connection (unix, tcp/TLS, ssh via dial-stdio)
 * - `api-version.ts`, `timestamps.ts`: query parameters
 * - `mapping.ts`, `event-parser.ts`, `log-parser.ts`, `stats.ts`: the engine's answers to domain types
 * - `exec.ts`, `attach.ts`, `terminal-session.ts`, `frame-demuxer.ts`: exec, attach and their streams
 */
import {ApiClient, pathPart, type DockerEngineOptions} from './api-client.js';
import {attach} from './attach.js';
import type {ResolvedEndpoint} from './endpoint.js';
import {parseEvent} from './event-parser.js';
import {execCapture, execInteractive} from './exec.js';
import {LineSplitter} from './line-splitter.js';
import {createLogParser} from './log-parser.js';
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
import {hasPreviousCpu, isLiveSample, toContainerStats, type RawCpuStats, type RawStats} from './stats.js';
import {toUnixTimestamp} from './timestamps.js';
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
	type TerminalSession,
} from './types.js';

// Helpers that used to live here, for existing importers.
export type {DockerEngineOptions} from './api-client.js';
export {MAX_API_VERSION, negotiateApiVersion} from './api-version.js';
export {parseEvent} from './event-parser.js';
export {createLogParser, type LogParser} from './log-parser.js';
export {exitCodeFromStatus, healthFromStatus} from './mapping.js';
export {toUnixTimestamp} from './timestamps.js';

/** Creates an Engine for a resolved endpoint. Nothing connects until the first call. */
export function createDockerEngine(endpoint: ResolvedEndpoint, options: DockerEngineOptions = {}): Engine {
	return new DockerEngine(endpoint, options);
}

/** Wait before a second sample when the engine's one-shot stats lack the previous CPU reading (podman). */
const SECOND_SAMPLE_DELAY_MS = 1000;

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

	async stopContainer(id: string, timeout?: number): Promise<void> {
		await this.client.act({method: 'POST', path: `/containers/${pathPart(id)}/stop`, query: {t: timeout}, alsoOk: [304]}, timeout);
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
		});
		if (typeof result?.Id !== 'string') throw new EngineError('unknown', 'The engine did not return the new image id');
		return result.Id;
	}

	async removeContainer(id: string, options: {force?: boolean; volumes?: boolean} = {}): Promise<void> {
		await this.client.act({method: 'DELETE', path: `/containers/${pathPart(id)}`, query: {force: options.force, v: options.volumes}});
	}

	async removeImage(id: string, options: {force?: boolean} = {}): Promise<void> {
		await this.client.act({method: 'DELETE', path: `/images/${pathPart(id)}`, query: {force: options.force}});
	}

	async streamLogs(id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		let tty: boolean;
		try {
			tty = (await this.client.read<RawInspect>(`/containers/${pathPart(id)}/json`, undefined, signal)).Config?.Tty === true;
		} catch (error) {
			if (signal.aborted) return;
			throw error;
		}

		const response = await this.client.openStream(`/containers/${pathPart(id)}/logs`, {
			stdout: true,
			stderr: true,
			timestamps: true,
			follow: options.follow,
			tail: options.tail,
			since: options.since === undefined ? undefined : toUnixTimestamp(options.since),
		}, signal);
		if (!response) return;

		// The engine flushes every log message as its own HTTP chunk, and Node emits one 'data'
		// event per chunk: collect what arrives within one turn of the event loop into one batch.
		const parser = createLogParser(tty);
		let pending: LogLine[] = [];
		let scheduled: NodeJS.Immediate | undefined;
		let closed = false;
		const flush = () => {
			scheduled = undefined;
			if (closed || pending.length === 0) return;
			const batch = pending;
			pending = [];
			try {
				onLines(batch);
			} catch (error) {
				response.destroy(error as Error);
			}
		};

		try {
			await this.client.consume(response, signal, chunk => {
				const lines = parser.push(chunk);
				if (lines.length === 0) return;
				for (const line of lines) pending.push(line);
				scheduled ??= setImmediate(flush);
			}, () => {
				if (scheduled) clearImmediate(scheduled);
				for (const line of parser.end()) pending.push(line);
				const batch = pending;
				pending = [];
				if (batch.length > 0) onLines(batch);
			});
		} finally {
			closed = true;
			if (scheduled) clearImmediate(scheduled);
		}
	}

	async streamEvents(options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		const response = await this.client.openStream('/events', {
			filters: JSON.stringify({type: ['container', 'image']}),
			since: options.since === undefined || options.since === '' ? undefined : toUnixTimestamp(options.since),
		}, signal);
		if (!response) return;

		const splitter = new LineSplitter();
		const deliver = (lines: string[]) => {
			for (const line of lines) {
				const event = parseEvent(line);
				if (event) onEvent(event);
			}
		};

		await this.client.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
	}

	/**
	 * `stream=false`: Docker takes two readings about a second apart and returns the second
	 * with the first as `precpu_stats`, so CPU % comes from one call (which takes ~1 s). Engines
	 * that leave `precpu_stats` empty (podman) get a second call a second later, and CPU % from
	 * the pair. A container that is not running has no stats: EngineError 'conflict'.
	 */
	async statsOnce(id: string): Promise<ContainerStats> {
		const path = `/containers/${pathPart(id)}/stats`;
		const first = await this.client.read<RawStats>(path, {stream: false});
		if (!isLiveSample(first)) throw notRunning();
		if (hasPreviousCpu(first)) return toContainerStats(first);

		await new Promise(resolve => {
			setTimeout(resolve, SECOND_SAMPLE_DELAY_MS);
		});
		const second = await this.client.read<RawStats>(path, {stream: false});
		if (!isLiveSample(second)) throw notRunning();
		return toContainerStats(second, first.cpu_stats);
	}

	/**
	 * The engine's stats stream (one JSON sample per line, about one a second). While the
	 * container is not running the engine sends empty samples: they are skipped, and samples
	 * resume if it starts again. Resolves when the engine ends the stream (container removed) or
	 * `signal` aborts.
	 */
	async streamStats(id: string, onStats: (stats: ContainerStats) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		const response = await this.client.openStream(`/containers/${pathPart(id)}/stats`, {stream: true}, signal);
		if (!response) return;

		const splitter = new LineSplitter();
		let previous: RawCpuStats | undefined;
		const deliver = (lines: string[]) => {
			for (const line of lines) {
				if (!line.trim()) continue;
				let raw: RawStats;
				try {
					raw = JSON.parse(line) as RawStats;
				} catch {
					continue;
				}

				if (!isLiveSample(raw)) {
					previous = undefined;
					continue;
				}

				const stats = toContainerStats(raw, previous);
				previous = raw.cpu_stats;
				onStats(stats);
			}
		};

		await this.client.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
	}

	async top(id: string): Promise<ProcessList> {
		const raw = await this.client.read<{Titles?: string[] | null; Processes?: string[][] | null}>(`/containers/${pathPart(id)}/top`);
		return {
			titles: raw?.Titles ?? [],
			processes: (raw?.Processes ?? []).map(row => row.map(String)),
		};
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

	/**
	 * `docker run -d` without the pull: create, then start. The image must be present (else
	 * EngineError 'not-found'). A container whose start fails stays behind, created, as with
	 * `docker run`.
	 */
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
	planCopyFromContainer(...a: Args<'planCopyFromContainer'>) { return lifecycle.planCopyFromContainer(this.client, ...a); }
	copyFromContainer(...a: Args<'copyFromContainer'>) { return lifecycle.copyFromContainer(this.client, ...a); }
	copyToContainer(...a: Args<'copyToContainer'>) { return lifecycle.copyToContainer(this.client, ...a); }
	previewPrune(...a: Args<'previewPrune'>) { return lifecycle.previewPrune(this.client, ...a); }
	prune(...a: Args<'prune'>) { return lifecycle.prune(this.client, ...a); }
	createContainer(...a: Args<'createContainer'>) { return lifecycle.createContainer(this.client, ...a); }
	runAttached(...a: Args<'runAttached'>) { return lifecycle.runAttached(this.client, ...a); }
	runInteractive(...a: Args<'runInteractive'>) { return lifecycle.runInteractive(this.client, ...a); }
	startAttached(...a: Args<'startAttached'>) { return lifecycle.startAttached(this.client, ...a); }
	renameContainer(...a: Args<'renameContainer'>) { return lifecycle.renameContainer(this.client, ...a); }
}

/** A lifecycle method's parameters. */
type Args<K extends keyof LifecycleEngine> = Parameters<LifecycleEngine[K]>;

function notRunning(): EngineError {
	return new EngineError('conflict', 'Container is not running');
}
