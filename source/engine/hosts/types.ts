/**
 * The hosts of an engine over several contexts (multi-engine.ts): each one's state, for the
 * status line and the per-host counts. One engine has no hosts.
 */
import type {EngineInfo} from '../listing-types.js';

export type HostConnection = 'connecting' | 'up' | 'down';

/** What the UI shows of a host: name, endpoint, state, the cause when down, the engine when up. */
export interface HostState {
	name: string;
	/** The host's endpoint description, e.g. "ssh://deploy@box (context prod)". */
	endpoint: string;
	state: HostConnection;
	/** Why it is down, in plain words (untrusted parts included: show it sanitised). */
	error?: string;
	/** The engine's version and API when up. */
	info?: EngineInfo;
	/** When the state last changed (ms since the epoch). */
	since: number;
}

/**
 * An id or image reference on one host of several: `<id>@<host>` (multi-ids.ts). The
 * multi-engine hands out ids in this form and routes by it; a command that names an image by
 * the tag a row shows (rmi of a tag, push) qualifies it the same way so it reaches that row's host.
 */
export function qualify(id: string, host: string): string {
	return `${id}@${host}`;
}
