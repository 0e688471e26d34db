/**
 * Keys of the images lifecycle's full-screen views that the shared view keys (scroll, close)
 * do not cover: the inspect view's raw JSON and its search, and the prune view's choice,
 * preview and confirmation (No is the default: only y prunes; n and Esc prune nothing).
 */
import {pruneChoices} from '../format/prune-choices.js';
import type {InspectModal, PruneModal} from '../state/images-types.js';
import type {AppState} from '../state/types.js';
import type {Command, CommandContext} from './types.js';

const inspectOf = (state: AppState): InspectModal | undefined => (state.modal?.kind === 'inspect' ? state.modal : undefined);
const pruneOf = (state: AppState): PruneModal | undefined => (state.modal?.kind === 'prune' ? state.modal : undefined);

function jump(direction: 1 | -1) {
	return (ctx: CommandContext) => ctx.dispatch({type: 'inspect-jump', direction});
}

const hasMatches = (state: AppState) => {
	const search = inspectOf(state)?.search;
	if (!search) return false;
	return search.matches.length > 0 ? true : `No line matches ${search.line.value}`;
};

function moveChoice(ctx: CommandContext, delta: number) {
	const modal = pruneOf(ctx.state)!;
	if (modal.step !== 'choose') return ctx.dispatch({type: 'scroll-modal', delta});
	ctx.dispatch({type: 'prune-choice', choice: Math.max(0, Math.min(pruneChoices.length - 1, modal.choice + delta))});
}

function preview(ctx: CommandContext, choice: number) {
	ctx.services.images.previewPrune(choice);
}

/** n, Esc, q: closes; before the prune ran, nothing was pruned (while it runs the view only hides). */
function cancel(ctx: CommandContext) {
	const modal = pruneOf(ctx.state)!;
	ctx.dispatch({type: 'close'});
	if (modal.step === 'preview' || modal.step === 'choose' || modal.step === 'previewing') ctx.say('info', 'Cancelled; nothing was pruned');
}

export const imageViewCommands: Command[] = [
	{
		id: 'inspect.raw',
		scope: 'inspect',
		effect: 'none',
		keys: ['r'],
		label: 'raw/tables',
		description: 'Switch between the tables and the raw JSON',
		bar: true,
		run: ctx => ctx.dispatch({type: 'inspect-raw', raw: !inspectOf(ctx.state)!.raw}),
	},
	{
		id: 'inspect.search',
		scope: 'inspect',
		effect: 'none',
		keys: ['/'],
		label: 'search',
		description: 'Search the raw JSON (text, or /regex/); Enter keeps it, Esc clears it',
		bar: true,
		available: state => inspectOf(state)?.rawLines !== undefined,
		run: ctx => {
			if (!inspectOf(ctx.state)!.raw) ctx.dispatch({type: 'inspect-raw', raw: true});
			const previous = inspectOf(ctx.state)!.search;
			ctx.dispatch({type: 'inspect-search', search: {line: previous?.line ?? {value: '', cursor: 0}, editing: true, matches: [], current: 0}});
		},
	},
	{id: 'inspect.next', scope: 'inspect', effect: 'none', keys: ['n'], label: 'next', description: 'Next match', bar: true, available: hasMatches, run: jump(1)},
	{id: 'inspect.prev', scope: 'inspect', effect: 'none', keys: ['N'], label: 'previous', description: 'Previous match', available: hasMatches, run: jump(-1)},
	{
		id: 'inspect.close',
		scope: 'inspect',
		effect: 'none',
		keys: ['escape', 'q'],
		label: 'back',
		description: 'Clear the search, else close the view',
		bar: true,
		run: ctx => (inspectOf(ctx.state)!.search ? ctx.dispatch({type: 'inspect-search', search: undefined}) : ctx.dispatch({type: 'close'})),
	},

	{id: 'prune.up', scope: 'prune', effect: 'none', keys: ['up', 'k'], label: 'move', description: 'Previous choice (in the preview: scroll)', bar: true, run: ctx => moveChoice(ctx, -1)},
	{id: 'prune.down', scope: 'prune', effect: 'none', keys: ['down', 'j'], label: 'move', description: 'Next choice (in the preview: scroll)', run: ctx => moveChoice(ctx, 1)},
	{id: 'prune.first', scope: 'prune', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'First choice (in the preview: the top)', run: ctx => moveChoice(ctx, -Number.MAX_SAFE_INTEGER)},
	{id: 'prune.last', scope: 'prune', effect: 'none', keys: ['G', 'end'], label: 'last', description: 'Last choice (in the preview: the end)', run: ctx => moveChoice(ctx, Number.MAX_SAFE_INTEGER)},
	{
		id: 'prune.enter',
		scope: 'prune',
		effect: 'none',
		keys: ['enter'],
		label: 'preview',
		description: 'Preview the chosen prune: what would go and the space to reclaim',
		bar: true,
		available: state => pruneOf(state)?.step === 'choose',
		run: ctx => preview(ctx, pruneOf(ctx.state)!.choice),
	},
	{
		id: 'prune.yes',
		scope: 'prune',
		effect: 'engine',
		keys: ['y'],
		label: 'yes, prune',
		description: 'Prune what the preview lists',
		bar: true,
		available: state => {
			const modal = pruneOf(state);
			if (modal?.step !== 'preview') return false;
			return modal.plan && modal.plan.items.length > 0 ? true : 'Nothing to prune';
		},
		run: ctx => ctx.services.images.prune(pruneOf(ctx.state)!.choice),
	},
	{
		id: 'prune.cancel',
		scope: 'prune',
		effect: 'none',
		keys: ['n', 'escape', 'q'],
		label: 'no (default)',
		description: 'Prune nothing and close (while pruning: hide the view)',
		bar: true,
		// "no (default)" only while the preview asks; then it closes (or, while pruning, hides) the view.
		barLabel: state => {
			const modal = pruneOf(state);
			if (modal?.step === 'preview' && modal.plan && modal.plan.items.length > 0) return 'no (default)';
			return modal?.step === 'pruning' ? 'hide' : 'close';
		},
		run: cancel,
	},
];

