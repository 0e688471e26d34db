/**
 * Swarm rows worded as the docker CLI words them (`docker service ls`, `service ps`, `node ls`),
 * and whether a service has settled after a scale or an update. Pure.
 */
import type {NodeSummary, ServicePort, ServiceSummary} from '../engine/types.js';

/** REPLICAS of `docker service ls`: "2/3"; jobs add what completed, "0/1 (4 completed)". */
export function replicasText(service: ServiceSummary): string {
	const base = `${service.running}/${service.desired}`;
	return service.completed === undefined ? base : `${base} (${service.completed} completed)`;
}

/**
 * PORTS of `docker service ls`: the ingress (routing mesh) ports, "*:8080->80/tcp", consecutive
 * ones merged into ranges ("*:8080-8081->80-81/tcp"); ports published in host mode are not listed.
 */
export function servicePortsText(ports: ServicePort[]): string {
	const ingress = ports
		.filter(port => port.publishMode === 'ingress' && port.publishedPort !== undefined)
		.sort((a, b) => a.protocol.localeCompare(b.protocol) || a.publishedPort! - b.publishedPort! || a.targetPort - b.targetPort);
	const ranges: Array<{protocol: string; published: [number, number]; target: [number, number]}> = [];
	for (const port of ingress) {
		const last = ranges.at(-1);
		if (last && last.protocol === port.protocol && last.published[1] + 1 === port.publishedPort && last.target[1] + 1 === port.targetPort) {
			last.published[1]++;
			last.target[1]++;
		} else {
			ranges.push({protocol: port.protocol, published: [port.publishedPort!, port.publishedPort!], target: [port.targetPort, port.targetPort]});
		}
	}

	const span = ([from, to]: [number, number]) => (from === to ? String(from) : `${from}-${to}`);
	return ranges.map(range => `*:${span(range.published)}->${span(range.target)}/${range.protocol}`).join(', ');
}

/** A service has settled: as many tasks running as desired, and no update or rollback under way. */
export function serviceConverged(service: ServiceSummary): boolean {
	const state = service.updateStatus?.state;
	return service.running === service.desired && state !== 'updating' && state !== 'rollback_started';
}

/** MANAGER STATUS of `docker node ls`: "Leader", "Reachable", "Unreachable", or "" for a worker. */
export function managerStatusText(node: NodeSummary): string {
	return node.managerStatus ? node.managerStatus.charAt(0).toUpperCase() + node.managerStatus.slice(1) : '';
}

/** A state as the CLI capitalises it: "running" → "Running". */
export function stateText(state: string): string {
	return state.charAt(0).toUpperCase() + state.slice(1);
}

/**
 * Why the Swarm view has nothing to list, in one line: a worker can only be asked on a manager;
 * an engine in no swarm says what it is doing instead (joining, locked, failed).
 */
export function notManagerText(membership: {role: 'worker' | 'none'; localState?: string; error?: string}): string {
	if (membership.role === 'worker') return 'This engine is a swarm worker: services, tasks and nodes are read on a manager';
	const error = membership.error ? `: ${membership.error}` : '';
	switch (membership.localState) {
		case 'pending':
			return `This engine is joining a swarm${error}; services and nodes show once it is a manager`;
		case 'locked':
			return 'This swarm manager is locked: docker swarm unlock, then open this view again';
		case 'error':
			return `This engine's swarm membership failed${error}`;
		default:
			return 'This engine is not in a swarm (docker swarm init makes it a manager)';
	}
}
