/**
 * The swarm calls of DockerEngine, each taking the engine's ApiClient first (docker-engine.ts
 * delegates to them one line each). Types are in ../swarm-types.ts.
 */
export {streamEvents} from './events.js';
export {streamServiceLogs} from './logs.js';
export {inspectNode, listNodes, setNodeAvailability} from './nodes.js';
export {swarmRole} from './role.js';
export {forceUpdateService, inspectService, listServices, listTasks, removeService, rollbackService, scaleService} from './services.js';
