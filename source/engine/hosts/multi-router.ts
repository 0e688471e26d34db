/**
 * Which host of the multi-engine a container id or image reference is on: its qualifier, else
 * the host whose last list has it, else (images, for run, pull and build) the first host up.
 */
import type {HostLink} from './multi-hosts.js';
import {unqualify} from './multi-ids.js';
import {EngineError, type Engine} from '../types.js';

export interface Target {
	engine: Engine;
	/** The raw id or reference, for the host's own engine. */
	id: string;
	host: string;
}

export class HostRouter {
	constructor(private readonly links: readonly HostLink[], private readonly names: readonly string[]) {}

	container(id: string): Target {
		const {id: raw, host} = unqualify(id, this.names);
		const link = host ? this.links.find(l => l.name === host) : this.links.find(l => l.containers?.some(c => unqualify(c.id, [l.name]).id.startsWith(raw) || c.name === raw));
		if (!link) throw new EngineError('not-found', `No such container: ${id} (on none of ${this.names.join(', ')})`);
		return {engine: link.engine, id: raw, host: link.name};
	}

	image(ref: string): Target {
		const {id: raw, host} = unqualify(ref, this.names);
		const link = (host === undefined ? undefined : this.links.find(l => l.name === host))
			?? this.links.find(l => l.images?.some(image => unqualify(image.id, [l.name]).id === raw || image.repoTags.includes(raw)))
			?? this.primary();
		return {engine: link.engine, id: raw, host: link.name};
	}

	/** The first host that is up (else the first). */
	primary(): HostLink {
		return this.links.find(link => link.state === 'up') ?? this.links[0]!;
	}
}
