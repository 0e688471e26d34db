/**
 * Which registry an image reference lives in, and the name the docker CLI files its credentials
 * under. Pure: the UI uses it to say where it will log in, the engine module to look credentials up.
 *
 * The registry is the part before the first "/" when that part has a "." or ":" or is
 * "localhost" (or has capitals, as distribution's splitDockerDomain decides); else Docker Hub.
 */

/** The docker CLI's key for Docker Hub in config.json, credential helpers and X-Registry-Auth. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

const hubNames = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** "docker.io" for Docker Hub references, else the registry's host[:port] as written. */
export function registryOf(reference: string): string {
	const ref = reference.trim();
	const slash = ref.indexOf('/');
	if (slash === -1) return 'docker.io';
	const first = ref.slice(0, slash);
	const isDomain = first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
	if (!isDomain) return 'docker.io';
	return hubNames.has(first) ? 'docker.io' : first;
}

/**
 * The key credentials for a registry are filed under: Docker Hub's in any spelling becomes
 * "https://index.docker.io/v1/"; others become host[:port] without a scheme or path (as the CLI's
 * ConvertToHostname does for old config files).
 */
export function credentialKey(registry: string): string {
	const host = hostOf(registry);
	return hubNames.has(host) ? DOCKER_HUB_KEY : host;
}

/** host[:port] of "https://host:port/v1/", "host:port", … (lowercased scheme removed, path dropped). */
export function hostOf(address: string): string {
	const stripped = address.trim().replace(/^https?:\/\//i, '');
	return stripped.split('/')[0] ?? '';
}

/** A registry for people: "Docker Hub" or host[:port]. */
export function registryLabel(registry: string): string {
	return credentialKey(registry) === DOCKER_HUB_KEY ? 'Docker Hub' : hostOf(registry);
}
