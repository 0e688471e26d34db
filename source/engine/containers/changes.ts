/** `docker diff` of a container. */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import type {ContainerChange} from '../types.js';

const kinds: Record<number, ContainerChange['kind']> = {0: 'C', 1: 'A', 2: 'D'};

/** `docker diff`: the engine's Kind 0 modified, 1 added, 2 deleted, in the engine's order (as the CLI prints them). */
export async function containerChanges(client: ApiClient, id: string): Promise<ContainerChange[]> {
	const raw = await client.docker.getContainer(pathPart(id)).changes() as Array<{Path?: string; Kind?: number}> | null;
	return (raw ?? [])
		.filter(change => typeof change.Path === 'string' && kinds[change.Kind ?? -1] !== undefined)
		.map(change => ({kind: kinds[change.Kind!]!, path: change.Path!}));
}
