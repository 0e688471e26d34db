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
 * Each kind's calls are routed generically (routes.ts, kind-router.ts): `list` merges every host's
 * rows, a call that names an id goes to that id's host, and what names nothing (create a volume,
 * build, prune) goes to the first host that is up; for a chosen host use engineFor(host).
 */
import {routeKind, type RouterContext} from './kind-router.js';
import {HostLink, type HostState} from './multi-hosts.js';
import {HostRouter} from './multi-router.js';
import {SwarmRoute} from './multi-swarm.js';
import {
	EngineError,
	type ContainersApi,
	type Engine,
	type EngineEvent,
	type EngineInfo,
	type EventsApi,
	type ImagesApi,
	type NetworksApi,
	type NodesApi,
	type RegistryApi,
	type RegistryCredentials,
	type ServicesApi,
	type SystemApi,
	type TasksApi,
	type VolumesApi,
} from '../types.js';

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

class Joined implements MultiEngine {
	readonly endpoint: string;
	readonly containers: ContainersApi;
	readonly images: ImagesApi;
	readonly volumes: VolumesApi;
	readonly networks: NetworksApi;
	readonly services: ServicesApi;
	readonly tasks: TasksApi;
	readonly nodes: NodesApi;
	readonly system: SystemApi;
	readonly registry: RegistryApi;
	readonly events: EventsApi;
	private readonly links: HostLink[];
	private readonly names: string[];
	private readonly listeners = new Set<(hosts: HostState[]) => void>();
	private readonly eventSinks = new Set<(event: EngineEvent) => void>();

	constructor(hosts: Array<{name: string; engine: Engine}>) {
		this.links = hosts.map(h => new HostLink(h.name, h.engine, link => this.hostChanged(link)));
		this.names = hosts.map(h => h.name);
		this.endpoint = `${this.names.join(' + ')} (${hosts.length} hosts)`;
		const router = new HostRouter(this.links, this.names);
		const swarm = new SwarmRoute(this.links);
		const context: RouterContext = {links: this.links, names: this.names, router, swarm, noneReachable: () => this.noneReachable()};
		this.containers = routeKind('containers', context);
		this.images = routeKind('images', context);
		this.volumes = routeKind('volumes', context);
		this.networks = routeKind('networks', context);
		this.services = routeKind('services', context);
		this.tasks = routeKind('tasks', context);
		this.nodes = routeKind('nodes', context);
		this.system = routeKind('system', context, {
			info: async () => this.info(),
			swarmRole: async (options: unknown) => swarm.role(options as {refresh?: boolean} | undefined),
		});
		// Credentials are berth's, in memory: every host gets them.
		this.registry = routeKind('registry', context, {
			login: async (credentials: unknown) => {
				const primary = router.primary();
				await primary.engine.registry.login(credentials as RegistryCredentials);
				for (const link of this.links) if (link !== primary) link.engine.registry.remember(credentials as RegistryCredentials);
			},
		});
		this.events = {stream: async (options, onEvent, signal) => this.streamEvents(options, onEvent, signal)};
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

	async close(): Promise<void> {
		await Promise.all(this.links.map(link => link.engine.close?.()));
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
	private async info(): Promise<EngineInfo> {
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
	 * The merged events of every host until `signal` aborts. Each host reconnects by itself; the
	 * stream fails (unreachable) only when every host is down.
	 */
	private async streamEvents(options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
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
}

