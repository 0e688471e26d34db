/**
 * The engine's stats JSON (`/containers/{id}/stats`) reduced to the numbers `docker stats` shows,
 * computed the way the docker CLI computes them.
 */
import type {ContainerStats} from '../types.js';

export interface RawCpuStats {
	cpu_usage?: {total_usage?: number; percpu_usage?: number[] | null};
	system_cpu_usage?: number;
	online_cpus?: number;
}

export interface RawBlkioEntry {
	major?: number;
	minor?: number;
	op?: string;
	value?: number;
}

export interface RawStats {
	read?: string;
	preread?: string;
	pids_stats?: {current?: number; limit?: number};
	blkio_stats?: {io_service_bytes_recursive?: RawBlkioEntry[] | null};
	cpu_stats?: RawCpuStats;
	precpu_stats?: RawCpuStats;
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number> | null};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}> | null;
}

/**
 * Whether a sample describes a running container. For a container that is not running the
 * engine answers with an empty sample: zero `read` time ("0001-01-01T00:00:00Z") and no memory
 * or pids figures (Docker 20.10; a stats stream keeps sending those while the container is
 * stopped and real samples again once it runs).
 */
export function isLiveSample(raw: RawStats): boolean {
	if (typeof raw !== 'object' || raw === null) return false;
	if (!raw.read || raw.read.startsWith('0001-01-01')) return false;
	return raw.memory_stats?.usage !== undefined || raw.pids_stats?.current !== undefined || raw.cpu_stats?.cpu_usage?.total_usage !== undefined;
}

/** Whether the sample carries the previous CPU reading (`precpu_stats`) to compute CPU % from. */
export function hasPreviousCpu(raw: RawStats): boolean {
	return (raw.precpu_stats?.system_cpu_usage ?? 0) > 0;
}

/**
 * CPU % as `docker stats`: Δ container CPU time / Δ system CPU time × online CPUs × 100, where
 * Δ is against `previous` (default: the sample's own `precpu_stats`). 0 when either Δ is not
 * positive (no previous reading, or a counter reset after a restart).
 */
export function cpuPercent(raw: RawStats, previous: RawCpuStats | undefined = raw.precpu_stats): number {
	const current = raw.cpu_stats;
	if (!current || !previous) return 0;
	const cpuDelta = (current.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
	const systemDelta = (current.system_cpu_usage ?? 0) - (previous.system_cpu_usage ?? 0);
	const online = current.online_cpus || current.cpu_usage?.percpu_usage?.length || 1;
	if (!(cpuDelta > 0) || !(systemDelta > 0) || (previous.system_cpu_usage ?? 0) <= 0) return 0;
	const percent = (cpuDelta / systemDelta) * online * 100;
	return Number.isFinite(percent) ? percent : 0;
}

/**
 * Memory in use without the page cache, as the docker CLI (≥ 20.10) computes it: usage minus
 * `total_inactive_file` on cgroup v1 and minus `inactive_file` on cgroup v2; engines that report
 * neither but report `cache` (older cgroup v1 setups) have that subtracted instead.
 */
export function memoryUsage(memory: RawStats['memory_stats']): number {
	const usage = memory?.usage ?? 0;
	const stats = memory?.stats ?? {};
	const cache = stats.total_inactive_file ?? stats.inactive_file ?? stats.cache;
	return typeof cache === 'number' && cache < usage ? usage - cache : usage;
}

function blockBytes(entries: RawBlkioEntry[] | null | undefined, op: 'read' | 'write'): number {
	let total = 0;
	for (const entry of entries ?? []) if (entry.op?.toLowerCase() === op) total += entry.value ?? 0;
	return total;
}

/** One engine sample to ContainerStats; `previousCpu` replaces an empty `precpu_stats`. */
export function toContainerStats(raw: RawStats, previousCpu?: RawCpuStats): ContainerStats {
	let networkRx = 0;
	let networkTx = 0;
	for (const network of Object.values(raw.networks ?? {})) {
		networkRx += network?.rx_bytes ?? 0;
		networkTx += network?.tx_bytes ?? 0;
	}

	const blkio = raw.blkio_stats?.io_service_bytes_recursive;
	return {
		cpuPercent: cpuPercent(raw, hasPreviousCpu(raw) || !previousCpu ? raw.precpu_stats : previousCpu),
		memoryUsage: memoryUsage(raw.memory_stats),
		memoryLimit: raw.memory_stats?.limit ?? 0,
		networkRx,
		networkTx,
		blockRead: blockBytes(blkio, 'read'),
		blockWrite: blockBytes(blkio, 'write'),
		pids: raw.pids_stats?.current ?? 0,
		read: raw.read ?? '',
	};
}
