/**
 * A bandwidth-capped TCP proxy on 127.0.0.1 (node net, in the bench process): every connection
 * is forwarded byte for byte to `target` ("host:port"), and the bytes of all connections, both
 * directions together, share one token bucket of `bytesPerSecond`. It knows nothing of HTTP, so
 * the registry protocol passes as it is (keep-alive, chunked uploads, redirects to the same
 * address); only its pace changes. A socket whose bytes wait for tokens is paused (TCP back
 * pressure reaches the sender), so the engine's transfer really runs at the cap.
 *
 * 127.0.0.1:PORT is a registry dockerd treats as insecure (plain HTTP) like the registry itself.
 */
import net from 'node:net';

/** The bucket is refilled about this often (ms) and holds at most `burstMs` worth of bytes. */
const tickMs = 10;
const burstMs = 50;

export async function startThrottleProxy(target, {bytesPerSecond}) {
	const [targetHost, targetPort] = target.split(':');
	let rate = bytesPerSecond;
	let tokens = (rate * burstMs) / 1000;
	/** Chunks waiting for tokens, first come first served: {data, to, from}. */
	const queue = [];
	const sockets = new Set();
	const stats = {connections: 0, bytesUp: 0, bytesDown: 0};

	/** A source whose end came: its peer is ended once none of its bytes wait any more. */
	const ended = new Set();
	const drained = from => !queue.some(item => item.from === from);
	const pump = () => {
		while (queue.length > 0) {
			const head = queue[0];
			if (head.to.destroyed) {
				queue.shift();
				continue;
			}
			// A chunk bigger than the bucket goes out in pieces.
			const take = Math.min(head.data.length, Math.floor(tokens));
			if (take <= 0) return;
			tokens -= take;
			head.to.write(head.data.subarray(0, take));
			head.count(take);
			if (take < head.data.length) {
				head.data = head.data.subarray(take);
				continue;
			}
			queue.shift();
			// Its source may read again once nothing of it waits; at its end, the peer is ended.
			if (drained(head.from)) {
				if (ended.has(head.from)) head.to.end();
				else head.from.resume();
			}
		}
	};
	// Refilled by the time that passed (a late timer on a busy machine must not lower the rate).
	let refilledAt = performance.now();
	const timer = setInterval(() => {
		const at = performance.now();
		tokens = Math.min((rate * burstMs) / 1000, tokens + ((rate * (at - refilledAt)) / 1000));
		refilledAt = at;
		pump();
	}, tickMs);

	const forward = (from, to, count) => {
		from.on('data', data => {
			queue.push({data, to, from, count});
			from.pause();
			pump();
		});
		// The registry closes a connection after a response: what it sent still goes out, at
		// the cap, before the engine sees the end (half-open sockets, so nothing is cut short).
		from.on('end', () => {
			ended.add(from);
			if (drained(from)) to.end();
		});
	};

	const server = net.createServer({allowHalfOpen: true}, client => {
		stats.connections++;
		const upstream = net.connect({port: Number(targetPort), host: targetHost, allowHalfOpen: true});
		sockets.add(client);
		sockets.add(upstream);
		const destroy = () => {
			client.destroy();
			upstream.destroy();
		};
		for (const socket of [client, upstream]) {
			socket.on('error', destroy);
			socket.on('close', hadError => {
				sockets.delete(socket);
				ended.delete(socket);
				if (hadError) destroy();
			});
		}
		forward(client, upstream, n => {
			stats.bytesUp += n;
		});
		forward(upstream, client, n => {
			stats.bytesDown += n;
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address();
	return {
		address: `127.0.0.1:${port}`,
		stats: () => ({...stats}),
		/** Changes the cap (bytes per second) from now on. */
		setRate(bytes) {
			rate = bytes;
		},
		async stop() {
			clearInterval(timer);
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(() => resolve()));
		},
	};
}
