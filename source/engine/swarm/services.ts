/**
 * Services and their tasks: `docker service ls`, `ps`, `inspect`, `scale`, `update --force`,
 * `rollback` and `rm`. Updates send the whole spec back with the version it was read at, as the
 * CLI does; one that lost a race with another update ("update out of sequence") is read and sent
 * again once.
 */
import type Dockerode from 'dockerode';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {EngineError, type ServiceDetails, type ServiceSummary, type ServiceUpdateResult, type TaskSummary} from '../types.js';
import {compareTasks, serviceMode, statusFromTasks, toServiceDetails, toServiceSummary, toTaskSummary} from './mapping.js';
import type {RawNode, RawService, RawServiceSpec, RawTask} from './raw.js';
import {managerCall} from './role.js';

/** Query parameters of a service update besides the version. */
type Query = Record<string, string>;

function countsOf(service: RawService, tasks: RawTask[]): {running: number; desired: number; completed: number} {
	const status = service.ServiceStatus;
	if (!status) return statusFromTasks(service, tasks);
	return {running: status.RunningTasks ?? 0, desired: status.DesiredTasks ?? 0, completed: status.CompletedTasks ?? 0};
}

async function tasksOf(client: ApiClient, serviceIds: string[]): Promise<RawTask[]> {
	if (serviceIds.length === 0) return [];
	const raw = await client.docker.listTasks({filters: {service: serviceIds}}) as unknown as RawTask[] | null;
	return Array.isArray(raw) ? raw : [];
}

/**
 * Engines with API 1.41 and later count running and desired tasks themselves (`status=true`, what
 * `docker service ls` shows); for older ones berth counts them from the tasks by the same rule.
 */
export async function listServices(client: ApiClient): Promise<ServiceSummary[]> {
	return managerCall(client, async () => {
		const raw = await client.docker.listServices({status: true} as Dockerode.ServiceListOptions) as unknown as RawService[] | null;
		const services = Array.isArray(raw) ? raw : [];
		const uncounted = services.filter(service => !service.ServiceStatus).map(service => service.ID);
		const tasks = await tasksOf(client, uncounted);
		return services
			.map(service => toServiceSummary(service, countsOf(service, tasks)))
			.sort((a, b) => (a.name < b.name ? -1 : (a.name > b.name ? 1 : 0)));
	});
}

/** As `docker service inspect`: with the engine's defaults filled in (update and rollback policy, restart policy, stop grace period). */
export async function inspectService(client: ApiClient, id: string): Promise<ServiceDetails> {
	return managerCall(client, async () => {
		// Through the modem: dockerode's Service.inspect sends no query, and berth asks for the defaults.
		const service = await client.modem.request<RawService>({method: 'GET', path: `/services/${pathPart(id)}?`, options: {insertDefaults: true}, statusCodes: {200: true}});
		const tasks = await tasksOf(client, [service.ID]);
		return toServiceDetails(service, toServiceSummary(service, statusFromTasks(service, tasks)));
	});
}

/** As `docker service ps ID`: every task the engine keeps (current and history), with node hostnames. */
export async function listTasks(client: ApiClient, serviceId: string): Promise<TaskSummary[]> {
	return managerCall(client, async () => {
		const [service, tasks, nodes] = await Promise.all([
			client.docker.getService(pathPart(serviceId)).inspect() as Promise<RawService>,
			tasksOf(client, [serviceId]),
			client.docker.listNodes() as Promise<RawNode[] | null>,
		]);
		const names = new Map((nodes ?? []).map(node => [node.ID, node.Description?.Hostname ?? node.ID]));
		const name = service.Spec?.Name ?? service.ID;
		return tasks.filter(task => task.ServiceID === service.ID).map(task => toTaskSummary(task, name, names)).sort(compareTasks);
	});
}

/** Reads the service, lets `change` make the new spec, and sends it with the version read. */
async function updateService(client: ApiClient, id: string, change: (service: RawService) => {spec: RawServiceSpec; query?: Query}): Promise<ServiceUpdateResult> {
	return managerCall(client, async () => {
		for (let attempt = 0; ; attempt++) {
			const service = await client.docker.getService(pathPart(id)).inspect() as RawService;
			const {spec, query} = change(service);
			try {
				const answer = await client.docker.getService(pathPart(service.ID)).update({
					_query: {version: service.Version?.Index ?? 0, ...query},
					_body: spec,
				} as unknown as Dockerode.ServiceSpec) as {Warnings?: string[] | null} | undefined;
				return {warnings: answer?.Warnings ?? []};
			} catch (error) {
				if (attempt === 0 && error instanceof EngineError && /update out of sequence/i.test(error.message)) continue;
				throw error;
			}
		}
	});
}

function specOf(service: RawService): RawServiceSpec {
	return structuredClone(service.Spec ?? {});
}

/** `docker service scale`: the replica count of a replicated service (a replicated job's MaxConcurrent). */
export async function scaleService(client: ApiClient, id: string, replicas: number): Promise<ServiceUpdateResult> {
	if (!Number.isSafeInteger(replicas) || replicas < 0) throw new EngineError('bad-request', `Invalid replica count: ${replicas} (a whole number, 0 or more)`);
	return updateService(client, id, service => {
		const spec = specOf(service);
		const mode = serviceMode(spec);
		if (mode === 'replicated') spec.Mode = {...spec.Mode, Replicated: {...spec.Mode?.Replicated, Replicas: replicas}};
		else if (mode === 'replicated-job') spec.Mode = {...spec.Mode, ReplicatedJob: {...spec.Mode?.ReplicatedJob, MaxConcurrent: replicas}};
		else throw new EngineError('bad-request', `${spec.Name ?? id}: scale can only be used with replicated or replicated-job mode`);
		return {spec};
	});
}

/** `docker service update --force`: ForceUpdate goes up by one, so every task is replaced. */
export async function forceUpdateService(client: ApiClient, id: string): Promise<ServiceUpdateResult> {
	return updateService(client, id, service => {
		const spec = specOf(service);
		spec.TaskTemplate = {...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1};
		return {spec};
	});
}

/** `docker service rollback`: the engine goes back to the previous spec (the spec sent is the current one, as the CLI sends it). */
export async function rollbackService(client: ApiClient, id: string): Promise<ServiceUpdateResult> {
	return updateService(client, id, service => ({spec: specOf(service), query: {rollback: 'previous', registryAuthFrom: 'previous-spec'}}));
}

export async function removeService(client: ApiClient, id: string): Promise<void> {
	await managerCall(client, async () => client.docker.getService(pathPart(id)).remove());
}
