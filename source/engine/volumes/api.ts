/**
 * `engine.volumes` on a real engine: the Docker object's listVolumes, createVolume and df, and
 * dockerode's Volume, through berth's modem. Sizes and reference counts come from /system/df
 * (dockerode's df() asks for everything: images and containers are sized too).
 */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {previewPrune, prune} from '../system/prune.js';
import type {RawDiskUsage} from '../system/disk-usage.js';
import type {VolumesApi, VolumeSummary} from './types.js';
import {toVolumeDetails, toVolumeSummary, toVolumeUsers, type RawVolume, type RawVolumeContainer} from './mapping.js';

export function createVolumesApi(client: ApiClient): VolumesApi {
	const {docker} = client;
	const volume = (name: string) => docker.getVolume(pathPart(name));
	const inspect = async (name: string) => toVolumeDetails(await volume(name).inspect() as unknown as RawVolume);
	return {
		async list() {
			const [listed, usage] = await Promise.all([
				docker.listVolumes() as Promise<{Volumes?: RawVolume[] | null}>,
				// Sizes are a nicety: a df that fails (or is slow to be refused) leaves them out.
				(docker.df() as Promise<RawDiskUsage>).catch(() => ({}) as RawDiskUsage),
			]);
			const sizes = new Map((usage.Volumes ?? []).map(row => [row.Name, row.UsageData]));
			return (listed?.Volumes ?? []).map(raw => toVolumeSummary(raw, sizes.get(raw.Name)));
		},
		inspect,
		async usedBy(name) {
			const rows = await docker.listContainers({all: true, filters: {volume: [name]}}) as unknown as RawVolumeContainer[];
			return toVolumeUsers(name, Array.isArray(rows) ? rows : []);
		},
		async create(options): Promise<VolumeSummary> {
			const created = await docker.createVolume({
				Name: options.name ?? '',
				Driver: options.driver || 'local',
				DriverOpts: options.driverOptions ?? {},
				Labels: options.labels ?? {},
			}) as unknown as {name?: string; Name?: string};
			return inspect(created.name ?? created.Name ?? options.name ?? '');
		},
		async remove(name, options = {}) {
			// In use: 409, "remove NAME: volume is in use - [ids]" (the engine's reason, kept), force or not.
			// Through the modem: dockerode's Volume.remove sends no query, so no force.
			await client.modem.request({method: 'DELETE', path: `/volumes/${pathPart(name)}?`, options: {force: options.force === true}, statusCodes: {204: true}});
		},
		previewPrune: async () => previewPrune(client, ['volumes']),
		prune: async () => prune(client, ['volumes']),
	};
}
