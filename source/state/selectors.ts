/**
 * What the screen derives from the state: the containers and image rows a pane shows (filtered
 * and sorted, remembered while their inputs stay the same), the selection, the layout and page
 * sizes. Pure; keys, commands and views all read through these.
 */
import type {ContainerSummary, ImageSummary} from '../engine/types.js';
import {computeLayout, pageSize, type Layout} from './layout.js';
import type {AppState, FormField, FormModal, ImageRow, Pane} from './types.js';

/** States counted and sorted as running. */
export const alive: ReadonlySet<string> = new Set(['running', 'paused', 'restarting']);

/** Running (and paused/restarting) first, then by name, then by id: a stable total order. */
export function sortContainers(list: ContainerSummary[]): ContainerSummary[] {
	return [...list].sort((a, b) => {
		const ga = alive.has(a.state) ? 0 : 1;
		const gb = alive.has(b.state) ? 0 : 1;
		if (ga !== gb) return ga - gb;
		if (a.name !== b.name) return a.name < b.name ? -1 : 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}

/** One row per tag, dangling images as one <none> row; sorted by host (several hosts), then reference, <none> last. */
export function imageRowsOf(images: ImageSummary[], containers: ContainerSummary[]): ImageRow[] {
	const uses = new Map<string, number>();
	for (const c of containers) uses.set(c.imageId, (uses.get(c.imageId) ?? 0) + 1);
	const rows: ImageRow[] = [];
	for (const image of images) {
		const counted = {...image, containers: uses.get(image.id) ?? 0};
		if (image.repoTags.length === 0) rows.push({key: `${image.id}|`, image: counted});
		for (const ref of image.repoTags) rows.push({key: `${image.id}|${ref}`, image: counted, ref});
	}
	return rows.sort((a, b) => {
		const ha = a.image.host ?? '';
		const hb = b.image.host ?? '';
		if (ha !== hb) return ha < hb ? -1 : 1;
		if (!a.ref !== !b.ref) return a.ref ? -1 : 1;
		const ka = a.ref ?? a.image.id;
		const kb = b.ref ?? b.image.id;
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});
}

function matches(text: string, filter: string): boolean {
	return filter === '' || text.toLowerCase().includes(filter.toLowerCase());
}

/** Orders containers by a sort key (ties: by name, then id), reversed on request. */
export function sortBy(list: ContainerSummary[], sort: AppState['sort'], stats: AppState['stats']): ContainerSummary[] {
	if (sort.key === 'state' && !sort.reverse) return list;
	const byName = (a: ContainerSummary, b: ContainerSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
	const value = (c: ContainerSummary): number => {
		switch (sort.key) {
			case 'state':
				return alive.has(c.state) ? 0 : 1;
			case 'cpu':
				return -(stats[c.id]?.cpuPercent ?? -1);
			case 'memory':
				return -(stats[c.id]?.memoryUsage ?? -1);
			case 'created':
				return -c.created;
			case 'name':
				return 0;
		}
	};
	const sorted = [...list].sort((a, b) => value(a) - value(b) || byName(a, b));
	return sort.reverse ? sorted.reverse() : sorted;
}

/** Remembers the last result of `compute` for the same inputs (compared by identity). */
function lastOf<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
	let inputs: A | undefined;
	let result: R;
	return (...args: A) => {
		if (!inputs || inputs.length !== args.length || args.some((a, i) => a !== inputs![i])) {
			inputs = args;
			result = compute(...args);
		}
		return result;
	};
}

/** Whether an id (with or without `sha256:`) starts with what was typed, as the CLI takes short ids. */
function idStarts(id: string, filter: string): boolean {
	return /^[0-9a-f]+$/i.test(filter) && id.replace('sha256:', '').startsWith(filter.toLowerCase());
}

/** Whether a container matches a list filter: name, image, state or status text, or an id prefix. */
export function containerMatches(c: ContainerSummary, filter: string): boolean {
	return filter === '' || matches(`${c.name} ${c.image} ${c.state} ${c.status}`, filter) || idStarts(c.id, filter);
}

const containersShown = lastOf(
	(list: ContainerSummary[], showAll: boolean, filter: string, sort: AppState['sort'], stats: AppState['stats']) =>
		sortBy(
			list.filter(c => (showAll || alive.has(c.state)) && containerMatches(c, filter)),
			sort,
			stats,
		),
);

/** The containers the pane shows: running-only unless `showAll`, then the filter, in the chosen order. */
export function visibleContainers(state: AppState): ContainerSummary[] {
	// Stats only matter to the order when sorting by them.
	const stats = state.sort.key === 'cpu' || state.sort.key === 'memory' ? state.stats : undefined;
	return containersShown(state.containers, state.showAll, state.filters.containers, state.sort, stats ?? noStats);
}
const noStats: AppState['stats'] = {};

const imagesShown = lastOf((rows: ImageRow[], filter: string) =>
	filter === '' ? rows : rows.filter(r => matches(r.ref ?? '<none>', filter) || idStarts(r.image.id, filter)),
);

export function visibleImageRows(state: AppState): ImageRow[] {
	return imagesShown(state.imageRows, state.filters.images);
}

/** The selected container, if any is visible. */
export function selectedContainer(state: AppState): ContainerSummary | undefined {
	const list = visibleContainers(state);
	return list.find(c => c.id === state.selected.containers) ?? list[0];
}

export function selectedImageRow(state: AppState): ImageRow | undefined {
	const list = visibleImageRows(state);
	return list.find(r => r.key === state.selected.images) ?? list[0];
}

export function selectedIndex(state: AppState, pane: 'containers' | 'images'): number {
	if (pane === 'containers') return Math.max(0, visibleContainers(state).findIndex(c => c.id === state.selected.containers));
	return Math.max(0, visibleImageRows(state).findIndex(r => r.key === state.selected.images));
}

const layoutFor = lastOf((columns: number, rows: number, focus: Pane, containers: number, images: number) => computeLayout(columns, rows, focus, {containers, images}));

/** The panes' sizes: from the terminal's, and (stacked) what the lists hold. */
export function layoutOf(state: AppState): Layout {
	return layoutFor(state.size.columns, state.size.rows, state.focus, visibleContainers(state).length, visibleImageRows(state).length);
}

/** Rows of one page in a pane (in a full-screen view: the view's body). */
export function pageOf(state: AppState, pane: Pane = state.focus): number {
	const layout = layoutOf(state);
	return pageSize(layout, pane);
}

/** Rows of a list pane (its height less the header and the column titles). */
export function listRows(state: AppState, pane: 'containers' | 'images'): number {
	return Math.max(0, layoutOf(state).heights[pane] - 2);
}

/** Running and stopped counts, over every container (not just those shown). */
export interface HostCount {
	name: string;
	state: 'connecting' | 'up' | 'down';
	error?: string;
	running: number;
	total: number;
}

/** Several hosts: running (as the counts count it) and total per host; the ones down last (their cause is long). */
export function hostCounts(hosts: AppState['hosts'], containers: ContainerSummary[]): HostCount[] {
	const counts = hosts.map(host => {
		const mine = containers.filter(c => c.host === host.name);
		return {name: host.name, state: host.state, error: host.error, running: mine.filter(c => alive.has(c.state)).length, total: mine.length};
	});
	return [...counts.filter(c => c.state !== 'down'), ...counts.filter(c => c.state === 'down')];
}

export function containerCounts(state: AppState): {running: number; stopped: number} {
	let running = 0;
	for (const c of state.containers) if (alive.has(c.state)) running++;
	return {running, stopped: state.containers.length - running};
}

/** A form field's hint now: the one given for the current value of the field it follows, else its own. */
export function fieldHint(form: FormModal, field: FormField): string | undefined {
	const for_ = field.hintFor;
	if (for_ && form.fields.find(f => f.key === for_.key)?.line.value === for_.value) return for_.hint;
	return field.hint;
}
