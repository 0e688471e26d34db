/**
 * The logs pane's commands: scrolling, search and n / N, grep mode, timestamps, wrapping,
 * since and tail, saving, and leaving merged logs.
 */
import {defaultLogPath} from '../logs/save-logs.js';
import {prefilledLine} from '../input/line-editor.js';
import {mergedLogs} from './container-tools.js';
import {keyFor} from './keymap.js';
import type {Command, CommandContext} from './types.js';

function saveLogs(ctx: CommandContext, confirmed?: {target: {name: string; ref?: string}; payload?: Record<string, string>}) {
	if (confirmed) return ctx.services.saveLogs(confirmed.target.name, confirmed.target.ref === 'engine' ? 'engine' : 'buffer', true, confirmed.payload?.['through']);
	const targets = ctx.state.logs.targets;
	if (targets.length === 0) return ctx.say('info', 'No log to save: select a container');
	const name = targets.length > 1 ? 'merged' : targets[0]!.name;
	ctx.dispatch({
		type: 'open',
		modal: {kind: 'prompt', purpose: 'save-logs', target: {kind: 'container', id: targets[0]!.id, name}, line: prefilledLine(defaultLogPath(name, ctx.services.now())), scope: 'buffer'},
	});
}

export const logCommands: Command[] = [
	{id: 'logs.up', scope: 'logs', effect: 'none', keys: ['up', 'k'], label: 'scroll', description: 'Scroll the log back one line', run: ctx => ctx.dispatch({type: 'logs-scroll', delta: -1})},
	{id: 'logs.down', scope: 'logs', effect: 'none', keys: ['down', 'j'], label: 'scroll', description: 'Scroll the log forward one line', run: ctx => ctx.dispatch({type: 'logs-scroll', delta: 1})},
	{
		id: 'logs.search',
		scope: 'logs',
		effect: 'none',
		keys: ['/'],
		label: 'search',
		description: 'Search the log: text, or /regex/ (Enter keeps it, Esc clears it)',
		bar: true,
		run: ctx => ctx.dispatch({type: 'filter-start'}),
	},
	{id: 'logs.next-match', scope: 'logs', effect: 'none', keys: ['n'], label: 'next', description: 'Jump to the next match', bar: true, run: ctx => ctx.dispatch({type: 'logs-jump', direction: 1})},
	{id: 'logs.prev-match', scope: 'logs', effect: 'none', keys: ['N'], label: 'prev', description: 'Jump to the previous match', run: ctx => ctx.dispatch({type: 'logs-jump', direction: -1})},
	{
		id: 'logs.grep',
		scope: 'logs',
		effect: 'none',
		keys: ['f'],
		label: 'grep',
		description: 'Show only matching lines (stays live)',
		bar: true,
		available: state => (state.logs.search ? true : `Search first (${keyFor(state, 'logs.search', '/')}), then ${keyFor(state, 'logs.grep', 'f')} shows only the matching lines`),
		run: ctx => ctx.dispatch({type: 'logs-toggle', what: 'filterMode'}),
	},
	{id: 'logs.timestamps', scope: 'logs', effect: 'none', keys: ['t'], label: 'time', description: "Show the engine's timestamps (local time)", bar: true, run: ctx => ctx.dispatch({type: 'logs-toggle', what: 'timestamps'})},
	{id: 'logs.wrap', scope: 'logs', effect: 'none', keys: ['w'], label: 'wrap', description: 'Wrap long lines', bar: true, run: ctx => ctx.dispatch({type: 'logs-toggle', what: 'wrap'})},
	{id: 'logs.since-shorter', scope: 'logs', effect: 'none', keys: ['['], label: 'since', description: 'Since: step back through all, 24h, 1h, 5m (restarts the stream)', run: ctx => ctx.dispatch({type: 'logs-since', delta: -1})},
	{id: 'logs.since-longer', scope: 'logs', effect: 'none', keys: [']'], label: 'since', description: 'Since: step forward through 5m, 1h, 24h, all (restarts the stream)', run: ctx => ctx.dispatch({type: 'logs-since', delta: 1})},
	{id: 'logs.tail-more', scope: 'logs', effect: 'none', keys: ['+'], label: 'tail', description: 'Initial tail: more lines (100, 200, 500, 2000, all)', run: ctx => ctx.dispatch({type: 'logs-tail', delta: 1})},
	{id: 'logs.tail-less', scope: 'logs', effect: 'none', keys: ['-'], label: 'tail', description: 'Initial tail: fewer lines', run: ctx => ctx.dispatch({type: 'logs-tail', delta: -1})},
	{
		id: 'logs.save',
		scope: 'logs',
		effect: 'none',
		keys: ['S'],
		label: 'save',
		description: 'Save the log to a file (the buffer, or Tab: the whole log from the engine)',
		bar: true,
		run: saveLogs,
	},
	{
		id: 'logs.single',
		scope: 'logs',
		effect: 'none',
		keys: ['L'],
		label: 'single',
		description: 'Leave merged logs (back to the selected container)',
		available: state => state.logs.merged !== undefined,
		run: mergedLogs,
	},
];
