/**
 * `4`: the Swarm view — services on top, the selected service's tasks below them, the nodes at
 * the bottom (on a manager; a worker or an engine in no swarm says so in one line). These are
 * its own keys: moving between the parts and within one, help, the command log, back. What the
 * keys do to services and nodes: swarm-actions.ts.
 */
import {listOf} from '../state/lists.js';
import {activeKind} from '../state/selectors.js';
import {swarmListRows} from '../state/swarm-selectors.js';
import type {AppState} from '../state/types.js';
import type {Command, CommandContext} from './types.js';

function move(ctx: CommandContext, delta: number | 'first' | 'last') {
	ctx.dispatch(delta === 'first' || delta === 'last' ? {type: 'move-to', where: delta} : {type: 'move', delta});
}

/** Each opening of the view is told apart (its reads belong to it). */
let openings = 0;

/** The parts are there on a manager only (a worker, or an engine in no swarm, gets one line). */
const hasParts = (state: AppState) => state.swarm?.role === 'manager';

const page = (ctx: CommandContext) => swarmListRows(ctx.state, ctx.state.swarm?.part ?? 'services');

export const swarmViewCommands: Command[] = [
	{
		id: 'app.swarm',
		scope: 'global',
		effect: 'none',
		keys: ['4'],
		label: 'swarm',
		description: 'Swarm: services, their tasks and the nodes (read on a swarm manager)',
		bar: true,
		run: ctx => ctx.dispatch({type: 'swarm-open', opening: ++openings}),
	},
	{id: 'swarm.next-part', scope: 'swarm', effect: 'none', keys: ['tab'], label: 'next part', description: 'Move to the next part: services, tasks, nodes', bar: true, available: hasParts, run: ctx => ctx.dispatch({type: 'swarm-part', delta: 1})},
	{id: 'swarm.prev-part', scope: 'swarm', effect: 'none', keys: ['shift-tab'], label: 'prev part', description: 'Move to the previous part', available: hasParts, run: ctx => ctx.dispatch({type: 'swarm-part', delta: -1})},
	{id: 'swarm.up', scope: 'swarm', effect: 'none', keys: ['up', 'k'], label: 'up', description: 'Select the previous row', run: ctx => move(ctx, -1)},
	{id: 'swarm.down', scope: 'swarm', effect: 'none', keys: ['down', 'j'], label: 'down', description: 'Select the next row', run: ctx => move(ctx, 1)},
	{id: 'swarm.page-up', scope: 'swarm', effect: 'none', keys: ['pageup'], label: 'page up', description: 'Move up one page', run: ctx => move(ctx, -page(ctx))},
	{id: 'swarm.page-down', scope: 'swarm', effect: 'none', keys: ['pagedown'], label: 'page down', description: 'Move down one page', run: ctx => move(ctx, page(ctx))},
	{id: 'swarm.first', scope: 'swarm', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'Go to the first row', run: ctx => move(ctx, 'first')},
	{id: 'swarm.last', scope: 'swarm', effect: 'none', keys: ['G', 'end'], label: 'last', description: 'Go to the last row', run: ctx => move(ctx, 'last')},
	{id: 'swarm.help', scope: 'swarm', effect: 'none', keys: ['?'], label: 'help', description: 'Show every key', bar: true, run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'help', scroll: 0}})},
	{
		id: 'swarm.command-log',
		scope: 'swarm',
		effect: 'none',
		keys: [':'],
		label: 'commands',
		description: 'The command log: every action this session with its docker CLI line',
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'commands', scroll: 0, selected: Math.max(0, ctx.state.commandLog.length - 1)}}),
	},
	{
		id: 'swarm.close',
		scope: 'swarm',
		effect: 'none',
		keys: ['escape', 'q'],
		label: 'back',
		description: "Clear the part's filter, else close the Swarm view (it stops reading)",
		bar: true,
		run: ctx => {
			// As in the panes, Esc clears a filter before it leaves.
			const kind = activeKind(ctx.state);
			if (kind && listOf(ctx.state, kind.name).filter) return ctx.dispatch({type: 'filter-clear'});
			ctx.dispatch({type: 'swarm-close'});
		},
	},
];
