/**
 * `docker cp`, both ways, on dockerode's Container (getArchive / putArchive; loaded on first use
 * with the tar packages it brings): out of a container through the safe extractor
 * (source/archive/safe-extract.ts), into one with exactly the named host path packed
 * (source/archive/pack-path.ts).
 */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import {ArchiveError} from '../../archive/archive-error.js';
import {packPath} from '../../archive/pack-path.js';
import {unpackSafely, type UnpackOutcome} from '../../archive/safe-extract.js';
import type {ApiClient} from '../transport/api-client.js';
import {toEngineError} from '../transport/errors.js';
import {EngineError, type CopyInResult, type CopyOutOptions, type CopyOutResult, type CopyPlan} from '../types.js';
import {cancelled} from './request.js';

async function containerOf(client: ApiClient, id: string): Promise<Dockerode.Container> {
	return client.docker.getContainer(id);
}

async function archiveOf(client: ApiClient, id: string, containerPath: string, signal?: AbortSignal): Promise<IncomingMessage> {
	const container = await containerOf(client, id);
	try {
		return (await container.getArchive({path: containerPath, abortSignal: signal} as {path: string})) as unknown as IncomingMessage;
	} catch (error) {
		if (signal?.aborted) throw cancelled(error);
		throw toEngineError(error, client.endpoint);
	}
}

function mapFailure(error: unknown, client: ApiClient, signal?: AbortSignal): EngineError {
	if (signal?.aborted) return cancelled(error);
	if (error instanceof ArchiveError) return new EngineError('bad-request', error.message, {cause: error});
	return toEngineError(error, client.endpoint);
}

async function unpack(client: ApiClient, id: string, containerPath: string, hostDir: string, options: {overwrite?: boolean; dryRun: boolean}, signal?: AbortSignal): Promise<UnpackOutcome> {
	const archive = await archiveOf(client, id, containerPath, signal);
	try {
		return await unpackSafely(archive, hostDir, options);
	} catch (error) {
		archive.destroy();
		throw mapFailure(error, client, signal);
	}
}

function counts(outcome: UnpackOutcome): {files: number; directories: number; symlinks: number; bytes: number} {
	let files = 0;
	let directories = 0;
	let symlinks = 0;
	let bytes = 0;
	for (const entry of outcome.written) {
		if (entry.kind === 'directory') directories++;
		else if (entry.kind === 'symlink') symlinks++;
		else files++;
		bytes += entry.bytes;
	}

	return {files, directories, symlinks, bytes};
}

export async function planCopyFromContainer(client: ApiClient, id: string, containerPath: string, hostDir: string): Promise<CopyPlan> {
	const outcome = await unpack(client, id, containerPath, hostDir, {overwrite: true, dryRun: true});
	return {destination: outcome.destination, ...counts(outcome), conflicts: outcome.conflicts, refused: outcome.refused};
}

export async function copyFromContainer(client: ApiClient, id: string, containerPath: string, hostDir: string, options: CopyOutOptions = {}, signal?: AbortSignal): Promise<CopyOutResult> {
	const outcome = await unpack(client, id, containerPath, hostDir, {overwrite: options.overwrite === true, dryRun: false}, signal);
	return {destination: outcome.destination, written: outcome.written, ...counts(outcome), kept: outcome.kept, refused: outcome.refused};
}

export async function copyToContainer(client: ApiClient, id: string, hostPath: string, containerDir: string, signal?: AbortSignal): Promise<CopyInResult> {
	let packed;
	try {
		packed = await packPath(hostPath);
	} catch (error) {
		throw mapFailure(error, client, signal);
	}

	let packError: unknown;
	packed.done.catch((error: unknown) => {
		packError = error;
	});
	const container = await containerOf(client, id);
	try {
		await container.putArchive(packed.stream, {path: containerDir, noOverwriteDirNonDir: true, abortSignal: signal} as {path: string});
	} catch (error) {
		throw mapFailure(packError ?? error, client, signal);
	}

	return packed.done.catch((error: unknown) => {
		throw mapFailure(error, client, signal);
	});
}
