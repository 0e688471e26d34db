/**
 * What each prune removes, decided with dockerd 20.10's own rules (daemon/prune.go,
 * daemon/images/image_prune.go and image_delete.go, volume/service, BuildKit's cache prune) on
 * lists berth reads first. Targets apply in order on a working copy, so `docker system prune`'s
 * sequence is previewed right: containers pruned first free their images, networks and volumes
 * for the later targets. Pure.
 */
import type {PruneItem, PruneTarget} from '../types.js';

export interface PruneContainer {
	id: string;
	name: string;
	state: string;
	labels: Record<string, string>;
	imageId: string;
	/** Names of the volumes it mounts. */
	volumes: string[];
	sizeRw: number;
}

export interface PruneImage {
	id: string;
	/** "" when none. */
	parentId: string;
	tags: string[];
	digests: string[];
	labels: Record<string, string>;
}

export interface PruneNetwork {
	id: string;
	name: string;
	labels: Record<string, string>;
	/** Endpoints: running containers attached. */
	endpoints: number;
	configOnly: boolean;
}

export interface PruneVolume {
	name: string;
	driver: string;
	labels: Record<string, string>;
	size: number;
}

export interface PruneCacheRecord {
	id: string;
	parent?: string;
	type: string;
	description: string;
	inUse: boolean;
	shared: boolean;
	size: number;
}

export interface PruneState {
	containers: PruneContainer[];
	images: PruneImage[];
	networks: PruneNetwork[];
	volumes: PruneVolume[];
	buildCache: PruneCacheRecord[];
}

export interface Simulation {
	items: PruneItem[];
	/** Ids of the images deleted (not those only untagged). */
	deletedImages: string[];
	/** The images left, for the space computation. */
	remainingImages: string[];
}

/** Names the engine never prunes (runconfig.IsPreDefinedNetwork). */
const predefinedNetworks = new Set(['bridge', 'host', 'none', 'default', 'ingress']);

/** Container states in which the container counts as running for prune (running, paused, restarting). */
const runningStates = new Set(['running', 'paused', 'restarting', 'removing']);

/** `label=key` and `label=key=value` filters, all of which must hold. */
export function matchesLabels(labels: Record<string, string>, filters: string[] = []): boolean {
	return filters.every(filter => {
		const eq = filter.indexOf('=');
		if (eq === -1) return Object.hasOwn(labels, filter);
		return labels[filter.slice(0, eq)] === filter.slice(eq + 1);
	});
}

function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

export function imageName(image: PruneImage): string {
	return image.tags.length > 0 ? image.tags.join(', ') : shortId(image.id);
}

export function simulatePrune(initial: PruneState, targets: PruneTarget[], labels: string[] = []): Simulation {
	const state: PruneState = {
		containers: [...initial.containers],
		images: initial.images.map(image => ({...image, tags: [...image.tags], digests: [...image.digests]})),
		networks: [...initial.networks],
		volumes: [...initial.volumes],
		buildCache: [...initial.buildCache],
	};
	const items: PruneItem[] = [];
	const deletedImages: string[] = [];
	for (const target of targets) {
		switch (target) {
			case 'containers': {
				const removed = state.containers.filter(container => !runningStates.has(container.state) && matchesLabels(container.labels, labels));
				for (const container of removed) items.push({kind: 'container', id: container.id, name: container.name, size: container.sizeRw});
				state.containers = state.containers.filter(container => !removed.includes(container));
				break;
			}

			case 'dangling-images':
			case 'unused-images': {
				const result = pruneImages(state, target === 'dangling-images', labels);
				items.push(...result.items);
				deletedImages.push(...result.deleted);
				break;
			}

			case 'networks': {
				const removed = state.networks.filter(network =>
					!network.configOnly && !predefinedNetworks.has(network.name) && network.endpoints === 0 && matchesLabels(network.labels, labels));
				for (const network of removed) items.push({kind: 'network', id: network.id, name: network.name});
				state.networks = state.networks.filter(network => !removed.includes(network));
				break;
			}

			case 'volumes': {
				const referenced = new Set(state.containers.flatMap(container => container.volumes));
				const removed = state.volumes.filter(volume => volume.driver === 'local' && !referenced.has(volume.name) && matchesLabels(volume.labels, labels));
				for (const volume of removed) items.push({kind: 'volume', id: volume.name, name: volume.name, size: Math.max(0, volume.size)});
				state.volumes = state.volumes.filter(volume => !removed.includes(volume));
				break;
			}

			case 'build-cache':
			case 'all-build-cache': {
				const removed = pruneCache(state.buildCache, target === 'all-build-cache');
				for (const record of removed) items.push({kind: 'build-cache', id: record.id, name: record.description || record.type, size: record.size});
				state.buildCache = state.buildCache.filter(record => !removed.includes(record));
				break;
			}
		}
	}

	return {items, deletedImages, remainingImages: state.images.map(image => image.id)};
}

