/** `docker info` with the version, as the engine view shows it (GET /info and /version through dockerode). */
import type {ApiClient} from '../transport/api-client.js';
import type {EngineDetails} from './types.js';

interface RawInfo {
	Name?: string;
	KernelVersion?: string;
	OperatingSystem?: string;
	Driver?: string;
	CgroupDriver?: string;
	CgroupVersion?: string;
	Runtimes?: Record<string, unknown> | null;
	DefaultRuntime?: string;
	LoggingDriver?: string;
	NCPU?: number;
	MemTotal?: number;
	Containers?: number;
	ContainersRunning?: number;
	ContainersPaused?: number;
	ContainersStopped?: number;
	Images?: number;
	Swarm?: {LocalNodeState?: string} | null;
	Warnings?: string[] | null;
	DockerRootDir?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function toEngineDetails(info: RawInfo, version: {Version?: string; Os?: string; Arch?: string}, apiVersion: string): EngineDetails {
	return {
		version: text(version.Version),
		apiVersion,
		os: text(version.Os),
		arch: text(version.Arch),
		name: text(info.Name),
		kernelVersion: text(info.KernelVersion),
		operatingSystem: text(info.OperatingSystem),
		storageDriver: text(info.Driver),
		cgroupDriver: text(info.CgroupDriver),
		cgroupVersion: text(info.CgroupVersion),
		runtimes: Object.keys(info.Runtimes ?? {}).sort(),
		defaultRuntime: text(info.DefaultRuntime),
		loggingDriver: text(info.LoggingDriver),
		cpus: count(info.NCPU),
		memory: count(info.MemTotal),
		containers: {total: count(info.Containers), running: count(info.ContainersRunning), paused: count(info.ContainersPaused), stopped: count(info.ContainersStopped)},
		images: count(info.Images),
		swarmState: text(info.Swarm?.LocalNodeState),
		warnings: (info.Warnings ?? []).filter((warning): warning is string => typeof warning === 'string'),
		dockerRootDir: text(info.DockerRootDir),
	};
}

export async function engineDetails(client: ApiClient): Promise<EngineDetails> {
	const [version, info] = await Promise.all([client.version(), client.docker.info() as Promise<RawInfo>]);
	return toEngineDetails(info ?? {}, version, client.apiVersion() ?? version.ApiVersion ?? '');
}
