/**
 * One Engine over several hosts (`berth --context a --context b`): the lists of every host in
 * one, each row with its `host` and a qualified id (multi-ids.ts), every method that names a
 * container or an image sent to that one's host, the events of all hosts merged.
 *
 * A host that cannot be reached does not stop the others: its rows stay in the lists as last
 * seen, marked `unreachable` with the cause, its events stream keeps trying by itself, and when
 * it comes back its rows are fresh again. Only when no host can be reached do info(), the lists
 * and the events stream fail as unreachable (the feed then shows berth's unreachable screen,
 * naming each host's cause). Each change of a host's state goes to `onHostsChange` listeners and,
 * as an event of type "host" (action "up" or "down", id the host's name), into the events
 * stream, which makes the feed list everything again.
 *
 * What names no container or image (run, create, pull, push, build, prune) goes to the first
 * host that is up, unless an image reference is qualified; for a chosen host use engineFor(host).
 */
import {HostLink, isHostLoss, type HostState} from './multi-hosts.js';
import {SwarmRoute} from './multi-swarm.js';
import {qualify, qualifyContainer, qualifyDetails, qualifyHistory, qualifyImage, unqualify} from './multi-ids.js';
import {HostRouter} from './multi-router.js';
import {
	EngineError,
	type ContainerSummary,
	type Engine,
	type EngineEvent,
	type EngineInfo,
	type ImageSummary,
} from './types.js';

export type {HostState} from './multi-hosts.js';

export interface MultiEngine extends Engine {
	/** Every host, in the order given, with its state. */
	hosts(): HostState[];
	/** Called with every host's state whenever one changes; returns the unsubscribe. */
	onHostsChange(listener: (hosts: HostState[]) => void): () => void;
	/** The host's own engine (raw ids), for what is chosen per host: run, pull, build, prune. */
	engineFor(host: string): Engine | undefined;
}

/** Joins `hosts` (name → engine; names unique, e.g. context names) into one Engine. */
export function createMultiEngine(hosts: Array<{name: string; engine: Engine}>): MultiEngine {
	if (hosts.length === 0) throw new Error('createMultiEngine needs at least one host');
	const names = hosts.map(h => h.name);
	if (new Set(names).size !== names.length) throw new Error(`Host names must be unique: ${names.join(', ')}`);
	return new Joined(hosts);
}

type Args<K extends keyof Engine> = Engine[K] extends (...args: infer A) => unknown ? A : never;

class Joined implements MultiEngine {
	readonly endpoint: string;
	private readonly links: HostLink[];
	private readonly names: string[];
	private readonly listeners = new Set<(hosts: HostState[]) => void>();
	private readonly eventSinks = new Set<(event: EngineEvent) => void>();
	private readonly route: HostRouter;
	private readonly swarm: SwarmRoute;

	constructor(hosts: Array<{name: string; engine: Engine}>) {
		this.links = hosts.map(h => new HostLink(h.name, h.engine, link => this.hostChanged(link)));
		this.names = hosts.map(h => h.name);
		this.route = new HostRouter(this.links, this.names);
		this.swarm = new SwarmRoute(this.links);
		this.endpoint = `${this.names.join(' + ')} (${hosts.length} hosts)`;
	}

	hosts(): HostState[] {
		return this.links.map(link => link.snapshot());
	}

