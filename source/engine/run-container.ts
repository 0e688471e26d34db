/** `docker run -d` without the pull: create, then start. */
import {pathPart, type ApiClient} from './api-client.js';
import {EngineError, type RunContainerOptions} from './types.js';

/**
 * Creates the container and starts it; returns its id. The image must be present (else
 * EngineError 'not-found'). A container whose start fails stays behind, created, as with
 * `docker run`.
 */
export async function runContainer(client: ApiClient, image: string, options: RunContainerOptions): Promise<string> {
	const created = await client.act<{Id?: string}>({
		method: 'POST',
		path: '/containers/create',
		query: {name: options.name || undefined},
		body: toCreateBody(image, options),
	});
	if (typeof created?.Id !== 'string') throw new EngineError('unknown', 'The engine did not return the new container id');
	await client.act({method: 'POST', path: `/containers/${pathPart(created.Id)}/start`, alsoOk: [304]});
	return created.Id;
}

/** The create body: ports are exposed and published (no host port: a random one). */
function toCreateBody(image: string, options: RunContainerOptions): Record<string, unknown> {
	const exposed: Record<string, Record<string, never>> = {};
	const bindings: Record<string, Array<{HostIp: string; HostPort: string}>> = {};
	for (const port of options.ports) {
		const key = `${port.containerPort}/${port.protocol || 'tcp'}`;
		exposed[key] = {};
		(bindings[key] ??= []).push({HostIp: port.hostIp ?? '', HostPort: port.hostPort === undefined ? '' : String(port.hostPort)});
	}

	const body: Record<string, unknown> = {
		Image: image,
		Env: options.env,
		ExposedPorts: exposed,
		HostConfig: {PortBindings: bindings, Binds: options.binds},
	};
	if (options.cmd.length > 0) body.Cmd = options.cmd;
	return body;
}
