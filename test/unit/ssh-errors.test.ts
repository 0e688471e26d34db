/** The ssh failures the real-sshd tests cannot make happen (test/engine/ssh.test.ts has the others). */
import {describe, expect, it} from 'vitest';
import {sshFailure} from '../../source/engine/transport/ssh-errors.js';

const target = {user: 'deploy', host: 'box.example', port: '2222'};
const of = (stderr: string, code: number | null = 255) => sshFailure(stderr, code, target, 5000);

describe('sshFailure', () => {
	it('a changed host key says so, and how to check it', () => {
		const error = of('@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@\nHost key verification failed.\n');
		expect(error.message).toBe('The host key of deploy@box.example:2222 has changed since it was accepted: the server was reinstalled, or someone is in between — check with its admin, then remove the old key (ssh-keygen -R) and connect once with ssh -p 2222 deploy@box.example');
		expect(error.reason).toBe('permission');
	});

	it('a name that does not resolve, a timeout, no route', () => {
		expect(of('ssh: Could not resolve hostname box.example: Name or service not known').reason).toBe('dns');
		expect(of('ssh: connect to host box.example port 2222: Connection timed out').message).toBe('No answer from deploy@box.example:2222 within 5 s — check the host name, the port and the network (VPN, firewall)');
		expect(of('ssh: connect to host 10.9.9.9 port 2222: No route to host').message).toBe('Cannot reach deploy@box.example:2222 over the network (ssh: connect to host 10.9.9.9 port 2222: No route to host) — check the address and the network');
	});

	it('the remote docker cannot reach its engine, or may not', () => {
		expect(of('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 1).message).toBe('ssh to deploy@box.example:2222 works, but docker there cannot reach its engine (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?) — is the Docker daemon running on deploy@box.example:2222?');
		expect(of('permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied', 1).message).toMatch(/^The ssh user on deploy@box\.example:2222 may not use docker/);
	});

	it('bash\'s words for a missing docker, after noise from login scripts', () => {
		expect(of('some rc file complaint\nbash: line 1: docker: command not found\n', 127).message).toBe('deploy@box.example:2222 has no docker command (bash: line 1: docker: command not found) — install the docker CLI there, or put it on the PATH that ssh sessions get: ssh -p 2222 deploy@box.example docker version must work');
	});

	it('anything else names the last line', () => {
		expect(of('kex_exchange_identification: read: Connection reset by peer').reason).toBe('closed');
		expect(of('something odd happened', 3).message).toBe('Cannot reach the Docker engine through ssh to deploy@box.example:2222 (something odd happened) — ssh -p 2222 deploy@box.example docker system dial-stdio must work from this machine');
	});
});
