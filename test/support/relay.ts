/**
 * A unix-socket relay in front of a real engine's socket, for a host that drops and comes back:
 * `drop()` closes it and every connection through it (as a network cut or a daemon going away
 * would: new connections then find no socket), `restore()` listens again.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Relay {
	/** `unix://…/relay.sock`. */
	readonly host: string;
	drop(): Promise<void>;
	restore(): Promise<void>;
	close(): Promise<void>;
}

/** `onRequest`: each HTTP request line a client sends through the relay ("GET /v1.41/… HTTP/1.1"). */
export async function startRelay(target: string, options: {onRequest?: (line: string) => void} = {}): Promise<Relay> {
	const targetPath = target.replace(/^unix:\/\//, '');
	const dir = mkdtempSync('/tmp/br-');
	const socketPath = path.join(dir, 'relay.sock');
	const open = new Set<net.Socket>();
	let server: net.Server | undefined;

	const listen = async () => {
		const next = net.createServer(client => {
			const upstream = net.connect(targetPath);
			open.add(client);
			open.add(upstream);
			const end = () => {
				client.destroy();
				upstream.destroy();
				open.delete(client);
				open.delete(upstream);
			};
			client.on('error', end).on('close', end);
			upstream.on('error', end).on('close', end);
			if (options.onRequest) {
				client.on('data', (chunk: Buffer) => {
					for (const match of chunk.toString('latin1').matchAll(/^(?:GET|HEAD|POST|PUT|DELETE) \S+ HTTP\/1\.[01]$/gm)) options.onRequest!(match[0]);
				});
			}
			client.pipe(upstream);
			upstream.pipe(client);
		});
		await new Promise<void>((resolve, reject) => {
			next.once('error', reject);
			next.listen(socketPath, resolve);
		});
		server = next;
	};

	const drop = async () => {
		const current = server;
		server = undefined;
		for (const socket of open) socket.destroy();
		open.clear();
		if (current) await new Promise<void>(resolve => {
			current.close(() => resolve());
		});
		rmSync(socketPath, {force: true});
	};

	await listen();
	return {
		host: `unix://${socketPath}`,
		drop,
		restore: listen,
		async close() {
			await drop();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
