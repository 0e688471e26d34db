/** The engine's volume JSON (list, inspect, /system/df usage, container mounts) to berth's types. */
import type {VolumeDetails, VolumeSummary, VolumeUser} from './types.js';

export interface RawVolume {
	Name: string;
	Driver?: string;
	Mountpoint?: string;
	CreatedAt?: string;
	Scope?: string;
	Labels?: Record<string, string> | null;
	Options?: Record<string, string> | null;
	Status?: Record<string, unknown> | null;
	UsageData?: RawUsage | null;
}

interface RawUsage {
	Size?: number;
	RefCount?: number;
}

export interface RawVolumeContainer {
	Id: string;
	Names?: string[] | null;
	State?: string;
	Mounts?: Array<{Type?: string; Name?: string; Destination?: string; RW?: boolean}> | null;
}

/** A name the engine made up for an anonymous volume: 64 hex characters. */
const anonymousName = /^[0-9a-f]{64}$/;

/** -1 (or nothing) means the engine did not compute it. */
function known(value: unknown): number | undefined {
	return typeof value === 'number' && value >= 0 ? value : undefined;
}

export function toVolumeSummary(raw: RawVolume, usage?: RawUsage | null): VolumeSummary {
	const data = usage ?? raw.UsageData ?? undefined;
	const size = known(data?.Size);
	const refCount = known(data?.RefCount);
	const labels = {...raw.Labels};
	return {
		id: raw.Name,
		name: raw.Name,
		driver: raw.Driver ?? '',
		scope: raw.Scope ?? '',
		mountpoint: raw.Mountpoint ?? '',
		created: raw.CreatedAt ?? '',
		labels,
		options: {...raw.Options},
		...(size !== undefined && {size}),
		...(refCount !== undefined && {refCount}),
		anonymous: anonymousName.test(raw.Name) || 'com.docker.volume.anonymous' in labels,
	};
}

export function toVolumeDetails(raw: RawVolume): VolumeDetails {
	return {...toVolumeSummary(raw), status: {...raw.Status}};
}

export function toVolumeUsers(name: string, containers: RawVolumeContainer[]): VolumeUser[] {
	const users: VolumeUser[] = [];
	for (const container of containers) {
		for (const mount of container.Mounts ?? []) {
			if (mount.Type !== 'volume' || mount.Name !== name) continue;
			users.push({
				id: container.Id,
				name: (container.Names?.[0] ?? '').replace(/^\//, ''),
				state: container.State ?? '',
				destination: mount.Destination ?? '',
				readOnly: mount.RW === false,
			});
		}
	}

	return users;
}
