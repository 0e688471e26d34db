/**
 * The http.Agent for a unix-socket engine: kept-alive connections, dropped as soon as the socket
 * file they were made to is gone or replaced.
 *
 * A dockerd that gets SIGTERM removes its socket at once but goes on answering on connections
 * already open (and keeps its events stream open) while it stops its containers — 10 s and more
 * (measured here: 11 s with one container that ignores SIGTERM). The docker CLI, which opens a
 * connection per command, fails within 0.5 s; berth, reusing its connections, showed the engine
 * as up all that time. So while connections are open the socket path is checked every
 * `SOCKET_CHECK_MS`, and connections whose socket file has disappeared (or is another file now:
 * a new daemon) are destroyed: the next request connects afresh and fails as "no socket", the
 * events stream ends as interrupted, and berth reports the engine down. Connections taken over
 * for exec and attach have left the agent and are not touched.
 */
import {stat, statSync} from 'node:fs';
import http from 'node:http';
import type {Duplex} from 'node:stream';

/** How often the socket file is checked while connections are open. */
export const SOCKET_CHECK_MS = 250;

export class SocketWatchAgent extends http.Agent {
	/** The socket file (device and inode) each connection was made to. */
	private readonly madeTo = new WeakMap<Duplex, string>();
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly socketPath: string, private readonly checkMs = SOCKET_CHECK_MS) {
		super({keepAlive: true});
	}

	override createConnection(options: http.ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
		const identity = this.identity();
		const socket = super.createConnection(options, callback);
		if (socket && identity !== undefined) {
			this.madeTo.set(socket, identity);
			this.watch();
		}
		return socket;
	}

	/** The socket file's identity now, or undefined when it is not there. */
	private identity(): string | undefined {
		try {
			const info = statSync(this.socketPath);
			return `${info.dev}:${info.ino}`;
		} catch {
			return undefined;
		}
	}

	private watch(): void {
		if (this.timer) return;
		this.timer = setInterval(() => this.check(), this.checkMs);
		this.timer.unref();
	}

	private check(): void {
		if (this.connections().length === 0) {
			clearInterval(this.timer);
			this.timer = undefined;
			return;
		}
		stat(this.socketPath, (error, info) => {
			const now = error ? undefined : `${info.dev}:${info.ino}`;
			for (const socket of this.connections()) {
				const was = this.madeTo.get(socket);
				if (was !== undefined && was !== now) socket.destroy();
			}
		});
	}

	/** Connections in use (requests, streams) and idle kept-alive ones. */
	private connections(): Duplex[] {
		const out: Duplex[] = [];
		for (const pool of [this.sockets, this.freeSockets]) {
			for (const list of Object.values(pool)) if (list) out.push(...(list as Duplex[]));
		}
		return out;
	}
}
