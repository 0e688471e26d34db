/**
 * `docker cp CONTAINER:PATH HOSTDIR` in one read of the engine's archive (dockerode's Container
 * getArchive, loaded on first use): checked and written as it comes by the safe extractor
 * (source/engine/archive/safe-extract.ts), which refuses what may not be written and asks about what
 * exists only once the archive was read. A copy that cannot finish took back everything it wrote;
 * its rejection says how far it got and that nothing stays.
 */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import {ArchiveError} from '../archive/archive-error.js';
import {AbandonedCopy, unpackSafely} from '../archive/safe-extract.js';
import {formatBytes} from '../io/bytes.js';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {toEngineError} from '../transport/errors.js';
import {EngineError, type CopyOutOptions, type CopyOutResult, type WrittenEntry} from '../types.js';
import {cancelled} from '../transport/stream-request.js';

async function containerOf(client: ApiClient, id: string): Promise<Dockerode.Container> {
	return client.docker.getContainer(pathPart(id));
}

/** Go's os.FileMode bits for a directory and a symbolic link. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

/** The size of what the archive holds when it is one regular file (X-Docker-Container-Path-Stat), else undefined. */
export function singleFileSize(header: string | string[] | undefined): number | undefined {
	if (typeof header !== 'string') return undefined;
	try {
		const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {size?: unknown; mode?: unknown};
		if (typeof stat.size !== 'number' || typeof stat.mode !== 'number') return undefined;
		const mode = stat.mode >>> 0;
		return mode >= MODE_DIR || (mode & MODE_SYMLINK) !== 0 ? undefined : stat.size;
	} catch {
		return undefined;
	}
}

function counts(written: WrittenEntry[]): {files: number; directories: number; symlinks: number; bytes: number} {
	let files = 0;
	let directories = 0;
	let symlinks = 0;
	let bytes = 0;
	for (const entry of written) {
		if (entry.kind === 'directory') directories++;
		else if (entry.kind === 'symlink') symlinks++;
		else files++;
		bytes += entry.bytes;
	}

	return {files, directories, symlinks, bytes};
}

/** What an abandoned copy did, in words: how far it got, and that nothing it wrote stays. */
function abandonedText(error: AbandonedCopy): string {
	const where = error.progress.current ? `, in ${error.progress.current}` : '';
	const gone = error.removed > 0 ? ` (what it had written was removed: ${error.removed === 1 ? '1 file or directory' : `${error.removed} files and directories`})` : '';
	const left = error.left.length > 0 ? `; could not remove ${error.left.slice(0, 5).join(', ')}${error.left.length > 5 ? `, and ${error.left.length - 5} more` : ''}` : '';
	return `after ${formatBytes(error.progress.bytes)}${where}: nothing was copied${gone}${left}`;
}

function failure(error: unknown, client: ApiClient, signal?: AbortSignal): EngineError {
	if (error instanceof AbandonedCopy) {
		const what = abandonedText(error);
		if (error.why === 'cancelled' || signal?.aborted) return new EngineError('aborted', `Cancelled ${what}`, {cause: error});
		const cause = error.cause;
		if (cause instanceof ArchiveError) return new EngineError('bad-request', `${cause.message}; stopped ${what}`, {cause: error});
		const engine = toEngineError(cause, client.endpoint);
		if (engine.code === 'interrupted') return new EngineError('interrupted', `The connection to the engine dropped ${what}`, {cause: error});
		return new EngineError(engine.code, `${engine.message}; stopped ${what}`, {statusCode: engine.statusCode, cause: error});
	}

	if (signal?.aborted) return cancelled(error);
	if (error instanceof ArchiveError) return new EngineError('bad-request', error.message, {cause: error});
	return toEngineError(error, client.endpoint);
}

export async function copyFromContainer(client: ApiClient, id: string, containerPath: string, hostDir: string, options: CopyOutOptions = {}, signal?: AbortSignal): Promise<CopyOutResult> {
	const container = await containerOf(client, id);
	let archive: IncomingMessage;
	try {
		archive = (await container.getArchive({path: containerPath, abortSignal: signal} as {path: string})) as unknown as IncomingMessage;
	} catch (error) {
		throw failure(error, client, signal);
	}

	const total = singleFileSize(archive.headers['x-docker-container-path-stat']);
	const {onConflicts, onProgress} = options;
	try {
		const outcome = await unpackSafely(archive, hostDir, {
			signal,
			onConflicts: onConflicts && (async conflicts => ((await onConflicts(conflicts)) ? 'replace' : 'abandon')),
			onProgress: onProgress && (progress => onProgress({...progress, ...(total !== undefined && {total})})),
		});
		return {
			destination: outcome.destination,
			written: outcome.written,
			...counts(outcome.written),
			replaced: outcome.replaced,
			refused: outcome.refused,
			...(outcome.declined && {declined: outcome.declined}),
			...(outcome.left && {left: outcome.left}),
		};
	} catch (error) {
		archive.destroy();
		throw failure(error, client, signal);
	}
}
