/**
 * The swarm of the multi-engine: several hosts show one swarm, that of the first host (in the
 * order given) that is a manager; ids are the swarm's own, not qualified by host. Without a
 * manager among them the first reachable host's membership says why the panes are empty.
 */
import type {HostLink} from './multi-hosts.js';
import type {SwarmMembership} from '../types.js';

export class SwarmRoute {
	private manager: HostLink | undefined;

	constructor(private readonly links: readonly HostLink[]) {}

	async role(options?: {refresh?: boolean}): Promise<SwarmMembership> {
		let first: SwarmMembership | undefined;
		for (const link of this.links.filter(l => l.state !== 'down')) {
			try {
				const membership = await link.engine.system.swarmRole(options);
				if (membership.role === 'manager') {
					this.manager = link;
					return membership;
				}
				first ??= membership;
			} catch {
				// Unreachable or refused: the next host may be the manager.
			}
		}
		this.manager = undefined;
		return first ?? {role: 'none', localState: ''};
	}

	/** The host swarm calls go to: the manager found last, else the first host up. */
	link(): HostLink {
		return this.manager ?? this.links.find(l => l.state === 'up') ?? this.links[0]!;
	}
}
