/**
 * Stands in for the ssh2 package in the bundle. docker-modem loads ssh2 at start-up (about
 * 55 ms here) for its own ssh transport, which berth never uses: berth reaches ssh:// engines
 * through the system ssh (source/engine/transport/ssh-agent.ts).
 */
export class Client {
	constructor() {
		throw new Error("berth reaches ssh:// engines through the system ssh, not docker-modem's ssh2 transport");
	}
}
