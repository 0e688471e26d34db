/**
 * What the lifecycle calls keep per engine: the session's registry credentials (in memory only)
 * and where the docker config is read from. Keyed by the engine's ApiClient, so DockerEngine needs
 * no new fields and each engine (each test) has its own.
 */
import type {ApiClient} from './api-client.js';
import {SessionCredentials, type CredentialEnvironment} from '../images/credentials.js';

export interface LifecycleContext {
	session: SessionCredentials;
	/** Where config.json and credential helpers are looked for; berth's own environment when empty. */
	environment: CredentialEnvironment;
	/** Environment for `--env NAME` and `--build-arg NAME` without a value. */
	processEnv: Record<string, string | undefined>;
}

const contexts = new WeakMap<ApiClient, LifecycleContext>();

export function contextOf(client: ApiClient): LifecycleContext {
	let context = contexts.get(client);
	if (!context) {
		context = {session: new SessionCredentials(), environment: {}, processEnv: process.env};
		contexts.set(client, context);
	}

	return context;
}
