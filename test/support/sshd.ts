/**
 * A real OpenSSH server for the ssh tests: Debian's openssh-server on 127.0.0.1, on a free port,
 * with a generated host key and user key in a temporary directory, an authorized_keys for root,
 * and a client set-up of its own, so nothing in ~/.ssh or /etc/ssh is read or written.
 *
 * The remote side's commands run with a PATH whose first directory holds `docker`, a link to the
 * docker CLI installed here, and DOCKER_HOST set to the test engine (sshd's ForceCommand), so
 * `ssh root@127.0.0.1 -p PORT docker system dial-stdio` reaches the test's private dockerd as a
 * remote engine would be reached. A second port serves sessions whose PATH has no docker at all
 * ("docker: not found", for the remote-docker-missing message).
 *
 * The client side: OpenSSH reads ~/.ssh from the passwd entry, not $HOME, so a test HOME does not
 * give ssh a config. Instead `client()` makes a directory to put first on PATH holding an `ssh`
 * that runs `/usr/bin/ssh -F <its own ssh_config> "$@"` and notes each start (berth and the
 * docker CLI both just run `ssh`, so both pick it up). Variants: the host key not known, a key
 * the server does not accept.
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const installHint = 'install openssh-server (test/setup-and-test.sh does)';

export interface SshClient {
	/** Directory to put first on PATH: its `ssh` uses this client's config. */
	readonly binDir: string;
	/** process.env with binDir first on PATH (for child processes such as berth or the docker CLI). */
	env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
	/** The argument lines of every ssh started through this client, oldest first. */
	starts(): string[];
}

export interface ClientOptions {
	/** false: an empty known_hosts, so the server's host key is unknown. */
	knowsHostKey?: boolean;
	/** false: a key the server does not accept. */
	authorized?: boolean;
	/** More lines for the client's `Host *` block (indented), e.g. a ControlMaster of the user's own. */
	extraConfig?: string[];
}

export interface TestSshd {
	/** The port whose sessions reach the test engine with `docker`. */
	readonly port: number;
	/** `ssh://root@127.0.0.1:PORT`. */
	readonly url: string;
	/** A port of the same server whose sessions have no docker on PATH. */
	readonly noDockerPort: number;
	readonly dir: string;
	/**
	 * A client set-up. `knowsHostKey: false`: an empty known_hosts (the host key is unknown);
	 * `authorized: false`: a key the server does not accept.
	 */
	client(options?: ClientOptions): SshClient;
	/** Logins sshd accepted so far (its "Accepted publickey" lines): one per ssh connection. */
	logins(): number;
	/** sshd's log (LogLevel VERBOSE). */
	log(): string;
	/** Stops the server and every connection it serves; removes the directory. */
	stop(): Promise<void>;
}

function which(command: string): string | undefined {
	const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], {encoding: 'utf8'});
	const found = result.stdout.trim();
	return result.status === 0 && found ? found : undefined;
}

/** A TCP port on 127.0.0.1 that nothing listens on (at the time of asking). */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const port = (server.address() as net.AddressInfo).port;
	await new Promise<void>(resolve => {
		server.close(() => resolve());
	});
	return port;
}

/** Resolves once the port answers with an SSH banner. */
async function waitForBanner(port: number, exited: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const banner = await new Promise<boolean>(resolve => {
			const socket = net.connect(port, '127.0.0.1');
			socket.setTimeout(1000);
			socket.once('data', chunk => {
				socket.destroy();
				resolve(chunk.toString('latin1').startsWith('SSH-'));
			});
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => {
				socket.destroy();
				resolve(false);
			});
		});
		if (banner) return;
		if (exited() || Date.now() > deadline) throw new Error(`sshd on port ${port} did not start`);
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}
}

function keygen(file: string): void {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test', '-f', file], {stdio: 'ignore'});
}

