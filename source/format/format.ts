/**
 * Formatting of engine values for display: ids, sizes, ages, ports, container states, log
 * timestamps, image references and the default tag for a container snapshot. Pure functions;
 * time-dependent ones take the current time as a parameter.
 *
 * These functions do not sanitise: strings from the engine that they pass through (tags,
 * host IPs) must still go through `sanitizeInline` before they are rendered.
 */
import type {ContainerState, ContainerSummary, Health, PortMapping} from '../engine/types.js';

/** First 12 characters of an id, without the "sha256:" prefix, as `docker ps` shows it. */
export function shortId(id: string): string {
	const bare = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
	return bare.slice(0, 12);
}

/** A message with every full id in it (64 hex digits) at the 12 characters docker ps shows ("sha256:" stays, when it is there). */
export function shortIdsIn(text: string): string {
	return text.replace(/\b[0-9a-f]{64}\b/g, hex => hex.slice(0, 12));
}

// Sizes as the docker CLI prints them: the engine words its messages with the same function.
export {formatBytes} from '../engine/io/bytes.js';

/**
 * The time between `unixSeconds` and `nowSeconds` in words, followed by " ago", exactly as
 * the docker CLI's "CREATED" column (go-units HumanDuration): "Less than a second ago",
 * "1 second ago", "12 seconds ago", "About a minute ago", "3 minutes ago", "About an hour
 * ago", "5 hours ago" (up to 47), "4 days ago" (up to 13), "3 weeks ago" (up to 8),
 * "2 months ago" (up to 23), "2 years ago". Hours are rounded to the nearest, everything else
 * truncated. A time in the future (clock skew) counts as "Less than a second ago".
 * `nowSeconds` defaults to the current time.
 */
