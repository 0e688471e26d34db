/** Registries, credentials, and pull and push progress (part of lifecycle-types.ts). */

// ---------------------------------------------------------------- registries and credentials

/** Credentials for one registry, as berth hands them to the engine (the X-Registry-Auth header). */
export interface RegistryCredentials {
	/** The registry as the docker CLI keys it: "https://index.docker.io/v1/" for Docker Hub, else host[:port]. */
	serverAddress: string;
	username?: string;
	password?: string;
	/** Identity token (a credential helper's "<token>" user, or `identitytoken` in config.json). */
	identityToken?: string;
	/** Bearer token for the registry. */
	registryToken?: string;
}

/** Where credentials were found; the secret itself never leaves the engine module. */
export interface CredentialInfo {
	/** Key used, as in RegistryCredentials.serverAddress. */
	registry: string;
	source: 'session' | 'config' | 'helper';
	/** docker-credential-<helper> that answered, for source "helper". */
	helper?: string;
	username?: string;
}

// ---------------------------------------------------------------- pull and push progress

/**
 * A layer's phase, from the engine's status text: pull goes waiting → downloading → verifying →
 * downloaded → extracting → done (or exists); push goes preparing → waiting → pushing → done (or
 * exists: "Layer already exists", "Mounted from …"). `retrying` for "Retrying in N seconds".
 */
export type LayerPhase =
	| 'waiting'
	| 'downloading'
	| 'verifying'
	| 'downloaded'
	| 'extracting'
	| 'preparing'
	| 'pushing'
	| 'retrying'
	| 'done'
	| 'exists'
	| 'other';

export interface LayerProgress {
	/** Short layer id as the engine shows it (12 hex). */
	id: string;
	phase: LayerPhase;
	/** The engine's status text, verbatim ("Downloading", "Mounted from library/x", …). */
	status: string;
	/** Bytes of the current phase, when the engine reports them. */
	current?: number;
	total?: number;
}

/** A snapshot of a pull or push, delivered after every message from the engine. */
export interface TransferProgress {
	/** Layers in the order the engine first named them. */
	layers: LayerProgress[];
	/** Bytes transferred over all layers whose size is known (finished layers count whole). */
	current: number;
	/** Sum of the known layer sizes; 0 until the engine has said any. */
	total: number;
	/** Layers done or already present. */
	finished: number;
	/**
	 * Layers still to transfer whose size the engine has not said yet (it says it when a layer
	 * starts): while any are left, `total` is only a lower bound and no percentage is true.
	 */
	unsized: number;
	/** The last message that is not about one layer ("Digest: sha256:…", "Status: …", "The push refers to …"). */
	status?: string;
}

export interface PullOptions {
	/** Credentials to send; when absent berth looks them up like the docker CLI (session, config.json, credential helpers). */
	auth?: RegistryCredentials;
	/** os[/arch[/variant]], as `docker pull --platform`. */
	platform?: string;
}

export interface PullResult {
	/** The reference pulled, as the engine named it ("127.0.0.1:5000/app:1"). */
	ref: string;
	digest?: string;
	/** True when the engine already had it ("Image is up to date"). */
	upToDate: boolean;
}

export interface PushOptions {
	auth?: RegistryCredentials;
}

export interface PushResult {
	ref: string;
	tag: string;
	digest?: string;
	/** Manifest size in bytes, as the engine reports it. */
	size?: number;
}
