/**
 * A multi-node Swarm on one machine: one private dockerd per network namespace, the namespaces
 * joined by a bridge of the test's own (veth pairs, an iptables FORWARD accept rule for that
 * bridge only), `swarm init` on the first node and `swarm join` on the others, the fixture image
 * imported on every node (services are created with --no-resolve-image: no registry is
 * reachable). The daemons run with --bridge=none --iptables=false, so they leave the host's
 * networking alone. `stop` stops every daemon and removes the namespaces, links, bridge and
 * rule, and says what it could not remove.
 */
import {dockerCli, ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from './dockerd.js';
import {createNetworkLab, freeSubnet} from './netns.js';
import {waitFor} from './names.js';
import type {SwarmNodeHandle} from './swarm.js';

export interface MultiNodeSwarm {
	/** Nodes in order: the first is the manager (leader) that made the swarm. */
	nodes: Array<SwarmNodeHandle & {role: 'manager' | 'worker'; address: string; hostname: string}>;
	manager: SwarmNodeHandle;
	stop(): Promise<void>;
}

/** `managers` + `workers` nodes (1 + 2 by default). */
export async function startMultiNodeSwarm(options: {managers?: number; workers?: number} = {}): Promise<MultiNodeSwarm> {
	const managers = options.managers ?? 1;
	const workers = options.workers ?? 2;
	const lab = createNetworkLab();
	const stop = async () => {
		const failures = await lab.removeAll();
		if (failures.length > 0) throw new Error(`swarm clean-up left:\n${failures.join('\n')}`);
	};

	try {
		const prefix = freeSubnet();
		const bridge = lab.addBridge(`${prefix}.1/24`);
		const started: Array<{daemon: PrivateDockerd; address: string; role: 'manager' | 'worker'}> = [];
		// Daemons start one after the other: two starting at once on 2 shared cores only make each slower.
		for (let index = 0; index < managers + workers; index++) {
			const netns = lab.addNamespace(`n${index + 1}`);
			const address = `${prefix}.${11 + index}`;
			lab.connect(netns, bridge, `${address}/24`);
			const daemon = await startPrivateDockerd({netns, hostname: netns, dir: lab.addDaemonDir()});
			lab.beforeRemove(async () => daemon.stop());
			await ensureFixtureImage(daemon.host);
			started.push({daemon, address, role: index < managers ? 'manager' : 'worker'});
		}

		const first = started[0]!;
		await dockerCli(first.daemon.host, ['swarm', 'init', '--advertise-addr', first.address]);
		const tokens = {
			manager: await dockerCli(first.daemon.host, ['swarm', 'join-token', '-q', 'manager']),
			worker: await dockerCli(first.daemon.host, ['swarm', 'join-token', '-q', 'worker']),
		};
		for (const node of started.slice(1)) {
			await dockerCli(node.daemon.host, ['swarm', 'join', '--token', tokens[node.role], '--advertise-addr', node.address, `${first.address}:2377`], {timeoutMs: 120_000});
		}

		await waitFor(async () => {
			const lines = (await dockerCli(first.daemon.host, ['node', 'ls', '--format', '{{.Status}}'])).split('\n');
			return lines.length === started.length && lines.every(status => status === 'Ready');
		}, `all ${started.length} nodes to be Ready`, 120_000);

		const nodes = await Promise.all(started.map(async node => {
			const [nodeId, hostname] = (await dockerCli(node.daemon.host, ['info', '--format', '{{.Swarm.NodeID}} {{.Name}}'])).split(' ');
			return {host: node.daemon.host, nodeId: nodeId!, hostname: hostname!, role: node.role, address: node.address};
		}));
		return {nodes, manager: nodes[0]!, stop};
	} catch (error) {
		await lab.removeAll();
		throw error;
	}
}
