/**
 * What commands act on: the selected container or image as a dialog target, and the checks
 * every container action shares (something selected, not busy).
 */
import {alive, containersKind} from '../kinds/containers.js';
import {imagesKind} from '../kinds/images.js';
import {targetOf} from '../state/lists.js';
import {selectedContainer, selectedImageRow} from '../state/selectors.js';
import type {AppState, ConfirmTarget} from '../state/types.js';
import type {ContainerSummary} from '../engine/types.js';
import {qualify} from '../engine/hosts/types.js';

export function containerTarget(c: ContainerSummary): ConfirmTarget {
	return targetOf(containersKind, c);
}

/** The selected container as a target, if any. */
export function selectedContainerTarget(state: AppState): ConfirmTarget | undefined {
	const c = selectedContainer(state);
	return c ? containerTarget(c) : undefined;
}

/** The selected image row as a target: its reference (rmi of a tag untags it) or its short id. */
export function selectedImageTarget(state: AppState): ConfirmTarget | undefined {
	const row = selectedImageRow(state);
	if (!row) return undefined;
	return {...targetOf(imagesKind, row), ref: row.ref};
}

/** How the engine is told which image a target is: its reference on its own host, else its id (already qualified). */
export function engineImageRef(target: {id: string; ref?: string; host?: string}): string {
	if (!target.ref) return target.id;
	return target.host ? qualify(target.ref, target.host) : target.ref;
}

/**
 * Availability shared by container actions: a container is selected (else the key does
 * nothing) and nothing runs on it (else: why not), then `also` for the action's own rule.
 */
export function forContainer(also?: (c: ContainerSummary, state: AppState) => true | string, options: {evenIfBusy?: boolean} = {}) {
	return (state: AppState): boolean | string => {
		const c = selectedContainer(state);
		if (!c) return false;
		if (!options.evenIfBusy && state.busy[c.id]) return `${c.name} is busy: ${state.busy[c.id]}`;
		return also ? also(c, state) : true;
	};
}

export function isAlive(c: {state: string}): boolean {
	return alive.has(c.state);
}
