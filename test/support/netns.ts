/**
 * Network namespaces for tests that run engines of their own (swarm nodes, podman): each gets a
 * namespace, so what it makes there (docker_gwbridge, the ingress sandbox, podman0, netavark's
 * iptables rules) stays there and goes with it. Several namespaces can be joined by a bridge
 * with veth pairs and one iptables FORWARD rule for that bridge.
 *
 * A lab writes what it made to /tmp/berth-netlab-PID-ID.json before making it; `removeAll` takes
 * it all down in reverse order and never throws. A lab whose process died (a killed test run) is
 * swept by the next lab created.
 */
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

type Made =
	| {kind: 'netns'; name: string}
	| {kind: 'link'; name: string}
	| {kind: 'rule'; args: string[]}
	/** A daemon's directory: processes naming it on their command line are stopped, its mounts and files removed. */
	| {kind: 'dir'; path: string};

interface LabRecord {
	pid: number;
	made: Made[];
}

const recordDir = '/tmp';
const recordPattern = /^berth-netlab-(\d+)-[\da-f]+\.json$/;

function run(command: string, args: string[]): {ok: boolean; output: string} {
	const result = spawnSync(command, args, {encoding: 'utf8', timeout: 30_000});
	return {ok: result.status === 0, output: `${result.stderr ?? ''}${result.stdout ?? ''}${result.error ? String(result.error) : ''}`.trim()};
}

function must(command: string, args: string[]): void {
	const result = run(command, args);
	if (!result.ok) throw new Error(`${command} ${args.join(' ')} failed: ${result.output}`);
}

/** Pids of the processes whose command line names `dir` (a daemon, its containerd, shims, conmon). */
function processesNaming(dir: string): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		try {
			if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some(word => word.includes(`${dir}/`))) pids.push(Number(entry));
		} catch {
			// Gone meanwhile.
		}
	}

	return pids;
}

function signal(pids: number[], name: NodeJS.Signals): void {
	for (const pid of pids) {
		try {
			process.kill(pid, name);
		} catch {
			// Gone meanwhile.
		}
	}
}

/** Stops what runs from `dir` (TERM, up to 30 s, then KILL), unmounts what is mounted under it and removes it. */
function clearDir(dir: string): string | undefined {
	let pids = processesNaming(dir);
	signal(pids, 'SIGTERM');
	for (let waited = 0; pids.length > 0 && waited < 30_000; waited += 200) {
		spawnSync('sleep', ['0.2']);
		pids = processesNaming(dir);
	}

	signal(pids, 'SIGKILL');
	const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map(line => line.split(' ')[4]).filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)));
	for (const point of mounts.sort((a, b) => b.length - a.length)) run('umount', ['-l', point]);
	try {
		rmSync(dir, {recursive: true, force: true});
	} catch (error) {
		return `dir ${dir}: ${String(error)}`;
	}

	return existsSync(dir) ? `dir ${dir}: still there` : undefined;
}

