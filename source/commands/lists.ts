/**
 * The commands every list has, whatever its kind: the `/` filter (Docker's filter words and free
 * text), the sort (`o` the kind's next order, `O` reversed) and marks (Space, on a kind whose
 * rows are marked for bulk actions). They act on the list with the keyboard (state/selectors.ts
 * `activeKind`); in the logs pane `/` is the log search.
 */
import {listOf, selectedRow} from '../state/lists.js';
import {activeKind} from '../state/selectors.js';
import type {AppState} from '../state/types.js';
import type {Command} from './types.js';

/** The list's orders, for the help: "state, name, CPU, memory, created". */
const sortable = (state: AppState): boolean | string => {
	const kind = activeKind(state);
	if (!kind) return false;
	return kind.sort.length > 1 ? true : `The ${kind.nouns} have one order`;
};

const markable = (state: AppState): boolean => {
	const kind = activeKind(state);
	return kind?.markable === true && selectedRow(state, kind) !== undefined;
};

const filter = (scope: string): Command => ({
	id: scope === 'global' ? 'app.filter' : `${scope}.filter`,
	scope,
	effect: 'none',
	keys: ['/'],
	label: 'filter',
	description:
		scope === 'global'
			? 'Filter by text or Docker words: status=exited label=KEY=VALUE … (logs: search)'
			: 'Filter the part by text or Docker words (label=KEY=VALUE, role=manager, …)',
	bar: true,
	run: ctx => ctx.dispatch({type: 'filter-start'}),
});

export const listCommands: Command[] = [
	filter('global'),
	filter('swarm'),
	{
		id: 'list.mark',
		scope: 'global',
		effect: 'none',
		keys: ['space'],
		label: 'mark',
		description: 'Mark or unmark the row and move down (Esc clears every mark)',
		available: markable,
		run: ctx => {
			const kind = activeKind(ctx.state)!;
			ctx.dispatch({type: 'mark', key: kind.key(selectedRow(ctx.state, kind)!)});
			ctx.dispatch({type: 'move', delta: 1});
		},
	},
	{
		id: 'list.sort',
		scope: 'global',
		effect: 'none',
		keys: ['o'],
		label: 'sort',
		description: 'Sort by the next order (containers: state, name, CPU, memory, created)',
		available: sortable,
		run: ctx => {
			ctx.dispatch({type: 'sort-next'});
			const kind = activeKind(ctx.state)!;
			const key = listOf(ctx.state, kind.name).sort.key;
			ctx.say('info', `${kind.title} sorted by ${kind.sort.find(s => s.id === key)?.label ?? key}`);
		},
	},
	{id: 'list.sort-reverse', scope: 'global', effect: 'none', keys: ['O'], label: 'reverse', description: 'Reverse the sort order', available: state => activeKind(state) !== undefined, run: ctx => ctx.dispatch({type: 'sort-reverse'})},
];
