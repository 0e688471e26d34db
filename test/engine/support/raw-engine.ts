/**
 * Hand-written stand-ins for an engine on a unix socket, for failure modes a real engine won't
 * show (connections that drop, answers that are not a Docker engine's).
 */
import net from 'node:net';
import path from 'node:path';

/** A unix-socket server with a hand-written HTTP handler, for failure modes a real engine won't show. */
export async function fakeEngine(dir: string, handle: (request: string, socket: net.Socket) => void): Promise<{address: string; requests: string[]; close: () => Promise<void>}> {
	const file = path.join(dir, `fake-${Math.random().toString(16).slice(2)}.sock`);
	const requests: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let buffered = '';
		socket.on('data', chunk => {
			buffered += chunk.toString('latin1');
			const end = buffered.indexOf('\r\n\r\n');
			if (end === -1) return;
			const request = buffered.slice(0, end);
			buffered = buffered.slice(end + 4);
			requests.push(request.split('\r\n')[0]!);
			handle(request, socket);
		});
	});
	await new Promise<void>(resolve => {
		server.listen(file, resolve);
	});
	return {
		address: `unix://${file}`,
		requests,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => {
				server.close(() => resolve());
			});
		},
	};
}

export function json(socket: net.Socket, body: unknown) {
	const text = JSON.stringify(body);
	socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export const version = {Version: '20.10.24', ApiVersion: '1.41', MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64'};
