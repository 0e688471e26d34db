/**
 * A private dockerd that fault tests may stop (SIGTERM), kill (SIGKILL) and start again on the
 * same data, so containers, images and logs survive the outage as they would on a real host.
 *
 * Built on `startPrivateDockerd` from test/support/dockerd.ts, whose `stop()` also deletes the
 * daemon's directory: here the daemon is signalled through its pid file instead, and only the
 * last handle's `stop()` runs (in `dispose`). Never use the shared daemon for fault tests.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from '../../support/dockerd.js';

export interface FaultDaemon {
	/** `unix://DIR/docker.sock`. */
	readonly host: string;
	readonly socketPath: string;
	readonly dir: string;
	/** The running daemon's pid (throws when it is down). */
	pid(): number;
	/** True while a daemon process runs. */
	up(): boolean;
	/** SIGTERM, as `systemctl stop docker` does; resolves once the process has exited. */
	terminate(): Promise<void>;
	/** SIGKILL; resolves once the process has exited. */
	kill(): Promise<void>;
	/** Starts dockerd again on the same directory; resolves when it answers. */
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
	await ensureFixtureImage(current.host);

	const signal = async (name: NodeJS.Signals) => {
		if (!running) return;
		process.kill(pid, name);
		await waitGone(pid, 60_000);
		running = false;
	};

	const daemon: FaultDaemon = {
		host: current.host,
		socketPath,
		dir,
		pid() {
			if (!running) throw new Error('the daemon is down');
			return pid;
		},
		up: () => running && alive(pid),
		terminate: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		async start() {
			if (running) return;
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
