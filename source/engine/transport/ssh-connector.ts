/**
 * The ssh side of an ssh:// endpoint, done the docker CLI's way: every connection to the engine
 * is the system `ssh … -- HOST docker system dial-stdio`, so ~/.ssh/config, agents, ProxyJump
 * and the rest apply as they do for the CLI. What berth adds is one ssh connection for all of
 * them: unless the user's own config already multiplexes (a ControlPath, found with `ssh -G`),
 * berth starts an OpenSSH ControlMaster of its own (socket in a private 0700 directory) and each
 * dial-stdio runs as a session of it — no new TCP connection, key exchange or login per request.
 *
 * - The master is `ssh -o ControlMaster=yes -o ControlPersist=30 -N`: it goes to the background
 *   once logged in (its start exiting 0 is the sign it is ready; failing, its stderr says why)
 *   and ends 30 s after its last session, so a berth killed outright leaves nothing for long.
 *   close() (and the process exiting) ends it at once with `ssh -O exit`.
 * - A server allows 10 sessions per connection by default (sshd's MaxSessions): past that a
 *   second master is started; a session the server refuses falls back, in ssh itself, to a
 *   connection of its own, and that master takes no more than it had.
 * - A master that went away (network, server restart) is replaced at the next connection.
 *
 * Hand-written rather than a library: the ssh2 package (docker-modem's own ssh transport) speaks
 * ssh itself and so ignores ~/.ssh/config, ProxyJump and ControlMaster, which is the point here.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {SshTarget} from './endpoint.js';
import {sshFailure, sshMissing} from './ssh-errors.js';

export interface SshConnectorOptions {
	/** ssh's ConnectTimeout, and the bound for the master's login. */
	connectTimeoutMs: number;
	/** Seconds a master stays after its last session (ControlPersist). Default 30. */
	persistSeconds?: number;
	/** Sessions berth puts on one master before it starts another. Default 10 (sshd's default MaxSessions). */
	sessionsPerMaster?: number;
}

/** One dial-stdio process, and how to give its slot back. */
export interface SshSession {
	child: ChildProcessWithoutNullStreams;
	/** How a failed session is described. */
	failure(stderr: string, exitCode: number | null): Error;
}

interface Master {
	socket: string;
	sessions: number;
	limit: number;
}

const maxMasters = 4;

export class SshConnector {
	private mode: Promise<'master' | 'plain'> | undefined;
	private dir: string | undefined;
	private readonly masters: Master[] = [];
	private starting: Promise<Master> | undefined;
	/** The master's start while it logs in: killed if berth closes meanwhile, so no master is left behind. */
	private startingChild: ChildProcessWithoutNullStreams | undefined;
	private count = 0;
	private closed = false;
	/** ssh processes started, by kind, for tests and the measurement. */
	readonly started = {probe: 0, master: 0, session: 0, plain: 0, control: 0};

	constructor(private readonly target: SshTarget, private readonly options: SshConnectorOptions) {}

	/** Starts one `docker system dial-stdio` on the remote side. Rejects with an EngineError when ssh cannot get there. */
	async open(): Promise<SshSession> {
		if (this.closed) throw new Error('The ssh connection was closed');
		this.mode ??= this.probe().catch((error: unknown) => {
			this.mode = undefined;
			throw error;
		});
		const master = (await this.mode) === 'master' ? await this.masterWithRoom() : undefined;
		if (this.closed) throw new Error('The ssh connection was closed');
		const args = master
			? ['-T', '-o', 'ControlMaster=no', '-o', `ControlPath=${master.socket}`, ...this.common(), '--', this.target.host, 'docker', 'system', 'dial-stdio']
			: ['-T', ...this.common(), '--', this.target.host, 'docker', 'system', 'dial-stdio'];
		const child = this.spawn(args, master ? 'session' : 'plain');
		if (master) {
			master.sessions++;
			child.once('close', () => master.sessions--);
			child.stderr.on('data', (chunk: Buffer) => {
				// The server's MaxSessions is lower than berth thought: ssh carried on with a connection of its own.
				if (chunk.toString('utf8').includes('Session open refused')) master.limit = Math.max(1, master.sessions - 1);
			});
		}
		return {child, failure: (stderr, code) => sshFailure(stderr, code, this.target, this.options.connectTimeoutMs)};
	}

	/** Ends berth's masters and removes their directory; sessions still open end with them. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		live.delete(this);
		this.startingChild?.kill('SIGKILL');
		await this.starting?.catch(() => undefined);
		await Promise.all(this.masters.map(master => new Promise<void>(resolve => {
			const child = this.spawn(this.exitArgs(master), 'control');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			child.once('close', () => {
				clearTimeout(timer);
				resolve();
			});
		})));
		this.masters.length = 0;
		this.removeDir();
	}

	/** close() for the moment the process exits (nothing asynchronous runs then). */
	closeSync(): void {
		if (this.closed) return;
		this.closed = true;
		live.delete(this);
		this.startingChild?.kill('SIGKILL');
		for (const master of this.masters) {
			this.started.control++;
			spawnSync('ssh', this.exitArgs(master), {stdio: 'ignore', timeout: 3000});
		}
		this.masters.length = 0;
		this.removeDir();
	}

