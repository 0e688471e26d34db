/**
 * How the multi-engine routes each kind's calls, declared once per kind. The rule for every kind:
 *
 * - `list` asks every host and merges the rows, each with its `host` and its ids qualified;
 *   `list({ids})` asks each id's host only.
 * - any other method routes by its first argument, a (qualified) id: to the host it names, else
 *   the host whose last list has it; the other arguments that name something on that host lose
 *   their qualifier too. Its result's ids are qualified (qualifyResult).
 * - the exceptions, per kind, below: `image` (by an image reference: its qualifier, the host that
 *   has it, else the first host up), `primary` (what names nothing: the first host up), `every`
 *   (all hosts, the first one's answer), `swarm` (the swarm's manager, ids unqualified).
 *
 * Adding a kind is a line here (or none, when the rule fits all its methods).
 */
import type {EngineKind} from '../types.js';
import {qualify} from './multi-ids.js';

export type Route = 'by-id' | 'image' | 'primary' | 'every' | 'swarm';

export interface KindRoutes {
	/** The route of every method of the kind (swarm kinds); otherwise `list` merges and the rest follows `methods`. */
	all?: Route;
	/** Methods routed otherwise than by their first argument's id. */
	methods?: Record<string, Route>;
	/** How a row of the kind is found by a raw id or name in a host's last list. */
	matches?: (row: Record<string, unknown>, raw: string) => boolean;
}

const byIdOrName = (row: Record<string, unknown>, raw: string) => (typeof row['id'] === 'string' && row['id'].startsWith(raw)) || row['name'] === raw;

export const ROUTES: Record<Exclude<EngineKind, 'events'>, KindRoutes> = {
	containers: {methods: {create: 'image', run: 'image', runAttached: 'image', runInteractive: 'image'}, matches: byIdOrName},
	images: {
		methods: {build: 'primary', pull: 'image', push: 'image', exists: 'image', tag: 'image', inspect: 'image', history: 'image', layers: 'image', remove: 'image'},
		matches: (row, raw) => row['id'] === raw || (Array.isArray(row['repoTags']) && row['repoTags'].includes(raw)),
	},
	volumes: {methods: {create: 'primary', previewPrune: 'primary', prune: 'primary'}, matches: byIdOrName},
	networks: {methods: {create: 'primary', previewPrune: 'primary', prune: 'primary'}, matches: byIdOrName},
	services: {all: 'swarm'},
	tasks: {all: 'swarm'},
	nodes: {all: 'swarm'},
	system: {methods: {details: 'primary', diskUsage: 'primary', previewPrune: 'primary', prune: 'primary'}},
	registry: {methods: {remember: 'every', forget: 'every', find: 'primary'}},
};

/** Fields that hold an id of something on the host, qualified wherever they leave the multi-engine. */
const ID_FIELDS = ['id', 'imageId'];

/**
 * A result's ids qualified for `host`: an id string itself (what create, run, commit return), and
 * in plain objects and arrays of them the `id`, `imageId` fields and the rows of a `containers`
 * list (a network's endpoints, a volume's users). "<missing>" (a history step built elsewhere)
 * stays as it is. Nothing else is walked (a terminal session's streams are left alone).
 */
export function qualifyResult(value: unknown, host: string): unknown {
	if (typeof value === 'string') return qualify(value, host);
	if (Array.isArray(value)) return value.map(item => (isPlain(item) ? qualifyRow(item, host) : item));
	return isPlain(value) ? qualifyRow(value, host) : value;
}

/** A row of a list or a result object, ids qualified, `host` set when `withHost`. */
export function qualifyRow<T extends Record<string, unknown>>(row: T, host: string, withHost = false): T {
	const out: Record<string, unknown> = {...row};
	for (const field of ID_FIELDS) {
		const id = row[field];
		if (typeof id === 'string' && id !== '' && id !== '<missing>') out[field] = qualify(id, host);
	}

	if (Array.isArray(row['containers'])) out['containers'] = row['containers'].map(item => (isPlain(item) ? qualifyRow(item, host) : item));
	if (withHost) out['host'] = host;
	return out as T;
}

function isPlain(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === Object.prototype || proto === null;
}
