/**
 * `engine.images` and `engine.registry` on a real engine: dockerode's Image and the Docker
 * object's listImages through berth's modem; pull, push and build in ../lifecycle/.
 */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {build} from './build.js';
import {findCredentials, forgetCredentials, login, rememberCredentials} from './registry-session.js';
import {pull, push} from './registry-transfer.js';
import {toHistoryEntry, toImageSummary, type RawHistory, type RawImage} from './mapping.js';
import type {ImagesApi, RegistryApi} from './api-types.js';
import {imageExists, imageLayers, inspectImage, tagImage} from './images.js';

export function createImagesApi(client: ApiClient): ImagesApi {
	const image = (ref: string) => client.docker.getImage(pathPart(ref));
	return {
		async list() {
			const raw = await client.docker.listImages();
			return Array.isArray(raw) ? (raw as unknown as RawImage[]).map(toImageSummary) : [];
		},
		inspect: async ref => inspectImage(client, ref),
		async history(ref) {
			const raw = await image(ref).history() as unknown as RawHistory[];
			return Array.isArray(raw) ? raw.map(toHistoryEntry) : [];
		},
		layers: async ref => imageLayers(client, ref),
		async remove(ref, options = {}) {
			await image(ref).remove({force: options.force});
		},
		tag: async (source, repo, tag) => tagImage(client, source, repo, tag),
		exists: async ref => imageExists(client, ref),
		pull: async (ref, options, onProgress, signal) => pull(client, ref, options, onProgress, signal),
		push: async (ref, options, onProgress, signal) => push(client, ref, options, onProgress, signal),
		build: async (options, onOutput, signal, onUpload) => build(client, options, onOutput, signal, onUpload),
	};
}

export function createRegistryApi(client: ApiClient): RegistryApi {
	return {
		login: async credentials => login(client, credentials),
		remember: credentials => rememberCredentials(client, credentials),
		forget: registry => forgetCredentials(client, registry),
		find: async ref => findCredentials(client, ref),
	};
}
