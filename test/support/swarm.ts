/**
 * A single-node Swarm for the engine tests: a private dockerd (test/support/dockerd.ts) in a
 * network namespace of its own, with the fixture image, after `docker swarm init
 * --advertise-addr 127.0.0.1`. The namespace keeps what swarm mode makes (docker_gwbridge, the
 * ingress sandbox) off the host and off other daemons; `stop` takes the daemon, its directory and
 * the namespace down.
 */
import {dockerCli, ensureFixtureImage, startPrivateDockerd} from './dockerd.js';
import {createNetworkLab} from './netns.js';

export interface SwarmNodeHandle {
	/** unix://… of the node's dockerd. */
	host: string;
	/** The node's swarm id. */
	nodeId: string;
}

export interface SingleNodeSwarm extends SwarmNodeHandle {
	stop(): Promise<void>;
}

export async function startSingleNodeSwarm(): Promise<SingleNodeSwarm> {
	const lab = createNetworkLab();
	const stop = async () => {
		const failures = await lab.removeAll();
		if (failures.length > 0) throw new Error(`swarm clean-up left:\n${failures.join('\n')}`);
	};

	try {
		const netns = lab.addNamespace('swarm');
		const daemon = await startPrivateDockerd({netns, dir: lab.addDaemonDir()});
		lab.beforeRemove(async () => daemon.stop());
		await ensureFixtureImage(daemon.host);
		await dockerCli(daemon.host, ['swarm', 'init', '--advertise-addr', '127.0.0.1']);
		const nodeId = await dockerCli(daemon.host, ['info', '--format', '{{.Swarm.NodeID}}']);
		return {host: daemon.host, nodeId, stop};
	} catch (error) {
		await lab.removeAll();
		throw error;
	}
}

/**
 * `docker service create` of the fixture image without asking a registry for its digest (none is
 * reachable); returns the service id. `args` go before the image, `command` after it.
 */
export async function createService(host: string, name: string, args: string[], command: string[]): Promise<string> {
	return dockerCli(host, ['service', 'create', '--detach', '--no-resolve-image', '--name', name, ...args, 'berth-test/busybox:latest', ...command]);
}

/** Removes services (by name or id) that a test made; "not found" is fine. */
export async function removeServices(host: string, names: Iterable<string>): Promise<void> {
	for (const name of names) {
		try {
			await dockerCli(host, ['service', 'rm', name]);
		} catch (error) {
			if (!/not found|no such service/i.test((error as Error).message)) throw error;
		}
	}
}