function undo(made: Made): string | undefined {
	let result: {ok: boolean; output: string};
	switch (made.kind) {
		case 'dir': {
			return clearDir(made.path);
		}

		case 'netns': {
			if (!run('ip', ['netns', 'list']).output.split('\n').some(line => line.split(' ')[0] === made.name)) return undefined;
			result = run('ip', ['netns', 'delete', made.name]);
			break;
		}

		case 'link': {
			if (!run('ip', ['link', 'show', made.name]).ok) return undefined;
			result = run('ip', ['link', 'delete', made.name]);
			break;
		}

		case 'rule': {
			if (!run('iptables', ['-C', ...made.args]).ok) return undefined;
			result = run('iptables', ['-D', ...made.args]);
			break;
		}
	}

	return result.ok ? undefined : `${made.kind} ${'name' in made ? made.name : made.args.join(' ')}: ${result.output}`;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes down what labs of dead processes left. */
export function sweepDeadLabs(): void {
	for (const file of readdirSync(recordDir)) {
		const match = recordPattern.exec(file);
		if (!match || alive(Number(match[1]))) continue;
		const full = path.join(recordDir, file);
		try {
			const record = JSON.parse(readFileSync(full, 'utf8')) as LabRecord;
			for (const made of [...record.made].reverse()) undo(made);
		} catch {
			// A half-written record: nothing to go on.
		}

		rmSync(full, {force: true});
	}
}

export interface NetworkLab {
	/** Short hex id, part of every name the lab makes. */
	readonly id: string;
	/** A new namespace with its loopback up; returns its name (for `nsenter --net=/var/run/netns/NAME`). */
	addNamespace(suffix: string): string;
	/** A bridge on the host with `address` (CIDR), up, and a FORWARD accept rule for traffic across it. */
	addBridge(address: string): string;
	/** A veth pair: `eth0` with `address` (CIDR) in `netns`, its peer on `bridge`. */
	connect(netns: string, bridge: string, address: string): void;
	/**
	 * A new directory for a daemon (under /tmp, short: unix socket paths are limited). Removal
	 * (or the sweep after a killed run) stops every process that names it and deletes it.
	 */
	addDaemonDir(): string;
	/** Runs before the namespaces and links go (daemons in them are stopped first). */
	beforeRemove(step: () => Promise<void>): void;
	/** Takes it all down, newest first; resolves with what could not be removed (empty when all went). */
	removeAll(): Promise<string[]>;
}

export function createNetworkLab(): NetworkLab {
	sweepDeadLabs();
	const id = randomBytes(3).toString('hex');
	const recordFile = path.join(recordDir, `berth-netlab-${process.pid}-${id}.json`);
	const record: LabRecord = {pid: process.pid, made: []};
	const steps: Array<() => Promise<void>> = [];
	const note = (made: Made) => {
		record.made.push(made);
		writeFileSync(recordFile, JSON.stringify(record));
	};

	let links = 0;
	let daemons = 0;
	return {
		id,
		addNamespace(suffix) {
			const name = `berth-${id}-${suffix}`;
			note({kind: 'netns', name});
			must('ip', ['netns', 'add', name]);
			must('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
			return name;
		},
		addBridge(address) {
			const name = `bl${id}br`;
			note({kind: 'link', name});
			must('ip', ['link', 'add', name, 'type', 'bridge']);
			must('ip', ['addr', 'add', address, 'dev', name]);
			must('ip', ['link', 'set', name, 'up']);
			const rule = ['FORWARD', '-i', name, '-o', name, '-j', 'ACCEPT'];
			note({kind: 'rule', args: rule});
			must('iptables', ['-I', ...rule]);
			return name;
		},
		connect(netns, bridge, address) {
			const host = `bl${id}h${++links}`;
			note({kind: 'link', name: host});
			must('ip', ['link', 'add', host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
			must('ip', ['link', 'set', host, 'master', bridge, 'up']);
			must('ip', ['-n', netns, 'addr', 'add', address, 'dev', 'eth0']);
			must('ip', ['-n', netns, 'link', 'set', 'eth0', 'up']);
		},
		addDaemonDir() {
			const dir = `/tmp/bl-${id}-${++daemons}`;
			note({kind: 'dir', path: dir});
			mkdirSync(dir, {recursive: true});
			return dir;
		},
		beforeRemove(step) {
			steps.push(step);
		},
		async removeAll() {
			const failures: string[] = [];
			for (const step of steps.splice(0).reverse()) {
				try {
					await step();
				} catch (error) {
					failures.push(String(error));
				}
			}

			for (const made of [...record.made].reverse()) {
				const failure = undo(made);
				if (failure) failures.push(failure);
			}

			record.made = [];
			rmSync(recordFile, {force: true});
			return failures;
		},
	};
}

/** A /24 in 192.168.200–254 that no route on this host uses yet: its prefix, e.g. "192.168.213". */
export function freeSubnet(): string {
	const routes = run('ip', ['-4', 'route', 'show']).output;
	for (let attempt = 0; attempt < 50; attempt++) {
		const prefix = `192.168.${200 + Math.floor(Math.random() * 55)}`;
		if (!routes.includes(`${prefix}.`)) return prefix;
	}

	throw new Error('no free 192.168.2xx.0/24 subnet for the test network');
}