	/** BatchMode: berth owns the terminal, so ssh must never prompt on it (it would fail instead). */
	private common(): string[] {
		const args = ['-o', 'BatchMode=yes', '-o', `ConnectTimeout=${Math.max(1, Math.round(this.options.connectTimeoutMs / 1000))}`];
		if (this.target.user) args.push('-l', this.target.user);
		if (this.target.port) args.push('-p', this.target.port);
		return args;
	}

	private exitArgs(master: Master): string[] {
		return ['-o', `ControlPath=${master.socket}`, '-O', 'exit', ...this.common(), '--', this.target.host];
	}

	private spawn(args: string[], kind: keyof SshConnector['started']): ChildProcessWithoutNullStreams {
		this.started[kind]++;
		return spawn('ssh', args, {stdio: ['pipe', 'pipe', 'pipe']});
	}

	/** `ssh -G`: does the user's config multiplex already (a ControlPath)? Then berth leaves it to that. */
	private async probe(): Promise<'master' | 'plain'> {
		const {code, stdout} = await this.run(this.spawn(['-G', ...this.common(), '--', this.target.host], 'probe'), 10_000);
		if (code !== 0) return 'plain';
		const controlPath = /^controlpath (.*)$/m.exec(stdout)?.[1]?.trim();
		return controlPath && controlPath !== 'none' ? 'plain' : 'master';
	}

	/** A live master with a free session, started when there is none. */
	private async masterWithRoom(): Promise<Master | undefined> {
		for (let index = this.masters.length - 1; index >= 0; index--) {
			if (!existsSync(this.masters[index]!.socket)) this.masters.splice(index, 1);
		}
		const free = this.masters.find(master => master.sessions < master.limit);
		if (free) return free;
		if (this.masters.length >= maxMasters) return this.masters.reduce((a, b) => (a.sessions <= b.sessions ? a : b));
		this.starting ??= this.startMaster().finally(() => {
			this.starting = undefined;
		});
		const master = await this.starting;
		// Another open() may have taken the last slot meanwhile: ssh falls back by itself then.
		return (await this.mode) === 'master' ? master : undefined;
	}

	private async startMaster(): Promise<Master> {
		this.dir ??= makeDir();
		watchExit(this);
		const socket = path.join(this.dir, `m${++this.count}`);
		const persist = this.options.persistSeconds ?? 30;
		const child = this.spawn([
			'-o', 'ControlMaster=yes', '-o', `ControlPath=${socket}`, '-o', `ControlPersist=${persist}`,
			// A dead network is noticed in about 30 s rather than at TCP's pace.
			'-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3',
			'-N', '-T', ...this.common(), '--', this.target.host,
		], 'master');
		this.startingChild = child;
		const {code, stderr} = await this.run(child, this.options.connectTimeoutMs + 20_000).finally(() => {
			this.startingChild = undefined;
		});
		if (this.closed) {
			// Closed while it logged in: end it if it got as far as the background.
			if (code === 0 && existsSync(socket)) spawnSync('ssh', ['-o', `ControlPath=${socket}`, '-O', 'exit', ...this.common(), '--', this.target.host], {stdio: 'ignore', timeout: 3000});
			throw new Error('The ssh connection was closed');
		}
		if (code !== 0) throw sshFailure(stderr, code, this.target, this.options.connectTimeoutMs);
		const master: Master = {socket, sessions: 0, limit: this.options.sessionsPerMaster ?? 10};
		if (!existsSync(socket)) {
			// An ssh that does not multiplex (or a stand-in): plain connections from now on.
			this.mode = Promise.resolve('plain');
			return master;
		}
		this.masters.push(master);
		return master;
	}

	/** Waits for a short ssh (the probe, the master's start) to end; kills it after `timeoutMs`. */
	private async run(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<{code: number | null; stdout: string; stderr: string}> {
		return new Promise((resolve, reject) => {
			let stdout = '';
			let stderr = '';
			child.stdin.end();
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString('utf8');
			});
			child.stderr.on('data', (chunk: Buffer) => {
				stderr = (stderr + chunk.toString('utf8')).slice(-4000);
			});
			const timer = setTimeout(() => {
				stderr += '\nConnection timed out (no login within the time limit)';
				child.kill('SIGKILL');
			}, timeoutMs);
			child.once('error', (error: NodeJS.ErrnoException) => {
				clearTimeout(timer);
				reject(sshMissing(error));
			});
			child.once('close', code => {
				clearTimeout(timer);
				resolve({code, stdout, stderr});
			});
		});
	}

	private removeDir(): void {
		if (this.dir) rmSync(this.dir, {recursive: true, force: true});
		this.dir = undefined;
	}
}

/** Connectors with masters, ended when the process exits (one listener for all of them). */
const live = new Set<SshConnector>();
let exitHooked = false;

function watchExit(connector: SshConnector): void {
	live.add(connector);
	if (exitHooked) return;
	exitHooked = true;
	process.once('exit', () => {
		for (const each of live) each.closeSync();
	});
}

/** A private directory for the control sockets, short enough for a unix socket path. */
function makeDir(): string {
	const base = os.tmpdir().length <= 80 ? os.tmpdir() : '/tmp';
	// mkdtemp makes it 0700: only this user can reach the sockets.
	return mkdtempSync(path.join(base, 'berth-ssh-'));
}