/**
 * ImagesPrune: the candidates are the images without children (dangling only) or all images;
 * an untagged image with children is passed over. A candidate some container uses is kept. A
 * candidate with references (dangling only: one with no tag, only digests) loses them, then is
 * deleted unless it has children; deleting an image deletes its parent too, and so on, while the
 * parent has no references, no other children and no container.
 */
function pruneImages(state: PruneState, danglingOnly: boolean, labels: string[]): {items: PruneItem[]; deleted: string[]} {
	const byId = new Map(state.images.map(image => [image.id, image]));
	const names = new Map(state.images.map(image => [image.id, imageName(image)]));
	const used = new Set(state.containers.map(container => container.imageId));
	const childCount = (id: string) => state.images.filter(image => image.parentId === id && byId.has(image.id)).length;
	const candidates = state.images.filter(image => {
		const children = childCount(image.id);
		if (danglingOnly && children > 0) return false;
		if (image.tags.length + image.digests.length === 0 && children > 0) return false;
		return matchesLabels(image.labels, labels);
	});

	const untagged = new Map<string, string[]>();
	const deleted: string[] = [];
	const remove = (image: PruneImage) => {
		byId.delete(image.id);
		state.images = state.images.filter(other => other.id !== image.id);
		deleted.push(image.id);
	};

	/** imageDeleteHelper with prune: stops at the first conflict. */
	const tryDelete = (image: PruneImage | undefined) => {
		while (image && byId.has(image.id)) {
			if (used.has(image.id) || childCount(image.id) > 0 || image.tags.length + image.digests.length > 0) return;
			remove(image);
			image = image.parentId ? byId.get(image.parentId) : undefined;
		}
	};

	for (const candidate of candidates) {
		const image = byId.get(candidate.id);
		if (!image) continue;
		const references = [...image.tags, ...image.digests];
		if (references.length > 0) {
			if (danglingOnly && image.tags.length > 0) continue;
			if (used.has(image.id)) continue;
			untagged.set(image.id, references);
			image.tags = [];
			image.digests = [];
		} else if (used.has(image.id)) {
			continue;
		}

		tryDelete(image);
	}

	const items: PruneItem[] = [];
	for (const id of deleted) {
		const item: PruneItem = {kind: 'image', id, name: names.get(id) ?? shortId(id)};
		const refs = untagged.get(id);
		if (refs) item.untagged = refs;
		items.push(item);
	}

	for (const [id, refs] of untagged) {
		if (!deleted.includes(id)) items.push({kind: 'image', id, name: names.get(id) ?? shortId(id), untagged: refs, action: 'untag'});
	}

	return {items, deleted};
}

/**
 * BuildKit's prune: records not in use; without "all", not shared, internal or frontend
 * either. Removing a record frees its parent when nothing else holds it, as BuildKit's repeated
 * passes do.
 */
function pruneCache(records: PruneCacheRecord[], all: boolean): PruneCacheRecord[] {
	const removed = new Set<string>();
	const eligible = (record: PruneCacheRecord) => all || (!record.shared && record.type !== 'internal' && record.type !== 'frontend');
	for (const record of records) if (!record.inUse && eligible(record)) removed.add(record.id);
	for (let changed = true; changed;) {
		changed = false;
		for (const record of records) {
			if (removed.has(record.id) || !record.inUse || !eligible(record)) continue;
			const children = records.filter(child => child.parent === record.id);
			if (children.length > 0 && children.every(child => removed.has(child.id))) {
				removed.add(record.id);
				changed = true;
			}
		}
	}

	return records.filter(record => removed.has(record.id));
}

/** Bytes of the layers no remaining image has: what the engine frees for the deleted images. */
export function releasedLayerSpace(deleted: string[], remaining: string[], chains: Map<string, string[]>, chainSize: Map<string, number>): number {
	const kept = new Set(remaining.flatMap(id => chains.get(id) ?? []));
	const released = new Set(deleted.flatMap(id => chains.get(id) ?? []).filter(chain => !kept.has(chain)));
	let space = 0;
	for (const chain of released) space += chainSize.get(chain) ?? 0;
	return space;
}
