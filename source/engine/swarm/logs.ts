/**
 * `docker service logs`: the lines of every task of a service as the engine merges them, each
 * named by its task (`web.2`) and node hostname. The names come from the service's tasks and
 * the nodes, read before the stream opens; a task or node that appears later (a scale while
 * following) makes berth read them again before that batch is delivered, so lines keep their
 * order. Lines are delivered in batches, as containers.logs does.
 */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {toEngineError} from '../transport/errors.js';
import {toUnixTimestamp} from '../transport/timestamps.js';
import type {LogOptions, ServiceLogLine} from '../types.js';
import {createServiceLogParser, type TaggedLine} from './log-parser.js';
import type {RawNode, RawService, RawTask} from './raw.js';
import {managerCall} from './role.js';

/** Task and node names for one service's log lines. */
class LogNames {
	private readonly tasks = new Map<string, {slot?: number; nodeId?: string}>();
	private readonly nodes = new Map<string, string>();
	/** Ids looked for once already: an unknown one is not worth a second read. */
	private readonly sought = new Set<string>();

	constructor(private readonly client: ApiClient, private readonly service: RawService) {}

	async load(signal?: AbortSignal): Promise<void> {
		const [tasks, nodes] = await Promise.all([
			this.client.docker.listTasks({filters: {service: [this.service.ID]}, abortSignal: signal}) as unknown as Promise<RawTask[] | null>,
			this.client.docker.listNodes({abortSignal: signal}) as unknown as Promise<RawNode[] | null>,
		]);
		for (const task of tasks ?? []) this.tasks.set(task.ID, {slot: task.Slot, nodeId: task.NodeID});
		for (const node of nodes ?? []) this.nodes.set(node.ID, node.Description?.Hostname || node.ID);
	}

	/** Reads the tasks and nodes again when the batch names one not known yet (once per id). */
	async update(batch: TaggedLine[], signal: AbortSignal): Promise<void> {
		const unknown = new Set<string>();
		for (const {taskId, nodeId} of batch) {
			if (taskId && !this.tasks.has(taskId) && !this.sought.has(taskId)) unknown.add(taskId);
			if (nodeId && !this.nodes.has(nodeId) && !this.sought.has(nodeId)) unknown.add(nodeId);
		}

		if (unknown.size === 0) return;
		for (const id of unknown) this.sought.add(id);
		// The names are a nicety: a failed read leaves the ids in their place.
		await this.load(signal).catch(() => undefined);
	}

	name(tagged: TaggedLine): ServiceLogLine {
		const serviceName = this.service.Spec?.Name ?? this.service.ID;
		const task = this.tasks.get(tagged.taskId);
		const nodeId = tagged.nodeId || task?.nodeId || '';
		const node = this.nodes.get(nodeId) ?? nodeId;
		const taskName = task?.slot ? `${serviceName}.${task.slot}` : `${serviceName}.${nodeId || tagged.taskId}`;
		return {
			...tagged.line,
			taskId: tagged.taskId,
			nodeId,
			task: taskName,
			node,
			prefix: `${taskName}.${tagged.taskId.slice(0, 12)}@${node}`,
		};
	}
}

export async function streamServiceLogs(client: ApiClient, id: string, options: LogOptions, onLines: (lines: ServiceLogLine[]) => void, signal: AbortSignal): Promise<void> {
	if (signal.aborted) return;
	let service: RawService;
	let names: LogNames;
	try {
		service = await managerCall(client, async () => client.docker.getService(pathPart(id)).inspect({abortSignal: signal}) as Promise<RawService>);
		names = new LogNames(client, service);
		await names.load(signal);
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const query = {
		stdout: true,
		stderr: true,
		timestamps: true,
		details: true,
		tail: options.tail,
		...(options.since !== undefined && {since: toUnixTimestamp(options.since)}),
	};
	let response: IncomingMessage;
	try {
		// As containers/logs.ts: a log not followed is read as a stream through the modem (dockerode would buffer it whole).
		response = options.follow
			? await client.docker.getService(pathPart(service.ID)).logs({...query, follow: true, abortSignal: signal} as Dockerode.ContainerLogsOptions & {follow: true}) as unknown as IncomingMessage
			: await client.modem.request<IncomingMessage>({method: 'GET', path: `/services/${pathPart(service.ID)}/logs?`, options: query, isStream: true, abortSignal: signal, statusCodes: {200: true}});
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const parser = createServiceLogParser(service.Spec?.TaskTemplate?.ContainerSpec?.TTY === true);
	let pending: TaggedLine[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	// Batches go out one after the other, each once its names are known.
	let delivery: Promise<void> = Promise.resolve();
	let failure: unknown;
	const deliver = (batch: TaggedLine[]) => {
		delivery = delivery.then(async () => {
			if (failure !== undefined || signal.aborted) return;
			await names.update(batch, signal);
			if (signal.aborted) return;
			try {
				onLines(batch.map(tagged => names.name(tagged)));
			} catch (error) {
				failure = error;
				response.destroy(error as Error);
			}
		});
	};

	const flush = () => {
		scheduled = undefined;
		if (pending.length === 0) return;
		const batch = pending;
		pending = [];
		deliver(batch);
	};

	try {
		await client.consume(response, signal, chunk => {
			const lines = parser.push(chunk);
			if (lines.length === 0) return;
			for (const line of lines) pending.push(line);
			scheduled ??= setImmediate(flush);
		}, () => {
			if (scheduled) clearImmediate(scheduled);
			scheduled = undefined;
			for (const line of parser.end()) pending.push(line);
			flush();
		});
	} catch (error) {
		throw toEngineError(failure ?? error, client.endpoint);
	} finally {
		if (scheduled) clearImmediate(scheduled);
	}

	await delivery;
	if (failure !== undefined) throw toEngineError(failure, client.endpoint);
}
