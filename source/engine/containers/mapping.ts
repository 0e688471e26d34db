/** The engine's JSON for containers (list rows and inspect) to berth's domain types. */
import type {
	ContainerDetails,
	ContainerState,
	ContainerSummary,
	Health,
	MountInfo,
	PortMapping,
} from '../types.js';
import {familiarName, imageIdWithAlgorithm} from '../transport/podman-compat.js';

interface RawPort {
	IP?: string;
	PrivatePort?: number;
	PublicPort?: number;
	Type?: string;
}

export interface RawContainer {
	Id: string;
	Names?: string[] | null;
	Image?: string;
	ImageID?: string;
	Command?: string;
	Created?: number;
	State?: string;
	Status?: string;
	Ports?: RawPort[] | null;
	Labels?: Record<string, string> | null;
	Mounts?: Array<{Type?: string; Name?: string; Destination?: string}> | null;
	NetworkSettings?: {Networks?: Record<string, unknown> | null} | null;
}

export interface RawInspect {
	Id: string;
	Name?: string;
	Image?: string;
	Created?: string;
	Path?: string;
	Args?: string[] | null;
	RestartCount?: number;
	State?: {
		Status?: string;
		Running?: boolean;
		Paused?: boolean;
		Restarting?: boolean;
		OOMKilled?: boolean;
		Pid?: number;
		ExitCode?: number;
		Error?: string;
		StartedAt?: string;
		FinishedAt?: string;
		Health?: {Status?: string; FailingStreak?: number; Log?: Array<{ExitCode?: number; Output?: string; End?: string}> | null} | null;
	};
	Config?: {
		Image?: string;
		Cmd?: string[] | string | null;
		Entrypoint?: string[] | string | null;
		Env?: string[] | null;
		WorkingDir?: string;
		User?: string;
		Tty?: boolean;
		OpenStdin?: boolean;
		Labels?: Record<string, string> | null;
		StopSignal?: string;
		StopTimeout?: number;
	};
	HostConfig?: {RestartPolicy?: {Name?: string; MaximumRetryCount?: number}};
	Mounts?: Array<{Type?: string; Source?: string; Destination?: string; Mode?: string; RW?: boolean}> | null;
	NetworkSettings?: {
		Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		Networks?: Record<string, unknown> | null;
	};
}

const states = new Set<ContainerState>(['running', 'paused', 'restarting', 'exited', 'created', 'dead', 'removing']);

function toState(raw: string | undefined): ContainerState {
	const state = (raw ?? '').toLowerCase();
	if (states.has(state as ContainerState)) return state as ContainerState;
	if (state === 'configured' || state === 'initialized') return 'created'; // podman
	if (state === 'stopped') return 'exited';
	return 'dead';
}

/** Health from the status text: "Up 3 minutes (healthy)", "(unhealthy)", "(health: starting)". */
export function healthFromStatus(status: string): Health | undefined {
	const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
	if (!match) return undefined;
	return match[1] === 'health: starting' ? 'starting' : (match[1] as Health);
}

/** Exit code from "Exited (137) 2 seconds ago". */
export function exitCodeFromStatus(status: string): number | undefined {
	const match = /^Exited \((-?\d+)\)/.exec(status);
	return match ? Number(match[1]) : undefined;
}

