/**
 * The session's registry credentials (`engine.registry`, images/api.ts): login checks them with
 * the registry through the engine and keeps them in memory; pull and push find them here.
 */
import {registryOf} from './registry-names.js';
import type {ApiClient} from '../transport/api-client.js';
import type {CredentialInfo, RegistryCredentials} from '../types.js';
import {contextOf} from '../transport/client-context.js';
import {findCredentials as lookUp} from './credentials.js';
import {checkLogin} from './registry-transfer.js';

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
