/** Nodes: `docker node ls`, `inspect` and `update --availability`. */
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {EngineError, type NodeAvailability, type NodeDetails, type NodeSummary} from '../types.js';
import {toNodeDetails, toNodeSummary} from './mapping.js';
import type {RawNode} from './raw.js';
import {managerCall, swarmRole} from './role.js';

/** This engine's node id (cached with its role), to mark its row; undefined when /info fails. */
async function selfId(client: ApiClient): Promise<string | undefined> {
	return swarmRole(client).then(membership => membership.nodeId, () => undefined);
}

/** As `docker node ls`: sorted by hostname. */
export async function listNodes(client: ApiClient): Promise<NodeSummary[]> {
	return managerCall(client, async () => {
		const [raw, self] = await Promise.all([client.docker.listNodes() as Promise<RawNode[] | null>, selfId(client)]);
		return (raw ?? [])
			.map(node => toNodeSummary(node, self))
			.sort((a, b) => (a.hostname < b.hostname ? -1 : (a.hostname > b.hostname ? 1 : a.id.localeCompare(b.id))));
	});
}

export async function inspectNode(client: ApiClient, id: string): Promise<NodeDetails> {
	return managerCall(client, async () => {
		const [node, self] = await Promise.all([client.docker.getNode(pathPart(id)).inspect() as Promise<RawNode>, selfId(client)]);
		return toNodeDetails(node, self);
	});
}

const availabilities: NodeAvailability[] = ['active', 'pause', 'drain'];

/** Sends the node's spec back with the availability changed and the version read; retried once when another update came first. */
export async function setNodeAvailability(client: ApiClient, id: string, availability: NodeAvailability): Promise<void> {
	if (!availabilities.includes(availability)) throw new EngineError('bad-request', `Invalid availability: ${String(availability)} (active, pause or drain)`);
	await managerCall(client, async () => {
		for (let attempt = 0; ; attempt++) {
			const node = await client.docker.getNode(pathPart(id)).inspect() as RawNode;
			try {
				await client.docker.getNode(pathPart(node.ID)).update({
					_query: {version: node.Version?.Index ?? 0},
					_body: {...node.Spec, Availability: availability},
				});
				return;
			} catch (error) {
				if (attempt === 0 && error instanceof EngineError && /update out of sequence/i.test(error.message)) continue;
				throw error;
			}
		}
	});
}
