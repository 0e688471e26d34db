/**
 * The docker CLI command line that does what a berth action does, for the UI to show ("what
 * this runs"), to copy and to write into the command log's script. Every word is quoted for a
 * POSIX shell when it needs it (dash, Debian's /bin/sh, reads it as bash and zsh do), and the
 * line holds no raw control character but the newline. Pure.
 */
import type {BuildOptions, PruneOptions, PruneTarget, RunContainerOptions} from '../engine/types.js';
import {DOCKER_HUB_KEY, credentialKey} from '../engine/images/registry-names.js';

const safeWord = /^[\w@%+=:,./-]+$/;
/** Control characters other than the newline (which single quotes keep as it is): C0, DEL, C1. */
const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g;

/** `"$(printf '\ooo…')"`: the bytes of `run` (controls) as every POSIX shell expands them, written in printable octal. */
function printfWord(run: string): string {
	// NUL cannot be part of an argument: it is left out, as a shell would drop it.
	const bytes = [...Buffer.from(run.replaceAll('\u0000', ''), 'utf8')];
	return bytes.length === 0 ? "''" : `"$(printf '${bytes.map(b => `\\${b.toString(8).padStart(3, '0')}`).join('')}')"`;
}

/**
 * One word as a POSIX shell reads it back unchanged: within single quotes, where nothing is
 * special but the quote itself (written '\''); a run of control characters as
 * `"$(printf '\033')"` so that neither the screen, a pager showing the script nor a shell the
 * line is pasted into sees them raw. No bash-only `$'…'`.
 */
export function shellQuote(word: string): string {
	if (word !== '' && safeWord.test(word)) return word;
	const parts: string[] = [];
	let at = 0;
	const text = (piece: string) => {
		if (piece !== '') parts.push(`'${piece.replaceAll("'", "'\\''")}'`);
	};
	for (const match of word.matchAll(controls)) {
		text(word.slice(at, match.index));
		parts.push(printfWord(match[0]));
		at = match.index + match[0].length;
	}
	text(word.slice(at));
	return parts.length === 0 ? "''" : parts.join('');
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
