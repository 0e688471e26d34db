/**
 * The application state and its pure reducer. Engine snapshots (containers, images, the
 * connection) sit beside UI state (focus, selection by id, filters, the open dialog, busy rows,
 * the status message). Log lines live outside this state, in a ring buffer (see use-log-stream).
 */
import type {ContainerStats, ContainerSummary, EngineError, EngineInfo, ImageSummary} from '../engine/types.js';
import type {Pane} from '../keys/match.js';

export type ConnState =
	| {kind: 'connecting'}
	| {kind: 'up'; info: EngineInfo}
	| {kind: 'down'; error: EngineError; since: number; attempts: number};

/** One row of the images pane: an image under one of its tags (dangling: tag undefined). */
export interface ImageRow {
	/** Stable key: image id plus reference. */
	key: string;
	image: ImageSummary;
	/** repository:tag, or undefined for <none>. */
	ref?: string;
}

export interface ConfirmTarget {
	/** 'file': a log file about to be replaced (id and name are its path, ref the save scope). */
	kind: 'container' | 'image' | 'file';
	/** Full id: the action always uses this id, whatever the list does meanwhile. */
	id: string;
	/** What the dialog names (container name, image reference or short id). */
	name: string;
	/** For images: the reference the row showed (rmi of a tag untags it). */
	ref?: string;
}

export type ConfirmOp = 'kill' | 'remove' | 'remove-image' | 'overwrite';

/** What a text prompt is for. */
export type PromptPurpose = 'commit' | 'save-logs' | 'exec';

/** `since` choices of the logs pane (`[` and `]` step through them). */
export type SinceOption = '5m' | '1h' | '24h' | 'all';
export const sinceOptions: readonly SinceOption[] = ['5m', '1h', '24h', 'all'];
/** Initial `tail` choices of the logs pane (`-` and `+` step through them). */
export type TailOption = 100 | 200 | 500 | 2000 | 'all';
export const tailOptions: readonly TailOption[] = [100, 200, 500, 2000, 'all'];

export type SortKey = 'state' | 'name' | 'cpu' | 'memory' | 'created';
export const sortKeys: readonly SortKey[] = ['state', 'name', 'cpu', 'memory', 'created'];

export interface LogsUi {
	timestamps: boolean;
	wrap: boolean;
	/** Show only lines matching the search. */
	filterMode: boolean;
	since: SinceOption;
	tail: TailOption;
}

/** The fields of the run form, as typed. */
export interface RunFields {
	name: string;
	command: string;
	ports: string;
	env: string;
	binds: string;
}
export const runFieldNames: ReadonlyArray<keyof RunFields> = ['name', 'command', 'ports', 'env', 'binds'];

export type Modal =
	| {kind: 'help'; scroll: number}
	| {kind: 'details'; id: string; scroll: number}
	| {kind: 'history'; id: string; ref?: string; scroll: number}
	| {
			kind: 'confirm';
			op: ConfirmOp;
			target: ConfirmTarget;
			/** The question, naming exactly what is affected. */
			title: string;
			/** Extra lines: the engine's refusal, the containers using an image. */
			body: string[];
			/** When set, `f` confirms with force (the engine refused without it). */
			forceOffered: boolean;
	  }
	| {
			kind: 'prompt';
			purpose: PromptPurpose;
			target: ConfirmTarget;
			value: string;
			error?: string;
			/** save-logs: the buffer, or the whole log fetched again from the engine. */
			scope?: 'buffer' | 'engine';
	  }
	| {kind: 'top'; id: string; scroll: number}
	| {kind: 'run'; image: string; fields: RunFields; field: number; error?: string};

export interface StatusMessage {
	tone: 'ok' | 'error' | 'info';
	/** Untrusted parts (engine messages) are sanitised when rendered. */
	text: string;
}

