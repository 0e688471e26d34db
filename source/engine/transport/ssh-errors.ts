/**
 * Why `ssh … docker system dial-stdio` (or berth's ssh master) failed, in plain words, from what
 * ssh and the remote side wrote on stderr and the exit status. ssh exits 255 for its own
 * failures; anything else is the remote command's status (127: the shell found no `docker`).
 * The remote docker CLI's complaints are recognised before ssh's own, since both can say
 * "permission denied".
 */
import type {SshTarget} from './endpoint.js';
import {EngineError, type UnreachableReason} from '../types.js';

/** How the user would name the target: `root@127.0.0.1:2222`, and the ssh command that reaches it. */
export function sshNames(target: SshTarget): {where: string; command: string} {
	const user = target.user ? `${target.user}@` : '';
	const where = `${user}${target.host}${target.port ? `:${target.port}` : ''}`;
	const command = `ssh ${target.port ? `-p ${target.port} ` : ''}${user}${target.host}`;
	return {where, command};
}

/** The last lines of stderr worth showing: noise from remote login scripts and ssh warnings dropped. */
function detailOf(stderr: string): string {
	const lines = stderr.split(/\r?\n/).map(line => line.trim()).filter(line => line && !/^warning: permanently added/i.test(line));
	return lines.at(-1) ?? '';
}

interface Rule {
	test: (text: string, exitCode: number | null) => boolean;
	reason: UnreachableReason;
	message: (names: {where: string; command: string}, detail: string, timeoutS: number) => string;
}

const rules: Rule[] = [
	{
		test: text => /remote host identification has changed|host key for .* has changed/i.test(text),
		reason: 'permission',
		message: n => `The host key of ${n.where} has changed since it was accepted: the server was reinstalled, or someone is in between — check with its admin, then remove the old key (ssh-keygen -R) and connect once with ${n.command}`,
	},
	{
		test: text => /host key verification failed|no \S+ host key is known for|host key is not known/i.test(text),
		reason: 'permission',
		message: n => `The host key of ${n.where} is not known: connect once with ${n.command} to check and accept it, then berth can use it`,
	},
	{
		test: (text, code) => code === 127 || /\bdocker: (command )?not found|\bdocker: no such file/i.test(text),
		reason: 'other',
		message: (n, detail) => `${n.where} has no docker command (${detail || 'docker: command not found'}) — install the docker CLI there, or put it on the PATH that ssh sessions get: ${n.command} docker version must work`,
	},
	{
		test: text => /permission denied while trying to connect to the docker daemon/i.test(text),
		reason: 'permission',
		message: n => `The ssh user on ${n.where} may not use docker (permission denied on the engine's socket there) — add that user to the docker group on ${n.where}, or connect as another user`,
	},
	{
		test: text => /cannot connect to the docker daemon|is the docker daemon running/i.test(text),
		reason: 'refused',
		message: (n, detail) => `ssh to ${n.where} works, but docker there cannot reach its engine (${detail}) — is the Docker daemon running on ${n.where}?`,
	},
	{
		test: text => /permission denied \(|too many authentication failures|no supported authentication methods|authentication failed/i.test(text),
		reason: 'permission',
		message: (n, detail) => `${n.where} refused the ssh login (${detail}) — berth cannot answer prompts: ${n.command} must log in without asking (load the key with ssh-add, or name it with IdentityFile in ~/.ssh/config)`,
	},
	{
		test: text => /could not resolve hostname|name or service not known|temporary failure in name resolution|nodename nor servname/i.test(text),
		reason: 'dns',
		message: n => `Cannot resolve the host name in ${n.where} — check the address, or its Host entry in ~/.ssh/config`,
	},
	{
		test: text => /connection refused/i.test(text),
		reason: 'refused',
		message: (n, detail) => `Nothing answers ssh at ${n.where} (${detail}) — is sshd running there, and is the port right?`,
	},
	{
		test: text => /timed out/i.test(text),
		reason: 'timeout',
		message: (n, _detail, seconds) => `No answer from ${n.where} within ${seconds} s — check the host name, the port and the network (VPN, firewall)`,
	},
	{
		test: text => /no route to host|network is unreachable|host is down/i.test(text),
		reason: 'other',
		message: (n, detail) => `Cannot reach ${n.where} over the network (${detail}) — check the address and the network`,
	},
	{
		test: text => /connection closed by|connection reset|kex_exchange_identification|broken pipe/i.test(text),
		reason: 'closed',
		message: (n, detail) => `${n.where} closed the ssh connection (${detail}) — is sshd there accepting connections? try ${n.command}`,
	},
];

/** The EngineError for a failed ssh: one line, what happened and what to do. */
export function sshFailure(stderr: string, exitCode: number | null, target: SshTarget, connectTimeoutMs: number): EngineError {
	const names = sshNames(target);
	const detail = detailOf(stderr);
	const seconds = Math.max(1, Math.round(connectTimeoutMs / 1000));
	for (const rule of rules) {
		if (rule.test(stderr, exitCode)) return new EngineError('unreachable', rule.message(names, detail, seconds), {reason: rule.reason});
	}
	const why = detail || (exitCode === null ? 'ssh was stopped' : `ssh exited with status ${exitCode}`);
	return new EngineError('unreachable', `Cannot reach the Docker engine through ssh to ${names.where} (${why}) — ${names.command} docker system dial-stdio must work from this machine`, {reason: 'other'});
}

/** ssh itself could not be started. */
export function sshMissing(error: NodeJS.ErrnoException): EngineError {
	const message = error.code === 'ENOENT' ? 'ssh is not installed: ssh:// endpoints need the OpenSSH client (ssh on PATH)' : `Cannot start ssh: ${error.message}`;
	return new EngineError('unreachable', message, {reason: 'other', cause: error});
}
