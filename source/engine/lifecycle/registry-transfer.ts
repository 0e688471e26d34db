/**
 * `docker pull` and `docker push`: POST /images/create and /images/{name}/push with the
 * X-Registry-Auth header, the JSON progress read to its end. An error the engine reports inside
 * the stream (`{"errorDetail": …}`) rejects with the registry's message; so does an error answer
 * before the stream starts (the engine answers a pull's early failures with HTTP 404/500).
 * Credentials not given are looked up as the docker CLI does (credentials.ts).
 *
 * Not dockerode's followProgress: it takes a connection that drops mid-pull for the end of the
 * stream (the pull would look complete) and throws from its data handler on a malformed line.
 */
import {registryOf} from '../../format/image-registry.js';
import type {ApiClient} from '../api-client.js';
import {pathPart} from '../api-client.js';
import {EngineError, type PullOptions, type PullResult, type PushOptions, type PushResult, type RegistryCredentials, type TransferProgress} from '../types.js';
import {contextOf} from './context.js';
import {encodeRegistryAuth, findCredentials} from './credentials.js';
import {TransferTracker} from './progress.js';
import {splitReference} from './reference.js';
import {asRegistryError, registryStreamError} from './registry-errors.js';
import {openRequest, readJsonLines, streamError} from './request.js';

/** The credentials to send; while a credential helper is asked, the progress says which one (it may wait on a keychain). */
async function credentialsFor(client: ApiClient, ref: string, given: RegistryCredentials | undefined, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<RegistryCredentials | undefined> {
	if (given) return given;
	const context = contextOf(client);
	const registry = registryOf(ref);
	const onHelper = (program: string) => onProgress({layers: [], current: 0, total: 0, finished: 0, unsized: 0, status: `Asking ${program} for the credentials of ${registry}…`});
	return (await findCredentials(registry, context.session, context.environment, {signal, onHelper}))?.credentials;
}

async function transfer(
	client: ApiClient,
	direction: 'pull' | 'push',
	request: {path: string; query: Record<string, string | undefined>; auth?: RegistryCredentials},
	onProgress: (progress: TransferProgress) => void,
	onMessage: (message: Record<string, unknown>) => void,
	signal?: AbortSignal,
): Promise<void> {
	let response;
	try {
		response = await openRequest(client, {
			method: 'POST',
			path: request.path,
			query: request.query,
			headers: {'X-Registry-Auth': encodeRegistryAuth(request.auth)},
			signal,
		});
	} catch (error) {
		throw error instanceof EngineError ? asRegistryError(error) : error;
	}

	const tracker = new TransferTracker(direction);
	await readJsonLines(client, response, message => {
		const failure = streamError(message);
		if (failure !== undefined) throw registryStreamError(failure);
		onMessage(message);
		if (tracker.update(message)) onProgress(tracker.snapshot());
	}, signal);
}

export async function pull(client: ApiClient, ref: string, options: PullOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PullResult> {
	const {repository, tag} = splitReference(ref);
	const auth = await credentialsFor(client, ref, options.auth, onProgress, signal);
	const result: PullResult = {ref: tag?.startsWith('sha256:') ? `${repository}@${tag}` : `${repository}:${tag ?? 'latest'}`, upToDate: false};
	await transfer(client, 'pull', {path: '/images/create', query: {fromImage: repository, tag: tag ?? 'latest', platform: options.platform || undefined}, auth}, onProgress, message => {
		const status = typeof message.status === 'string' ? message.status : '';
		const digest = /^Digest: (\S+)/.exec(status);
		if (digest) result.digest = digest[1]!;
		const outcome = /^Status: (Downloaded newer image|Image is up to date) for (.+)$/.exec(status);
		if (outcome) {
			result.upToDate = outcome[1] === 'Image is up to date';
			result.ref = outcome[2]!;
		}
	}, signal);
	return result;
}

export async function push(client: ApiClient, ref: string, options: PushOptions, onProgress: (progress: TransferProgress) => void, signal?: AbortSignal): Promise<PushResult> {
	const {repository, tag = 'latest'} = splitReference(ref);
	const auth = await credentialsFor(client, ref, options.auth, onProgress, signal);
	const result: PushResult = {ref: `${repository}:${tag}`, tag};
	await transfer(client, 'push', {path: `/images/${pathPart(repository)}/push`, query: {tag}, auth}, onProgress, message => {
		const aux = message.aux as {Tag?: unknown; Digest?: unknown; Size?: unknown} | undefined;
		if (typeof aux === 'object' && aux !== null && typeof aux.Digest === 'string') {
			result.digest = aux.Digest;
			if (typeof aux.Size === 'number') result.size = aux.Size;
		}
	}, signal);
	return result;
}

/** POST /auth: the engine logs in to the registry (no state kept there); rejects 'unauthorized' when refused. */
export async function checkLogin(client: ApiClient, credentials: RegistryCredentials): Promise<void> {
	const body: Record<string, string> = {serveraddress: credentials.serverAddress};
	if (credentials.username) body.username = credentials.username;
	if (credentials.password) body.password = credentials.password;
	if (credentials.identityToken) body.identitytoken = credentials.identityToken;
	try {
		await client.act({method: 'POST', path: '/auth', body});
	} catch (error) {
		throw error instanceof EngineError ? asRegistryError(error) : error;
	}
}
