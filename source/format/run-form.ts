/**
 * The run form's fields, checked before anything reaches the engine: a refused field gets a
 * one-line reason and the form stays open.
 */
import type {RunFields} from '../state/types.js';

export interface PortBinding {
	containerPort: number;
	protocol: 'tcp' | 'udp' | 'sctp';
	hostPort?: number;
	hostIp?: string;
}

export interface RunOptions {
	name?: string;
	/** Empty: the image's own command. */
	cmd: string[];
	ports: PortBinding[];
	env: string[];
	/** host-path:container-path[:ro|rw], volume:container-path[:ro|rw], or /container-path (an anonymous volume) */
	binds: string[];
}

export type RunCheck = {ok: true; options: RunOptions} | {ok: false; field: keyof RunFields; reason: string};

/** Splits a command line like a shell would for words and quotes (no expansion). */
export function splitCommand(input: string): string[] | string {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < input.length; i++) {
		const ch = input[i]!;
		if (quote) {
			if (ch === quote) quote = undefined;
			else if (ch === '\\' && quote === '"' && i + 1 < input.length) word += input[++i];
			else word += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			inWord = true;
		} else if (ch === '\\' && i + 1 < input.length) {
			word += input[++i];
			inWord = true;
		} else if (/\s/.test(ch)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += ch;
			inWord = true;
		}
	}
	if (quote) return `unclosed ${quote} quote`;
	if (inWord) words.push(word);
	return words;
}

function port(text: string): number | undefined {
	if (!/^\d{1,5}$/.test(text)) return undefined;
	const n = Number(text);
	return n >= 1 && n <= 65_535 ? n : undefined;
}

function isIPv4(text: string): boolean {
	const parts = text.split('.');
	return parts.length === 4 && parts.every(p => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** "8080:80", "127.0.0.1:8080:80/udp", "80" (container port only) — comma or space separated. */
export function parsePorts(input: string): PortBinding[] | string {
	const result: PortBinding[] = [];
	for (const spec of input.split(/[\s,]+/).filter(Boolean)) {
		const [mapping, proto = 'tcp', extra] = spec.split('/');
		if (extra !== undefined || !['tcp', 'udp', 'sctp'].includes(proto)) return `"${spec}": protocol must be tcp, udp or sctp`;
		const parts = mapping!.split(':');
		let hostIp: string | undefined;
		let host: string | undefined;
		let container: string;
		if (parts.length === 1) container = parts[0]!;
		else if (parts.length === 2) [host, container] = parts as [string, string];
		else if (parts.length === 3) [hostIp, host, container] = parts as [string, string, string];
		else return `"${spec}": use [ip:]hostPort:containerPort[/proto]`;
		const containerPort = port(container);
		if (containerPort === undefined) return `"${spec}": container port must be a number from 1 to 65535`;
		let hostPort: number | undefined;
		if (host !== undefined && host !== '') {
			hostPort = port(host);
			if (hostPort === undefined) return `"${spec}": host port must be a number from 1 to 65535`;
		}
		if (hostIp !== undefined && !isIPv4(hostIp)) return `"${spec}": host address must be an IPv4 address (four numbers from 0 to 255)`;
		result.push({containerPort, protocol: proto as PortBinding['protocol'], hostPort, hostIp: hostIp || undefined});
	}
	return result;
}

/** Words of a list field: split like a shell (quotes keep spaces), commas separating too. */
export function listWords(input: string): string[] | string {
	const words = splitCommand(input.replace(/,(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/g, ' '));
	return typeof words === 'string' ? words : words.filter(Boolean);
}

/**
 * "A=1 B='two words'" (quoted like a shell) or comma separated. `NAME` alone stays `NAME`: the
 * engine call takes berth's own value of NAME as it is sent, as `docker run -e NAME` does, so the
 * host's value is never part of a CLI line, the command log or its script.
 */
export function parseEnv(input: string): string[] | string {
	const entries = listWords(input);
	if (typeof entries === 'string') return entries;
	for (const entry of entries) {
		const eq = entry.indexOf('=');
		const name = eq < 0 ? entry : entry.slice(0, eq);
		if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return `"${entry}": invalid variable name`;
	}
	return entries;
}

/** "/host/path:/in/container[:ro]" (a bind mount), "name:/in/container[:ro]" (a named volume) or "/in/container" (an anonymous one). */
export function parseBinds(input: string): string[] | string {
	const entries = listWords(input);
	if (typeof entries === 'string') return entries;
	const result: string[] = [];
	for (const entry of entries) {
		if (!entry.includes(':') && entry.startsWith('/')) {
			result.push(entry);
			continue;
		}
		const [source, target, mode, extra] = entry.split(':');
		if (extra !== undefined || source === undefined || target === undefined || source === '') {
			return `"${entry}": write /host/path:/container/path[:ro] or volume:/container/path[:ro]`;
		}
		if (!source.startsWith('/') && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) {
			return `"${entry}": the source must be an absolute host path or a volume name (letters, digits, _ . -)`;
		}
		if (!target.startsWith('/')) return `"${entry}": the container path must be absolute (start with /)`;
		if (mode !== undefined && mode !== 'ro' && mode !== 'rw') return `"${entry}": mode must be ro or rw`;
		result.push(entry);
	}
	return result;
}

/** Checks every field; the first problem is returned with the field it is in. */
export function checkRunFields(fields: RunFields): RunCheck {
	const name = fields.name.trim();
	if (name && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) {
		return {ok: false, field: 'name', reason: 'names use letters, digits, _ . - and start with a letter or digit'};
	}
	const cmd = splitCommand(fields.command.trim());
	if (typeof cmd === 'string') return {ok: false, field: 'command', reason: cmd};
	const ports = parsePorts(fields.ports);
	if (typeof ports === 'string') return {ok: false, field: 'ports', reason: ports};
	const env = parseEnv(fields.env);
	if (typeof env === 'string') return {ok: false, field: 'env', reason: env};
	const binds = parseBinds(fields.binds);
	if (typeof binds === 'string') return {ok: false, field: 'binds', reason: binds};
	return {ok: true, options: {name: name || undefined, cmd, ports, env, binds}};
}
