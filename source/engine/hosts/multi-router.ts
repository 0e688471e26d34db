/**
 * Which host of the multi-engine an id is on: its qualifier, else the host whose last list of
 * that kind has it, else (image references, for run, pull and build) the first host up.
 */
import type {HostLink} from './multi-hosts.js';
import {unqualify} from './multi-ids.js';
import {ROUTES} from './routes.js';
import {EngineError, type EngineKind} from '../types.js';

export interface Target {
	link: HostLink;
	/** The raw id or reference, for the host's own engine. */
	id: string;
}

export class HostRouter {
	constructor(private readonly links: readonly HostLink[], private readonly names: readonly string[]) {}

	/** The host of `id`, a thing of `kind`; for an image reference (`orPrimary`) the first host up when none has it. */
	resolve(kind: EngineKind, id: string, orPrimary = false): Target {
		const {id: raw, host} = unqualify(id, this.names);
		const named = host === undefined ? undefined : this.links.find(l => l.name === host);
		if (named) return {link: named, id: raw};
		const matches = kind === 'events' ? undefined : ROUTES[kind].matches;
		const listed = matches && this.links.find(l => l.rows(kind)?.some(row => matches(unqualifiedRow(row, l.name, this.names), raw)));
		if (listed) return {link: listed, id: raw};
		if (orPrimary) return {link: this.primary(), id: raw};
		throw new EngineError('not-found', `No such ${kind.replace(/s$/, '')}: ${id} (on none of ${this.names.join(', ')})`);
	}

	/** The raw form of `id` when it is qualified with `host` (or not qualified at all). */
	rawOn(id: string, host: string): string {
		const split = unqualify(id, this.names);
		return split.host === undefined || split.host === host ? split.id : id;
	}

	/** The first host that is up (else the first). */
	primary(): HostLink {
		return this.links.find(link => link.state === 'up') ?? this.links[0]!;
	}
}

function unqualifiedRow(row: Record<string, unknown>, host: string, names: readonly string[]): Record<string, unknown> {
	const id = row['id'];
	return typeof id === 'string' ? {...row, id: unqualify(id, names).id} : row;
}
