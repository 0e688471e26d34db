/**
 * The body of POST /containers/create for berth's run form, as `docker create` / `docker run`
 * builds it from its flags: -p (exposed and published; no host port: a random one), -e (a bare
 * NAME takes berth's environment, as `docker run -e NAME` does, and is passed bare when unset, which
 * unsets it), -v (host path or volume name with ":", a lone container path is an anonymous
 * volume), --entrypoint ("" resets it), -w, -u, --restart, --rm, -t, -i, --label. Pure.
 */
import type {RunContainerOptions} from '../types.js';

/** How the container will be used: run -d, run attached, run -it, or `create` (made now, started later, e.g. by start -a -i). */
export type RunMode = 'detached' | 'attached' | 'interactive' | 'create';

/** `-e` entries with bare names resolved from `env`. */
export function resolveEnv(entries: string[], env: Record<string, string | undefined>): string[] {
	return entries.map(entry => {
		if (entry.includes('=')) return entry;
		const value = env[entry];
		return value === undefined ? entry : `${entry}=${value}`;
	});
}

export function toCreateBody(image: string, options: RunContainerOptions, mode: RunMode, env: Record<string, string | undefined> = process.env): Record<string, unknown> {
	const exposed: Record<string, Record<string, never>> = {};
	const bindings: Record<string, Array<{HostIp: string; HostPort: string}>> = {};
	for (const port of options.ports) {
		const key = `${port.containerPort}/${port.protocol || 'tcp'}`;
		exposed[key] = {};
		(bindings[key] ??= []).push({HostIp: port.hostIp ?? '', HostPort: port.hostPort === undefined ? '' : String(port.hostPort)});
	}

	const binds = options.binds.filter(entry => entry.includes(':'));
	const volumes: Record<string, Record<string, never>> = {};
	for (const entry of options.binds) if (!entry.includes(':')) volumes[entry] = {};

	// docker create attaches the output (and, with -i, stdin) for a later start -a [-i], as docker run does when not detached.
	const attached = mode !== 'detached';
	const stdin = mode === 'interactive' || (attached && options.openStdin === true);
	const hostConfig: Record<string, unknown> = {PortBindings: bindings, Binds: binds};
	if (options.restart) hostConfig.RestartPolicy = {Name: options.restart.name, MaximumRetryCount: options.restart.maximumRetryCount ?? 0};
	if (options.autoRemove) hostConfig.AutoRemove = true;

	const body: Record<string, unknown> = {
		Image: image,
		Env: resolveEnv(options.env, env),
		ExposedPorts: exposed,
		HostConfig: hostConfig,
		Tty: mode === 'interactive' ? options.tty !== false : options.tty === true,
		OpenStdin: mode === 'interactive' || options.openStdin === true,
		StdinOnce: stdin,
		AttachStdin: stdin,
		AttachStdout: attached,
		AttachStderr: attached,
	};
	if (options.cmd.length > 0) body.Cmd = options.cmd;
	if (options.entrypoint) body.Entrypoint = options.entrypoint.length > 0 ? options.entrypoint : [''];
	if (Object.keys(volumes).length > 0) body.Volumes = volumes;
	if (options.workingDir) body.WorkingDir = options.workingDir;
	if (options.user) body.User = options.user;
	if (options.labels && Object.keys(options.labels).length > 0) body.Labels = options.labels;
	return body;
}
