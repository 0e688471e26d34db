/**
 * berth's first question to an endpoint is GET /version, which a Docker engine answers whatever
 * state it is in. Any other answer (an HTTP error, a web page, bytes that are not HTTP) means
 * berth cannot use the endpoint: reported as unreachable, saying what answered in plain words,
 * so the unreachable screen explains it instead of "Loading…" forever.
 */
import {notDockerEngine, toEngineError, type ModemErrorShape} from './errors.js';
import {EngineError} from '../types.js';

/** Why GET /version failed, in the user's terms (no `reason`: the message is what to show). */
export function versionFailure(error: unknown, endpoint: string): EngineError {
	const mapped = toEngineError(error, endpoint);
	if (mapped.code === 'interrupted') {
		// Kept 'interrupted': berth asks again at once, and a daemon going away then says why.
		return new EngineError('interrupted', `${endpoint} closed the connection without answering GET /version — is it a Docker engine, and is it running?`, {cause: error});
	}
	const shape = error as ModemErrorShape;
	// Node's HTTP parser: the other end does not speak HTTP (an ssh server, a database, ...).
	if (typeof shape.code === 'string' && shape.code.startsWith('HPE_')) {
		const first = firstLine((error as {rawPacket?: unknown}).rawPacket);
		const hint = first.startsWith('SSH-') ? 'that is an ssh server: use ssh://user@host' : 'is this the right address and port?';
		return notDockerEngine(endpoint, `answered with something that is not HTTP${first ? ` ("${first}")` : ''}`, hint, error);
	}
	const status = mapped.statusCode;
	if (status === undefined) return mapped;
	const body = bodyText(shape.json);
	if (status === 400 && /http request to an https server/i.test(body)) {
		return notDockerEngine(endpoint, 'expects TLS (it answered "Client sent an HTTP request to an HTTPS server")', 'set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use the context that has its certificates', error);
	}
	// A Docker engine's own complaint comes as JSON with a message: keep its words.
	const json = shape.json;
	if (typeof json === 'object' && json !== null && !Buffer.isBuffer(json) && typeof (json as {message?: unknown}).message === 'string') {
		return new EngineError('unreachable', `The Docker engine at ${endpoint} refused GET /version: ${mapped.message}`, {statusCode: status, cause: error});
	}
	return notDockerEngine(endpoint, `answered HTTP ${status}${body ? ` ("${clip(body)}")` : ''} to GET /version`, 'is this the right address and port?', error);
}

/** GET /version answered 200 with `body`: undefined when it is a Docker engine's version, else the error. */
export function checkVersionAnswer(body: unknown, endpoint: string): EngineError | undefined {
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && typeof (body as {ApiVersion?: unknown}).ApiVersion === 'string') return undefined;
	const text = bodyText(body);
	return notDockerEngine(endpoint, `answered GET /version, but not with a Docker engine's version${text ? ` ("${clip(text)}")` : ''}`, 'is this the right address and port?');
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body.trim();
	if (Buffer.isBuffer(body)) return body.toString('utf8').trim();
	if (typeof body === 'object' && body !== null) return JSON.stringify(body);
	return '';
}

/** The first line of some bytes, printable ASCII only, cut to 60 characters. */
function firstLine(bytes: unknown): string {
	const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : typeof bytes === 'string' ? bytes : '';
	return clip(text.split(/\r?\n/)[0] ?? '');
}

function clip(text: string): string {
	const printable = text.replaceAll(/[^\x20-\x7e]/g, '.').replaceAll(/\s+/g, ' ').trim();
	return printable.length > 60 ? `${printable.slice(0, 59)}…` : printable;
}