/** Starts sshd for the engine at `dockerHost` (a unix:// address on this machine). */
export async function startSshd(options: {dockerHost: string}): Promise<TestSshd> {
	const sshd = existsSync('/usr/sbin/sshd') ? '/usr/sbin/sshd' : which('sshd');
	if (!sshd) throw new Error(`sshd is not installed: ${installHint}`);
	const docker = which('docker');
	if (!docker) throw new Error('the docker CLI is not installed (the remote side of the ssh tests needs it)');
	const ssh = existsSync('/usr/bin/ssh') ? '/usr/bin/ssh' : which('ssh');
	if (!ssh) throw new Error(`the ssh client is not installed: ${installHint}`);

	// sshd refuses to start without its privilege separation directory (the service creates it).
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	const dir = mkdtempSync('/tmp/bs-');
	const hostKey = path.join(dir, 'host_key');
	const userKey = path.join(dir, 'user_key');
	const strangerKey = path.join(dir, 'stranger_key');
	for (const key of [hostKey, userKey, strangerKey]) keygen(key);
	writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(`${userKey}.pub`), {mode: 0o600});

	const remoteBin = path.join(dir, 'remote-bin');
	const emptyBin = path.join(dir, 'remote-bin-empty');
	mkdirSync(remoteBin);
	mkdirSync(emptyBin);
	symlinkSync(docker, path.join(remoteBin, 'docker'));

	const port = await freePort();
	let noDockerPort = await freePort();
	while (noDockerPort === port) noDockerPort = await freePort();
	// The session's environment is set here rather than by the login shell's rc files, so the
	// tests do not depend on root's dotfiles. sshd runs ForceCommand with the user's shell -c.
	const session = (bin: string) => `exec env PATH=${bin}:/usr/bin:/bin DOCKER_HOST=${options.dockerHost} DOCKER_CONTEXT= /bin/sh -c "$SSH_ORIGINAL_COMMAND"`;
	const config = path.join(dir, 'sshd_config');
	writeFileSync(config, [
		`Port ${port}`,
		`Port ${noDockerPort}`,
		'ListenAddress 127.0.0.1',
		`HostKey ${hostKey}`,
		`PidFile ${path.join(dir, 'sshd.pid')}`,
		`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
		'PermitRootLogin prohibit-password',
		'PasswordAuthentication no',
		'KbdInteractiveAuthentication no',
		'UsePAM no',
		// The temporary directory is not root-only all the way up.
		'StrictModes no',
		'LogLevel VERBOSE',
		// MaxSessions stays at its default (10 per connection), as on a real server.
		'MaxStartups 100:30:200',
		`ForceCommand ${session(remoteBin)}`,
		`Match LocalPort ${noDockerPort}`,
		// No docker here: the PATH holds only an empty directory and the system's (which has none here).
		`  ForceCommand exec env PATH=${emptyBin} /bin/sh -c "$SSH_ORIGINAL_COMMAND"`,
		'',
	].join('\n'));
	execFileSync(sshd, ['-t', '-f', config]);

	const logFile = path.join(dir, 'sshd.log');
	const log = openSync(logFile, 'a');
	const child: ChildProcess = spawn(sshd, ['-D', '-e', '-f', config], {stdio: ['ignore', 'ignore', log]});
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

	const knownHosts = path.join(dir, 'known_hosts');
	const hostPublic = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
	writeFileSync(knownHosts, [port, noDockerPort].map(p => `[127.0.0.1]:${p} ${hostPublic}\n`).join(''));
	writeFileSync(path.join(dir, 'known_hosts_empty'), '');

	let clients = 0;
	const client = (choice: ClientOptions = {}): SshClient => {
		const name = `client-${++clients}`;
		const clientDir = path.join(dir, name);
		const binDir = path.join(clientDir, 'bin');
		mkdirSync(binDir, {recursive: true});
		const clientConfig = path.join(clientDir, 'ssh_config');
		writeFileSync(clientConfig, [
			'Host *',
			`  IdentityFile ${choice.authorized === false ? strangerKey : userKey}`,
			'  IdentitiesOnly yes',
			`  UserKnownHostsFile ${choice.knowsHostKey === false ? path.join(dir, 'known_hosts_empty') : knownHosts}`,
			'  GlobalKnownHostsFile /dev/null',
			// No agent from the developer's session.
			'  IdentityAgent none',
			...(choice.extraConfig ?? []),
			'',
		].join('\n'));
		const startsFile = path.join(clientDir, 'starts.log');
		writeFileSync(startsFile, '');
		const wrapper = path.join(binDir, 'ssh');
		writeFileSync(wrapper, [
			'#!/bin/sh',
			`printf '%s\\n' "$*" >> '${startsFile}'`,
			`exec ${ssh} -F '${clientConfig}' "$@"`,
			'',
		].join('\n'));
		chmodSync(wrapper, 0o755);
		return {
			binDir,
			env: (extra = {}) => ({...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, ...extra}),
			starts: () => readFileSync(startsFile, 'utf8').split('\n').filter(Boolean),
		};
	};

	try {
		await waitForBanner(port, () => exited, 15_000);
	} catch (error) {
		child.kill('SIGKILL');
		const log = readFileSync(logFile, 'utf8');
		rmSync(dir, {recursive: true, force: true});
		throw new Error(`${(error as Error).message}; its log:\n${log}`, {cause: error});
	}

	return {
		port,
		url: `ssh://root@127.0.0.1:${port}`,
		noDockerPort,
		dir,
		client,
		logins: () => (readFileSync(logFile, 'utf8').match(/^Accepted publickey for /gm) ?? []).length,
		log: () => readFileSync(logFile, 'utf8'),
		async stop() {
			// Each connection has an sshd process of its own, a child of the listener: end them too.
			const children = spawnSync('pgrep', ['-P', String(child.pid)], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number);
			for (const pid of children) {
				try {
					process.kill(pid, 'SIGTERM');
				} catch {
					// Gone already.
				}
			}
			if (!exited) {
				child.kill('SIGTERM');
				await Promise.race([exit, new Promise(resolve => {
					setTimeout(resolve, 5000);
				})]);
				if (!exited) child.kill('SIGKILL');
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
