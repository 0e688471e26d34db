/**
 * `docker system df -v` (GET /system/df through dockerode): every image, container, volume and
 * build cache record with its size, and the totals the CLI prints, reclaimable space counted by
 * the CLI's own rules (cli/command/formatter/disk_usage.go).
 */
import type {ApiClient} from '../transport/api-client.js';
import type {DiskUsage, DiskUsageBuildCache, DiskUsageContainer, DiskUsageImage, DiskUsageTotal, DiskUsageVolume} from './types.js';

export interface RawDiskUsage {
	LayersSize?: number;
	Images?: Array<{Id: string; RepoTags?: string[] | null; Created?: number; Size?: number; SharedSize?: number; Containers?: number}> | null;
	Containers?: Array<{Id: string; Names?: string[] | null; Image?: string; State?: string; SizeRw?: number; SizeRootFs?: number}> | null;
	Volumes?: Array<{Name: string; Driver?: string; UsageData?: {Size?: number; RefCount?: number} | null}> | null;
	BuildCache?: Array<{ID: string; Type?: string; Description?: string; InUse?: boolean; Shared?: boolean; Size?: number; LastUsedAt?: string | null}> | null;
}

const bytes = (value: unknown): number => (typeof value === 'number' && value > 0 ? value : 0);
/** -1 means "not computed": absent. */
const known = (value: unknown): number | undefined => (typeof value === 'number' && value >= 0 ? value : undefined);

export function toDiskUsage(raw: RawDiskUsage): DiskUsage {
	const images: DiskUsageImage[] = (raw.Images ?? []).map(image => ({
		id: image.Id,
		repoTags: (image.RepoTags ?? []).filter(tag => tag !== '<none>:<none>'),
		created: image.Created ?? 0,
		size: bytes(image.Size),
		sharedSize: bytes(image.SharedSize),
		containers: Math.max(0, image.Containers ?? 0),
	}));
	const containers: DiskUsageContainer[] = (raw.Containers ?? []).map(container => ({
		id: container.Id,
		name: (container.Names?.[0] ?? '').replace(/^\//, ''),
		image: container.Image ?? '',
		state: container.State ?? '',
		sizeRw: bytes(container.SizeRw),
		sizeRootFs: bytes(container.SizeRootFs),
	}));
	const volumes: DiskUsageVolume[] = (raw.Volumes ?? []).map(volume => ({
		name: volume.Name,
		driver: volume.Driver ?? '',
		...(known(volume.UsageData?.Size) !== undefined && {size: known(volume.UsageData?.Size)}),
		...(known(volume.UsageData?.RefCount) !== undefined && {refCount: known(volume.UsageData?.RefCount)}),
	}));
	const buildCache: DiskUsageBuildCache[] = (raw.BuildCache ?? []).map(record => ({
		id: record.ID,
		type: record.Type ?? '',
		description: record.Description ?? '',
		inUse: record.InUse === true,
		shared: record.Shared === true,
		size: bytes(record.Size),
		lastUsed: record.LastUsedAt ?? '',
	}));
	const layersSize = bytes(raw.LayersSize);
	return {layersSize, totals: totalsOf(layersSize, images, containers, volumes, buildCache), images, containers, volumes, buildCache};
}

function totalsOf(layersSize: number, images: DiskUsageImage[], containers: DiskUsageContainer[], volumes: DiskUsageVolume[], cache: DiskUsageBuildCache[]): DiskUsage['totals'] {
	const sum = <T>(rows: T[], of: (row: T) => number) => rows.reduce((total, row) => total + of(row), 0);
	const usedImages = images.filter(image => image.containers > 0);
	const imageTotal: DiskUsageTotal = {
		count: images.length,
		active: usedImages.length,
		size: layersSize,
		reclaimable: Math.max(0, layersSize - sum(usedImages, image => image.size - image.sharedSize)),
	};
	const running = (container: DiskUsageContainer) => container.state === 'running';
	const containerTotal: DiskUsageTotal = {
		count: containers.length,
		active: containers.filter(running).length,
		size: sum(containers, container => container.sizeRw),
		reclaimable: sum(containers.filter(container => !running(container)), container => container.sizeRw),
	};
	const volumeTotal: DiskUsageTotal = {
		count: volumes.length,
		active: volumes.filter(volume => (volume.refCount ?? 0) > 0).length,
		size: sum(volumes, volume => volume.size ?? 0),
		reclaimable: sum(volumes.filter(volume => volume.refCount === 0), volume => volume.size ?? 0),
	};
	const cacheTotal: DiskUsageTotal = {
		count: cache.length,
		active: cache.filter(record => record.inUse).length,
		size: sum(cache.filter(record => !record.shared), record => record.size),
		reclaimable: sum(cache.filter(record => !record.inUse && !record.shared), record => record.size),
	};
	return {images: imageTotal, containers: containerTotal, volumes: volumeTotal, buildCache: cacheTotal};
}

export async function diskUsage(client: ApiClient): Promise<DiskUsage> {
	return toDiskUsage(await client.docker.df() as RawDiskUsage);
}
