/**
 * Keys of the views that have their own: the diff view (filter, commit), the command log (select,
 * copy, save) and the results notice.
 */
import {lineAtEnd, prefilledLine} from '../input/line-editor.js';
import {defaultSnapshotTag} from '../format/snapshot-tag.js';
import type {AppState} from '../state/types.js';
import {viewRows} from '../state/reducer.js';
import {allContainers} from '../state/selectors.js';
import {commandLogPage} from '../state/selection.js';
import type {Command, CommandContext} from './types.js';

const diffOf = (state: AppState) => (state.modal?.kind === 'diff' ? state.modal : undefined);
const selectedEntry = (state: AppState) => (state.modal?.kind === 'commands' ? state.commandLog[state.modal.selected] : undefined);

function commitFromDiff(ctx: CommandContext) {
	const modal = diffOf(ctx.state)!;
	const c = allContainers(ctx.state).find(x => x.id === modal.id);
	if (!c) return;
	ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'commit', target: {kind: 'container', id: c.id, name: c.name}, line: prefilledLine(defaultSnapshotTag(c.name, ctx.services.now()))}});
}

export const viewCommands: Command[] = [
	{
		id: 'diff.filter',
		scope: 'diff',
		effect: 'none',
		keys: ['/'],
		label: 'filter',
		description: 'Filter the changes by path (Enter keeps it, Esc clears it)',
		bar: true,
		run: ctx => ctx.dispatch({type: 'view-filter', edit: lineAtEnd(diffOf(ctx.state)!.filter)}),
	},
	{id: 'diff.commit', scope: 'diff', effect: 'engine', keys: ['c'], label: 'commit', description: 'Commit the container with these changes to an image', bar: true, run: commitFromDiff},
	{
		id: 'commands.up',
		scope: 'commands',
		effect: 'none',
		keys: ['up', 'k'],
		label: 'select',
		description: 'Select the previous command',
		bar: true,
		run: ctx => ctx.dispatch({type: 'commands-select', delta: -1}),
	},
	{id: 'commands.down', scope: 'commands', effect: 'none', keys: ['down', 'j'], label: 'select', description: 'Select the next command', run: ctx => ctx.dispatch({type: 'commands-select', delta: 1})},
	{
		id: 'commands.page-up',
		scope: 'commands',
		effect: 'none',
		keys: ['pageup'],
		label: 'page',
		description: 'Select a page of commands back',
		bar: true,
		run: ctx => ctx.dispatch({type: 'commands-select', delta: -commandLogPage(ctx.state)}),
	},
	{id: 'commands.page-down', scope: 'commands', effect: 'none', keys: ['pagedown'], label: 'page', description: 'Select a page of commands on', run: ctx => ctx.dispatch({type: 'commands-select', delta: commandLogPage(ctx.state)})},
	{id: 'commands.first', scope: 'commands', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'Select the first command', run: ctx => ctx.dispatch({type: 'commands-select', delta: -Number.MAX_SAFE_INTEGER})},
	{id: 'commands.last', scope: 'commands', effect: 'none', keys: ['G', 'end'], label: 'last', description: 'Select the last command', run: ctx => ctx.dispatch({type: 'commands-select', delta: Number.MAX_SAFE_INTEGER})},
	{
		id: 'commands.copy',
		scope: 'commands',
		effect: 'none',
		keys: ['y'],
		label: 'copy',
		description: "Send the selected line to the terminal's clipboard (OSC 52)",
		bar: true,
		available: state => (state.commandLog.length > 0 ? true : 'Nothing to copy yet'),
		run: ctx => {
			const entry = selectedEntry(ctx.state);
			if (entry) ctx.services.copyToClipboard(entry.cli);
		},
	},
	{
		id: 'commands.copy-file',
		scope: 'commands',
		effect: 'none',
		keys: ['Y'],
		label: 'to file',
		description: 'Write the selected line to a new file (mode 0600) in the current directory',
		bar: true,
		available: state => (state.commandLog.length > 0 ? true : 'Nothing to write yet'),
		run: ctx => {
			const entry = selectedEntry(ctx.state);
			if (entry) ctx.services.copyToFile(entry.cli);
		},
	},
	{
		id: 'commands.save',
		scope: 'commands',
		effect: 'none',
		keys: ['w'],
		label: 'save',
		description: 'Write the command log to a file (as a shell script of comments and commands)',
		bar: true,
		available: state => (state.commandLog.length > 0 ? true : 'Nothing to save yet'),
		run: ctx => ctx.services.saveCommandLog(),
	},
	// Output views follow their end until scrolled back (state/follow-scroll.ts).
	{id: 'output.up', scope: 'output', effect: 'none', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the output back one line', bar: true, run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -1})},
	{id: 'output.down', scope: 'output', effect: 'none', keys: ['down', 'j'], label: 'scroll', description: 'Scroll the output forward one line', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: 1})},
	{id: 'output.page-up', scope: 'output', effect: 'none', keys: ['pageup'], label: 'page', description: 'Scroll the output back one page', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -viewRows(ctx.state)})},
	{id: 'output.page-down', scope: 'output', effect: 'none', keys: ['pagedown'], label: 'page', description: 'Scroll the output forward one page', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: viewRows(ctx.state)})},
	{id: 'output.follow', scope: 'output', effect: 'none', keys: ['G', 'end'], label: 'follow', description: 'Back to the live end of the output', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: Number.MAX_SAFE_INTEGER})},
	{id: 'output.first', scope: 'output', effect: 'none', keys: ['g', 'home'], label: 'first', description: 'The first line of the output', run: ctx => ctx.dispatch({type: 'scroll-modal', delta: -Number.MAX_SAFE_INTEGER})},
	{id: 'notice.close', scope: 'notice', effect: 'none', keys: ['escape', 'enter', 'q'], label: 'close', description: 'Close the results', bar: true, run: ctx => ctx.dispatch({type: 'close'})},
];

/** `:` opens the command log (from any pane). */
export const openCommandLog: Command = {
	id: 'app.command-log',
	scope: 'global',
	effect: 'none',
	keys: [':'],
	label: 'commands',
	description: 'The command log: every action this session with its docker CLI line',
	run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'commands', scroll: 0, selected: Math.max(0, ctx.state.commandLog.length - 1)}}),
};
