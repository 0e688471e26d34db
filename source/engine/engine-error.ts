/** The one error every engine call rejects with, and the build failure that extends it. */
import type {BuildStep} from './images/types.js';

/** Why the engine could not be reached, in the user's terms. */
export type UnreachableReason =
	| 'no-socket'
	| 'permission'
	| 'refused'
	| 'timeout'
	| 'dns'
	| 'tls'
	| 'closed'
	| 'other';

export type EngineErrorCode =
	/** No connection to the engine at all. */
	| 'unreachable'
	/** 404: the container or image is gone. */
	| 'not-found'
	/** 409: e.g. rm of a running container, rmi of an image in use, name in use. */
	| 'conflict'
	/** 304: already started / already stopped. */
	| 'not-modified'
	/** 400: bad parameter (invalid reference, ...). */
	| 'bad-request'
	/** 403: the engine will not, whatever the state (remove a predefined network). */
	| 'forbidden'
	/** 500 and other server-side failures. */
	| 'server'
	/** The call was aborted by berth (selection changed, shutting down). */
	| 'aborted'
	/** The connection dropped mid-request: the action's outcome on the engine is unknown. */
	| 'interrupted'
	/** A registry refused: no or wrong credentials (pull, push, login). */
	| 'unauthorized'
	| 'unknown';

/** A failure of an engine call, with the engine's own message kept verbatim (untrusted). */
export class EngineError extends Error {
	readonly code: EngineErrorCode;
	readonly statusCode?: number;
	readonly reason?: UnreachableReason;

	constructor(
		code: EngineErrorCode,
		message: string,
		options: {statusCode?: number; reason?: UnreachableReason; cause?: unknown} = {},
	) {
		super(message, {cause: options.cause});
		this.name = 'EngineError';
		this.code = code;
		this.statusCode = options.statusCode;
		this.reason = options.reason;
	}
}

/**
 * A build that failed: the engine's message, and the step that failed when the output named it
 * (code 'server' for a failing step, 'bad-request' for a Dockerfile the engine could not parse).
 */
export class BuildError extends EngineError {
	readonly step?: BuildStep;

	constructor(code: EngineErrorCode, message: string, step: BuildStep | undefined, options: {statusCode?: number; cause?: unknown} = {}) {
		super(code, message, options);
		this.name = 'BuildError';
		this.step = step;
	}
}
