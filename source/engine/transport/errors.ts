/**
 * Turns whatever dockerode, docker-modem or Node throws into an EngineError, and says in plain
 * words why an engine could not be reached. No dockerode import: errors are recognised by shape.
 */
import {codeFromCause} from './podman-compat.js';
import {EngineError, type UnreachableReason} from '../types.js';

/** What a docker-modem HTTP error carries besides its message. */
export interface ModemErrorShape {
	statusCode?: unknown;
	json?: unknown;
	reason?: unknown;
	code?: unknown;
	syscall?: unknown;
	library?: unknown;
	name?: unknown;
	message?: unknown;
	cause?: unknown;
}

const tlsCodes = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'CERT_SIGNATURE_FAILURE',
	'HOSTNAME_MISMATCH',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const unreachableCodes: Record<string, UnreachableReason> = {
	ENOENT: 'no-socket',
	ENOTDIR: 'no-socket',
	EACCES: 'permission',
	EPERM: 'permission',
	ECONNREFUSED: 'refused',
	ETIMEDOUT: 'timeout',
	ESOCKETTIMEDOUT: 'timeout',
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	EAI_NONAME: 'dns',
	ENETUNREACH: 'other',
	EHOSTUNREACH: 'other',
	EHOSTDOWN: 'other',
	EADDRNOTAVAIL: 'other',
};

const interruptedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);

/**
 * Maps any thrown value to an EngineError. An EngineError passes through unchanged. `endpoint`
 * (the URL or description in use) lets unreachable errors say where berth tried to connect.
 */
export function toEngineError(error: unknown, endpoint?: string): EngineError {
	if (error instanceof EngineError) return error;
	const shape: ModemErrorShape = typeof error === 'object' && error !== null ? (error as ModemErrorShape) : {message: String(error)};

	const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
	if (status !== undefined) return fromStatus(status, shape, error);

	if (isTimeout(shape)) return unreachable('timeout', endpoint, error);
	if (isAbort(shape)) return new EngineError('aborted', 'Cancelled', {cause: error});

	const code = typeof shape.code === 'string' ? shape.code : undefined;
	const message = typeof shape.message === 'string' ? shape.message : String(error);
	if (isTls(shape, code, message)) {
		// OpenSSL's "wrong version number": what came back was not TLS at all.
		if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) {
			return notDockerEngine(endpoint, 'answered without TLS, though berth is set to use TLS (DOCKER_TLS_VERIFY, DOCKER_TLS or the context)', 'for a plain port unset those; for TLS use the engine\'s TLS port (usually 2376)', error, 'a Docker engine that speaks TLS');
		}
		return unreachable('tls', endpoint, error, message);
	}

	if (code && code in unreachableCodes) {
		// A missing file that is not the socket (say a certificate) is not "no socket".
		const reason = code === 'ENOENT' && typeof shape.syscall === 'string' && shape.syscall !== 'connect' ? 'other' : unreachableCodes[code]!;
		return unreachable(reason, endpoint, error, message);
	}

	if ((code && interruptedCodes.has(code)) || /socket hang up|premature close|other side closed/i.test(message)) {
		return new EngineError(
			'interrupted',
			'The connection to the engine dropped before it answered; the action may or may not have happened',
			{cause: error},
		);
	}

	return new EngineError('unknown', message || 'Unknown error talking to the engine', {cause: error});
}

/** An endpoint that answers, but not as a Docker engine: what answered, and what to check. */
export function notDockerEngine(endpoint: string | undefined, answered: string, hint: string, cause?: unknown, what = 'a Docker engine'): EngineError {
	return new EngineError('unreachable', `${endpoint ?? 'The endpoint'} ${answered}: it does not look like ${what} — ${hint}`, {cause});
}

function fromStatus(status: number, shape: ModemErrorShape, error: unknown): EngineError {
	const message = engineMessage(status, shape);
	// podman answers 500 with a `cause` where dockerd answers 409 or 400 (podman-compat.ts).
	const fromCause = codeFromCause(status, shape.json);
	if (fromCause) return new EngineError(fromCause, message, {statusCode: status, cause: error});
	if (status === 404) return new EngineError('not-found', message, {statusCode: status, cause: error});
	if (status === 409) return new EngineError('conflict', message, {statusCode: status, cause: error});
	if (status === 304) return new EngineError('not-modified', message, {statusCode: status, cause: error});
	if (status === 400) return new EngineError('bad-request', message, {statusCode: status, cause: error});
	if (status === 403) return new EngineError('forbidden', message, {statusCode: status, cause: error});
	if (status >= 500) return new EngineError('server', message, {statusCode: status, cause: error});
	return new EngineError('unknown', message, {statusCode: status, cause: error});
}

