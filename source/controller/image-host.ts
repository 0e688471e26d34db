/** What the images lifecycle services (transfers, builds, prunes) share from the controller. */
import type {Engine} from '../engine/types.js';
import type {Store} from '../state/store.js';
import type {ImageRow} from '../state/types.js';
import type {ActionRunner} from './action-runner.js';
import {allImageRows} from '../state/selectors.js';

export interface ImageHost {
	engine: Engine;
	store: Store;
	runner: ActionRunner;
	/** A fresh snapshot from the engine. */
	refresh(): void;
	say(tone: 'ok' | 'error' | 'info', text: string): void;
	/** Where a relative build context starts. */
	cwd: string;
}

export function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Selects the first image row that `match` accepts, in the images pane, as soon as the list
 * has it (the feed refreshes on the engine's image event); gives up after 10 s.
 */
export function selectImageWhenListed(store: Store, match: (row: ImageRow) => boolean): void {
	const select = () => {
		const row = allImageRows(store.getState()).find(r => match(r));
		if (!row) return false;
		store.dispatch({type: 'select', list: 'images', key: row.key});
		return true;
	};
	if (select()) return;
	const unsubscribe = store.subscribe(() => {
		if (select()) {
			unsubscribe();
			clearTimeout(timer);
		}
	});
	const timer = setTimeout(unsubscribe, 10_000);
	timer.unref?.();
}
