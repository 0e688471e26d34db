/** The engine's JSON for services, tasks and nodes to berth's swarm types. Pure. */
import type {
	NodeAvailability,
	NodeDetails,
	NodeSummary,
	ServiceDetails,
	ServiceMode,
	ServicePort,
	ServiceSummary,
	ServiceUpdatePolicy,
	TaskSummary,
} from '../types.js';
import type {RawNode, RawService, RawServiceSpec, RawTask, RawUpdateConfig} from './raw.js';

export function serviceMode(spec: RawServiceSpec | undefined): ServiceMode {
	const mode = spec?.Mode ?? {};
	if (mode.Global) return 'global';
	if (mode.ReplicatedJob) return 'replicated-job';
	if (mode.GlobalJob) return 'global-job';
	return 'replicated';
}

/**
 * Running and desired tasks counted from the service's tasks, by the engine's own rule (swarmkit's
 * ListServiceStatuses, which `docker service ls` shows): running = tasks in the running state;
 * desired = the replica count (replicated), MaxConcurrent (replicated job), or the tasks whose
 * desired state is running (global) or complete (global job, not yet complete). Jobs count only
 * the current iteration. For engines older than API 1.41, which do not send ServiceStatus.
 */
export function statusFromTasks(service: RawService, tasks: RawTask[]): {running: number; desired: number; completed: number} {
	const mode = serviceMode(service.Spec);
	const iteration = service.JobStatus?.JobIteration?.Index;
	let running = 0;
	let completed = 0;
	let desired = mode === 'replicated' ? (service.Spec?.Mode?.Replicated?.Replicas ?? 0) : mode === 'replicated-job' ? (service.Spec?.Mode?.ReplicatedJob?.MaxConcurrent ?? 0) : 0;
	const global = mode === 'global' || mode === 'global-job';
	for (const task of tasks) {
		if (task.ServiceID !== service.ID) continue;
		if (iteration !== undefined) {
			if (task.JobIteration?.Index !== iteration) continue;
			if (task.Status?.State === 'complete') completed++;
		}

		if (task.Status?.State === 'running') running++;
		if (global && task.DesiredState === 'running') desired++;
		if (global && task.DesiredState === 'complete' && task.Status?.State !== 'complete') desired++;
	}

	return {running, desired, completed};
}

