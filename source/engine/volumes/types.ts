/**
 * Volumes as berth sees them (`engine.volumes`): list rows with size and reference count from
 * /system/df when the engine reports them, details, the containers that use one, create, remove
 * and prune. Strings from the engine are untrusted, passed through verbatim.
 */
import type {PrunePlan, PruneReport} from '../system/prune-types.js';

export interface VolumeSummary {
	/** The volume's name, its identity (qualified `<name>@<host>` with several hosts). */
	id: string;
	/** The name as the engine knows it. */
	name: string;
	driver: string;
	/** local or global. */
	scope: string;
	mountpoint: string;
	/** RFC 3339, as the engine reports it ('' when it does not). */
	created: string;
	labels: Record<string, string>;
	/** Driver options (`-o`). */
	options: Record<string, string>;
	/** Bytes, from /system/df (local volumes only); absent when the engine did not say. */
	size?: number;
	/** Containers referring to it, from /system/df; absent when the engine did not say. */
	refCount?: number;
	/** An anonymous volume (a 64-hex name the engine made up, no com.docker.volume.anonymous label needed). */
	anonymous: boolean;
	/** With several hosts: the host it is on. */
	host?: string;
	/** With several hosts: the host cannot be reached (the cause); the row is as last seen. */
	unreachable?: string;
}

/** `docker volume inspect`. */
export interface VolumeDetails extends VolumeSummary {
	/** The driver's status (free-form). */
	status: Record<string, unknown>;
}

/** A container that mounts a volume. */
export interface VolumeUser {
	/** Container id (qualified with several hosts). */
	id: string;
	name: string;
	state: string;
	/** Where it is mounted in the container. */
	destination: string;
	readOnly: boolean;
}

export interface VolumeCreateOptions {
	/** Empty or absent: the engine names it. */
	name?: string;
	driver?: string;
	driverOptions?: Record<string, string>;
	labels?: Record<string, string>;
}

export interface VolumesApi {
	/** Every volume, with size and reference count when /system/df reports them. */
	list(): Promise<VolumeSummary[]>;
	inspect(name: string): Promise<VolumeDetails>;
	/** The containers (running or not) that mount the volume, from their mounts. */
	usedBy(name: string): Promise<VolumeUser[]>;
	/** `docker volume create`; returns the volume. */
	create(options: VolumeCreateOptions): Promise<VolumeSummary>;
	/**
	 * `docker volume rm [-f]`. A volume in use rejects with code 'conflict' and the engine's own
	 * reason ("volume is in use - [ids]").
	 */
	remove(name: string, options?: {force?: boolean}): Promise<void>;
	/** What `prune` would remove: every local volume no container refers to (dockerd 20.10's rule, system/prune-rules.ts). */
	previewPrune(): Promise<PrunePlan>;
	/** `docker volume prune`: what went and the space reclaimed. */
	prune(): Promise<PruneReport>;
}
