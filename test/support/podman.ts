/**
 * A private rootful podman for the podman tests: `podman system service` on a unix socket (its
 * Docker-compatible API), with storage, run and config directories of its own and in a network
 * namespace of its own (test/support/netns.ts). Its compat API puts containers on the "bridge"
 * network, which podman makes with netavark: a podman0 bridge and iptables rules, all of which
 * stay inside that namespace and go with it. The fixture image is imported as for dockerd.
 *
 * containers.conf sets the open-files and process limits of containers to what this process may
 * grant: rootful podman otherwise asks for 1048576 open files and more processes than it has
 * itself, which a root without CAP_SYS_RESOURCE (a container, a CI sandbox) cannot set, and
 * every container start fails with "error setting rlimit type 7: operation not permitted".
 */
import {spawn, spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {ensureFixtureImage} from './dockerd.js';
import {createNetworkLab} from './netns.js';

export interface PrivatePodman {
	/** unix://…/podman.sock */
	host: string;
	dir: string;
	/** podman 4.3.1 */
	version: string;
	stop(): Promise<void>;
}

/** The hard limit of `name` ("Max open files") for this process, from /proc/self/limits. */
function hardLimit(name: string): number | undefined {
	const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find(entry => entry.startsWith(name));
	const value = line?.slice(name.length).trim().split(/\s+/)[1];
	return value === undefined || value === 'unlimited' ? undefined : Number(value);
}

function ping(socketPath: string): Promise<boolean> {
	return new Promise(resolve => {
		const request = http.get({socketPath, path: '/_ping', timeout: 2000}, response => {
			response.resume();
			response.on('end', () => resolve(response.statusCode === 200));
		});
		request.on('error', () => resolve(false));
		request.on('timeout', () => {
			request.destroy();
			resolve(false);
		});
	});
}

export function podmanInstalled(): string | undefined {
	const result = spawnSync('podman', ['--version'], {encoding: 'utf8'});
	return result.status === 0 ? result.stdout.trim().replace(/^podman version /, '') : undefined;
}

export async function startPodman(): Promise<PrivatePodman> {
	const version = podmanInstalled();
	if (!version) throw new Error('podman is not installed: run the test command from the README (npm test, i.e. test/setup-and-test.sh), which installs Debian\'s podman');
	const lab = createNetworkLab();
	// Podman 4.3 keeps a blob-info cache in /var/lib/containers/cache whatever --root says: when
	// there was no /var/lib/containers before, it goes again at the end.
	const sharedDir = '/var/lib/containers';
	const madeShared = !existsSync(sharedDir);
	try {
		const netns = lab.addNamespace('podman');
		const dir = lab.addDaemonDir();
		const socketPath = path.join(dir, 'podman.sock');
		// Podman lowers its own process limit to 32768 and starts containers with its own limits.
		const nofile = Math.min(hardLimit('Max open files') ?? 1_048_576, 1_048_576);
		const nproc = Math.min(hardLimit('Max processes') ?? 32_768, 32_768);
		mkdirSync(path.join(dir, 'net'));
		writeFileSync(path.join(dir, 'containers.conf'), [
			'[containers]',
			`default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]`,
			'[engine]',
			'events_logger = "file"',
			`events_logfile_path = "${dir}/events.log"`,
			'cgroup_manager = "cgroupfs"',
			`tmp_dir = "${dir}/tmp"`,
			'[network]',
			`network_config_dir = "${dir}/net"`,
			'',
		].join('\n'));
		const env = {...process.env, CONTAINERS_CONF: path.join(dir, 'containers.conf')};
		const podman = ['podman', '--root', path.join(dir, 'root'), '--runroot', path.join(dir, 'run')];
		const log = openSync(path.join(dir, 'podman.log'), 'a');
		const child = spawn('nsenter', [`--net=/var/run/netns/${netns}`, ...podman, 'system', 'service', '--time=0', `unix://${socketPath}`], {env, stdio: ['ignore', log, log]});
		closeSync(log);
		let exited = false;
		child.once('exit', () => {
			exited = true;
		});
		lab.beforeRemove(async () => {
			// Containers first (their conmon outlives the service), then the service.
			spawnSync('nsenter', [`--net=/var/run/netns/${netns}`, ...podman, 'rm', '--all', '--force', '--time', '0'], {env, timeout: 60_000});
			if (!exited) {
				child.kill('SIGTERM');
				for (let waited = 0; !exited && waited < 10_000; waited += 100) await new Promise(resolve => setTimeout(resolve, 100));
			}

			if (madeShared) {
				rmSync(path.join(sharedDir, 'cache', 'blob-info-cache-v1.boltdb'), {force: true});
				for (const empty of [path.join(sharedDir, 'cache'), sharedDir]) {
					try {
						rmdirSync(empty);
					} catch {
						// Not empty (someone else's) or gone: leave it.
					}
				}
			}
		});
		const stop = async () => {
			const failures = await lab.removeAll();
			if (failures.length > 0) throw new Error(`podman clean-up left:\n${failures.join('\n')}`);
		};

		const deadline = Date.now() + 60_000;
		while (!(await ping(socketPath))) {
			if (exited || Date.now() > deadline) throw new Error(`podman system service ${exited ? 'exited' : 'did not answer'}: ${readFileSync(path.join(dir, 'podman.log'), 'utf8').slice(-2000)}`);
			await new Promise(resolve => setTimeout(resolve, 200));
		}

		const host = `unix://${socketPath}`;
		await ensureFixtureImage(host);
		return {host, dir, version, stop};
	} catch (error) {
		await lab.removeAll();
		throw error;
	}
}
