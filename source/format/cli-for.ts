/**
 * The docker CLI command line that does what a berth action does, for the UI to show ("what
 * this runs") and to copy. Every word is quoted for a POSIX shell when it needs it; words with
 * control characters use bash/zsh $'…' quoting so the line never holds a raw control byte. Pure.
 */
import type {BuildOptions, PruneOptions, PruneTarget, RunContainerOptions} from '../engine/types.js';
import {DOCKER_HUB_KEY, credentialKey} from './registry.js';

const safeWord = /^[\w@%+=:,./-]+$/;

/** One word as a shell reads it back unchanged. */
export function shellQuote(word: string): string {
	if (word !== '' && safeWord.test(word)) return word;
	 
	if (/[\u0000-\u001f\u007f-\u009f]/.test(word)) {
		const escaped = [...word].map(ch => {
			const code = ch.codePointAt(0)!;
			if (ch === '\\') return '\\\\';
			if (ch === "'") return "\\'";
			if (ch === '\n') return '\\n';
			if (ch === '\t') return '\\t';
			if (ch === '\r') return '\\r';
			if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).padStart(2, '0')}`;
			return ch;
		});
		return `$'${escaped.join('')}'`;
	}

	return `'${word.replaceAll("'", "'\\''")}'`;
}

export function commandLine(words: string[]): string {
	return words.map(word => shellQuote(word)).join(' ');
}

export type RunMode = 'detached' | 'attached' | 'interactive';

function portSpec(port: RunContainerOptions['ports'][number]): string {
	const proto = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
	if (port.hostPort === undefined) return port.hostIp ? `${port.hostIp}::${port.containerPort}${proto}` : `${port.containerPort}${proto}`;
	return `${port.hostIp ? `${port.hostIp}:` : ''}${port.hostPort}:${port.containerPort}${proto}`;
}

/** The create/run flags for `options`, in docker's usual order. */
function runFlags(options: RunContainerOptions, mode: RunMode | 'create'): string[] {
	const words: string[] = [];
	if (mode === 'detached') words.push('-d');
	const stdin = mode === 'interactive' || options.openStdin === true;
	const tty = mode === 'interactive' ? options.tty !== false : options.tty === true;
	if (stdin && tty) words.push('-it');
	else if (stdin) words.push('-i');
	else if (tty) words.push('-t');
	if (options.name) words.push('--name', options.name);
	for (const port of options.ports) words.push('-p', portSpec(port));
	for (const entry of options.env) words.push('-e', entry);
	for (const entry of options.binds) words.push('-v', entry);
	if (options.workingDir) words.push('-w', options.workingDir);
	if (options.user) words.push('-u', options.user);
	if (options.restart) {
		const {name, maximumRetryCount} = options.restart;
		words.push('--restart', name === 'on-failure' && maximumRetryCount ? `on-failure:${maximumRetryCount}` : name);
	}

	if (options.autoRemove) words.push('--rm');
	for (const [key, value] of Object.entries(options.labels ?? {})) words.push('--label', `${key}=${value}`);
	// --entrypoint takes one word: the rest of a longer entrypoint goes before the command, which
	// runs the same process (the engine drops the image's command once an entrypoint is given).
	if (options.entrypoint) words.push('--entrypoint', options.entrypoint[0] ?? '');
	return words;
}

function imageAndCommand(image: string, options: RunContainerOptions): string[] {
	return [image, ...(options.entrypoint?.slice(1) ?? []), ...options.cmd];
}

const pruneCommands: Record<PruneTarget, string[]> = {
	containers: ['container', 'prune', '-f'],
	'dangling-images': ['image', 'prune', '-f'],
	'unused-images': ['image', 'prune', '-a', '-f'],
	networks: ['network', 'prune', '-f'],
	volumes: ['volume', 'prune', '-f'],
	'build-cache': ['builder', 'prune', '-f'],
	'all-build-cache': ['builder', 'prune', '-a', '-f'],
};

function labelFilters(options: PruneOptions = {}): string[] {
	return (options.labels ?? []).flatMap(label => ['--filter', `label=${label}`]);
}

/** `docker system prune` when the targets are its sequence, else one command per target joined with &&. */
function pruneLine(targets: PruneTarget[], options?: PruneOptions): string {
	for (const all of [false, true]) {
		for (const volumes of [false, true]) {
			const sequence: PruneTarget[] = ['containers', 'networks', ...(volumes ? ['volumes' as const] : []), all ? 'unused-images' : 'dangling-images', all ? 'all-build-cache' : 'build-cache'];
			if (sequence.length === targets.length && sequence.every((target, index) => targets[index] === target)) {
				return commandLine(['docker', 'system', 'prune', '-f', ...(all ? ['-a'] : []), ...(volumes ? ['--volumes'] : []), ...labelFilters(options)]);
			}
		}
	}

	return targets.map(target => commandLine(['docker', ...pruneCommands[target], ...labelFilters(options)])).join(' && ');
}

export const cliFor = {
	pull: (ref: string, options: {platform?: string} = {}) => commandLine(['docker', 'pull', ...(options.platform ? ['--platform', options.platform] : []), ref]),
	push: (ref: string) => commandLine(['docker', 'push', ref]),
	/** The password is never part of the line: docker asks for it (or reads --password-stdin). */
	login: (registry: string, username?: string) =>
		commandLine(['docker', 'login', ...(username ? ['-u', username] : []), ...(credentialKey(registry) === DOCKER_HUB_KEY ? [] : [credentialKey(registry)])]),
	tag: (source: string, repo: string, tag: string) => commandLine(['docker', 'tag', source, `${repo}:${tag}`]),
	inspectImage: (ref: string) => commandLine(['docker', 'image', 'inspect', ref]),
	history: (ref: string) => commandLine(['docker', 'history', ref]),
	/** The classic builder, as berth uses it; -f is given as a path (the CLI reads -f from the current directory). */
	build(options: BuildOptions): string {
		const words = ['docker', 'build'];
		if (options.dockerfile) words.push('-f', options.dockerfile.startsWith('/') ? options.dockerfile : `${options.contextDir.replace(/\/+$/, '')}/${options.dockerfile}`);
		for (const tag of options.tags ?? []) words.push('-t', tag);
		for (const [name, value] of Object.entries(options.buildArgs ?? {})) words.push('--build-arg', value === undefined ? name : `${name}=${value}`);
		for (const [key, value] of Object.entries(options.labels ?? {})) words.push('--label', `${key}=${value}`);
		if (options.target) words.push('--target', options.target);
		if (options.noCache) words.push('--no-cache');
		if (options.pull) words.push('--pull');
		if (options.forceRm) words.push('--force-rm');
		words.push(options.contextDir);
		return `DOCKER_BUILDKIT=0 ${commandLine(words)}`;
	},
	diff: (id: string) => commandLine(['docker', 'diff', id]),
	contextUse: (name: string) => commandLine(['docker', 'context', 'use', name]),
	copyFrom: (id: string, containerPath: string, hostDir: string) => commandLine(['docker', 'cp', `${id}:${containerPath}`, hostDir]),
	copyTo: (hostPath: string, id: string, containerDir: string) => commandLine(['docker', 'cp', hostPath, `${id}:${containerDir}`]),
	prune: pruneLine,
	create: (image: string, options: RunContainerOptions) => commandLine(['docker', 'create', ...runFlags(options, 'create'), ...imageAndCommand(image, options)]),
	run: (image: string, options: RunContainerOptions, mode: RunMode = 'detached') => commandLine(['docker', 'run', ...runFlags(options, mode), ...imageAndCommand(image, options)]),
	start: (id: string) => commandLine(['docker', 'start', id]),
	startAttached: (id: string) => commandLine(['docker', 'start', '-a', '-i', id]),
	stop: (id: string, timeout?: number) => commandLine(['docker', 'stop', ...(timeout === undefined ? [] : ['-t', String(timeout)]), id]),
	restart: (id: string, timeout?: number) => commandLine(['docker', 'restart', ...(timeout === undefined ? [] : ['-t', String(timeout)]), id]),
	kill: (id: string, signal?: string) => commandLine(['docker', 'kill', ...(signal && signal !== 'SIGKILL' ? ['-s', signal] : []), id]),
	pause: (id: string) => commandLine(['docker', 'pause', id]),
	unpause: (id: string) => commandLine(['docker', 'unpause', id]),
	rename: (id: string, name: string) => commandLine(['docker', 'rename', id, name]),
	remove: (id: string, options: {force?: boolean; volumes?: boolean} = {}) => commandLine(['docker', 'rm', ...(options.force ? ['-f'] : []), ...(options.volumes ? ['-v'] : []), id]),
	removeImage: (ref: string, options: {force?: boolean} = {}) => commandLine(['docker', 'rmi', ...(options.force ? ['-f'] : []), ref]),
	commit: (id: string, options: {repo: string; tag: string; comment?: string; author?: string; pause?: boolean}) =>
		commandLine(['docker', 'commit', ...(options.author ? ['-a', options.author] : []), ...(options.comment ? ['-m', options.comment] : []), ...(options.pause === false ? ['--pause=false'] : []), id, `${options.repo}:${options.tag}`]),
	exec: (id: string, cmd: string[], interactive = false) => commandLine(['docker', 'exec', ...(interactive ? ['-it'] : []), id, ...cmd]),
	attach: (id: string) => commandLine(['docker', 'attach', id]),
	// Swarm: NAME is the service's or node's name (or id).
	scaleService: (name: string, replicas: number) => commandLine(['docker', 'service', 'scale', `${name}=${replicas}`]),
	forceUpdateService: (name: string) => commandLine(['docker', 'service', 'update', '--force', name]),
	rollbackService: (name: string) => commandLine(['docker', 'service', 'rollback', name]),
	removeService: (name: string) => commandLine(['docker', 'service', 'rm', name]),
	serviceLogs: (name: string, options: {follow?: boolean; tail?: number | 'all'} = {}) =>
		commandLine(['docker', 'service', 'logs', ...(options.follow ? ['-f'] : []), ...(options.tail === undefined || options.tail === 'all' ? [] : ['--tail', String(options.tail)]), '-t', name]),
	inspectService: (name: string) => commandLine(['docker', 'service', 'inspect', name]),
	servicePs: (name: string) => commandLine(['docker', 'service', 'ps', name]),
	setNodeAvailability: (node: string, availability: 'active' | 'pause' | 'drain') => commandLine(['docker', 'node', 'update', '--availability', availability, node]),
	inspectNode: (node: string) => commandLine(['docker', 'node', 'inspect', node]),
};
