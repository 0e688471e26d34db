import {describe, expect, it} from 'vitest';
import {describeUnreachable, sshFailureReason, toEngineError} from '../../source/engine/transport/errors.js';
import {EngineError} from '../../source/engine/types.js';

/** An error shaped like the ones docker-modem builds for non-2xx answers. */
function modemError(statusCode: number, json: unknown, reason = 'unexpected') {
	const message = typeof json === 'object' && json !== null && 'message' in json ? String((json as {message: string}).message) : '';
	return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `), {statusCode, json, reason});
}

function systemError(code: string, syscall = 'connect', message = `${syscall} ${code}`) {
	return Object.assign(new Error(message), {code, syscall});
}

describe('toEngineError: HTTP answers', () => {
	it.each([
		[404, 'not-found'],
		[409, 'conflict'],
		[304, 'not-modified'],
		[403, 'forbidden'],
		[400, 'bad-request'],
		[500, 'server'],
		[503, 'server'],
	] as const)('maps %i to %s', (status, code) => {
		const error = toEngineError(modemError(status, {message: 'engine says so'}));
		expect(error).toBeInstanceOf(EngineError);
		expect(error.code).toBe(code);
		expect(error.statusCode).toBe(status);
	});

	it('keeps the engine message verbatim, without the modem prefix', () => {
		const text = 'You cannot remove a running container 0123abcd. Stop the container before attempting removal or force remove';
		const error = toEngineError(modemError(409, {message: text}));
		expect(error.message).toBe(text);
	});

	it('strips the prefix when there is no JSON body', () => {
		const error = toEngineError(Object.assign(new Error('(HTTP code 500) server error - something broke '), {statusCode: 500, json: null}));
		expect(error.message).toBe('something broke');
	});

	it('falls back to the reason for an empty 304', () => {
		const error = toEngineError(Object.assign(new Error('(HTTP code 304) container already stopped - '), {
			statusCode: 304,
			json: Buffer.alloc(0),
			reason: 'container already stopped',
		}));
		expect(error.code).toBe('not-modified');
		expect(error.message).toBe('Container already stopped');
	});

	it('passes an EngineError through', () => {
		const original = new EngineError('conflict', 'x');
		expect(toEngineError(original)).toBe(original);
	});
});

describe('toEngineError: connection failures', () => {
	it.each([
		['ENOENT', 'no-socket'],
		['EACCES', 'permission'],
		['EPERM', 'permission'],
		['ECONNREFUSED', 'refused'],
		['ETIMEDOUT', 'timeout'],
		['ENOTFOUND', 'dns'],
		['EAI_AGAIN', 'dns'],
	] as const)('maps %s to unreachable/%s', (code, reason) => {
		const error = toEngineError(systemError(code));
		expect(error.code).toBe('unreachable');
		expect(error.reason).toBe(reason);
	});

	it('recognises TLS failures', () => {
		expect(toEngineError(systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'connect', 'self-signed certificate')).reason).toBe('tls');
		// "Wrong version number": the other end does not speak TLS at all (a plain port): said as such.
		expect(toEngineError(systemError('ERR_SSL_WRONG_VERSION_NUMBER'), 'tcp://h:2375')).toMatchObject({code: 'unreachable', reason: undefined, message: expect.stringContaining('tcp://h:2375 answered without TLS')});
		expect(toEngineError(systemError('ERR_TLS_CERT_ALTNAME_INVALID')).reason).toBe('tls');
	});

	it('does not call a missing certificate file a missing socket', () => {
		expect(toEngineError(systemError('ENOENT', 'open')).reason).toBe('other');
	});

	it.each(['ECONNRESET', 'EPIPE'])('maps %s mid-request to interrupted', code => {
		expect(toEngineError(systemError(code, 'read')).code).toBe('interrupted');
	});

	it('maps "socket hang up" to interrupted', () => {
		expect(toEngineError(new Error('socket hang up')).code).toBe('interrupted');
	});

	it('maps an AbortError to aborted, and an abort by timeout to unreachable/timeout', () => {
		const abort = Object.assign(new Error('The operation was aborted'), {name: 'AbortError', code: 'ABORT_ERR'});
		expect(toEngineError(abort).code).toBe('aborted');

		const timeoutReason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
		const byTimeout = Object.assign(new Error('The operation was aborted', {cause: timeoutReason}), {name: 'AbortError', code: 'ABORT_ERR'});
		const mapped = toEngineError(byTimeout, 'tcp://10.0.0.1:2375');
		expect(mapped.code).toBe('unreachable');
		expect(mapped.reason).toBe('timeout');
		expect(mapped.message).toContain('tcp://10.0.0.1:2375');
	});

	it('uses describeUnreachable for the message when the endpoint is known', () => {
		const error = toEngineError(systemError('EACCES'), 'unix:///var/run/docker.sock');
		expect(error.message).toBe(describeUnreachable('permission', 'unix:///var/run/docker.sock'));
	});

	it('maps anything else to unknown, keeping its message', () => {
		const error = toEngineError(new Error('weird'));
		expect(error.code).toBe('unknown');
		expect(error.message).toBe('weird');
		expect(toEngineError('a string').message).toBe('a string');
	});
});

describe('describeUnreachable', () => {
	it('explains a permission problem on the socket with the fix', () => {
		expect(describeUnreachable('permission', 'unix:///var/run/docker.sock')).toBe(
			'Permission denied on /var/run/docker.sock — add your user to the docker group (sudo usermod -aG docker $USER) and log in again',
		);
	});

	it('names the socket path or address and stays on one line', () => {
		const reasons = ['no-socket', 'permission', 'refused', 'timeout', 'dns', 'tls', 'closed', 'other'] as const;
		for (const reason of reasons) {
			for (const endpoint of ['unix:///run/x.sock', 'tcp://h:2376', 'ssh://deploy@box (context prod)']) {
				const text = describeUnreachable(reason, endpoint, 'detail\nsecond line');
				expect(text).not.toContain('\n');
				expect(text).toMatch(/\/run\/x\.sock|h:2376|deploy@box/);
			}
		}
	});

	it('tells refused unix sockets and tcp ports apart', () => {
		expect(describeUnreachable('refused', 'unix:///tmp/d.sock')).toContain('not running');
		expect(describeUnreachable('refused', 'tcp://h:2375')).toContain('h:2375');
	});

	it('gives ssh advice for ssh endpoints', () => {
		expect(describeUnreachable('permission', 'ssh://deploy@box')).toContain('ssh deploy@box');
	});
});

describe('sshFailureReason', () => {
	it.each([
		['ssh: Could not resolve hostname nobox: Name or service not known', 'dns'],
		['ssh: connect to host 10.0.0.9 port 22: Connection timed out', 'timeout'],
		['ssh: connect to host box port 22: Connection refused', 'refused'],
		['deploy@box: Permission denied (publickey).', 'permission'],
		['Host key verification failed.', 'permission'],
		['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'refused'],
		['bash: docker: command not found', 'other'],
	] as const)('%s → %s', (stderr, reason) => {
		expect(sshFailureReason(stderr)).toBe(reason);
	});
});
