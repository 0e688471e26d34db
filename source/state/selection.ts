/**
 * Selection rules of the reducer: the selection stays on the same id across updates (or moves
 * to its neighbour when that row goes), moves clamp at the ends, each list's window follows its
 * selection, and a dialog or view whose object disappeared closes with a note.
 */
import {layoutOf, listRows, selectedIndex, visibleContainers, visibleImageRows} from './selectors.js';
import type {AppState} from './types.js';

/**
 * Keeps the selection on the same id; when that row is gone, selects its neighbour (the row
 * now at the old index, or the last row).
 */
export function reselect(before: AppState, after: AppState): AppState['selected'] {
	const selected = {...after.selected};
	const newContainers = visibleContainers(after);
	if (!newContainers.some(c => c.id === selected.containers)) {
		const oldIndex = visibleContainers(before).findIndex(c => c.id === before.selected.containers);
		selected.containers = newContainers[Math.min(Math.max(0, oldIndex), newContainers.length - 1)]?.id;
	}
	const newImages = visibleImageRows(after);
	if (!newImages.some(r => r.key === selected.images)) {
		const oldIndex = visibleImageRows(before).findIndex(r => r.key === before.selected.images);
		selected.images = newImages[Math.min(Math.max(0, oldIndex), newImages.length - 1)]?.key;
	}
	return selected;
}

export function moveSelection(state: AppState, to: (index: number, length: number) => number): AppState {
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

/**
 * The first row a virtualised list shows: keeps `selected` visible while moving the window as
 * little as possible from `previousTop`.
 */
export function windowTop(previousTop: number, selected: number, height: number, length: number): number {
	if (height <= 0 || length <= height) return 0;
	let top = Math.min(previousTop, length - height);
	if (selected < top) top = selected;
	if (selected >= top + height) top = selected - height + 1;
	return Math.max(0, top);
}

/** Entries the command log shows at once in a view `height` rows high: two lines each, under its title. */
export function commandLogRows(height: number): number {
	return Math.max(1, Math.floor((height - 1) / 2));
}

/** The command log's page: the entries its view shows at once (the view is the screen less the status and help lines). */
export function commandLogPage(state: AppState): number {
	return commandLogRows(layoutOf(state).height - 2);
}

/** The windows of both lists after a change (unchanged object when nothing moved). */
export function followWindows(state: AppState): AppState {
	const containers = windowTop(state.windows.containers, selectedIndex(state, 'containers'), listRows(state, 'containers'), visibleContainers(state).length);
	const images = windowTop(state.windows.images, selectedIndex(state, 'images'), listRows(state, 'images'), visibleImageRows(state).length);
	if (containers === state.windows.containers && images === state.windows.images) return state;
	return {...state, windows: {containers, images}};
}

/** Whether the modal still refers to something that exists; closes it with a note if not. */
export function dropStaleModal(state: AppState): AppState {
	const modal = state.modal;
	if (!modal) return state;
	const containerExists = (id: string) => state.containers.some(c => c.id === id);
	const imageExists = (id: string) => state.imageRows.some(r => r.image.id === id);
	// Swarm rows, as the view last read them (it is open while one is the target).
	const swarmHas = (part: 'services' | 'nodes', id: string) => state.swarm?.[part].some(row => row.id === id) ?? false;
	const close = (text: string): AppState => ({...state, modal: undefined, status: {tone: 'info', text}});
	if (modal.kind === 'confirm' || modal.kind === 'prompt') {
		const {target} = modal;
		const exists =
			target.kind === 'file' ||
			(target.kind === 'service' ? swarmHas('services', target.id) : target.kind === 'node' ? swarmHas('nodes', target.id) : target.kind === 'container' ? containerExists(target.id) : imageExists(target.id));
		if (!exists) return close(`${target.name} was removed outside berth; nothing was done`);
	}
	if ((modal.kind === 'details' || modal.kind === 'top' || modal.kind === 'diff') && !containerExists(modal.id)) return close('The container was removed');
	if (modal.kind === 'form' && modal.target?.kind === 'container' && !containerExists(modal.target.id)) return close(`${modal.target.name} was removed outside berth; nothing was done`);
	if ((modal.kind === 'history' || modal.kind === 'inspect') && !imageExists(modal.id)) return close('The image was removed');
	return state;
}
