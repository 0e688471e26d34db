/**
 * ssh endpoints: http.Agents whose connections are `ssh … docker system dial-stdio` sessions
 * (ssh-connector.ts starts them, through berth's ControlMaster when it has one), so that
 * ~/.ssh/config, agents and ControlMaster apply (docker-modem's own ssh2 transport ignores them).
 *
 * Two agents per endpoint (api-client.ts picks): one for short requests (lists, inspect,
 * version, one-shot stats), with a few kept-alive connections that every such request shares —
 * one-shot stats apart, so that lists never wait behind them; and one for what holds a
 * connection for long (events, logs, stats streams, exec, attach, actions), unbounded. Each
 * connection is one ssh session on the server, which allows only so many per login.
 */
import http from 'node:http';
import type net from 'node:net';
import {Duplex} from 'node:stream';
import type {SshConnector, SshSession} from './ssh-connector.js';

/** Kept-alive connections for short requests, and as many again for one-shot stats. */
export const shortSockets = 3;

/** An agent whose connections are dial-stdio sessions of `connector`. */
export class SshDialAgent extends http.Agent {
	constructor(private readonly connector: SshConnector, private readonly kind: 'short' | 'long') {
		super(kind === 'short' ? {keepAlive: true, maxSockets: shortSockets} : {keepAlive: true, maxFreeSockets: 1});
	}

	/**
	 * Short requests: one-shot stats (about a second each at the engine) in a pool of their own.
	 * http.Agent hides the request's path from getName (its own options set path to null), so
	 * addRequest passes the pool along.
	 */
	addRequest(request: http.ClientRequest, options: http.ClientRequestArgs): void {
		const pool = this.kind === 'short' && request.path.includes('/stats') ? 'stats' : '';
		(http.Agent.prototype as unknown as {addRequest(r: http.ClientRequest, o: object): void}).addRequest.call(this, request, {...options, berthPool: pool});
	}

	override getName(options?: Parameters<http.Agent['getName']>[0]): string {
		const name = super.getName(options);
		return (options as {berthPool?: string} | undefined)?.berthPool ? `${name}:stats` : name;
	}

	override createConnection(): Duplex {
		return new ChildProcessSocket(this.connector.open());
	}
}

/**
 * A dial-stdio process's stdin/stdout as a socket-like Duplex for http.Agent. The process starts
 * asynchronously (berth's master may have to log in first): writes wait for it.
 */
export class ChildProcessSocket extends Duplex {
	private session: SshSession | undefined;
	private receivedData = false;
	private stderr = '';
	private referenced = true;
	private readonly waiting: Array<() => void> = [];

	constructor(opening: Promise<SshSession>) {
		super();
		opening.then(
			session => {
				if (this.destroyed) {
					session.child.kill();
					return;
				}
				this.attach(session);
			},
			(error: unknown) => {
				if (!this.destroyed) this.destroy(error instanceof Error ? error : new Error(String(error)));
			},
		);
	}

	private attach(session: SshSession): void {
		this.session = session;
		const {child} = session;
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
			this.destroy(session.failure(error.code === 'ENOENT' ? 'ssh: not installed' : error.message, null));
		});
		child.on('close', (code: number | null) => {
			if (this.destroyed) return;
			if (!this.receivedData && code !== 0) {
				this.destroy(session.failure(this.stderr, code));
				return;
			}

			this.push(null);
			this.end();
		});
		this.once('end', () => {
			if (!this.destroyed) this.destroy();
		});
		if (!this.referenced) this.unref();
		for (const resume of this.waiting.splice(0)) resume();
	}

	/** Runs `action` once the process is there. */
	private whenReady(action: () => void): void {
		if (this.session) action();
		else this.waiting.push(action);
	}

	override _read(): void {
		this.session?.child.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.whenReady(() => {
			const {stdin} = this.session!.child;
			if (stdin.destroyed) {
				callback();
				return;
			}

			stdin.write(chunk, () => callback());
		});
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.whenReady(() => {
			const {stdin} = this.session!.child;
			if (stdin.destroyed || stdin.writableFinished) {
				callback();
				return;
			}

			stdin.end(() => callback());
		});
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		const child = this.session?.child;
		if (child && child.exitCode === null && child.signalCode === null) child.kill();
		// Writes still waiting for a process that will never come.
		this.waiting.length = 0;
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
		this.referenced = true;
		const child = this.session?.child;
		if (!child) return this;
		child.ref();
		for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as net.Socket).ref?.();
		return this;
	}

	unref(): this {
		this.referenced = false;
		const child = this.session?.child;
		if (!child) return this;
		child.unref();
		for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as net.Socket).unref?.();
		return this;
	}
}
