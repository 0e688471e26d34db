/**
 * The lifecycle calls of DockerEngine, each taking the engine's ApiClient first
 * (docker-engine.ts delegates to them one line each). Types are in ../lifecycle-types.ts.
 */
import {registryOf} from '../../format/image-registry.js';
import type {ApiClient} from '../api-client.js';
import type {CredentialInfo, RegistryCredentials} from '../types.js';
import {contextOf} from './context.js';
import {findCredentials as lookUp} from './credentials.js';
import {checkLogin} from './registry-transfer.js';

export {build} from './build.js';
export {containerChanges, renameContainer} from './containers.js';
export {copyFromContainer} from './copy-out.js';
export {copyToContainer} from './copy-in.js';
export {imageExists, imageLayers, inspectImage, tagImage} from './images.js';
export {previewPrune, prune} from './prune.js';
export {pull, push} from './registry-transfer.js';
export {createContainer, runAttached, runDetached, runInteractive, startAttached} from './run.js';

export async function login(client: ApiClient, credentials: RegistryCredentials): Promise<void> {
	await checkLogin(client, credentials);
	contextOf(client).session.remember(credentials);
}

export function rememberCredentials(client: ApiClient, credentials: RegistryCredentials): void {
	contextOf(client).session.remember(credentials);
}

export function forgetCredentials(client: ApiClient, registry: string): void {
	contextOf(client).session.forget(registry);
}

export async function findCredentials(client: ApiClient, ref: string): Promise<CredentialInfo | undefined> {
	const context = contextOf(client);
	return (await lookUp(registryOf(ref), context.session, context.environment))?.info;
}
