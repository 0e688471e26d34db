/**
 * Whether the engine is a swarm manager, a worker or neither, from /info's Swarm section, cached
 * per engine (keyed by its ApiClient, as lifecycle/context.ts keeps its state) so that panes
 * asking often cost one request. The cache is dropped when the event stream reports a node event
 * or starts again (an engine restart), and when the engine refuses a swarm call for not being a
 * manager (503): the next question asks the engine again.
 */
import type {ApiClient} from '../transport/api-client.js';
import {EngineError, type SwarmMembership} from '../types.js';
import type {RawInfo} from './raw.js';

const cache = new WeakMap<ApiClient, Promise<SwarmMembership>>();

export function membershipOf(info: RawInfo): SwarmMembership {
	const swarm = info.Swarm ?? undefined;
	const localState = swarm?.LocalNodeState ?? '';
	const membership: SwarmMembership = {
		role: localState === 'active' ? (swarm?.ControlAvailable === true ? 'manager' : 'worker') : 'none',
		localState,
	};
	if (swarm?.NodeID) membership.nodeId = swarm.NodeID;
	if (swarm?.Error) membership.error = swarm.Error;
	return membership;
}

export async function swarmRole(client: ApiClient, options: {refresh?: boolean} = {}): Promise<SwarmMembership> {
	let pending = options.refresh ? undefined : cache.get(client);
	if (!pending) {
		pending = (client.docker.info() as Promise<RawInfo>).then(membershipOf);
		cache.set(client, pending);
		// A failed question is not remembered.
		pending.catch(() => {
			if (cache.get(client) === pending) cache.delete(client);
		});
	}

	return pending;
}

export function forgetRole(client: ApiClient): void {
	cache.delete(client);
}

/**
 * Runs a swarm call; a refusal for not being a manager (503: "This node is not a swarm manager",
 * "not part of a swarm") makes the next swarmRole() ask the engine again.
 */
export async function managerCall<T>(client: ApiClient, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (error instanceof EngineError && error.statusCode === 503) forgetRole(client);
		throw error;
	}
}
