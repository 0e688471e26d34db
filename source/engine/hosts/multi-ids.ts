/**
 * Ids across several hosts. The same image has the same id on every engine (it is a digest of
 * its content), and two contexts may even reach the same engine, so an id alone does not say
 * where something is. The multi-engine hands out qualified ids, `<id>@<host>`, wherever an id
 * leaves it (lists, details, events, what run/create/commit/build return) and takes them back
 * in every method that names a container or an image. The raw id is the prefix, so a short id
 * (its first 12 characters) reads as usual.
 */
import {qualify} from './types.js';
import type {EngineEvent} from '../types.js';

export {qualify};

/**
 * Splits `<id>@<host>` when `<host>` is one of `hosts` (the longest that fits: host names may
 * hold "@"; image references may too, as in repo@sha256:…). Otherwise the id is unqualified.
 */
export function unqualify(id: string, hosts: readonly string[]): {id: string; host?: string} {
	let best: string | undefined;
	for (const host of hosts) {
		if (id.length > host.length + 1 && id.endsWith(`@${host}`) && (best === undefined || host.length > best.length)) best = host;
	}
	return best === undefined ? {id} : {id: id.slice(0, -(best.length + 1)), host: best};
}

export function qualifyEvent(event: EngineEvent, host: string): EngineEvent {
	return {...event, id: qualify(event.id, host), attributes: {...event.attributes, 'berth.host': host}};
}

/** A row as last seen on a host that cannot be reached now. */
export function markUnreachable<T extends {unreachable?: string}>(row: T, cause: string): T {
	return row.unreachable === cause ? row : {...row, unreachable: cause};
}
