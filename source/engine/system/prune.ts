/**
 * Prune previews and prunes. The preview reads the lists (containers with their layer sizes,
 * all images with parents, networks with their endpoints, /system/df for volumes and build cache),
 * applies the engine's rules (prune-rules.ts) and computes the space: container layers, volume
 * data, cache records, and for images the layers no remaining image has (sizes from each deleted
 * image's history). The prune calls the engine's own endpoints in the order given and reports
 * what the engine says it removed, with names from the lists read just before.
 */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {toHistoryEntry, type RawHistory} from '../images/mapping.js';
import type {PruneItem, PruneItemKind, PruneOptions, PrunePlan, PruneReport, PruneTarget} from '../types.js';
import {chainsOfImages, mapLimited} from '../images/images.js';
import {layerSizes} from '../images/layers.js';
import {imageName, releasedLayerSpace, simulatePrune, type PruneImage, type PruneState} from './prune-rules.js';

interface RawListedContainer {
	Id: string;
	Names?: string[] | null;
	ImageID?: string;
	State?: string;
	Labels?: Record<string, string> | null;
	SizeRw?: number;
	Mounts?: Array<{Type?: string; Name?: string}> | null;
}

interface RawListedImage {
	Id: string;
	ParentId?: string;
	RepoTags?: string[] | null;
	RepoDigests?: string[] | null;
	Labels?: Record<string, string> | null;
}

interface RawDiskUsage {
	Volumes?: Array<{Name: string; Driver?: string; Labels?: Record<string, string> | null; UsageData?: {Size?: number} | null}> | null;
	BuildCache?: Array<{ID: string; Parent?: string; Type?: string; Description?: string; InUse?: boolean; Shared?: boolean; Size?: number}> | null;
}

const imageTargets = new Set<PruneTarget>(['dangling-images', 'unused-images']);
const cacheTargets = new Set<PruneTarget>(['build-cache', 'all-build-cache']);

const real = (references: string[] | null | undefined) => (references ?? []).filter(reference => !reference.startsWith('<none>'));

