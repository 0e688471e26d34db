/** `engine.services`, `engine.tasks` and `engine.nodes` on a real engine (the modules beside this one). */
import type {ApiClient} from '../transport/api-client.js';
import type {NodesApi, ServicesApi, TasksApi} from './types.js';
import {streamServiceLogs} from './logs.js';
import {inspectNode, listNodes, setNodeAvailability} from './nodes.js';
import {forceUpdateService, inspectService, listServices, listTasks, removeService, rollbackService, scaleService} from './services.js';

export function createServicesApi(client: ApiClient): ServicesApi {
	return {
		list: async () => listServices(client),
		inspect: async id => inspectService(client, id),
		scale: async (id, replicas) => scaleService(client, id, replicas),
		forceUpdate: async id => forceUpdateService(client, id),
		rollback: async id => rollbackService(client, id),
		remove: async id => removeService(client, id),
		logs: async (id, options, onLines, signal) => streamServiceLogs(client, id, options, onLines, signal),
	};
}

export function createTasksApi(client: ApiClient): TasksApi {
	return {list: async serviceId => listTasks(client, serviceId)};
}

export function createNodesApi(client: ApiClient): NodesApi {
	return {
		list: async () => listNodes(client),
		inspect: async id => inspectNode(client, id),
		setAvailability: async (id, availability) => setNodeAvailability(client, id, availability),
	};
}
