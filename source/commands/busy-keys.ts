/**
 * Keys typed while berth was busy (input/busy-watch.ts) were typed at the screen that stayed on
 * display meanwhile: a prompt, say, while a long paste was worked on. They act on that screen,
 * in order, and never on one the user did not see: once one of them changes the screen (Esc
 * closes the prompt, Enter submits it), the rest are not run, and the status line says how
 * many. That holds across the reads of one busy spell, until a read comes while berth answers.
 * Ctrl-C is never held back: it quits from anywhere.
 *
 * Keys read while berth answers are all run, in order, each seeing the screen the previous one
 * left (a dialog opened by a key takes the key after it): that is typing ahead, at a screen
 * that keeps up.
 */
import type {KeyEvent} from '../input/decode-keys.js';
import type {AppState} from '../state/types.js';
import {handleKey} from './dispatch.js';
import {layerOf} from '../state/precedence.js';
import {scopesOf} from './registry.js';
import type {CommandContext} from './types.js';

/** What identifies a screen for this: who has the keyboard, and which prompt, form or view. */
function screenKey(state: AppState): string {
	const modal = state.modal;
	const which = modal?.kind === 'prompt' ? modal.purpose : modal?.kind === 'form' ? modal.form : '';
	return [layerOf(state), ...scopesOf(state), modal?.kind ?? '', which, state.filterEdit?.pane ?? ''].join('|');
}

/** Runs the keys of each read (see above); `busy`: the read came after berth was busy. */
export function createKeyRunner(ctx: CommandContext): (events: KeyEvent[], busy: boolean) => void {
	// During a busy spell: the screen its keys were typed at, and how many were not run.
	let spell: {screen: string; held: number} | undefined;
	return (events, busy) => {
		if (!busy) spell = undefined;
		else spell ??= {screen: screenKey(ctx.state), held: 0};
		const before = spell?.held ?? 0;
		for (const event of events) {
			const quit = event.kind === 'key' && event.name === 'ctrl-c';
			if (spell && !quit && (spell.held > 0 || screenKey(ctx.state) !== spell.screen)) {
				spell.held++;
				continue;
			}
			handleKey(ctx, event);
		}
		if (spell && spell.held > before) ctx.say('info', `Ignored ${spell.held} ${spell.held === 1 ? 'key' : 'keys'} typed while berth was busy (the screen had changed)`);
	};
}