export interface AppState {
	conn: ConnState;
	/** Sorted: running first, then by name. */
	containers: ContainerSummary[];
	/** Sorted by reference, dangling last. */
	imageRows: ImageRow[];
	loaded: boolean;
	focus: Pane;
	showAll: boolean;
	selected: {containers?: string; images?: string};
	filters: {containers: string; images: string; logs: string};
	/** The pane whose filter is being typed. */
	filterEditing?: Pane;
	modal?: Modal;
	/** Row id (container id or image id) → what is running on it, e.g. "stopping…". */
	busy: Record<string, string>;
	status?: StatusMessage;
	logs: LogsUi;
	/** Containers marked with Space. */
	marked: Record<string, true>;
	/** The logs pane shows these containers merged, instead of the selected one. */
	merged?: {ids: string[]; title: string};
	sort: {key: SortKey; reverse: boolean};
	/** Latest stats sample per running container. */
	stats: Record<string, ContainerStats>;
}

export type Action =
	| {type: 'conn-up'; info: EngineInfo}
	| {type: 'conn-down'; error: EngineError; now: number}
	| {type: 'snapshot'; containers: ContainerSummary[]; images: ImageSummary[]}
	| {type: 'focus'; pane: Pane}
	| {type: 'cycle-focus'; delta: 1 | -1}
	| {type: 'move'; delta: number}
	| {type: 'move-to'; where: 'first' | 'last'}
	| {type: 'toggle-all'}
	| {type: 'filter-start'}
	| {type: 'filter-input'; text: string}
	| {type: 'filter-commit'}
	| {type: 'filter-clear'}
	| {type: 'open'; modal: Modal}
	| {type: 'close'}
	| {type: 'scroll-modal'; delta: number}
	| {type: 'prompt-input'; value: string; error?: string}
	| {type: 'busy'; id: string; label?: string}
	| {type: 'status'; status?: StatusMessage}
	| {type: 'logs-toggle'; what: 'timestamps' | 'wrap' | 'filterMode'}
	| {type: 'logs-since'; delta: 1 | -1}
	| {type: 'logs-tail'; delta: 1 | -1}
	| {type: 'mark'; id: string}
	| {type: 'merge'; merged?: {ids: string[]; title: string}}
	| {type: 'sort-next'}
	| {type: 'sort-reverse'}
	| {type: 'stats'; stats: Record<string, ContainerStats>}
	| {type: 'prompt-scope'}
	| {type: 'run-input'; fields: RunFields; field: number; error?: string};

export const panes: readonly Pane[] = ['containers', 'images', 'logs'];

export function initialState(options: {showAll?: boolean} = {}): AppState {
	return {
		conn: {kind: 'connecting'},
		containers: [],
		imageRows: [],
		loaded: false,
		focus: 'containers',
		showAll: options.showAll ?? true,
		selected: {},
		filters: {containers: '', images: '', logs: ''},
		busy: {},
		logs: {timestamps: false, wrap: false, filterMode: false, since: 'all', tail: 200},
		marked: {},
		sort: {key: 'state', reverse: false},
		stats: {},
	};
}

const alive = new Set(['running', 'paused', 'restarting']);

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

/** One row per tag, dangling images as one <none> row; sorted by reference, <none> last. */
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

/** The containers the pane shows: running-only unless `showAll`, then the filter, in the chosen order. */
export function visibleContainers(state: AppState): ContainerSummary[] {
	const filter = state.filters.containers;
	const shown = state.containers.filter(
		c =>
			(state.showAll || alive.has(c.state)) &&
			(filter === '' || matches(`${c.name} ${c.image} ${c.id.slice(0, 12)} ${c.state} ${c.status}`, filter)),
	);
	return sortBy(shown, state.sort, state.stats);
}

export function visibleImageRows(state: AppState): ImageRow[] {
	const filter = state.filters.images;
	if (filter === '') return state.imageRows;
	return state.imageRows.filter(r => matches(`${r.ref ?? '<none>'} ${r.image.id.replace('sha256:', '').slice(0, 12)}`, filter));
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
	if (pane === 'containers') {
		const index = visibleContainers(state).findIndex(c => c.id === state.selected.containers);
		return Math.max(0, index);
	}
	const index = visibleImageRows(state).findIndex(r => r.key === state.selected.images);
	return Math.max(0, index);
}

