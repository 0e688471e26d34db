/**
 * Which history steps of an image made its layers, and the layers' chain ids. Pure.
 *
 * The engine's history lists every step, newest first, with the size of the layer it made; steps
 * that made none (ENV, CMD, …) have size 0 and so do steps that made an empty layer, and the
 * history does not say which is which. The non-empty steps, oldest first, match RootFS.Layers one
 * to one: every step with a size made a layer, and the rest of the layers are given to size-0
 * steps that do not look like metadata-only instructions (then to the oldest others). Only which
 * size-0 step owns a size-0 layer can be wrong, which changes no size.
 */
import {createHash} from 'node:crypto';
import type {ImageHistoryEntry} from '../types.js';

const metadataOnly = /#\(nop\)\s+(?!(ADD|COPY)\b)|^(ENV|CMD|ENTRYPOINT|LABEL|EXPOSE|USER|ARG|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|VOLUME|MAINTAINER)\b/;

/** Chain ids of RootFS diff ids, base first: chain(1) = diff(1), chain(n) = sha256(chain(n-1) + " " + diff(n)). */
export function chainIds(diffIds: string[]): string[] {
	const chains: string[] = [];
	for (const diffId of diffIds) {
		const parent = chains.at(-1);
		chains.push(parent === undefined ? diffId : `sha256:${createHash('sha256').update(`${parent} ${diffId}`).digest('hex')}`);
	}

	return chains;
}

/**
 * For each history entry (same order as given: newest first), the index into `diffIds` (base
 * first) of the layer it made, or undefined.
 */
export function layerOfEachStep(history: ImageHistoryEntry[], layerCount: number): Array<number | undefined> {
	const oldestFirst = history.map((entry, index) => ({entry, index})).reverse();
	const withSize = oldestFirst.filter(step => step.entry.size > 0);
	let missing = layerCount - withSize.length;
	const chosen = new Set(withSize.map(step => step.index));
	const zero = oldestFirst.filter(step => step.entry.size <= 0);
	for (const step of [...zero.filter(s => !metadataOnly.test(s.entry.createdBy)), ...zero.filter(s => metadataOnly.test(s.entry.createdBy))]) {
		if (missing <= 0) break;
		chosen.add(step.index);
		missing--;
	}

	const result: Array<number | undefined> = history.map(() => undefined);
	let layer = 0;
	for (const step of oldestFirst) {
		if (!chosen.has(step.index) || layer >= layerCount) continue;
		result[step.index] = layer++;
	}

	return result;
}

/** Size of each layer (base first) from the history; 0 where no step matched. */
export function layerSizes(history: ImageHistoryEntry[], layerCount: number): number[] {
	const sizes = Array.from({length: layerCount}, () => 0);
	const owners = layerOfEachStep(history, layerCount);
	owners.forEach((layer, index) => {
		if (layer !== undefined) sizes[layer] = history[index]!.size;
	});
	return sizes;
}
