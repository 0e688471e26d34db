/** A problem with a file or archive on berth's side (not the engine's): the engine module turns it into an EngineError. */
export class ArchiveError extends Error {
	constructor(message: string, options: {cause?: unknown} = {}) {
		super(message, {cause: options.cause});
		this.name = 'ArchiveError';
	}
}
