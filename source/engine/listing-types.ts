/** Images as listed, their history, logs, events and the engine's own description (part of types.ts). */

export interface ImageSummary {
	/** Full id (sha256:...). */
	id: string;
	/** repository:tag references; empty for a dangling image. */
	repoTags: string[];
	repoDigests: string[];
	/** Unix seconds. */
	created: number;
	/** Bytes. */
	size: number;
	/** Containers using it, counted by berth from the container list (the engine reports -1 unless asked). */
	containers?: number;
	/** The image's labels, when it has any. */
	labels?: Record<string, string>;
	/** With several hosts (multi-engine.ts): the host it is on; its id is then qualified, `<id>@<host>`. */
	host?: string;
	/** With several hosts: the host cannot be reached (the cause); the row is as last seen. */
	unreachable?: string;
}

export interface ImageHistoryEntry {
	/** Layer image id, or "<missing>" for layers built elsewhere. */
	id: string;
	/** Unix seconds. */
	created: number;
	createdBy: string;
	/** Bytes. */
	size: number;
	tags: string[];
	comment: string;
}

export type LogStream = 'stdout' | 'stderr' | 'tty';

export interface LogLine {
	stream: LogStream;
	/** The line without its trailing newline, exactly as the container wrote it (untrusted). */
	text: string;
	/** The engine's RFC 3339 timestamp with nanoseconds, e.g. 2026-11-23T10:33:19.236871895Z. */
	timestamp?: string;
	/** The container wrote more than berth keeps of one line (64 KiB): the rest was dropped. */
	cut?: boolean;
}

export interface LogOptions {
	/** Lines to send before following; 'all' for the whole log. */
	tail: number | 'all';
	/** Only lines after this time: unix seconds (fractions allowed) or an RFC 3339 timestamp. */
	since?: number | string;
	follow: boolean;
}

export interface EngineEvent {
	/** container, image, network, volume, ... */
	type: string;
	/** start, die, destroy, health_status: healthy, ... */
	action: string;
	/** Actor id: container id, image id or reference. */
	id: string;
	attributes: Record<string, string>;
	/** Nanoseconds since the epoch, as a decimal string (exceeds Number precision). */
	timeNano: string;
}

export interface EngineInfo {
	/** Engine version, e.g. 20.10.24. */
	version: string;
	/** API version in use after negotiation, e.g. 1.41. */
	apiVersion: string;
	os: string;
	arch: string;
}
