/** Image calls beyond the list: inspect, layers with sharing, existence, tag. */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {toHistoryEntry, type RawHistory, type RawImage} from './mapping.js';
import {EngineError, type ImageConfig, type ImageDetails, type ImageLayer, type ImageLayers} from '../types.js';
import {chainIds, layerOfEachStep} from './layers.js';

interface RawImageInspect {
	Id?: string;
	RepoTags?: string[] | null;
	RepoDigests?: string[] | null;
	Parent?: string;
	Comment?: string;
	Created?: string;
	DockerVersion?: string;
	Author?: string;
	Architecture?: string;
	Variant?: string;
	Os?: string;
	Size?: number;
	Config?: {
		Env?: string[] | null;
		Cmd?: string[] | null;
		Entrypoint?: string[] | null;
		ExposedPorts?: Record<string, unknown> | null;
		Volumes?: Record<string, unknown> | null;
		WorkingDir?: string;
		User?: string;
		Labels?: Record<string, string> | null;
		StopSignal?: string;
		Healthcheck?: {Test?: string[] | null} | null;
		Shell?: string[] | null;
		OnBuild?: string[] | null;
	} | null;
	RootFS?: {Layers?: string[] | null} | null;
}

/** How many image inspections run at once when a layer browser compares images. */
const INSPECT_CONCURRENCY = 4;

function real(references: string[] | null | undefined): string[] {
	return (references ?? []).filter(reference => !reference.startsWith('<none>'));
}

export function toImageDetails(raw: RawImageInspect): ImageDetails {
	const config = raw.Config ?? {};
	const imageConfig: ImageConfig = {
		entrypoint: config.Entrypoint ?? [],
		cmd: config.Cmd ?? [],
		env: config.Env ?? [],
		exposedPorts: Object.keys(config.ExposedPorts ?? {}),
		volumes: Object.keys(config.Volumes ?? {}),
		workingDir: config.WorkingDir ?? '',
		user: config.User ?? '',
		labels: {...config.Labels},
		onBuild: config.OnBuild ?? [],
	};
	if (config.StopSignal) imageConfig.stopSignal = config.StopSignal;
	if (config.Healthcheck?.Test) imageConfig.healthcheck = config.Healthcheck.Test;
	if (config.Shell) imageConfig.shell = config.Shell;
	const details: ImageDetails = {
		id: raw.Id ?? '',
		repoTags: real(raw.RepoTags),
		repoDigests: real(raw.RepoDigests),
		parent: raw.Parent ?? '',
		comment: raw.Comment ?? '',
		created: raw.Created ?? '',
		author: raw.Author ?? '',
		dockerVersion: raw.DockerVersion ?? '',
		architecture: raw.Architecture ?? '',
		os: raw.Os ?? '',
		size: raw.Size ?? 0,
		config: imageConfig,
		layers: raw.RootFS?.Layers ?? [],
		raw: raw as Record<string, unknown>,
	};
	if (raw.Variant) details.variant = raw.Variant;
	return details;
}

export async function inspectImage(client: ApiClient, ref: string): Promise<ImageDetails> {
	return toImageDetails(await client.docker.getImage(pathPart(ref)).inspect() as unknown as RawImageInspect);
}

export async function imageExists(client: ApiClient, ref: string): Promise<boolean> {
	try {
		await client.docker.getImage(pathPart(ref)).inspect();
		return true;
	} catch (error) {
		if (error instanceof EngineError && error.code === 'not-found') return false;
		throw error;
	}
}

export async function tagImage(client: ApiClient, source: string, repo: string, tag: string): Promise<void> {
	await client.docker.getImage(pathPart(source)).tag({repo, tag});
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = Array.from({length: items.length});
	let next = 0;
	const runners = Array.from({length: Math.min(limit, items.length)}, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	});
	await Promise.all(runners);
	return results;
}

/** Chain ids of every top-level image, by image id (images removed meanwhile are left out). */
export async function chainsOfImages(client: ApiClient, images: RawImage[]): Promise<Map<string, string[]>> {
	const chains = new Map<string, string[]>();
	await mapLimited(images, INSPECT_CONCURRENCY, async image => {
		try {
			const raw = await client.docker.getImage(pathPart(image.Id)).inspect() as unknown as RawImageInspect;
			chains.set(image.Id, chainIds(raw.RootFS?.Layers ?? []));
		} catch (error) {
			if (!(error instanceof EngineError && error.code === 'not-found')) throw error;
		}
	});
	return chains;
}

/** The history with each step's layer, its size and which other local images have it too. */
export async function imageLayers(client: ApiClient, ref: string): Promise<ImageLayers> {
	const details = await inspectImage(client, ref);
	const [rawHistory, images] = await Promise.all([
		client.docker.getImage(pathPart(details.id)).history() as unknown as Promise<RawHistory[]>,
		client.docker.listImages() as unknown as Promise<RawImage[]>,
	]);
	const history = (Array.isArray(rawHistory) ? rawHistory : []).map(toHistoryEntry);
	const others = (Array.isArray(images) ? images : []).filter(image => image.Id !== details.id);
	const otherChains = await chainsOfImages(client, others);
	const nameOf = new Map(others.map(image => [image.Id, real(image.RepoTags)[0] ?? image.Id.replace(/^sha256:/, '').slice(0, 12)]));
	const holders = new Map<string, string[]>();
	for (const [id, chains] of otherChains) {
		for (const chain of new Set(chains)) {
			const list = holders.get(chain) ?? [];
			list.push(nameOf.get(id)!);
			holders.set(chain, list);
		}
	}

	const chains = chainIds(details.layers);
	const owners = layerOfEachStep(history, details.layers.length);
	let sharedSize = 0;
	const layers: ImageLayer[] = history.map((entry, index) => {
		const layer: ImageLayer = {
			historyId: entry.id,
			createdBy: entry.createdBy,
			created: entry.created,
			comment: entry.comment,
			tags: entry.tags,
			size: entry.size,
			sharedWith: [],
		};
		const owner = owners[index];
		if (owner !== undefined) {
			layer.diffId = details.layers[owner]!;
			layer.chainId = chains[owner]!;
			layer.sharedWith = holders.get(layer.chainId) ?? [];
			if (layer.sharedWith.length > 0) sharedSize += entry.size;
		}

		return layer;
	});
	return {id: details.id, size: details.size, sharedSize, uniqueSize: Math.max(0, details.size - sharedSize), layers};
}
