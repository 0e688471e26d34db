/**
 * What the screen derives from the state beyond one list (lists.ts): the layout and page sizes,
 * how many rows each list's pane shows, the list with the keyboard, and the containers and
 * image rows the commands act on. Pure; keys, commands and views all read through these.
 */
import type {ContainerSummary} from '../engine/types.js';
import {kindNamed} from '../kinds/all-kinds.js';
import {containersKind} from '../kinds/containers.js';
import {imagesKind} from '../kinds/images.js';
import type {AnyKind, Kind} from '../kinds/kind.js';
import {computeLayout, heightOf, pageSize, type Layout} from './layout.js';
import {listOf, selectedRow, shownRows} from './lists.js';
import {lastOf} from './memo.js';
import {swarmListRows} from './swarm-selectors.js';
import type {AppState, FormField, FormModal, ImageRow, PaneId} from './types.js';

/** Every container the engine has (whatever the pane shows). */
export function allContainers(state: AppState): readonly ContainerSummary[] {
	return listOf(state, 'containers').rows as readonly ContainerSummary[];
}

/** Every image row (one per tag). */
export function allImageRows(state: AppState): readonly ImageRow[] {
	return listOf(state, 'images').rows as readonly ImageRow[];
}

/** The containers the pane shows: running-only unless `showAll`, then the filter, in the chosen order. */
export function visibleContainers(state: AppState): readonly ContainerSummary[] {
	return shownRows(state, containersKind);
}

/** The selected container, if any is visible. */
export function selectedContainer(state: AppState): ContainerSummary | undefined {
	return selectedRow(state, containersKind);
}

export function selectedImageRow(state: AppState): ImageRow | undefined {
	return selectedRow(state, imagesKind);
}

/** How many rows a pane's list shows (the logs and a pane of no kind: none). */
function shownCount(state: AppState, pane: PaneId): number {
	const kind = kindNamed(pane);
	return kind ? shownRows(state, kind).length : 0;
}

const layoutFor = lastOf((columns: number, rows: number, focus: PaneId, top: PaneId, middle: PaneId, topCount: number, middleCount: number) =>
	computeLayout(columns, rows, focus, {top, middle}, {top: topCount, middle: middleCount}),
);

/** The panes' sizes: from the terminal's, and (stacked) what the lists in the slots hold. */
export function layoutOf(state: AppState): Layout {
	const {top, middle} = state.slots;
	return layoutFor(state.size.columns, state.size.rows, state.focus, top, middle, shownCount(state, top), shownCount(state, middle));
}

/** Rows of one page in a pane (in a full-screen view: the view's body). */
export function pageOf(state: AppState, pane: PaneId = state.focus): number {
	const layout = layoutOf(state);
	return pageSize(layout, pane);
}

/** Rows of data a kind's pane shows now (its height less the header and the column titles; 0: not on screen). */
export function listRows(state: AppState, kind: AnyKind | string): number {
	const k = typeof kind === 'string' ? kindNamed(kind) : kind;
	if (!k) return 0;
	if ('view' in k.place) return state.swarm ? swarmListRows(state, k.name) : 0;
	return Math.max(0, heightOf(layoutOf(state), k.name) - 2);
}

/** The rows of a kind's list on screen now (its window). */
export function rowsOnScreen<Row>(state: AppState, kind: Kind<Row>): readonly Row[] {
	const rows = listRows(state, kind as AnyKind);
	if (rows <= 0) return [];
	const top = listOf(state, kind.name).top;
	return shownRows(state, kind).slice(top, top + rows);
}

/** The list the keys move in: the Swarm view's part while it is up, else the focused pane's (the logs: none). */
export function activeKind(state: AppState): AnyKind | undefined {
	if (state.swarm) return !state.modal && state.swarm.role === 'manager' ? kindNamed(state.swarm.part) : undefined;
	return kindNamed(state.focus);
}

/** A form field's hint now: the one given for the current value of the field it follows, else its own. */
export function fieldHint(form: FormModal, field: FormField): string | undefined {
	const for_ = field.hintFor;
	if (for_ && form.fields.find(f => f.key === for_.key)?.line.value === for_.value) return for_.hint;
	return field.hint;
}
