/**
 * A private Docker daemon for tests and the benchmark, and the busybox fixture image.
 *
 * The daemon gets its own data root, exec root, socket and pid file under a short /tmp
 * directory (unix socket paths are limited to ~107 bytes), and `--bridge=none
 * --iptables=false` so it leaves other daemons' docker0 alone (its containers have no network).
 */
import {execFile, spawn, spawnSync} from 'node:child_process';
import {closeSync, copyFileSync, chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {promisify} from 'node:util';

const execFileAsync = promisify(execFile);

const installHint = 'run the test command from the README (npm test, i.e. scripts/test.sh), which installs docker.io and busybox-static';

export interface PrivateDockerd {
	/** `unix://DIR/docker.sock`. */
	host: string;
	dir: string;
	/** Stops the daemon (SIGTERM, then SIGKILL) and removes its directory. */
	stop(): Promise<void>;
}

/** Applets linked into the fixture image. */
const applets = [
	'sh', 'sleep', 'date', 'echo', 'cat', 'ls', 'yes', 'seq', 'printf', 'env', 'ps', 'top', 'kill', 'trap', 'true', 'false',
	'head', 'tail', 'wc', 'grep', 'sed', 'awk', 'touch', 'rm', 'mkdir', 'id', 'hostname', 'tr',
];

/** Finds an executable on PATH, like `command -v`. */
function which(command: string): string | undefined {
	const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], {encoding: 'utf8'});
	const found = result.stdout.trim();
	return result.status === 0 && found ? found : undefined;
}

/** Asks the engine's /_ping; true when it answers OK. */
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

function tail(file: string, lines = 20): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

/** Mount points at or below `dir`, deepest first. */
function mountsUnder(dir: string): string[] {
	let text: string;
	try {
		text = readFileSync('/proc/self/mountinfo', 'utf8');
	} catch {
		return [];
	}

	return text
		.split('\n')
		.map(line => line.split(' ')[4])
		.filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)))
		.sort((a, b) => b.length - a.length);
}

/**
 * Starts a private dockerd and waits until it answers (up to `timeoutMs`, default 60 s). With
 * `netns` it runs in that network namespace (`nsenter --net`, which keeps /sys and the cgroups,
 * unlike `ip netns exec`); its socket stays on the shared filesystem. With `hostname` it has a
 * UTS namespace of its own with that name (a swarm node's hostname).
 */
export async function startPrivateDockerd(options: {dir?: string; timeoutMs?: number; netns?: string; hostname?: string} = {}): Promise<PrivateDockerd> {
	const dockerd = which('dockerd');
	if (!dockerd) throw new Error(`dockerd is not installed: ${installHint}`);

	const dir = options.dir ?? mkdtempSync('/tmp/bd-');
	mkdirSync(dir, {recursive: true});
	const socketPath = path.join(dir, 'docker.sock');
	const logFile = path.join(dir, 'dockerd.log');
	const log = openSync(logFile, 'a');
	const args = [
		'--data-root', path.join(dir, 'root'),
		'--exec-root', path.join(dir, 'exec'),
		'-H', `unix://${socketPath}`,
		'--pidfile', path.join(dir, 'pid'),
		'--bridge=none',
		'--iptables=false',
	];
	// unshare, sh and nsenter each exec the next: the child's pid is the daemon's, so the signals below reach it.
	const command = [
		...(options.hostname ? ['unshare', '--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', options.hostname] : []),
		...(options.netns ? ['nsenter', `--net=/var/run/netns/${options.netns}`] : []),
		dockerd,
		...args,
	];
	const child = spawn(command[0]!, command.slice(1), {stdio: ['ignore', log, log]});
	closeSync(log);

	let exited = false;
	const exit = new Promise<void>(resolve => {
		child.once('exit', () => {
			exited = true;
			resolve();
		});
		child.once('error', () => {
			exited = true;
			resolve();
		});
	});

	/** Waits for the daemon to exit, at most `ms`; leaves no timer behind. */
	const waitForExit = async (ms: number) => {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([exit, new Promise<void>(resolve => {
			timer = setTimeout(resolve, ms);
		})]);
		clearTimeout(timer);
	};

	const stop = async () => {
		if (!exited) {
			child.kill('SIGTERM');
			await waitForExit(30_000);
			if (!exited) {
				child.kill('SIGKILL');
				await waitForExit(5000);
			}
		}

		for (const point of mountsUnder(dir)) spawnSync('umount', ['-l', point]);
		try {
			rmSync(dir, {recursive: true, force: true});
		} catch {
			// Leftovers (busy mounts) are not worth failing a test run for.
		}
	};

	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	while (!(await ping(socketPath))) {
		if (exited || Date.now() > deadline) {
			const why = exited ? `exited with code ${child.exitCode}` : 'did not answer within the time limit';
			const logTail = tail(logFile);
			await stop();
			throw new Error(`Private dockerd in ${dir} ${why}. Last lines of its log:\n${logTail}`);
		}

		await sleep(200);
	}

	return {host: `unix://${socketPath}`, dir, stop};
}