/** The image as `docker service ls` shows it: a tagged reference loses its pinned digest. */
export function displayImage(image: string): string {
	const at = image.indexOf('@');
	const name = at === -1 ? image : image.slice(0, at);
	const tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
	const shown = at !== -1 && tagged ? name : image;
	return shown.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

function ports(service: RawService): ServicePort[] {
	return (service.Endpoint?.Ports ?? []).map(port => ({
		protocol: port.Protocol ?? 'tcp',
		targetPort: port.TargetPort ?? 0,
		...(port.PublishedPort ? {publishedPort: port.PublishedPort} : {}),
		publishMode: port.PublishMode ?? 'ingress',
	}));
}

export function toServiceSummary(service: RawService, counts: {running: number; desired: number; completed?: number}): ServiceSummary {
	const spec = service.Spec ?? {};
	const mode = serviceMode(spec);
	const update = service.UpdateStatus;
	const summary: ServiceSummary = {
		id: service.ID,
		name: spec.Name ?? '',
		mode,
		running: counts.running,
		desired: counts.desired,
		image: displayImage(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
		ports: ports(service),
		labels: {...spec.Labels},
		createdAt: service.CreatedAt ?? '',
		updatedAt: service.UpdatedAt ?? '',
		version: service.Version?.Index ?? 0,
	};
	if (mode === 'replicated') summary.replicas = spec.Mode?.Replicated?.Replicas ?? 0;
	if (mode.endsWith('-job')) summary.completed = counts.completed ?? 0;
	if (update?.State) {
		summary.updateStatus = {
			state: update.State,
			...(update.StartedAt ? {startedAt: update.StartedAt} : {}),
			...(update.CompletedAt ? {completedAt: update.CompletedAt} : {}),
			message: update.Message ?? '',
		};
	}

	return summary;
}

function policy(config: RawUpdateConfig | undefined): ServiceUpdatePolicy | undefined {
	if (!config) return undefined;
	return {
		parallelism: config.Parallelism ?? 0,
		delayNs: config.Delay ?? 0,
		failureAction: config.FailureAction ?? '',
		monitorNs: config.Monitor ?? 0,
		maxFailureRatio: config.MaxFailureRatio ?? 0,
		order: config.Order ?? '',
	};
}

export function toServiceDetails(service: RawService, summary: ServiceSummary): ServiceDetails {
	const task = service.Spec?.TaskTemplate ?? {};
	const container = task.ContainerSpec ?? {};
	const details: ServiceDetails = {
		...summary,
		imageRef: container.Image ?? '',
		command: container.Command ?? [],
		args: container.Args ?? [],
		env: container.Env ?? [],
		workingDir: container.Dir ?? '',
		user: container.User ?? '',
		hostname: container.Hostname ?? '',
		tty: container.TTY === true,
		mounts: (container.Mounts ?? []).map(mount => ({type: mount.Type ?? '', source: mount.Source ?? '', target: mount.Target ?? '', readOnly: mount.ReadOnly === true})),
		networks: (task.Networks ?? []).map(network => network.Target ?? '').filter(Boolean),
		constraints: task.Placement?.Constraints ?? [],
		limits: {nanoCpus: task.Resources?.Limits?.NanoCPUs ?? 0, memoryBytes: task.Resources?.Limits?.MemoryBytes ?? 0},
		reservations: {nanoCpus: task.Resources?.Reservations?.NanoCPUs ?? 0, memoryBytes: task.Resources?.Reservations?.MemoryBytes ?? 0},
		restartPolicy: {
			condition: task.RestartPolicy?.Condition ?? 'any',
			delayNs: task.RestartPolicy?.Delay ?? 0,
			maxAttempts: task.RestartPolicy?.MaxAttempts ?? 0,
			windowNs: task.RestartPolicy?.Window ?? 0,
		},
		endpointMode: service.Endpoint?.Spec?.Mode ?? service.Spec?.EndpointSpec?.Mode ?? 'vip',
		virtualIps: (service.Endpoint?.VirtualIPs ?? []).map(vip => ({networkId: vip.NetworkID ?? '', address: vip.Addr ?? ''})),
		forceUpdate: task.ForceUpdate ?? 0,
		canRollback: service.PreviousSpec !== undefined && service.PreviousSpec !== null,
		raw: service as unknown as Record<string, unknown>,
	};
	const update = policy(service.Spec?.UpdateConfig);
	if (update) details.update = update;
	const rollback = policy(service.Spec?.RollbackConfig);
	if (rollback) details.rollback = rollback;
	return details;
}

/** Hostnames by node id, for naming tasks. */
export type NodeNames = ReadonlyMap<string, string>;

export function toTaskSummary(task: RawTask, serviceName: string, nodes: NodeNames): TaskSummary {
	const status = task.Status ?? {};
	const slot = task.Slot && task.Slot > 0 ? task.Slot : undefined;
	const summary: TaskSummary = {
		id: task.ID,
		serviceId: task.ServiceID ?? '',
		name: slot === undefined ? `${serviceName}.${task.NodeID ?? ''}` : `${serviceName}.${slot}`,
		desiredState: task.DesiredState ?? '',
		state: status.State ?? '',
		message: status.Message ?? '',
		stateSince: status.Timestamp ?? '',
		createdAt: task.CreatedAt ?? '',
		updatedAt: task.UpdatedAt ?? '',
		image: task.Spec?.ContainerSpec?.Image ?? '',
	};
	if (slot !== undefined) summary.slot = slot;
	if (task.NodeID) {
		summary.nodeId = task.NodeID;
		summary.node = nodes.get(task.NodeID) ?? task.NodeID;
	}

	if (status.Err) summary.error = status.Err;
	const containerStatus = status.ContainerStatus;
	if (containerStatus?.ContainerID) summary.containerId = containerStatus.ContainerID;
	if (containerStatus && typeof containerStatus.ExitCode === 'number' && summary.containerId) summary.exitCode = containerStatus.ExitCode;
	return summary;
}

/** As `docker service ps`: by slot (global: by node), the newest task of each first. */
export function compareTasks(a: TaskSummary, b: TaskSummary): number {
	if ((a.slot ?? 0) !== (b.slot ?? 0)) return (a.slot ?? 0) - (b.slot ?? 0);
	if ((a.nodeId ?? '') !== (b.nodeId ?? '') && a.slot === undefined) return (a.nodeId ?? '') < (b.nodeId ?? '') ? -1 : 1;
	return b.createdAt.localeCompare(a.createdAt);
}

const availabilities = new Set<string>(['active', 'pause', 'drain']);

export function toNodeSummary(node: RawNode, selfId: string | undefined): NodeSummary {
	const availability = node.Spec?.Availability ?? 'active';
	const summary: NodeSummary = {
		id: node.ID,
		hostname: node.Description?.Hostname ?? '',
		status: node.Status?.State ?? 'unknown',
		availability: (availabilities.has(availability) ? availability : 'active') as NodeAvailability,
		role: node.Spec?.Role === 'manager' ? 'manager' : 'worker',
		engineVersion: node.Description?.Engine?.EngineVersion ?? '',
		labels: {...node.Spec?.Labels},
		address: node.Status?.Addr ?? '',
		self: selfId !== undefined && selfId === node.ID,
		version: node.Version?.Index ?? 0,
	};
	if (node.Status?.Message) summary.statusMessage = node.Status.Message;
	const manager = node.ManagerStatus;
	if (manager) summary.managerStatus = manager.Leader ? 'leader' : (manager.Reachability === 'reachable' ? 'reachable' : 'unreachable');
	return summary;
}

export function toNodeDetails(node: RawNode, selfId: string | undefined): NodeDetails {
	const description = node.Description ?? {};
	const details: NodeDetails = {
		...toNodeSummary(node, selfId),
		createdAt: node.CreatedAt ?? '',
		updatedAt: node.UpdatedAt ?? '',
		os: description.Platform?.OS ?? '',
		architecture: description.Platform?.Architecture ?? '',
		nanoCpus: description.Resources?.NanoCPUs ?? 0,
		memoryBytes: description.Resources?.MemoryBytes ?? 0,
		engineLabels: {...description.Engine?.Labels},
		plugins: (description.Engine?.Plugins ?? []).map(plugin => ({type: plugin.Type ?? '', name: plugin.Name ?? ''})),
		raw: node as unknown as Record<string, unknown>,
	};
	if (node.ManagerStatus?.Addr) details.managerAddress = node.ManagerStatus.Addr;
	return details;
}