/**
 * Keeps the selection on the same id; when that row is gone, selects its neighbour (the row
 * now at the old index, or the last row).
 */
function reselect(before: AppState, after: AppState): AppState['selected'] {
	const selected = {...after.selected};
	const oldContainers = visibleContainers(before);
	const newContainers = visibleContainers(after);
	if (!newContainers.some(c => c.id === selected.containers)) {
		const oldIndex = oldContainers.findIndex(c => c.id === before.selected.containers);
		const index = Math.min(Math.max(0, oldIndex), newContainers.length - 1);
		selected.containers = newContainers[index]?.id;
	}
	const oldImages = visibleImageRows(before);
	const newImages = visibleImageRows(after);
	if (!newImages.some(r => r.key === selected.images)) {
		const oldIndex = oldImages.findIndex(r => r.key === before.selected.images);
		const index = Math.min(Math.max(0, oldIndex), newImages.length - 1);
		selected.images = newImages[index]?.key;
	}
	return selected;
}

function moveSelection(state: AppState, to: (index: number, length: number) => number): AppState {
	if (state.focus === 'containers') {
		const list = visibleContainers(state);
		if (list.length === 0) return state;
		const index = Math.min(list.length - 1, Math.max(0, to(selectedIndex(state, 'containers'), list.length)));
		return {...state, selected: {...state.selected, containers: list[index]!.id}};
	}
	if (state.focus === 'images') {
		const list = visibleImageRows(state);
		if (list.length === 0) return state;
		const index = Math.min(list.length - 1, Math.max(0, to(selectedIndex(state, 'images'), list.length)));
		return {...state, selected: {...state.selected, images: list[index]!.key}};
	}
	return state;
}

/** Whether the modal still refers to something that exists; closes it with a note if not. */
function dropStaleModal(state: AppState): AppState {
	const modal = state.modal;
	if (!modal) return state;
	if (modal.kind === 'confirm' || modal.kind === 'prompt') {
		const {target} = modal;
		const exists =
			target.kind === 'file' ||
			(target.kind === 'container'
				? state.containers.some(c => c.id === target.id)
				: state.imageRows.some(r => r.image.id === target.id));
		if (!exists) {
			return {
				...state,
				modal: undefined,
				status: {tone: 'info', text: `${target.name} was removed outside berth; nothing was done`},
			};
		}
	}
	if ((modal.kind === 'details' || modal.kind === 'top') && !state.containers.some(c => c.id === modal.id)) {
		return {...state, modal: undefined, status: {tone: 'info', text: 'The container was removed'}};
	}
	if (modal.kind === 'history' && !state.imageRows.some(r => r.image.id === modal.id)) {
		return {...state, modal: undefined, status: {tone: 'info', text: 'The image was removed'}};
	}
	return state;
}