/** Runs the docker CLI against `host`; resolves with trimmed stdout, rejects with stderr in the message. */
export async function dockerCli(host: string, args: string[], options: {timeoutMs?: number} = {}): Promise<string> {
	try {
		const {stdout} = await execFileAsync('docker', args, {
			env: {...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: ''},
			timeout: options.timeoutMs ?? 60_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		return stdout.trim();
	} catch (error) {
		const failure = error as NodeJS.ErrnoException & {stderr?: string};
		if (failure.code === 'ENOENT') throw new Error(`the docker CLI is not installed: ${installHint}`, {cause: error});
		throw new Error(`docker ${args.join(' ')} failed: ${(failure.stderr ?? failure.message).trim()}`, {cause: error});
	}
}

/** True when the ELF file has no program interpreter (a static binary that runs without libraries). */
function isStaticElf(file: string): boolean {
	const data = readFileSync(file);
	if (data.readUInt32BE(0) !== 0x7f_45_4c_46 || data[4] !== 2) return false; // ELF64 only
	const little = data[5] === 1;
	const u16 = (offset: number) => (little ? data.readUInt16LE(offset) : data.readUInt16BE(offset));
	const u32 = (offset: number) => (little ? data.readUInt32LE(offset) : data.readUInt32BE(offset));
	const phoff = Number(little ? data.readBigUInt64LE(0x20) : data.readBigUInt64BE(0x20));
	const entrySize = u16(0x36);
	const count = u16(0x38);
	for (let index = 0; index < count; index++) {
		if (u32(phoff + (index * entrySize)) === 3) return false; // PT_INTERP
	}

	return true;
}

/**
 * Makes sure `ref` exists on the engine at `host`: if missing, imports a tiny rootfs holding a
 * static busybox and its applets, with `CMD ["/bin/sh"]`.
 */
export async function ensureFixtureImage(host: string, ref = 'berth-test/busybox:latest'): Promise<void> {
	try {
		await dockerCli(host, ['image', 'inspect', '--format', '{{.Id}}', ref]);
		return;
	} catch (error) {
		if ((error as Error).message.includes('not installed')) throw error;
	}

	const busybox = which('busybox');
	if (!busybox) throw new Error(`busybox is not installed: ${installHint}`);
	if (!isStaticElf(busybox)) throw new Error(`${busybox} is not statically linked (busybox-static is needed): ${installHint}`);

	const root = mkdtempSync('/tmp/bb-rootfs-');
	try {
		for (const sub of ['bin', 'tmp', 'etc', 'root']) mkdirSync(path.join(root, sub));
		chmodSync(path.join(root, 'tmp'), 0o1777);
		copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
		chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
		for (const applet of applets) symlinkSync('busybox', path.join(root, 'bin', applet));
		const result = spawnSync('sh', ['-c', 'tar -C "$1" -c . | docker import -c \'CMD ["/bin/sh"]\' - "$2"', 'sh', root, ref], {
			env: {...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: ''},
			encoding: 'utf8',
			timeout: 120_000,
		});
		if (result.status !== 0) throw new Error(`importing ${ref} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
	} finally {
		rmSync(root, {recursive: true, force: true});
	}
}
