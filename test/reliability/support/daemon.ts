/**
 * A private dockerd that fault tests may stop (SIGTERM), kill (SIGKILL) and start again on the
 * same data, so containers, images and logs survive the outage as they would on a real host.
 *
 * Built on `startPrivateDockerd` from test/support/dockerd.ts, whose `stop()` also deletes the
 * daemon's directory: here the daemon is signalled through its pid file instead, and only the
 * last handle's `stop()` runs (in `dispose`). Never use the shared daemon for fault tests.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from '../../support/dockerd.js';

export interface FaultDaemon {
	/** `unix://DIR/docker.sock`. */
	readonly host: string;
	readonly socketPath: string;
	readonly dir: string;
	/** The running daemon's pid (throws when it is down). */
	pid(): number;
	/** True while a daemon process runs and is not being stopped. */
	up(): boolean;
	/** SIGTERM, as `systemctl stop docker` does; resolves once the process has exited. */
	terminate(): Promise<void>;
	/** SIGKILL; resolves once the process has exited. */
	kill(): Promise<void>;
	/**
	 * Starts dockerd again on the same directory; resolves when it answers. A stop still under
	 * way (a test that failed before awaiting it) is waited for first, so the next test never
	 * runs against a daemon that is going away.
	 */
	start(): Promise<void>;
	/** Stops the daemon (starting it first if it is down, so it cleans up its containers) and removes its directory. */
	dispose(): Promise<void>;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The process's state letter from /proc (R, S, D, Z, ...), or undefined when it is gone. */
function processState(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
	} catch {
		return undefined;
	}
}

/**
 * After a SIGKILL the daemon's containerd dies with it, but where nothing reaps orphans (this
 * sandbox's init does not, promptly) it stays a zombie, and a restarted dockerd, finding its pid
 * "alive" in containerd.pid, waits for that containerd forever ("timeout waiting for containerd
 * to start"). A host's init reaps it at once; here the stale pid file is removed instead.
 */
async function clearStaleContainerd(dir: string): Promise<void> {
	const file = path.join(dir, 'exec', 'containerd', 'containerd.pid');
	let pid: number;
	try {
		pid = Number(readFileSync(file, 'utf8').trim());
	} catch {
		return;
	}
	const deadline = Date.now() + 5000;
	for (;;) {
		const state = processState(pid);
		if (state === undefined || state === 'Z' || state === 'X') break;
		if (Date.now() > deadline) return; // A live containerd: dockerd adopts it.
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	rmSync(file, {force: true});
}

async function waitGone(pid: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (alive(pid)) {
		if (Date.now() > deadline) throw new Error(`dockerd ${pid} did not exit within ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}

/** Starts a private, restartable daemon with the busybox fixture image. */
export async function startFaultDaemon(): Promise<FaultDaemon> {
	let current: PrivateDockerd = await startPrivateDockerd();
	const {dir} = current;
	const socketPath = path.join(dir, 'docker.sock');
	let pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8').trim());
	let running = true;
	/** The stop under way, if any. */
	let stopping: Promise<void> | undefined;
	await ensureFixtureImage(current.host);

	const signal = async (name: NodeJS.Signals) => {
		if (!running) return;
		process.kill(pid, name);
		const gone = waitGone(pid, 60_000).then(() => {
			running = false;
		});
		const mine: Promise<void> = gone.finally(() => {
			if (stopping === mine) stopping = undefined;
		});
		stopping = mine;
		await gone;
	};

	const daemon: FaultDaemon = {
		host: current.host,
		socketPath,
		dir,
		pid() {
			if (!running) throw new Error('the daemon is down');
			return pid;
		},
		up: () => running && stopping === undefined && alive(pid),
		terminate: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		async start() {
			await stopping?.catch(() => undefined);
			if (running && alive(pid)) return;
			// A terminate() or kill() may still be waiting for the old process: let it finish.
			await waitGone(pid, 60_000);
			running = false;
			await clearStaleContainerd(dir);
			current = await startPrivateDockerd({dir, timeoutMs: 90_000});
			pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8').trim());
			running = true;
		},
		async dispose() {
			if (!existsSync(dir)) return;
			if (!running) {
				try {
					await daemon.start();
				} catch {
					// Could not come back: remove what can be removed.
				}
			}
			await current.stop();
			running = false;
		},
	};
	return daemon;
}
