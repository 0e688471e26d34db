/**
 * Commands that work everywhere on the main screen (focus, moving, filtering, help, quitting),
 * on the unreachable screen, and in the full-screen views and the help overlay.
 */
import {listOf} from '../state/lists.js';
import {mainPanes} from '../state/main-screen.js';
import {activeKind, pageOf} from '../state/selectors.js';
import {viewRows} from '../state/reducer.js';
import {keyFor} from './keymap.js';
import type {Command, CommandContext} from './types.js';

/** Moves in the focused pane: the list's selection, or the log's scroll position. */
function move(ctx: CommandContext, delta: number | 'first' | 'last') {
	if (ctx.state.focus === 'logs') return ctx.dispatch({type: 'logs-scroll', delta});
	if (delta === 'first' || delta === 'last') return ctx.dispatch({type: 'move-to', where: delta});
	ctx.dispatch({type: 'move', delta});
}

function quit(ctx: CommandContext) {
	const running = ctx.services.running();
	if (running.length > 0 && !ctx.state.status?.text.startsWith('Still running: ')) {
		return ctx.say('info', `Still running: ${running.join(', ')} — press ${keyFor(ctx.state, 'app.quit', 'q')} again to quit anyway`);
	}
	ctx.services.exit();
}

/** Closes, in order: the focused list's filter (or the log search), the marks, merged logs, the status message. */
function close(ctx: CommandContext) {
	const {state} = ctx;
	const kind = activeKind(state);
	const list = kind ? listOf(state, kind.name) : undefined;
	if (list ? list.filter : state.focus === 'logs' && state.logs.search) return ctx.dispatch({type: 'filter-clear'});
	if (list && Object.keys(list.marked).length > 0) {
		ctx.dispatch({type: 'clear-marks'});
		return ctx.say('info', 'Marks cleared');
	}
	if (state.focus === 'logs' && state.logs.merged) return ctx.dispatch({type: 'merge', merged: undefined});
	ctx.dispatch({type: 'status', status: undefined});
}

export const appCommands: Command[] = [
	// A number key per pane of the main screen (state/screen.ts): it shows the pane in its slot and focuses it.
	...mainPanes().map(
		(pane): Command => ({id: `app.focus-${pane.id}`, scope: 'global', effect: 'none', keys: [pane.key], label: pane.id, description: `Focus the ${pane.id} pane`, run: ctx => ctx.dispatch({type: 'focus', pane: pane.id})}),
	),
	{id: 'app.next-pane', scope: 'global', effect: 'none', keys: ['tab'], label: 'next pane', description: 'Focus the next pane', bar: true, run: ctx => ctx.dispatch({type: 'cycle-focus', delta: 1})},
	{id: 'app.prev-pane', scope: 'global', effect: 'none', keys: ['shift-tab'], label: 'prev pane', description: 'Focus the previous pane', run: ctx => ctx.dispatch({type: 'cycle-focus', delta: -1})},
	{id: 'nav.up', scope: 'global', effect: 'none', keys: ['up', 'k'], label: 'up', description: 'Move the selection up', run: ctx => move(ctx, -1)},
	{id: 'nav.down', scope: 'global', effect: 'none', keys: ['down', 'j'], label: 'down', description: 'Move the selection down', run: ctx => move(ctx, 1)},
	{id: 'nav.page-up', scope: 'global', effect: 'none', keys: ['pageup'], label: 'page up', description: 'Move up one page (logs: scroll back)', run: ctx => move(ctx, -pageOf(ctx.state))},
	{id: 'nav.page-down', scope: 'global', effect: 'none', keys: ['pagedown'], label: 'page down', description: 'Move down one page (logs: towards the live end)', run: ctx => move(ctx, pageOf(ctx.state))},
	{id: 'nav.first', scope: 'global', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'Go to the first row', run: ctx => move(ctx, 'first')},
	{id: 'nav.last', scope: 'global', effect: 'none', keys: ['G', 'end'], label: 'last', description: 'Go to the last row (logs: follow)', run: ctx => move(ctx, 'last')},
	{id: 'app.help', scope: 'global', effect: 'none', keys: ['?'], label: 'help', description: 'Show every key', bar: true, run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'help', scroll: 0}})},
	{id: 'app.close', scope: 'global', effect: 'none', keys: ['escape'], label: 'close', description: 'Clear the filter, then the marks, then merged logs, then the message', run: close},
	{id: 'app.quit', scope: 'global', effect: 'none', keys: ['q', 'ctrl-c'], label: 'quit', description: 'Quit berth (Ctrl-C quits from anywhere)', bar: true, run: quit},

	// The unreachable screen: nothing to act on but leaving.
	{id: 'unreachable.quit', scope: 'unreachable', effect: 'none', keys: ['q', 'ctrl-c'], label: 'quit', description: 'Quit berth (it retries by itself meanwhile)', bar: true, run: ctx => ctx.services.exit()},

	// Full-screen views: details, history, processes.
	{id: 'view.close', scope: 'view', effect: 'none', keys: ['escape', 'q'], label: 'back', description: 'Close the view', bar: true, run: ctx => ctx.dispatch({type: 'close'})},
	{id: 'view.up', scope: 'view', effect: 'none', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the view', bar: true, run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -1})},
	{id: 'view.down', scope: 'view', effect: 'none', keys: ['down', 'j'], label: 'scroll', description: 'Scroll the view', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: 1})},
	{id: 'view.page-up', scope: 'view', effect: 'none', keys: ['pageup'], label: 'page', description: 'Scroll the view one page up', bar: true, run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -viewRows(ctx.state)})},
	{id: 'view.page-down', scope: 'view', effect: 'none', keys: ['pagedown'], label: 'page', description: 'Scroll the view one page down', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: viewRows(ctx.state)})},
	{id: 'view.top', scope: 'view', effect: 'none', keys: ['g', 'home'], label: 'top', description: 'Scroll to the top of the view', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -Number.MAX_SAFE_INTEGER})},
	{id: 'view.bottom', scope: 'view', effect: 'none', keys: ['G', 'end'], label: 'bottom', description: 'Scroll to the end of the view', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: Number.MAX_SAFE_INTEGER})},

	// The help overlay.
	{id: 'help.close', scope: 'help', effect: 'none', keys: ['escape', 'q', '?'], label: 'close', description: 'Close the help', bar: true, run: ctx => ctx.dispatch({type: 'close'})},
	{id: 'help.up', scope: 'help', effect: 'none', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the help', bar: true, run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -1})},
	{id: 'help.down', scope: 'help', effect: 'none', keys: ['down', 'j'], label: 'scroll', description: 'Scroll the help', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: 1})},
	{id: 'help.page-up', scope: 'help', effect: 'none', keys: ['pageup'], label: 'page', description: 'Scroll the help one page up', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -viewRows(ctx.state)})},
	{id: 'help.page-down', scope: 'help', effect: 'none', keys: ['pagedown'], label: 'page', description: 'Scroll the help one page down', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: viewRows(ctx.state)})},
];
