/**
 * ssh endpoints: an http.Agent whose connections are the system `ssh … docker system
 * dial-stdio`, so that ~/.ssh/config, agents and ControlMaster apply (docker-modem's own ssh2
 * transport ignores them).
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import http from 'node:http';
import type net from 'node:net';
import {Duplex} from 'node:stream';
import type {SshTarget} from './endpoint.js';
import {describeUnreachable, sshFailureReason} from './errors.js';
import {EngineError} from './types.js';


/** An agent whose connections are `ssh … docker system dial-stdio` processes. */
export class SshDialAgent extends http.Agent {
	constructor(private readonly target: SshTarget, private readonly url: string, private readonly connectTimeoutMs: number) {
		super({keepAlive: true});
	}

	override createConnection(): Duplex {
		const args = ['-T', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${Math.max(1, Math.round(this.connectTimeoutMs / 1000))}`];
		if (this.target.port) args.push('-p', this.target.port);
		args.push('--', this.target.user ? `${this.target.user}@${this.target.host}` : this.target.host, 'docker', 'system', 'dial-stdio');
		const child = spawn('ssh', args, {stdio: ['pipe', 'pipe', 'pipe']});
		return new ChildProcessSocket(child, this.url);
	}
}

/** A child process's stdin/stdout as a socket-like Duplex for http.Agent. */
class ChildProcessSocket extends Duplex {
	private receivedData = false;
	private stderr = '';

	constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly url: string) {
		super();
		child.stdout.on('data', (chunk: Buffer) => {
			this.receivedData = true;
			if (!this.push(chunk)) child.stdout.pause();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
		});
		child.stdin.on('error', () => {
			// EPIPE after the process died; 'close' reports why.
		});
		child.on('error', (error: NodeJS.ErrnoException) => {
			const message = error.code === 'ENOENT' ? 'ssh is not installed (ssh:// endpoints need the ssh client)' : error.message;
			this.destroy(new EngineError('unreachable', describeUnreachable('other', this.url, message), {reason: 'other', cause: error}));
		});
		child.on('close', (code: number | null) => {
			if (this.destroyed) return;
			const detail = this.stderr.trim().split('\n').filter(Boolean).at(-1);
			if (!this.receivedData && code !== 0) {
				const reason = sshFailureReason(this.stderr);
				this.destroy(new EngineError('unreachable', describeUnreachable(reason, this.url, detail ?? `ssh exited with code ${code}`), {reason}));
				return;
			}

			this.push(null);
			this.end();
		});
		this.once('end', () => {
			if (!this.destroyed) this.destroy();
		});
	}

	override _read(): void {
		this.child.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (this.child.stdin.destroyed) {
			callback();
			return;
		}

		this.child.stdin.write(chunk, () => callback());
	}

	override _final(callback: (error?: Error | null) => void): void {
		if (this.child.stdin.destroyed || this.child.stdin.writableFinished) {
			callback();
			return;
		}

		this.child.stdin.end(() => callback());
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
		callback(error);
	}

	// What http.Agent and ClientRequest call on a net.Socket.
	setTimeout(): this {
		return this;
	}

	setNoDelay(): this {
		return this;
	}

	setKeepAlive(): this {
		return this;
	}

	ref(): this {
		this.child.ref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as net.Socket).ref?.();
		return this;
	}

	unref(): this {
		this.child.unref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as net.Socket).unref?.();
		return this;
	}
}
