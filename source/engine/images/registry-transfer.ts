/**
 * `docker pull` and `docker push`: dockerode's createImage and Image.push (POST /images/create
 * and /images/{name}/push with the X-Registry-Auth header), the JSON progress read to its end. An error the engine reports inside
 * the stream (`{"errorDetail": …}`) rejects with the registry's message; so does an error answer
 * before the stream starts (the engine answers a pull's early failures with HTTP 404/500).
 * Credentials not given are looked up as the docker CLI does (credentials.ts).
 *
 * Not dockerode's followProgress: it takes a connection that drops mid-pull for the end of the
 * stream (the pull would look complete) and throws from its data handler on a malformed line.
 */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import {registryOf} from './registry-names.js';
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {EngineError, type PullOptions, type PullResult, type PushOptions, type PushResult, type RegistryCredentials, type TransferProgress} from '../types.js';
import {contextOf} from '../transport/client-context.js';
import {encodeRegistryAuth, findCredentials} from './credentials.js';
import {TransferTracker} from './progress.js';
import {splitReference} from './reference.js';
import {asRegistryError, registryStreamError} from './registry-errors.js';
import {cancelled, readJsonLines, streamError} from '../transport/stream-request.js';

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
	open: () => Promise<unknown>,
	onProgress: (progress: TransferProgress) => void,
	onMessage: (message: Record<string, unknown>) => void,
	signal?: AbortSignal,
): Promise<void> {
	let response: IncomingMessage;
	try {
		if (signal?.aborted) throw cancelled();
		response = await open() as IncomingMessage;
	} catch (error) {
		if (signal?.aborted) throw cancelled(error);
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
	const open = async () => client.docker.createImage({base64: encodeRegistryAuth(auth)}, {
		fromImage: repository,
		tag: tag ?? 'latest',
		...(options.platform && {platform: options.platform}),
		abortSignal: signal,
	});
	await transfer(client, 'pull', open, onProgress, message => {
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
	const open = async () => client.docker.getImage(pathPart(repository)).push({tag, authconfig: {base64: encodeRegistryAuth(auth)}, abortSignal: signal} as Dockerode.ImagePushOptions);
	await transfer(client, 'push', open, onProgress, message => {
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
		await client.docker.checkAuth(body);
	} catch (error) {
		throw error instanceof EngineError ? asRegistryError(error) : error;
	}
}