export function reducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'conn-up':
			return {...state, conn: {kind: 'up', info: action.info}};
		case 'conn-down': {
			const attempts = state.conn.kind === 'down' ? state.conn.attempts + 1 : 1;
			const since = state.conn.kind === 'down' ? state.conn.since : action.now;
			return {...state, conn: {kind: 'down', error: action.error, since, attempts}};
		}
		case 'snapshot': {
			const containers = sortContainers(action.containers);
			const next: AppState = {
				...state,
				loaded: true,
				containers,
				imageRows: imageRowsOf(action.images, containers),
			};
			// A busy marker stays only while its row exists.
			const busy: Record<string, string> = {};
			for (const [id, label] of Object.entries(state.busy)) {
				if (containers.some(c => c.id === id) || action.images.some(i => i.id === id)) busy[id] = label;
			}
			const marked: Record<string, true> = {};
			for (const id of Object.keys(state.marked)) if (containers.some(c => c.id === id)) marked[id] = true;
			const stats: AppState['stats'] = {};
			for (const [id, sample] of Object.entries(state.stats)) {
				if (containers.some(c => c.id === id && c.state === 'running')) stats[id] = sample;
			}
			return dropStaleModal({...next, busy, marked, stats, selected: reselect(state, next)});
		}
		case 'focus':
			return {...state, focus: action.pane, filterEditing: undefined};
		case 'cycle-focus': {
			const index = panes.indexOf(state.focus);
			const pane = panes[(index + action.delta + panes.length) % panes.length]!;
			return {...state, focus: pane, filterEditing: undefined};
		}
		case 'move':
			return moveSelection(state, index => index + action.delta);
		case 'move-to':
			return moveSelection(state, (_index, length) => (action.where === 'first' ? 0 : length - 1));
		case 'toggle-all': {
			const next = {...state, showAll: !state.showAll};
			return {...next, selected: reselect(state, next)};
		}
		case 'filter-start':
			return {...state, filterEditing: state.focus};
		case 'filter-input': {
			if (!state.filterEditing) return state;
			const next = {...state, filters: {...state.filters, [state.filterEditing]: action.text}};
			return {...next, selected: reselect(state, next)};
		}
		case 'filter-commit':
			return {...state, filterEditing: undefined};
		case 'filter-clear': {
			const pane = state.filterEditing ?? state.focus;
			const next = {...state, filterEditing: undefined, filters: {...state.filters, [pane]: ''}};
			return {...next, selected: reselect(state, next)};
		}
		case 'open':
			return {...state, modal: action.modal, filterEditing: undefined};
		case 'close':
			return {...state, modal: undefined};
		case 'scroll-modal': {
			const modal = state.modal;
			if (!modal || !('scroll' in modal)) return state;
			return {...state, modal: {...modal, scroll: Math.max(0, modal.scroll + action.delta)}};
		}
		case 'prompt-input': {
			const modal = state.modal;
			if (modal?.kind !== 'prompt') return state;
			return {...state, modal: {...modal, value: action.value, error: action.error}};
		}
		case 'busy': {
			const busy = {...state.busy};
			if (action.label) busy[action.id] = action.label;
			else delete busy[action.id];
			return {...state, busy};
		}
		case 'status':
			return {...state, status: action.status};
		case 'logs-toggle':
			return {...state, logs: {...state.logs, [action.what]: !state.logs[action.what]}};
		case 'logs-since': {
			const index = sinceOptions.indexOf(state.logs.since) + action.delta;
			const since = sinceOptions[Math.min(sinceOptions.length - 1, Math.max(0, index))]!;
			return {...state, logs: {...state.logs, since}};
		}
		case 'logs-tail': {
			const index = tailOptions.indexOf(state.logs.tail) + action.delta;
			const tail = tailOptions[Math.min(tailOptions.length - 1, Math.max(0, index))]!;
			return {...state, logs: {...state.logs, tail}};
		}
		case 'mark': {
			const marked = {...state.marked};
			if (marked[action.id]) delete marked[action.id];
			else marked[action.id] = true;
			return {...state, marked};
		}
		case 'merge':
			return {...state, merged: action.merged};
		case 'sort-next': {
			const key = sortKeys[(sortKeys.indexOf(state.sort.key) + 1) % sortKeys.length]!;
			return {...state, sort: {key, reverse: false}};
		}
		case 'sort-reverse':
			return {...state, sort: {...state.sort, reverse: !state.sort.reverse}};
		case 'stats': {
			const same =
				Object.keys(action.stats).length === Object.keys(state.stats).length &&
				Object.entries(action.stats).every(([id, s]) => state.stats[id] === s);
			return same ? state : {...state, stats: action.stats};
		}
		case 'prompt-scope': {
			const modal = state.modal;
			if (modal?.kind !== 'prompt' || modal.purpose !== 'save-logs') return state;
			return {...state, modal: {...modal, scope: modal.scope === 'engine' ? 'buffer' : 'engine'}};
		}
		case 'run-input': {
			const modal = state.modal;
			if (modal?.kind !== 'run') return state;
			return {...state, modal: {...modal, fields: action.fields, field: action.field, error: action.error}};
		}
	}
}
