/**
 * In-memory versions of the swarm methods for FakeEngine (UI tests): scripted services, tasks and
 * nodes with the same result types and EngineErrors as the real adapter (whose behaviour is
 * tested against dockerd in test/engine/swarm-*.test.ts). The engine is in no swarm until a test
 * calls `becomeManager()` (or sets `membership`). A scale or update converges at once unless
 * `autoConverge` is off: then new tasks stay pending until `converge(id)`, so a test can watch
 * the replica count being followed. Changes are reported as service and node events.
 */
import {
	EngineError,
	type LogOptions,
	type NodeAvailability,
	type NodeDetails,
	type NodeSummary,
	type ServiceDetails,
	type ServiceLogLine,
	type ServiceSummary,
	type ServiceUpdateResult,
	type SwarmMembership,
	type TaskSummary,
} from '../../source/engine/types.js';
import {compareTasks} from '../../source/engine/swarm/mapping.js';

/** What FakeEngine lends its swarm part. */
export interface FakeSwarmHost {
	enter(method: string, ...args: unknown[]): Promise<void>;
	emit(event: {type: string; action: string; id: string; attributes: Record<string, string>}): void;
}

let counter = 0;
function swarmId(): string {
	counter++;
	return `${counter.toString(36).padStart(6, '0')}fakeswarm${'x'.repeat(10)}`.slice(0, 25);
}

const notManager = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const worker = 'This node is not a swarm manager. Worker nodes can\'t be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.';

interface FakeService {
	summary: ServiceSummary;
	env: string[];
	forceUpdate: number;
	previous?: {replicas?: number; env: string[]};
}

export class FakeSwarm {
	membership: SwarmMembership = {role: 'none', localState: 'inactive'};
	services: FakeService[] = [];
	tasks: TaskSummary[] = [];
	nodes: NodeSummary[] = [];
	serviceLogs = new Map<string, ServiceLogLine[]>();
	autoConverge = true;
	private logSubscribers = new Set<{id: string; onLines: (lines: ServiceLogLine[]) => void}>();

	constructor(private readonly host: FakeSwarmHost) {}

	/** Makes the engine a manager with `hostnames` nodes (the first is this one, the leader). */
	becomeManager(hostnames: string[] = ['node-1']): void {
		this.nodes = hostnames.map((hostname, index) => ({
			id: swarmId(), hostname, status: 'ready', availability: 'active', role: index === 0 ? 'manager' : 'worker',
			...(index === 0 ? {managerStatus: 'leader' as const} : {}),
			engineVersion: '99.0.0-fake', labels: {}, address: `10.0.0.${index + 1}`, self: index === 0, version: 1,
		}));
		this.membership = {role: 'manager', localState: 'active', nodeId: this.nodes[0]!.id};
	}

	/** Adds a replicated (or global) service with its tasks running, spread over the active nodes. */
	addService(partial: Partial<ServiceSummary> & {name: string}): ServiceSummary {
		const mode = partial.mode ?? 'replicated';
		const replicas = mode === 'replicated' ? (partial.replicas ?? 1) : undefined;
		const summary: ServiceSummary = {
			id: swarmId(), mode, running: 0, desired: 0, image: 'berth-test/busybox:latest', ports: [], labels: {},
			createdAt: '2026-11-23T10:00:00Z', updatedAt: '2026-11-23T10:00:00Z', version: 1, ...partial,
			...(replicas === undefined ? {} : {replicas}),
		};
		this.services.push({summary, env: [], forceUpdate: 0});
		this.place(summary.id, true);
		return summary;
	}

	/** Every task of the service that is not running yet starts. */
	converge(id: string): void {
		for (const task of this.tasks) if (task.serviceId === id && task.desiredState === 'running') task.state = 'running';
		for (const task of this.tasks) if (task.serviceId === id && task.desiredState === 'shutdown') task.state = 'shutdown';
		const service = this.find(id);
		if (service.summary.updateStatus?.state === 'updating') service.summary.updateStatus = {...service.summary.updateStatus, state: 'completed'};
		this.count(service);
	}

	pushServiceLog(id: string, lines: Array<Partial<ServiceLogLine> & {text: string}>): void {
		const service = this.find(id);
		const stamped = lines.map((line, index): ServiceLogLine => {
			const task = this.tasks.find(entry => entry.serviceId === service.summary.id && entry.id === line.taskId) ?? this.tasks.find(entry => entry.serviceId === service.summary.id);
			const taskName = task?.name ?? `${service.summary.name}.1`;
			const node = task?.node ?? 'node-1';
			return {
				stream: 'stdout', timestamp: new Date(Date.now() + index).toISOString(), taskId: task?.id ?? '', nodeId: task?.nodeId ?? '',
				task: taskName, node, prefix: `${taskName}.${(task?.id ?? '').slice(0, 12)}@${node}`, ...line,
			};
		});
		this.serviceLogs.set(service.summary.id, [...(this.serviceLogs.get(service.summary.id) ?? []), ...stamped]);
		for (const subscriber of this.logSubscribers) if (subscriber.id === service.summary.id) subscriber.onLines(stamped);
	}