export function formatAge(unixSeconds: number, nowSeconds: number = Date.now() / 1000): string {
	const d = nowSeconds - unixSeconds;
	const seconds = Math.trunc(d);
	if (!(seconds >= 1)) return 'Less than a second ago';
	if (seconds === 1) return '1 second ago';
	if (seconds < 60) return `${seconds} seconds ago`;
	const minutes = Math.trunc(d / 60);
	if (minutes === 1) return 'About a minute ago';
	if (minutes < 60) return `${minutes} minutes ago`;
	const hours = Math.trunc(d / 3600 + 0.5);
	if (hours === 1) return 'About an hour ago';
	if (hours < 48) return `${hours} hours ago`;
	if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days ago`;
	if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks ago`;
	if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months ago`;
	return `${Math.trunc(Math.trunc(d / 3600) / 24 / 365)} years ago`;
}

/**
 * A compact age for narrow columns, always truncated: "12s" (under a minute), "3m" (under an
 * hour), "2h" (under a day), "4d" (under two weeks), "3w" (under 60 days), "2mo" (under a
 * year; 30-day months), "1y". The future and non-finite input give "0s".
 * `nowSeconds` defaults to the current time.
 */
export function formatAgeShort(unixSeconds: number, nowSeconds: number = Date.now() / 1000): string {
	const d = nowSeconds - unixSeconds;
	if (!(d > 0)) return '0s';
	const s = Math.floor(d);
	if (s < 60) return `${s}s`;
	const m = Math.floor(s / 60);
	if (m < 60) return `${m}m`;
	const h = Math.floor(m / 60);
	if (h < 24) return `${h}h`;
	const days = Math.floor(h / 24);
	if (days < 14) return `${days}d`;
	if (days < 60) return `${Math.floor(days / 7)}w`;
	if (days < 365) return `${Math.floor(days / 30)}mo`;
	return `${Math.floor(days / 365)}y`;
}

function isWildcardHost(ip: string | undefined): boolean {
	return ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::';
}

interface PortRun {
	host: string;
	published: boolean;
	type: string;
	privateStart: number;
	privateEnd: number;
	publicStart: number;
	publicEnd: number;
}

function hostPrefix(host: string): string {
	if (host === '') return '';
	return host.includes(':') ? `[${host}]:` : `${host}:`;
}

function range(start: number, end: number): string {
	return start === end ? String(start) : `${start}-${end}`;
}

/**
 * The PORTS column, compact and stable across refreshes:
 * - a port published on all interfaces (0.0.0.0, ::, or no address) is shown without the
 *   address, once even when the engine lists it for both IPv4 and IPv6: "8080->80/tcp";
 * - a port published on a specific address keeps it: "127.0.0.1:8080->80/tcp",
 *   "[::1]:8080->80/tcp";
 * - an exposed, unpublished port is "443/tcp" (omitted when the same port is also published);
 * - consecutive ports (same address, protocol, and consecutive on both sides) collapse into a
 *   range as docker does: "8000-8002->8000-8002/tcp";
 * - exact duplicates are removed and entries are sorted by private port, then protocol, then
 *   public port, then address; joined with ", ". No ports gives "".
 */
export function formatPorts(ports: readonly PortMapping[]): string {
	const seen = new Set<string>();
	const publishedKeys = new Set<string>();
	const entries: Array<{host: string; published: boolean; type: string; priv: number; pub: number}> = [];
	for (const p of ports) {
		const published = p.publicPort !== undefined && p.publicPort > 0;
		const host = published && !isWildcardHost(p.ip) ? p.ip! : '';
		const type = p.type || 'tcp';
		const pub = published ? p.publicPort! : 0;
		const key = `${host}|${published}|${type}|${p.privatePort}|${pub}`;
		if (seen.has(key)) continue;
		seen.add(key);
		if (published) publishedKeys.add(`${type}|${p.privatePort}`);
		entries.push({host, published, type, priv: p.privatePort, pub});
	}
	const kept = entries.filter(e => e.published || !publishedKeys.has(`${e.type}|${e.priv}`));

	// Group by (address, published, protocol), then collapse consecutive runs within a group.
	kept.sort(
		(a, b) =>
			cmp(a.host, b.host) || Number(a.published) - Number(b.published) || cmp(a.type, b.type) || a.priv - b.priv || a.pub - b.pub,
	);
	const runs: PortRun[] = [];
	for (const e of kept) {
		const last = runs[runs.length - 1];
		if (
			last &&
			last.host === e.host &&
			last.published === e.published &&
			last.type === e.type &&
			e.priv === last.privateEnd + 1 &&
			(!e.published || e.pub === last.publicEnd + 1)
		) {
			last.privateEnd = e.priv;
			last.publicEnd = e.pub;
			continue;
		}
		runs.push({
			host: e.host,
			published: e.published,
			type: e.type,
			privateStart: e.priv,
			privateEnd: e.priv,
			publicStart: e.pub,
			publicEnd: e.pub,
		});
	}
	runs.sort(
		(a, b) =>
			a.privateStart - b.privateStart ||
			cmp(a.type, b.type) ||
			a.publicStart - b.publicStart ||
			cmp(a.host, b.host) ||
			a.privateEnd - b.privateEnd,
	);
	return runs
		.map(r => {
			const priv = `${range(r.privateStart, r.privateEnd)}/${r.type}`;
			if (!r.published) return priv;
			return `${hostPrefix(r.host)}${range(r.publicStart, r.publicEnd)}->${priv}`;
		})
		.join(', ');
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Colour role of a state, mapped to actual colours by the UI theme. */
export type Tone = 'ok' | 'warn' | 'bad' | 'muted' | 'info';

/** How a container state is drawn: a one-column glyph, a short label and a tone. */
export interface StateGlyph {
	glyph: string;
	label: string;
	tone: Tone;
}

/**
 * Glyph, label and tone for a container state:
 * running ● ok ("running", "running (healthy)"; unhealthy → bad "running (unhealthy)";
 * health starting → info "running (health: starting)"), paused ‖ warn, restarting ↻ warn,
 * exited ■ ("exited (137)" when the code is known: muted for 0 or unknown, bad otherwise),
 * created ○ info, dead ✖ bad, removing ✖ muted. Health only applies to running containers.
 * Every glyph is one column wide.
 */
export function stateGlyph(state: ContainerState, health?: Health, exitCode?: number): StateGlyph {
	switch (state) {
		case 'running':
			if (health === 'unhealthy') return {glyph: '●', label: 'running (unhealthy)', tone: 'bad'};
			if (health === 'starting') return {glyph: '●', label: 'running (health: starting)', tone: 'info'};
			if (health === 'healthy') return {glyph: '●', label: 'running (healthy)', tone: 'ok'};
			return {glyph: '●', label: 'running', tone: 'ok'};
		case 'paused':
			return {glyph: '‖', label: 'paused', tone: 'warn'};
		case 'restarting':
			return {glyph: '↻', label: 'restarting', tone: 'warn'};
		case 'exited':
			if (exitCode === undefined || !Number.isFinite(exitCode)) return {glyph: '■', label: 'exited', tone: 'muted'};
			return {glyph: '■', label: `exited (${exitCode})`, tone: exitCode === 0 ? 'muted' : 'bad'};
		case 'created':
			return {glyph: '○', label: 'created', tone: 'info'};
		case 'dead':
			return {glyph: '✖', label: 'dead', tone: 'bad'};
		case 'removing':
			return {glyph: '✖', label: 'removing', tone: 'muted'};
		default:
			return {glyph: '?', label: String(state), tone: 'muted'};
	}
}

/** The state label of a container: "exited (137)", "running (healthy)", "paused", ... (see `stateGlyph`). */
export function stateLabel(container: Pick<ContainerSummary, 'state' | 'health' | 'exitCode'>): string {
	return stateGlyph(container.state, container.health, container.exitCode).label;
}
