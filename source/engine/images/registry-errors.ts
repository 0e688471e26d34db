/**
 * Registry failures, whether the engine answers them with an HTTP error (pull, login) or inside
 * a 200 stream (push): the registry's own message, kept verbatim, and a code the UI can act on.
 * 'unauthorized' means "ask for credentials": no credentials, wrong ones, or a registry that
 * denies access and says a login may help.
 */
import {EngineError, type EngineErrorCode} from '../types.js';

const unauthorized = /no basic auth credentials|unauthorized|authentication required|incorrect username or password|requested access to the resource is denied|may require 'docker login'|\b401\b/i;
const missing = /manifest unknown|not found|name unknown|repository does not exist|no such image|does not exist locally/i;

/** The code for a registry's message: unauthorized, not-found, or `fallback`. */
export function registryCode(message: string, fallback: EngineErrorCode): EngineErrorCode {
	if (unauthorized.test(message)) return 'unauthorized';
	if (missing.test(message)) return 'not-found';
	return fallback;
}

/** An error message that arrived inside the engine's stream. */
export function registryStreamError(message: string): EngineError {
	return new EngineError(registryCode(message, 'server'), message);
}

/** An EngineError from an HTTP answer, recoded when it is a registry's refusal (pull answers 500 for "unauthorized"). */
export function asRegistryError(error: EngineError): EngineError {
	if (error.code !== 'server' && error.code !== 'not-found' && error.code !== 'unknown') return error;
	const code = registryCode(error.message, error.code);
	if (code === error.code) return error;
	return new EngineError(code, error.message, {statusCode: error.statusCode, cause: error});
}
