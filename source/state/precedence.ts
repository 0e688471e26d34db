/**
 * Who has the screen and who has the keyboard, in one place: the screen's body shows the
 * contexts view, else the unreachable screen while the engine is away, else the help, a
 * full-screen view, the Swarm view or the main panes; dialogs, notices and prompts are drawn over
 * it and take the keyboard first. The UI draws by `screenOf`; the commands look keys up by
 * `layerOf`.
 */
import type {AppState, Modal} from './types.js';

/** What the body of the screen shows. */
export type Screen = 'contexts' | 'unreachable' | 'help' | 'view' | 'swarm' | 'panes';

/** Who has the keyboard, from the top of the screen down. */
export type Layer = 'unreachable' | 'dialog' | 'notice' | 'prompt' | 'help' | 'view' | 'panes';

/** Modals drawn over the screen (the rest are full-screen views). */
export function isOverlay(modal: Modal): boolean {
	return modal.kind === 'confirm' || modal.kind === 'prompt' || modal.kind === 'form' || modal.kind === 'notice';
}

export function screenOf(state: AppState): Screen {
	const modal = state.modal;
	// While the engine is away only its screen shows (and the contexts view, to go elsewhere);
	// what was open comes back with it.
	if (modal?.kind === 'contexts') return 'contexts';
	if (state.conn.kind === 'down') return 'unreachable';
	if (modal?.kind === 'help') return 'help';
	if (modal && !isOverlay(modal)) return 'view';
	// The Swarm view is under whatever opens over it, and over the panes.
	if (state.swarm) return 'swarm';
	return 'panes';
}

/** Whether a line is being typed (a prompt, a form, a view's or a list's filter). */
function typing(state: AppState): boolean {
	const modal = state.modal;
	return modal?.kind === 'prompt' || modal?.kind === 'form' || (modal?.kind === 'diff' && modal.edit !== undefined) || (modal?.kind === 'inspect' && modal.search?.editing === true) || (!modal && state.filterEdit !== undefined);
}

export function layerOf(state: AppState): Layer {
	const screen = screenOf(state);
	if (screen === 'contexts') return 'view';
	if (screen === 'unreachable') return 'unreachable';
	if (state.modal?.kind === 'confirm') return 'dialog';
	if (state.modal?.kind === 'notice') return 'notice';
	if (typing(state)) return 'prompt';
	if (screen === 'help') return 'help';
	return screen === 'panes' ? 'panes' : 'view';
}