	onHostsChange(listener: (hosts: HostState[]) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	engineFor(host: string): Engine | undefined {
		return this.links.find(link => link.name === host)?.engine;
	}

	private hostChanged(link: HostLink): void {
		const hosts = this.hosts();
		for (const listener of this.listeners) listener(hosts);
		const event: EngineEvent = {
			type: 'host',
			action: link.state,
			id: link.name,
			attributes: {'berth.host': link.name, ...(link.error && {error: link.error})},
			timeNano: `${Date.now()}000000`,
		};
		for (const sink of this.eventSinks) sink(event);
	}

	/** Rejects as unreachable naming every host's cause (when none can be reached). */
	private noneReachable(): EngineError {
		const causes = this.links.map(link => `${link.name}: ${link.error ?? 'not reachable'}`).join('; ');
		return new EngineError('unreachable', `No host can be reached — ${causes}`);
	}

	/** Resolves as soon as one host answers; the others settle in the background. */
	async info(): Promise<EngineInfo> {
		const checks = this.links.map(link => link.check());
		for (const check of checks) check.catch(() => undefined);
		try {
			await Promise.any(checks);
		} catch {
			throw this.noneReachable();
		}

		const up = this.links.filter(link => link.state === 'up' && link.info);
		const versions = [...new Set(up.map(link => link.info!.version))];
		const apis = [...new Set(up.map(link => link.info!.apiVersion))];
		const first = up[0]!.info!;
		return {
			version: versions.length === 1 ? versions[0]! : up.map(link => `${link.name} ${link.info!.version}`).join(', '),
			apiVersion: apis.length === 1 ? apis[0]! : up.map(link => `${link.name} ${link.info!.apiVersion}`).join(', '),
			os: first.os,
			arch: first.arch,
		};
	}

	/**
	 * Asks every reachable host (one whose state is not known yet gives its last rows, if any:
	 * fresh ones come with the refresh its "up" event causes); a host that fails is marked down
	 * and gives its last rows marked unreachable. Rejects only when no host gave an answer.
	 */
	private async gather<T>(ask: (link: HostLink) => Promise<T[]>, stale: (link: HostLink) => T[], current: (link: HostLink) => T[]): Promise<T[]> {
		const results = await Promise.all(this.links.map(async link => {
			// Not known yet (connecting, or reconnecting after its stream ended): as last seen, unmarked, rather than gone.
			if (link.state === 'connecting') return {rows: current(link), fresh: false};
			if (link.state === 'down') return {rows: stale(link), fresh: false};
			try {
				return {rows: await ask(link), fresh: true};
			} catch (error) {
				if (isHostLoss(error)) link.markDown(error);
				else throw error;
				return {rows: stale(link), fresh: false};
			}
		}));
		if (!results.some(result => result.fresh)) throw this.noneReachable();
		return results.flatMap(result => result.rows);
	}

	async listContainers(options: {ids?: string[]} = {}): Promise<ContainerSummary[]> {
		const wanted = options.ids?.map(id => unqualify(id, this.names));
		const pick = (link: HostLink, rows: ContainerSummary[]) => (wanted ? rows.filter(row => wanted.some(w => (w.host === undefined || w.host === link.name) && row.id.startsWith(w.id))) : rows);
		return this.gather(async link => {
			const ids = wanted?.filter(w => w.host === undefined || w.host === link.name).map(w => w.id);
			if (ids?.length === 0) return [];
			const rows = (await link.engine.listContainers(ids ? {ids} : {})).map(row => qualifyContainer(row, link.name));
			if (!ids) link.containers = rows;
			else link.containers = [...(link.containers ?? []).filter(row => !rows.some(r => r.id === row.id) && !ids.some(id => row.id.startsWith(id))), ...rows];
			return rows;
		}, link => pick(link, link.staleContainers()), link => pick(link, link.containers ?? []));
	}

	async listImages(): Promise<ImageSummary[]> {
		return this.gather(async link => {
			link.images = (await link.engine.listImages()).map(row => qualifyImage(row, link.name));
			return link.images;
		}, link => link.staleImages(), link => link.images ?? []);
	}

	/**
	 * The merged events of every host until `signal` aborts. Each host reconnects by itself; the
	 * stream fails (unreachable) only when every host is down.
	 */
	async streamEvents(options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
		if (signal.aborted) return;
		if (this.links.every(link => link.state === 'down')) throw this.noneReachable();
		const inner = new AbortController();
		const stop = () => inner.abort();
		signal.addEventListener('abort', stop, {once: true});
		let failure: EngineError | undefined;
		const sink = (event: EngineEvent) => {
			if (inner.signal.aborted) return;
			onEvent(event);
			if (event.type === 'host' && this.links.every(link => link.state === 'down')) {
				failure = this.noneReachable();
				inner.abort();
			}
		};
		this.eventSinks.add(sink);
		try {
			await Promise.all(this.links.map(link => link.follow(options.since, sink, inner.signal)));
		} finally {
			this.eventSinks.delete(sink);
			signal.removeEventListener('abort', stop);
		}

		if (failure && !signal.aborted) throw failure;
	}

	async close(): Promise<void> {
		await Promise.all(this.links.map(link => link.engine.close?.()));
	}

	// ------------------------------------------------------------ routing

	private onContainer<K extends keyof Engine>(method: K, id: string, ...rest: unknown[]): ReturnType<Extract<Engine[K], (...a: never[]) => unknown>> {
		const target = this.route.container(id);
		return (target.engine[method] as (...a: unknown[]) => never).call(target.engine, target.id, ...rest);
	}

	private onImage<K extends keyof Engine>(method: K, ref: string, ...rest: unknown[]): ReturnType<Extract<Engine[K], (...a: never[]) => unknown>> {
		const target = this.route.image(ref);
		return (target.engine[method] as (...a: unknown[]) => never).call(target.engine, target.id, ...rest);
	}

	async inspectContainer(id: string) {
		const target = this.route.container(id);
		return qualifyDetails(await target.engine.inspectContainer(target.id), target.host);
	}

	async imageHistory(id: string) {
		const target = this.route.image(id);
		return (await target.engine.imageHistory(target.id)).map(entry => qualifyHistory(entry, target.host));
	}

	startContainer(...a: Args<'startContainer'>) { return this.onContainer('startContainer', ...a); }
	stopContainer(...a: Args<'stopContainer'>) { return this.onContainer('stopContainer', ...a); }
	killContainer(...a: Args<'killContainer'>) { return this.onContainer('killContainer', ...a); }
	restartContainer(...a: Args<'restartContainer'>) { return this.onContainer('restartContainer', ...a); }
	pauseContainer(...a: Args<'pauseContainer'>) { return this.onContainer('pauseContainer', ...a); }
	unpauseContainer(...a: Args<'unpauseContainer'>) { return this.onContainer('unpauseContainer', ...a); }
	removeContainer(...a: Args<'removeContainer'>) { return this.onContainer('removeContainer', ...a); }
	streamLogs(...a: Args<'streamLogs'>) { return this.onContainer('streamLogs', ...a); }
	statsOnce(...a: Args<'statsOnce'>) { return this.onContainer('statsOnce', ...a); }
	streamStats(...a: Args<'streamStats'>) { return this.onContainer('streamStats', ...a); }
	top(...a: Args<'top'>) { return this.onContainer('top', ...a); }
	execCapture(...a: Args<'execCapture'>) { return this.onContainer('execCapture', ...a); }
	execInteractive(...a: Args<'execInteractive'>) { return this.onContainer('execInteractive', ...a); }
	attach(...a: Args<'attach'>) { return this.onContainer('attach', ...a); }
	startAttached(...a: Args<'startAttached'>) { return this.onContainer('startAttached', ...a); }
	renameContainer(...a: Args<'renameContainer'>) { return this.onContainer('renameContainer', ...a); }
	containerChanges(...a: Args<'containerChanges'>) { return this.onContainer('containerChanges', ...a); }
	copyFromContainer(...a: Args<'copyFromContainer'>) { return this.onContainer('copyFromContainer', ...a); }
	copyToContainer(...a: Args<'copyToContainer'>) { return this.onContainer('copyToContainer', ...a); }

	async commitContainer(...[id, options]: Args<'commitContainer'>) {
		const target = this.route.container(id);
		return qualify(await target.engine.commitContainer(target.id, options), target.host);
	}

	removeImage(...a: Args<'removeImage'>) { return this.onImage('removeImage', ...a); }
	tagImage(...a: Args<'tagImage'>) { return this.onImage('tagImage', ...a); }
	imageExists(...a: Args<'imageExists'>) { return this.onImage('imageExists', ...a); }
	push(...a: Args<'push'>) { return this.onImage('push', ...a); }

	async inspectImage(ref: string) {
		const target = this.route.image(ref);
		const details = await target.engine.inspectImage(target.id);
		return {...details, id: qualify(details.id, target.host)};
	}

	async imageLayers(ref: string) {
		const target = this.route.image(ref);
		const layers = await target.engine.imageLayers(target.id);
		return {...layers, id: qualify(layers.id, target.host)};
	}

	// ------------------------------------------------------------ per host, not per container

	pull(...a: Args<'pull'>) { return this.onImage('pull', ...a); }

	async runContainer(...[image, options]: Args<'runContainer'>) {
		const target = this.route.image(image);
		return qualify(await target.engine.runContainer(target.id, options), target.host);
	}

	async createContainer(...[image, options]: Args<'createContainer'>) {
		const target = this.route.image(image);
		return qualify(await target.engine.createContainer(target.id, options), target.host);
	}

	async runAttached(...[image, options, onOutput, signal]: Args<'runAttached'>) {
		const target = this.route.image(image);
		const outcome = await target.engine.runAttached(target.id, options, onOutput, signal);
		return {...outcome, id: qualify(outcome.id, target.host)};
	}

	async runInteractive(...[image, options, size]: Args<'runInteractive'>) {
		const target = this.route.image(image);
		const run = await target.engine.runInteractive(target.id, options, size);
		return {...run, id: qualify(run.id, target.host)};
	}

	async build(...a: Args<'build'>) {
		const link = this.route.primary();
		const result = await link.engine.build(...a);
		return {...result, imageId: qualify(result.imageId, link.name)};
	}

	previewPrune(...a: Args<'previewPrune'>) { return this.route.primary().engine.previewPrune(...a); }
	prune(...a: Args<'prune'>) { return this.route.primary().engine.prune(...a); }

	// Credentials are berth's, in memory: every host gets them.
	async login(...a: Args<'login'>) {
		await this.route.primary().engine.login(...a);
		for (const link of this.links) link.engine.rememberCredentials(...a);
	}

	// The swarm: one for all the hosts (multi-swarm.ts).
	swarmRole(...a: Args<'swarmRole'>) { return this.swarm.role(...a); }
	listServices() { return this.swarm.engine().listServices(); }
	listTasks(...a: Args<'listTasks'>) { return this.swarm.engine().listTasks(...a); }
	listNodes() { return this.swarm.engine().listNodes(); }
	inspectService(...a: Args<'inspectService'>) { return this.swarm.engine().inspectService(...a); }
	inspectNode(...a: Args<'inspectNode'>) { return this.swarm.engine().inspectNode(...a); }
	scaleService(...a: Args<'scaleService'>) { return this.swarm.engine().scaleService(...a); }
	forceUpdateService(...a: Args<'forceUpdateService'>) { return this.swarm.engine().forceUpdateService(...a); }
	rollbackService(...a: Args<'rollbackService'>) { return this.swarm.engine().rollbackService(...a); }
	removeService(...a: Args<'removeService'>) { return this.swarm.engine().removeService(...a); }
	setNodeAvailability(...a: Args<'setNodeAvailability'>) { return this.swarm.engine().setNodeAvailability(...a); }
	streamServiceLogs(...a: Args<'streamServiceLogs'>) { return this.swarm.engine().streamServiceLogs(...a); }

	rememberCredentials(...a: Args<'rememberCredentials'>) { for (const link of this.links) link.engine.rememberCredentials(...a); }
	forgetCredentials(...a: Args<'forgetCredentials'>) { for (const link of this.links) link.engine.forgetCredentials(...a); }
	findCredentials(...a: Args<'findCredentials'>) { return this.route.primary().engine.findCredentials(...a); }
}