/** The engine's own message from the JSON body, verbatim; else docker-modem's text without its prefix. */
function engineMessage(status: number, shape: ModemErrorShape): string {
	const json = shape.json;
	if (typeof json === 'object' && json !== null && !Buffer.isBuffer(json)) {
		const body = json as {message?: unknown};
		if (typeof body.message === 'string' && body.message) return body.message;
	}

	if (typeof json === 'string' && json.trim()) return json.trim();
	if (Buffer.isBuffer(json) && json.length > 0) return json.toString('utf8').trim();

	const raw = typeof shape.message === 'string' ? shape.message : '';
	const stripped = raw.replace(/^\(HTTP code \d+\) .*? - /s, '').trim();
	if (stripped && stripped !== raw.trim()) return stripped;
	if (typeof shape.reason === 'string' && shape.reason !== 'unexpected') return capitalise(shape.reason);
	return raw.trim() || `The engine answered HTTP ${status}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function isAbort(shape: ModemErrorShape): boolean {
	return shape.name === 'AbortError' || shape.code === 'ABORT_ERR';
}

/** An abort caused by AbortSignal.timeout(): the engine did not answer in time. */
function isTimeout(shape: ModemErrorShape): boolean {
	if (shape.name === 'TimeoutError') return true;
	const cause = shape.cause as ModemErrorShape | undefined;
	return isAbort(shape) && typeof cause === 'object' && cause !== null && cause.name === 'TimeoutError';
}

function isTls(shape: ModemErrorShape, code: string | undefined, message: string): boolean {
	if (code && (tlsCodes.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) return true;
	if (typeof shape.library === 'string' && /ssl/i.test(shape.library)) return true;
	return code === 'EPROTO' && /ssl|tls|wrong version number/i.test(message);
}

function unreachable(reason: UnreachableReason, endpoint: string | undefined, error: unknown, detail?: string): EngineError {
	const message = endpoint ? describeUnreachable(reason, endpoint, detail) : (detail ?? `Cannot reach the Docker engine (${reason})`);
	return new EngineError('unreachable', message, {reason, cause: error});
}

/**
 * Classifies the error output of a failed `ssh … docker system dial-stdio` into a reason.
 * The remote docker CLI's own complaints ("Cannot connect to the Docker daemon") count too.
 */
export function sshFailureReason(stderr: string): UnreachableReason {
	if (/could not resolve hostname|name or service not known|nodename nor servname|temporary failure in name resolution/i.test(stderr)) return 'dns';
	if (/connection timed out|operation timed out|timed out/i.test(stderr)) return 'timeout';
	if (/connection refused|cannot connect to the docker daemon/i.test(stderr)) return 'refused';
	if (/permission denied|host key verification failed|too many authentication failures|no supported authentication/i.test(stderr)) return 'permission';
	if (/connection closed|connection reset|broken pipe/i.test(stderr)) return 'closed';
	return 'other';
}

/** Where an endpoint string points: scheme and the socket path or host. */
function target(endpoint: string): {scheme: string; where: string} {
	const url = endpoint.split(' ')[0] ?? endpoint;
	const match = /^([a-z]+):\/\/(.*)$/.exec(url);
	if (!match) return {scheme: '', where: url};
	return {scheme: match[1]!, where: match[2]!};
}

/**
 * One line in plain words: what went wrong reaching `endpoint` and what to do about it.
 * `detail` (the underlying error text) is appended where the reason alone says too little.
 */
export function describeUnreachable(reason: UnreachableReason, endpoint: string, detail?: string): string {
	const {scheme, where} = target(endpoint);
	const suffix = detail ? ` (${detail.split('\n')[0]!.trim()})` : '';
	if (scheme === 'ssh') return describeSsh(reason, where, endpoint, suffix);

	const tcp = scheme === 'tcp';
	switch (reason) {
		case 'no-socket': {
			return `No Docker socket at ${where} — is the Docker daemon running? Start it, or choose another engine with --host or --context`;
		}

		case 'permission': {
			return `Permission denied on ${where} — add your user to the docker group (sudo usermod -aG docker $USER) and log in again`;
		}

		case 'refused': {
			return tcp
				? `Connection refused by ${where} — is the Docker daemon listening on that address and port?`
				: `Nothing is listening on ${where} — the socket file is there but the Docker daemon is not running; start it`;
		}

		case 'timeout': {
			return `No answer from ${endpoint} in time — check the address, the network (VPN, firewall) and that the daemon is not stuck`;
		}

		case 'dns': {
			return `Cannot resolve the host name in ${endpoint} — check the address in --host, DOCKER_HOST or the context`;
		}

		case 'tls': {
			return `TLS with ${endpoint} failed${suffix} — check the certificates (ca.pem, cert.pem, key.pem in DOCKER_CERT_PATH or the context) and DOCKER_TLS_VERIFY`;
		}

		case 'closed': {
			return `The Docker engine at ${endpoint} closed the connection${suffix} — is it shutting down or restarting?`;
		}

		default: {
			return `Cannot reach the Docker engine at ${endpoint}${suffix}`;
		}
	}
}

function describeSsh(reason: UnreachableReason, where: string, endpoint: string, suffix: string): string {
	switch (reason) {
		case 'permission': {
			return `ssh to ${where} was denied${suffix} — "ssh ${where}" must work without a password prompt (load your key into ssh-agent or set IdentityFile in ~/.ssh/config), and the remote user must be allowed to use docker`;
		}

		case 'refused': {
			return `Connection refused through ${endpoint}${suffix} — is sshd running there, and the Docker daemon on that host?`;
		}

		case 'timeout': {
			return `No answer from ${endpoint} in time${suffix} — check the host name, port and network`;
		}

		case 'dns': {
			return `Cannot resolve the host name in ${endpoint}${suffix} — check the address or ~/.ssh/config`;
		}

		default: {
			return `Cannot reach the Docker engine through ${endpoint}${suffix} — "ssh ${where} docker system dial-stdio" must work from this machine`;
		}
	}
}
