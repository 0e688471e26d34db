/**
 * What berth connects to, from its command line and environment: one endpoint as the docker CLI
 * would choose it (endpoint.ts), or several contexts at once (`--context a --context b`), which
 * become one multi-engine with a host per context (engine-for-targets.ts makes the engine; this
 * file reads only files, so berth can say what is wrong before it loads anything else).
 */
import {EndpointError, resolveEndpoint, type ResolvedEndpoint} from '../transport/endpoint.js';

export interface Target {
	/** The context's name ("default" when none was named), the host name in the multi-engine. */
	name: string;
	endpoint: ResolvedEndpoint;
}

/** Resolves berth's flags to one target or several. Throws EndpointError (one line for the user). */
export function resolveTargets(options: {host?: string; contexts: readonly string[]; env: Record<string, string | undefined>; homedir: string}): Target[] {
	const contexts = options.contexts.map(name => name.trim()).filter(Boolean);
	const repeated = contexts.find((name, index) => contexts.indexOf(name) !== index);
	if (repeated) throw new EndpointError(`--context ${repeated} is given twice`);
	if (contexts.length <= 1) {
		const endpoint = resolveEndpoint({host: options.host, context: contexts[0], env: options.env, homedir: options.homedir});
		return [{name: endpoint.context ?? 'default', endpoint}];
	}

	if (options.host?.trim()) throw new EndpointError('Conflicting options: give either --host or --context, not both');
	return contexts.map(name => ({name, endpoint: resolveEndpoint({context: name, env: options.env, homedir: options.homedir})}));
}
