/** `engine.system` and `engine.events` on a real engine. */
import type {ApiClient} from '../transport/api-client.js';
import {streamEvents} from '../swarm/events.js';
import {swarmRole} from '../swarm/role.js';
import type {EventsApi, SystemApi} from './types.js';
import {diskUsage} from './disk-usage.js';
import {engineDetails} from './details.js';
import {previewPrune, prune} from './prune.js';

export function createSystemApi(client: ApiClient): SystemApi {
	return {
		async info() {
			const version = await client.version();
			return {
				version: version.Version ?? '',
				apiVersion: client.apiVersion() ?? version.ApiVersion ?? '',
				os: version.Os ?? '',
				arch: version.Arch ?? '',
			};
		},
		details: async () => engineDetails(client),
		diskUsage: async () => diskUsage(client),
		swarmRole: async options => swarmRole(client, options),
		previewPrune: async (targets, options) => previewPrune(client, targets, options),
		prune: async (targets, options) => prune(client, targets, options),
	};
}

export function createEventsApi(client: ApiClient): EventsApi {
	return {stream: async (options, onEvent, signal) => streamEvents(client, options, onEvent, signal)};
}
