/**
 * `docker cp HOSTPATH CONTAINER:DIR`: exactly the named host path packed (source/engine/archive/
 * pack-path.ts) and sent as PUT /containers/{id}/archive, with its progress against the bytes
 * counted first.
 *
 * The engine writes each entry as it arrives and keeps what it got when an upload stops part-way
 * (dockerd 20.10: a file cut off at 50 MB of 200 MB stays, under its name). So a cancel does not
 * cut the connection: it ends the upload where it is, cleanly, so that every entry before the
 * current one arrives whole; a tar cursor on the bytes sent says which entry that current one is;
 * once the engine answered (it reports the early end), berth removes that one file with
 * `rm -f` in the container (which needs it running and having rm), and the rejection says what
 * the container keeps and what happened to the file cut short.
 */
import path from 'node:path';
import {Transform} from 'node:stream';
import {ArchiveError} from '../archive/archive-error.js';
import {packPath, type PackedPath} from '../archive/pack-path.js';
import {TarCursor} from '../archive/tar-cursor.js';
import {formatBytes} from '../io/bytes.js';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {toEngineError} from '../transport/errors.js';
import {execCapture} from './exec.js';
import {EngineError, type CopyInOptions, type CopyInResult, type CopyProgress} from '../types.js';
import {cancelled, openRequest} from '../transport/stream-request.js';

/** How long the engine may take to answer an upload ended early before the connection is cut. */
const CUT_SHORT_ANSWER_MS = 15_000;

function entries(count: number): string {
	return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/** After a cancel took effect: what the container keeps, and the file cut short removed (or why not). */
async function cutShort(client: ApiClient, id: string, containerDir: string, packed: PackedPath, cursor: TarCursor, progress: CopyProgress, answered: boolean): Promise<EngineError> {
	const sent = `after ${formatBytes(progress.bytes)} of ${formatBytes(packed.total)}: the container keeps the ${entries(cursor.complete)} sent whole`;
	const partial = cursor.inside ? packed.entries[cursor.complete] : undefined;
	if (!partial || partial.type !== 'file') return new EngineError('aborted', `Cancelled ${sent}`);
	const target = path.posix.join(containerDir, partial.name);
	if (!answered) return new EngineError('aborted', `Cancelled ${sent}; the engine did not answer, so ${target} may be there cut short`);
	let removal: string;
	try {
		const result = await execCapture(client, id, ['rm', '-f', '--', target], client.actionTimeoutMs);
		removal = result.exitCode === 0 ? `${target}, cut short, was removed` : `${target} is there cut short (rm in the container said: ${(result.stderr || result.stdout).trim() || `exit ${result.exitCode}`})`;
	} catch (error) {
		removal = `${target} is there cut short (berth could not remove it: ${error instanceof Error ? error.message : String(error)})`;
	}

	return new EngineError('aborted', `Cancelled ${sent}; ${removal}`);
}

export async function copyToContainer(client: ApiClient, id: string, hostPath: string, containerDir: string, options: CopyInOptions = {}, signal?: AbortSignal): Promise<CopyInResult> {
	if (signal?.aborted) throw cancelled();
	let progress: CopyProgress = {bytes: 0, entries: 0};
	let packed: PackedPath;
	try {
		packed = await packPath(hostPath, now => {
			progress = now;
			options.onProgress?.(now);
		});
	} catch (error) {
		throw error instanceof ArchiveError ? new EngineError('bad-request', error.message, {cause: error}) : toEngineError(error, client.endpoint);
	}

	let packError: unknown;
	let packedAll = false;
	packed.done.then(
		() => {
			packedAll = true;
		},
		(error: unknown) => {
			packError = error;
		},
	);
	// What goes through here reaches the engine, in order, even when the upload is ended early.
	const cursor = new TarCursor();
	const gate = new Transform({
		transform(chunk: Buffer, _encoding, next) {
			cursor.push(chunk);
			next(null, chunk);
		},
	});
	packed.stream.pipe(gate);
	const hard = new AbortController();
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	const stop = () => {
		stopped = true;
		packed.stream.unpipe(gate);
		(packed.stream as unknown as {destroy(): void}).destroy();
		gate.end();
		timer = setTimeout(() => hard.abort(), CUT_SHORT_ANSWER_MS);
	};
	signal?.addEventListener('abort', stop, {once: true});
	try {
		const response = await openRequest(client, {
			method: 'PUT',
			path: `/containers/${pathPart(id)}/archive`,
			query: {path: containerDir, noOverwriteDirNonDir: true},
			headers: {'Content-Type': 'application/x-tar'},
			file: gate,
			signal: hard.signal,
		});
		response.resume();
		// Ended early at an entry's edge, the engine sees a shorter archive and answers OK.
		if (stopped && !(packedAll && cursor.complete === packed.entries.length)) throw await cutShort(client, id, containerDir, packed, cursor, progress, true);
		return await packed.done;
	} catch (error) {
		if (error instanceof EngineError && error.code === 'aborted' && !hard.signal.aborted) throw error;
		if (stopped) throw await cutShort(client, id, containerDir, packed, cursor, progress, !hard.signal.aborted);
		if (packError instanceof ArchiveError) throw new EngineError('bad-request', packError.message, {cause: packError});
		const failure = toEngineError(error, client.endpoint);
		const partial = cursor.inside ? packed.entries[cursor.complete] : undefined;
		if (failure.code === 'interrupted' && partial) {
			throw new EngineError('interrupted', `The connection to the engine dropped while ${path.posix.join(containerDir, partial.name)} was being sent: the container may hold part of it`, {cause: failure});
		}

		throw failure;
	} finally {
		signal?.removeEventListener('abort', stop);
		clearTimeout(timer);
	}
}