	private refuse(): void {
		if (this.membership.role === 'manager') return;
		throw new EngineError('server', this.membership.role === 'worker' ? worker : notManager, {statusCode: 503});
	}

	private find(id: string): FakeService {
		const service = this.services.find(entry => entry.summary.id === id || entry.summary.name === id);
		if (!service) throw new EngineError('not-found', `service ${id} not found`, {statusCode: 404});
		return service;
	}

	private findNode(id: string): NodeSummary {
		const node = this.nodes.find(entry => entry.id === id || entry.hostname === id);
		if (!node) throw new EngineError('not-found', `node ${id} not found`, {statusCode: 404});
		return node;
	}

	private count(service: FakeService): void {
		const tasks = this.tasks.filter(task => task.serviceId === service.summary.id);
		service.summary.running = tasks.filter(task => task.state === 'running').length;
		service.summary.desired = service.summary.mode === 'replicated' ? service.summary.replicas! : tasks.filter(task => task.desiredState === 'running').length;
	}

	/** Gives the service its tasks: one per slot (replicated) or per active node (global); extra ones are shut down. */
	private place(id: string, start: boolean): void {
		const service = this.find(id);
		const replicated = service.summary.mode === 'replicated';
		const active = this.nodes.filter(node => node.availability === 'active');
		const live = this.tasks.filter(task => task.serviceId === id && task.desiredState === 'running');
		const wanted = replicated
			? Array.from({length: service.summary.replicas!}, (_, index) => ({slot: index + 1, node: active[index % Math.max(1, active.length)]}))
			: active.map(node => ({slot: undefined, node}));
		const covered = (want: {slot?: number; node?: NodeSummary}) => live.some(task => (replicated ? task.slot === want.slot : task.nodeId === want.node?.id));
		for (const task of live) {
			if (!wanted.some(want => (replicated ? task.slot === want.slot : task.nodeId === want.node?.id))) task.desiredState = 'shutdown';
		}

		for (const want of wanted.filter(entry => !covered(entry))) {
			const at = new Date().toISOString();
			this.tasks.push({
				id: swarmId(), serviceId: id, name: replicated ? `${service.summary.name}.${want.slot!}` : `${service.summary.name}.${want.node?.id ?? ''}`,
				...(replicated ? {slot: want.slot} : {}), ...(want.node ? {nodeId: want.node.id, node: want.node.hostname} : {}),
				desiredState: 'running', state: start ? 'running' : 'pending', message: start ? 'started' : 'pending', stateSince: at, createdAt: at, updatedAt: at, image: service.summary.image,
			});
		}

		if (start) this.converge(id);
		else this.count(service);
	}

	private changed(service: FakeService, attributes: Record<string, string> = {}): void {
		service.summary.version++;
		this.host.emit({type: 'service', action: 'update', id: service.summary.id, attributes: {name: service.summary.name, ...attributes}});
	}

	async swarmRole(options: {refresh?: boolean} = {}) {
		await this.host.enter('swarmRole', options);
		return {...this.membership};
	}

	async listServices() {
		await this.host.enter('listServices');
		this.refuse();
		return this.services.map(service => structuredClone(service.summary)).sort((a, b) => a.name.localeCompare(b.name));
	}

	async listTasks(serviceId: string) {
		await this.host.enter('listTasks', serviceId);
		this.refuse();
		const service = this.find(serviceId);
		return this.tasks.filter(task => task.serviceId === service.summary.id).map(task => ({...task})).sort(compareTasks);
	}

	async listNodes() {
		await this.host.enter('listNodes');
		this.refuse();
		return this.nodes.map(node => structuredClone(node));
	}

	async inspectService(id: string): Promise<ServiceDetails> {
		await this.host.enter('inspectService', id);
		this.refuse();
		const service = this.find(id);
		return {
			...structuredClone(service.summary), imageRef: service.summary.image, command: [], args: ['sleep', '1000'], env: [...service.env], workingDir: '', user: '', hostname: '', tty: false,
			mounts: [], networks: [], constraints: [], limits: {nanoCpus: 0, memoryBytes: 0}, reservations: {nanoCpus: 0, memoryBytes: 0},
			restartPolicy: {condition: 'any', delayNs: 5_000_000_000, maxAttempts: 0, windowNs: 0},
			update: {parallelism: 1, delayNs: 0, failureAction: 'pause', monitorNs: 5_000_000_000, maxFailureRatio: 0, order: 'stop-first'},
			endpointMode: 'vip', virtualIps: [], forceUpdate: service.forceUpdate, canRollback: service.previous !== undefined, raw: {ID: service.summary.id},
		};
	}

