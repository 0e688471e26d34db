/**
 * One kind's API over several hosts, routed by routes.ts: no method is forwarded by hand. The
 * returned object has every method the hosts' own kind APIs have; each finds the host (or hosts)
 * by the kind's route and calls the same method there.
 */
import type {HostLink} from './multi-hosts.js';
import {isHostLoss} from './multi-hosts.js';
import type {HostRouter} from './multi-router.js';
import {unqualify} from './multi-ids.js';
import {qualifyResult, qualifyRow, ROUTES, type Route} from './routes.js';
import type {SwarmRoute} from './multi-swarm.js';
import {EngineError, type EngineKind, type EngineKinds} from '../types.js';

type Method = (...args: unknown[]) => unknown;
type Row = Record<string, unknown>;

export interface RouterContext {
	links: readonly HostLink[];
	names: readonly string[];
	router: HostRouter;
	swarm: SwarmRoute;
	/** Rejects as unreachable naming every host's cause. */
	noneReachable(): EngineError;
}

/** `kind`'s API over every host; `overrides` replace methods that need more than routing. */
export function routeKind<K extends Exclude<EngineKind, 'events'>>(kind: K, context: RouterContext, overrides: Partial<Record<string, Method>> = {}): EngineKinds[K] {
	const routes = ROUTES[kind];
	const methodOf = (link: HostLink, name: string): Method => {
		const api = link.engine[kind] as unknown as Record<string, Method>;
		const method = api[name];
		if (typeof method !== 'function') throw new EngineError('unknown', `${link.name} has no ${kind}.${name}`);
		return method.bind(api);
	};

	const call = (name: string, args: unknown[]): unknown => {
		const override = overrides[name];
		if (override) return override(...args);
		const route: Route | 'list' = routes.all ?? routes.methods?.[name] ?? (name === 'list' ? 'list' : 'by-id');
		switch (route) {
			case 'list': {
				return listAll(kind, context, methodOf, args[0] as {ids?: string[]} | undefined);
			}

			case 'swarm': {
				return methodOf(context.swarm.link(), name)(...args);
			}

			case 'primary': {
				const link = context.router.primary();
				return qualifyAsync(methodOf(link, name)(...args), link.name);
			}

			case 'every': {
				const results = context.links.map(link => methodOf(link, name)(...args));
				return results[0];
			}

			default: {
				const target = context.router.resolve(kind, String(args[0]), route === 'image');
				const rest = args.slice(1).map(arg => (typeof arg === 'string' ? context.router.rawOn(arg, target.link.name) : arg));
				return qualifyAsync(methodOf(target.link, name)(target.id, ...rest), target.link.name);
			}
		}
	};

	const api: Record<string, Method> = {};
	for (const name of new Set([...context.links.flatMap(link => methodNames(link.engine[kind])), ...Object.keys(overrides)])) {
		api[name] = (...args: unknown[]) => {
			try {
				return call(name, args);
			} catch (error) {
				// A host not found for an id: rejected, as the engine's own calls are.
				return Promise.reject(error as Error);
			}
		};
	}

	return api as unknown as EngineKinds[K];
}

/** The methods of a kind's API object: its own functions and its class's. */
function methodNames(api: object): string[] {
	const names = new Set<string>();
	for (let object: object | null = api; object && object !== Object.prototype; object = Object.getPrototypeOf(object) as object | null) {
		for (const name of Object.getOwnPropertyNames(object)) {
			if (name !== 'constructor' && typeof (api as Record<string, unknown>)[name] === 'function') names.add(name);
		}
	}

	return [...names];
}

function qualifyAsync(result: unknown, host: string): unknown {
	return result instanceof Promise ? result.then(value => qualifyResult(value, host)) : result;
}

/**
 * Asks every reachable host (one whose state is not known yet gives its last rows, if any: fresh
 * ones come with the refresh its "up" event causes); a host that fails is marked down and gives
 * its last rows marked unreachable. Rejects only when no host gave an answer. With `ids`, each
 * host is asked only for the ids it may have, and its kept rows are updated for those alone.
 */
async function listAll(kind: string, context: RouterContext, methodOf: (link: HostLink, name: string) => Method, options: {ids?: string[]} | undefined): Promise<Row[]> {
	const wanted = options?.ids?.map(id => unqualify(id, context.names));
	const idsFor = (link: HostLink) => wanted?.filter(w => w.host === undefined || w.host === link.name).map(w => w.id);
	const pick = (link: HostLink, rows: Row[]) => {
		const ids = idsFor(link);
		return ids ? rows.filter(row => ids.some(id => unqualify(String(row['id']), [link.name]).id.startsWith(id))) : rows;
	};

	const results = await Promise.all(context.links.map(async link => {
		// Not known yet (connecting, or reconnecting after its stream ended): as last seen, unmarked, rather than gone.
		if (link.state === 'connecting') return {rows: pick(link, link.rows(kind) ?? []), fresh: false};
		if (link.state === 'down') return {rows: pick(link, link.staleRows(kind)), fresh: false};
		const ids = idsFor(link);
		if (ids?.length === 0) return {rows: [], fresh: true};
		try {
			const raw = await methodOf(link, 'list')(...(ids ? [{ids}] : [])) as Row[];
			const rows = raw.map(row => qualifyRow(row, link.name, true));
			if (ids) {
				const kept = (link.rows(kind) ?? []).filter(row => !rows.some(r => r['id'] === row['id']) && !ids.some(id => unqualify(String(row['id']), [link.name]).id.startsWith(id)));
				link.keepRows(kind, [...kept, ...rows]);
			} else {
				link.keepRows(kind, rows);
			}

			return {rows, fresh: true};
		} catch (error) {
			if (!isHostLoss(error)) throw error;
			link.markDown(error);
			return {rows: pick(link, link.staleRows(kind)), fresh: false};
		}
	}));
	if (!results.some(result => result.fresh)) throw context.noneReachable();
	return results.flatMap(result => result.rows);
}