async function readState(client: ApiClient, targets: PruneTarget[], withSizes: boolean): Promise<PruneState> {
	const needs = (check: (target: PruneTarget) => boolean) => targets.some(check);
	const [containers, images, networks, usage] = await Promise.all([
		client.docker.listContainers({all: true, ...(withSizes && targets.includes('containers') && {size: true})}) as unknown as Promise<RawListedContainer[]>,
		needs(target => imageTargets.has(target)) ? client.docker.listImages({all: true}) as unknown as Promise<RawListedImage[]> : Promise.resolve([]),
		needs(target => target === 'networks') ? readNetworks(client) : Promise.resolve([]),
		needs(target => target === 'volumes' || cacheTargets.has(target)) ? client.docker.df() as Promise<RawDiskUsage> : Promise.resolve({} as RawDiskUsage),
	]);
	return {
		containers: (containers ?? []).map(container => ({
			id: container.Id,
			name: (container.Names?.find(name => name.lastIndexOf('/') === 0) ?? container.Names?.[0] ?? '').replace(/^\//, ''),
			state: (container.State ?? '').toLowerCase(),
			labels: {...container.Labels},
			imageId: container.ImageID ?? '',
			volumes: (container.Mounts ?? []).filter(mount => mount.Type === 'volume' && mount.Name).map(mount => mount.Name!),
			sizeRw: container.SizeRw ?? 0,
		})),
		images: (images ?? []).map(image => ({
			id: image.Id,
			parentId: image.ParentId ?? '',
			tags: real(image.RepoTags),
			digests: real(image.RepoDigests),
			labels: {...image.Labels},
		})),
		networks,
		volumes: (usage.Volumes ?? []).map(volume => ({name: volume.Name, driver: volume.Driver ?? '', labels: {...volume.Labels}, size: volume.UsageData?.Size ?? 0})),
		buildCache: (usage.BuildCache ?? []).map(record => ({
			id: record.ID,
			parent: record.Parent || undefined,
			type: record.Type ?? '',
			description: record.Description ?? '',
			inUse: record.InUse === true,
			shared: record.Shared === true,
			size: record.Size ?? 0,
		})),
	};
}

/** The network list does not say which have endpoints; each network's inspect does. */
async function readNetworks(client: ApiClient): Promise<PruneState['networks']> {
	const listed = await client.docker.listNetworks() as unknown as Array<{Id: string; Name?: string}>;
	const networks = await mapLimited(listed ?? [], 4, async network => {
		const raw = await (client.docker.getNetwork(pathPart(network.Id)).inspect() as Promise<{Id: string; Name?: string; Labels?: Record<string, string> | null; Containers?: Record<string, unknown> | null; ConfigOnly?: boolean}>).catch(() => undefined);
		if (!raw) return undefined;
		return {id: raw.Id, name: raw.Name ?? '', labels: {...raw.Labels}, endpoints: Object.keys(raw.Containers ?? {}).length, configOnly: raw.ConfigOnly === true};
	});
	return networks.filter(network => network !== undefined);
}

function countKinds(items: PruneItem[]): Record<PruneItemKind, number> {
	const counts: Record<PruneItemKind, number> = {container: 0, image: 0, network: 0, volume: 0, 'build-cache': 0};
	for (const item of items) if (!(item.kind === 'image' && item.action === 'untag')) counts[item.kind]++;
	return counts;
}

/** Sizes of the layers of the deleted images, by chain id, from their histories. */
async function imageSpace(client: ApiClient, state: PruneState, deleted: string[], remaining: string[]): Promise<{space: number; perImage: Map<string, number>}> {
	const perImage = new Map<string, number>();
	if (deleted.length === 0) return {space: 0, perImage};
	const chains = await chainsOfImages(client, state.images.map(image => ({Id: image.id})));
	const chainSize = new Map<string, number>();
	await mapLimited(deleted, 4, async id => {
		const history = (await (client.docker.getImage(pathPart(id)).history() as Promise<RawHistory[]>).catch(() => [])).map(toHistoryEntry);
		const own = chains.get(id) ?? [];
		const sizes = layerSizes(history, own.length);
		own.forEach((chain, index) => chainSize.set(chain, sizes[index]!));
	});
	for (const id of deleted) perImage.set(id, releasedLayerSpace([id], remaining, chains, chainSize));
	return {space: releasedLayerSpace(deleted, remaining, chains, chainSize), perImage};
}

export async function previewPrune(client: ApiClient, targets: PruneTarget[], options: PruneOptions = {}): Promise<PrunePlan> {
	const state = await readState(client, targets, true);
	const simulation = simulatePrune(state, targets, options.labels);
	const images = await imageSpace(client, state, simulation.deletedImages, simulation.remainingImages);
	let space = images.space;
	for (const item of simulation.items) {
		if (item.kind === 'image') {
			if (item.action !== 'untag') item.size = images.perImage.get(item.id) ?? 0;
		} else {
			space += item.size ?? 0;
		}
	}

	return {targets, items: simulation.items, counts: countKinds(simulation.items), space};
}

/** A query without its undefined values (dockerode would send them as empty strings). */
function query(values: Record<string, string | boolean | undefined>): Record<string, string | boolean> {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<string, string | boolean>;
}

function filtersFor(options: PruneOptions, extra: Record<string, string[]> = {}): string | undefined {
	const filters: Record<string, Record<string, boolean>> = {};
	for (const [key, values] of Object.entries({...extra, ...(options.labels && options.labels.length > 0 ? {label: options.labels} : {})})) {
		filters[key] = Object.fromEntries(values.map(value => [value, true]));
	}

	return Object.keys(filters).length > 0 ? JSON.stringify(filters) : undefined;
}

export async function prune(client: ApiClient, targets: PruneTarget[], options: PruneOptions = {}): Promise<PruneReport> {
	const before = await readState(client, targets, false);
	const removed: PruneItem[] = [];
	let spaceReclaimed = 0;
	for (const target of targets) {
		const result = await pruneOne(client, target, options, before);
		removed.push(...result.items);
		spaceReclaimed += result.space;
	}

	return {targets, removed, counts: countKinds(removed), spaceReclaimed};
}

async function pruneOne(client: ApiClient, target: PruneTarget, options: PruneOptions, before: PruneState): Promise<{items: PruneItem[]; space: number}> {
	switch (target) {
		case 'containers': {
			const answer = await client.docker.pruneContainers(query({filters: filtersFor(options)})) as {ContainersDeleted?: string[] | null; SpaceReclaimed?: number};
			const names = new Map(before.containers.map(container => [container.id, container.name]));
			return {items: (answer?.ContainersDeleted ?? []).map(id => ({kind: 'container', id, name: names.get(id) ?? id.slice(0, 12)})), space: answer?.SpaceReclaimed ?? 0};
		}

		case 'dangling-images':
		case 'unused-images': {
			const answer = await client.docker.pruneImages(query({filters: filtersFor(options, {dangling: [target === 'dangling-images' ? 'true' : 'false']})})) as {ImagesDeleted?: Array<{Untagged?: string; Deleted?: string}> | null; SpaceReclaimed?: number};
			return {items: imageItems(answer?.ImagesDeleted ?? [], before.images), space: answer?.SpaceReclaimed ?? 0};
		}

		case 'networks': {
			const answer = await client.docker.pruneNetworks(query({filters: filtersFor(options)})) as {NetworksDeleted?: string[] | null};
			const ids = new Map(before.networks.map(network => [network.name, network.id]));
			return {items: (answer?.NetworksDeleted ?? []).map(name => ({kind: 'network', id: ids.get(name) ?? name, name})), space: 0};
		}

		case 'volumes': {
			const answer = await client.docker.pruneVolumes(query({filters: filtersFor(options)})) as {VolumesDeleted?: string[] | null; SpaceReclaimed?: number};
			return {items: (answer?.VolumesDeleted ?? []).map(name => ({kind: 'volume', id: name, name})), space: answer?.SpaceReclaimed ?? 0};
		}

		case 'build-cache':
		case 'all-build-cache': {
			// Through the modem: dockerode's pruneBuilder sends no query (all, filters).
			const answer = await client.modem.request<{CachesDeleted?: string[] | null; SpaceReclaimed?: number}>({
				method: 'POST',
				path: '/build/prune?',
				options: {_query: query({all: target === 'all-build-cache' ? true : undefined, filters: filtersFor(options)}), _body: {}},
				statusCodes: {200: true},
			});
			const names = new Map(before.buildCache.map(record => [record.id, record.description || record.type]));
			return {items: (answer?.CachesDeleted ?? []).map(id => ({kind: 'build-cache', id, name: names.get(id) ?? id})), space: answer?.SpaceReclaimed ?? 0};
		}
	}
}

/** The engine's Untagged/Deleted records as items: deleted images, and images only untagged. Deleted layer ids are left out. */
function imageItems(records: Array<{Untagged?: string; Deleted?: string}>, images: PruneImage[]): PruneItem[] {
	const byId = new Map(images.map(image => [image.id, image]));
	const byReference = new Map<string, PruneImage>();
	for (const image of images) for (const reference of [...image.tags, ...image.digests]) byReference.set(reference, image);
	const untagged = new Map<string, string[]>();
	const deleted: string[] = [];
	for (const record of records) {
		if (record.Untagged) {
			const image = byReference.get(record.Untagged);
			if (image) untagged.set(image.id, [...(untagged.get(image.id) ?? []), record.Untagged]);
		}

		if (record.Deleted && byId.has(record.Deleted)) deleted.push(record.Deleted);
	}

	const items: PruneItem[] = deleted.map(id => {
		const item: PruneItem = {kind: 'image', id, name: imageName(byId.get(id)!)};
		const references = untagged.get(id);
		if (references) item.untagged = references;
		return item;
	});
	for (const [id, references] of untagged) {
		if (!deleted.includes(id)) items.push({kind: 'image', id, name: imageName(byId.get(id)!), untagged: references, action: 'untag'});
	}

	return items;
}

