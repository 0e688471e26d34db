/**
 * `0`: the contexts view. Every context `docker context ls` lists, whether its engine answers
 * (checked in the background) and which berth shows; Enter switches berth to it (or to every
 * marked one at once, one list across them) without restarting; `u` also makes it the docker
 * CLI's current context, as `docker context use` does.
 */
import type {AppState} from '../state/types.js';
import type {Command, CommandContext} from './types.js';

const view = (state: AppState) => (state.modal?.kind === 'contexts' ? state.modal : undefined);
const selected = (state: AppState) => {
	const modal = view(state);
	return modal?.rows[modal.selected];
};

function open(ctx: CommandContext) {
	const contexts = ctx.services.contexts;
	if (!contexts) return ctx.say('info', 'No docker contexts here: berth runs without its command line');
	const {rows, problems} = contexts.list();
	const at = Math.max(0, rows.findIndex(r => r.inUse));
	ctx.dispatch({type: 'open', modal: {kind: 'contexts', rows, selected: at, marked: {}, problems}});
	contexts.check(
		rows.filter(r => !r.error).map(r => r.name),
		(name, check) => ctx.dispatch({type: 'context-check', name, check}),
	);
}

function switchTo(ctx: CommandContext) {
	const modal = view(ctx.state)!;
	const marked = modal.rows.filter(r => modal.marked[r.name]).map(r => r.name);
	const names = marked.length > 0 ? marked : [modal.rows[modal.selected]!.name];
	const unusable = modal.rows.find(r => names.includes(r.name) && r.error);
	if (unusable) return ctx.say('error', `${unusable.name}: ${unusable.error}`);
	ctx.dispatch({type: 'close'});
	ctx.services.contexts!.switchTo(names);
}

export const contextCommands: Command[] = [
	{id: 'app.contexts', scope: 'global', effect: 'none', keys: ['0'], label: 'contexts', description: 'Docker contexts: switch berth to another engine, or several at once', run: open},
	{id: 'unreachable.contexts', scope: 'unreachable', effect: 'none', keys: ['0'], label: 'contexts', description: 'Docker contexts: switch to another engine', bar: true, run: open},
	{id: 'contexts.up', scope: 'contexts', effect: 'none', keys: ['up', 'k'], label: 'select', description: 'Select the previous context', run: ctx => ctx.dispatch({type: 'contexts-select', delta: -1})},
	{id: 'contexts.down', scope: 'contexts', effect: 'none', keys: ['down', 'j'], label: 'select', description: 'Select the next context', run: ctx => ctx.dispatch({type: 'contexts-select', delta: 1})},
	{id: 'contexts.first', scope: 'contexts', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'Select the first context', run: ctx => ctx.dispatch({type: 'contexts-select', delta: -Number.MAX_SAFE_INTEGER})},
	{id: 'contexts.last', scope: 'contexts', effect: 'none', keys: ['G', 'end'], label: 'last', description: 'Select the last context', run: ctx => ctx.dispatch({type: 'contexts-select', delta: Number.MAX_SAFE_INTEGER})},
	{id: 'contexts.mark', scope: 'contexts', effect: 'none', keys: ['space'], label: 'mark', description: 'Mark a context (Enter then shows every marked one in one list)', bar: true, run: ctx => ctx.dispatch({type: 'contexts-mark'})},
	{
		id: 'contexts.switch',
		scope: 'contexts',
		effect: 'none',
		keys: ['enter'],
		label: 'switch',
		description: 'Show this context (or the marked ones) from now on; the CLI is not changed',
		bar: true,
		available: state => selected(state) !== undefined,
		run: switchTo,
	},
	{
		id: 'contexts.use',
		scope: 'contexts',
		effect: 'docker-config',
		keys: ['u'],
		label: 'use',
		description: "Make it the docker CLI's current context too (docker context use), and show it",
		bar: true,
		available: state => {
			const row = selected(state);
			return row ? (row.error ? `${row.name}: ${row.error}` : true) : false;
		},
		run: ctx => {
			const row = selected(ctx.state)!;
			try {
				const note = ctx.services.contexts!.use(row.name);
				ctx.dispatch({type: 'close'});
				ctx.services.contexts!.switchTo([row.name], note);
			} catch (error) {
				ctx.say('error', `${error instanceof Error ? error.message : String(error)} — docker context use ${row.name} failed`);
			}
		},
	},
	{id: 'contexts.close', scope: 'contexts', effect: 'none', keys: ['escape', 'q'], label: 'back', description: 'Close the contexts view', bar: true, run: ctx => ctx.dispatch({type: 'close'})},
];