	async inspectNode(id: string): Promise<NodeDetails> {
		await this.host.enter('inspectNode', id);
		this.refuse();
		const node = this.findNode(id);
		return {
			...structuredClone(node), createdAt: '2026-11-23T10:00:00Z', updatedAt: '2026-11-23T10:00:00Z', os: 'linux', architecture: 'x86_64',
			nanoCpus: 2_000_000_000, memoryBytes: 8_000_000_000, engineLabels: {}, plugins: [{type: 'Log', name: 'json-file'}], raw: {ID: node.id},
		};
	}

	async scaleService(id: string, replicas: number): Promise<ServiceUpdateResult> {
		await this.host.enter('scaleService', id, replicas);
		this.refuse();
		if (!Number.isSafeInteger(replicas) || replicas < 0) throw new EngineError('bad-request', `Invalid replica count: ${replicas} (a whole number, 0 or more)`);
		const service = this.find(id);
		if (service.summary.mode !== 'replicated') throw new EngineError('bad-request', `${service.summary.name}: scale can only be used with replicated or replicated-job mode`);
		const old = service.summary.replicas!;
		service.previous = {replicas: old, env: [...service.env]};
		service.summary.replicas = replicas;
		this.changed(service, {'replicas.old': String(old), 'replicas.new': String(replicas)});
		this.place(service.summary.id, this.autoConverge);
		return {warnings: []};
	}

	async forceUpdateService(id: string): Promise<ServiceUpdateResult> {
		await this.host.enter('forceUpdateService', id);
		this.refuse();
		const service = this.find(id);
		service.forceUpdate++;
		service.previous = {replicas: service.summary.replicas, env: [...service.env]};
		for (const task of this.tasks) if (task.serviceId === service.summary.id && task.desiredState === 'running') task.desiredState = 'shutdown';
		service.summary.updateStatus = {state: 'updating', message: 'update in progress'};
		this.changed(service);
		this.place(service.summary.id, false);
		if (this.autoConverge) this.converge(service.summary.id);
		return {warnings: []};
	}

	async rollbackService(id: string): Promise<ServiceUpdateResult> {
		await this.host.enter('rollbackService', id);
		this.refuse();
		const service = this.find(id);
		if (!service.previous) throw new EngineError('server', 'service does not have a previous spec', {statusCode: 500});
		if (service.previous.replicas !== undefined) service.summary.replicas = service.previous.replicas;
		service.env = service.previous.env;
		service.previous = undefined;
		service.summary.updateStatus = {state: 'rollback_completed', message: 'rollback completed'};
		this.changed(service);
		this.place(service.summary.id, this.autoConverge);
		return {warnings: []};
	}

	async removeService(id: string) {
		await this.host.enter('removeService', id);
		this.refuse();
		const service = this.find(id);
		this.services = this.services.filter(entry => entry !== service);
		this.tasks = this.tasks.filter(task => task.serviceId !== service.summary.id);
		this.host.emit({type: 'service', action: 'remove', id: service.summary.id, attributes: {name: service.summary.name}});
	}

	async setNodeAvailability(id: string, availability: NodeAvailability) {
		await this.host.enter('setNodeAvailability', id, availability);
		this.refuse();
		if (!['active', 'pause', 'drain'].includes(availability)) throw new EngineError('bad-request', `Invalid availability: ${String(availability)} (active, pause or drain)`);
		const node = this.findNode(id);
		const old = node.availability;
		node.availability = availability;
		node.version++;
		this.host.emit({type: 'node', action: 'update', id: node.id, attributes: {name: node.hostname, 'availability.old': old, 'availability.new': availability}});
		if (availability !== 'drain') return;
		const moving = new Set<string>();
		for (const task of this.tasks) {
			if (task.nodeId !== node.id || task.desiredState !== 'running') continue;
			task.desiredState = 'shutdown';
			task.state = 'shutdown';
			moving.add(task.serviceId);
		}

		for (const serviceId of moving) this.place(serviceId, this.autoConverge);
	}

	async streamServiceLogs(id: string, options: LogOptions, onLines: (lines: ServiceLogLine[]) => void, signal: AbortSignal) {
		await this.host.enter('streamServiceLogs', id, options);
		this.refuse();
		const service = this.find(id);
		const all = this.serviceLogs.get(service.summary.id) ?? [];
		const initial = options.tail === 'all' ? all : all.slice(-options.tail);
		if (initial.length > 0) onLines(initial);
		if (!options.follow) return;
		await new Promise<void>(resolve => {
			const subscriber = {id: service.summary.id, onLines};
			this.logSubscribers.add(subscriber);
			signal.addEventListener('abort', () => {
				this.logSubscribers.delete(subscriber);
				resolve();
			});
		});
	}
}