function containerName(names: string[] | null | undefined): string {
	const list = names ?? [];
	// Legacy links add names like "/other/alias"; the container's own name has one slash.
	const own = list.find(name => name.lastIndexOf('/') === 0) ?? list[0] ?? '';
	return own.replace(/^\//, '');
}

export function toContainerSummary(raw: RawContainer): ContainerSummary {
	const status = raw.Status ?? '';
	const summary: ContainerSummary = {
		id: raw.Id,
		name: containerName(raw.Names),
		image: familiarName(raw.Image ?? ''),
		imageId: imageIdWithAlgorithm(raw.ImageID ?? ''),
		command: raw.Command ?? '',
		created: raw.Created ?? 0,
		state: toState(raw.State),
		status,
		ports: (raw.Ports ?? []).map(port => {
			const mapping: PortMapping = {privatePort: port.PrivatePort ?? 0, type: port.Type ?? 'tcp'};
			if (port.IP) mapping.ip = port.IP;
			if (port.PublicPort) mapping.publicPort = port.PublicPort;
			return mapping;
		}),
		labels: {...raw.Labels},
		networks: Object.keys(raw.NetworkSettings?.Networks ?? {}),
		mounts: (raw.Mounts ?? []).map(mount => ({destination: mount.Destination ?? '', ...(mount.Type === 'volume' && mount.Name ? {name: mount.Name} : {})})),
	};
	const health = healthFromStatus(status);
	if (health) summary.health = health;
	const exitCode = exitCodeFromStatus(status);
	if (exitCode !== undefined) summary.exitCode = exitCode;
	return summary;
}

/** Without dockerd's "<none>" placeholders, in the familiar form (podman qualifies names: podman-compat.ts). */
function list(value: string[] | string | null | undefined): string[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

export function toContainerDetails(raw: RawInspect): ContainerDetails {
	const state = raw.State ?? {};
	const config = raw.Config ?? {};
	const ports: PortMapping[] = [];
	for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
		const [port = '0', type = 'tcp'] = key.split('/');
		if (!bindings || bindings.length === 0) {
			ports.push({privatePort: Number(port), type});
			continue;
		}

		for (const binding of bindings) {
			const mapping: PortMapping = {privatePort: Number(port), type};
			if (binding.HostIp) mapping.ip = binding.HostIp;
			if (binding.HostPort) mapping.publicPort = Number(binding.HostPort);
			ports.push(mapping);
		}
	}

	const mounts: MountInfo[] = (raw.Mounts ?? []).map(mount => ({
		type: mount.Type ?? '',
		source: mount.Source ?? '',
		destination: mount.Destination ?? '',
		mode: mount.Mode ?? '',
		rw: mount.RW === true,
	}));

	const details: ContainerDetails = {
		id: raw.Id,
		name: (raw.Name ?? '').replace(/^\//, ''),
		image: familiarName(config.Image ?? ''),
		imageId: imageIdWithAlgorithm(raw.Image ?? ''),
		created: raw.Created ?? '',
		path: raw.Path ?? '',
		args: raw.Args ?? [],
		cmd: list(config.Cmd),
		entrypoint: list(config.Entrypoint),
		env: config.Env ?? [],
		workingDir: config.WorkingDir ?? '',
		user: config.User ?? '',
		tty: config.Tty === true,
		state: toState(state.Status),
		running: state.Running === true,
		paused: state.Paused === true,
		restarting: state.Restarting === true,
		pid: state.Pid ?? 0,
		exitCode: state.ExitCode ?? 0,
		oomKilled: state.OOMKilled === true,
		error: state.Error ?? '',
		startedAt: state.StartedAt ?? '',
		finishedAt: state.FinishedAt ?? '',
		restartPolicy: {
			name: raw.HostConfig?.RestartPolicy?.Name ?? '',
			maximumRetryCount: raw.HostConfig?.RestartPolicy?.MaximumRetryCount ?? 0,
		},
		restartCount: raw.RestartCount ?? 0,
		ports,
		mounts,
		labels: {...config.Labels},
		networks: Object.keys(raw.NetworkSettings?.Networks ?? {}),
	};
	const health = state.Health?.Status;
	if (health === 'healthy' || health === 'unhealthy' || health === 'starting') details.health = health;
	const last = state.Health?.Log?.at(-1);
	if (last) details.healthCheck = {failingStreak: state.Health?.FailingStreak ?? 0, exitCode: last.ExitCode ?? 0, output: last.Output ?? '', at: last.End ?? ''};
	if (config.StopSignal) details.stopSignal = config.StopSignal;
	if (typeof config.StopTimeout === 'number') details.stopTimeout = config.StopTimeout;
	return details;
}
