/**
 * The event stream with the swarm's events when asked for (`swarm: true`) and the engine is a
 * manager: service events (create, update — replicas.old/new, updatestate.old/new —, remove)
 * and node events (create, update — availability, state, role —, remove). Tasks have no events:
 * a task's progress is seen by reading listTasks again (or the container events on the engine's
 * own node). Without `swarm` the stream is the same as before. Asking re-checks the engine's role
 * (a stream starts again after an engine restart), and a node event makes the next swarmRole()
 * ask again (a promotion or demotion arrives as one).
 */
import type {ApiClient} from '../transport/api-client.js';
import {engineEventTypes, streamEvents as streamEngineEvents} from '../system/events.js';
import type {EngineEvent} from '../types.js';
import {forgetRole, swarmRole} from './role.js';

export const swarmEventTypes = ['service', 'node'];

export async function streamEvents(client: ApiClient, options: {since?: string; swarm?: boolean}, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
	if (!options.swarm) return streamEngineEvents(client, options, onEvent, signal);
	forgetRole(client);
	// When /info fails the stream's own request reports why.
	const membership = await swarmRole(client).catch(() => undefined);
	const types = membership?.role === 'manager' ? [...engineEventTypes, ...swarmEventTypes] : engineEventTypes;
	return streamEngineEvents(client, {since: options.since}, event => {
		if (event.type === 'node') forgetRole(client);
		onEvent(event);
	}, signal, types);
}
