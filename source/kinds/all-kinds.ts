/**
 * Every kind berth lists, in the order the help names them. Adding a kind is its declaration
 * (one file here) and its name in the list below; the state, the panes, the filter, the
 * sort, the marks and the HOST column take it from there.
 */
import {filterWords} from '../state/lists.js';
import {containersKind} from './containers.js';
import {imagesKind} from './images.js';
import type {AnyKind} from './kind.js';
import {nodesKind} from './nodes.js';
import {servicesKind} from './services.js';
import {tasksKind} from './tasks.js';

const registered: AnyKind[] = [];
const byName = new Map<string, AnyKind>();
/** For each filter word, the kinds that take it (in their plural): `dangling=` typed over containers says it filters images. */
const wordKinds = new Map<string, string[]>();
filterWords.others = wordKinds;

/** Every kind, in the order they were declared. */
export const kinds: readonly AnyKind[] = registered;

/** Adds a kind: its list, its pane or part, its filter words. */
export function registerKind(kind: AnyKind): void {
	registered.push(kind);
	byName.set(kind.name, kind);
	for (const word of kind.words ?? []) wordKinds.set(word.name, [...(wordKinds.get(word.name) ?? []), kind.nouns]);
}

for (const kind of [containersKind, imagesKind, servicesKind, tasksKind, nodesKind]) registerKind(kind as AnyKind);

/** The kind of that name (a list's, a pane's, a scope's), if it is one. */
export function kindNamed(name: string): AnyKind | undefined {
	return byName.get(name);
}

/** The kind whose rows a confirm target names (`container`, `image`, `service`, …). */
export function kindOfNoun(noun: string): AnyKind | undefined {
	return registered.find(kind => kind.noun === noun);
}
