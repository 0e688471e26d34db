/**
 * The one table of commands. Key dispatch, the help bar, the `?` overlay, dialog and view key
 * hints and the README's key table all come from it, so they cannot drift apart.
 */
import {kinds} from '../kinds/all-kinds.js';
import {markedRows, targetOf} from '../state/lists.js';
import {layerOf} from '../state/precedence.js';
import {mainPanes} from '../state/main-screen.js';
import {activeKind} from '../state/selectors.js';
import type {AppState, ConfirmTarget} from '../state/types.js';
import {defaultKeymap, type Keymap} from './keymap.js';
import {readOnlyRefusal} from './read-only.js';
import {appCommands} from './app.js';
import {dialogCommands} from './confirm.js';
import {containerLifecycle, stopWithTimeout} from './container-lifecycle.js';
import {containerTools} from './container-tools.js';
import {contextCommands} from './contexts.js';
import './copy-forms.js';
import {imageCommands} from './images.js';
import {imageLifecycleCommands} from './images-lifecycle.js';
import {imageViewCommands} from './image-views.js';
import {jobCommands, showCopy} from './job-views.js';
import {pullFirst, runCommands} from './run-forms.js';
import {openCommandLog, viewCommands} from './view-commands.js';
import {listCommands} from './lists.js';
import {logCommands} from './logs.js';
import {promptCommands} from './prompts.js';
import {swarmNodeCommands, swarmServiceCommands} from './swarm-actions.js';
import {swarmViewCommands} from './swarm.js';
import type {Command, Scope} from './types.js';

const byId = new Map<string, Command>();

export const commands: readonly Command[] = [
	...appCommands,
	...listCommands,
	...containerLifecycle,
	stopWithTimeout,
	...containerTools,
	showCopy,
	...imageCommands,
	...imageLifecycleCommands,
	...runCommands,
	pullFirst,
	openCommandLog,
	...viewCommands,
	...imageViewCommands,
	...jobCommands,
	...contextCommands,
	...swarmViewCommands,
	...swarmServiceCommands,
	...swarmNodeCommands,
	...logCommands,
	...dialogCommands(id => byId.get(id)),
	...promptCommands,
];
for (const command of commands) byId.set(command.id, command);

/** The registry's own keys: the keymap when the config gives none. */
const registryKeys = defaultKeymap(commands);

/** The keys a command (by id) has in effect in this state. */
export function keysOfId(id: string, state: Pick<AppState, 'keymap'>): readonly string[] {
	const command = byId.get(id);
	return command ? keymapOf(state).keysOf(command) : [];
}

/** The keys in effect in this state. */
export function keymapOf(state: Pick<AppState, 'keymap'>): Keymap {
	return state.keymap ?? registryKeys;
}

/**
 * Every order in which scopes are looked up (scopesOf gives one of these, or a single scope):
 * a scope earlier in one is consulted first, so its keys hide a later scope's. A main pane's
 * before `global`, a view's own before `view`, a Swarm part's before `swarm`.
 */
function scopeChains(): Array<readonly Scope[]> {
	return [
		...mainPanes().map(pane => [pane.id, 'global']),
		...['diff', 'commands', 'output', 'inspect', 'prune', 'job'].map(view => [view, 'view']),
		...kinds.filter(kind => 'view' in kind.place).map(kind => [kind.name, 'swarm']),
	];
}

/** The scopes looked up before `scope` wherever it is looked up. */
export function scopesBefore(scope: Scope): Scope[] {
	return scopeChains().flatMap(chain => (chain.includes(scope) ? chain.slice(0, chain.indexOf(scope)) : []));
}

/** The scopes consulted, in order, for the layer that has the keyboard. */
export function scopesOf(state: AppState): Scope[] {
	const layer = layerOf(state);
	if (layer === 'panes') return [state.focus, 'global'];
	// A view with keys of its own (diff, command log, inspect, prune) has them first, then the views' common keys.
	const kind = state.modal?.kind;
	if (layer === 'view' && (kind === 'diff' || kind === 'commands' || kind === 'output' || kind === 'inspect' || kind === 'prune')) return [kind, 'view'];
	// Work that takes a while: its own keys (cancel, a copy's question), then the views' common keys.
	if (layer === 'view' && (kind === 'transfer' || kind === 'build' || kind === 'copy')) return ['job', 'view'];
	// Service logs scroll as output does.
	if (layer === 'view' && kind === 'service-logs') return ['output', 'view'];
	// The Swarm view: the part with the keyboard, then the view's own keys.
	if (layer === 'view' && !state.modal && state.swarm) return [state.swarm.part, 'swarm'];
	if (layer === 'view' && kind === 'contexts') return ['contexts'];
	return [layer];
}

/** The command a key reaches now: the first scope that binds it decides (nothing leaks past a dialog or prompt). */
export function commandFor(key: string, state: AppState): Command | undefined {
	const keymap = keymapOf(state);
	for (const scope of scopesOf(state)) {
		const command = keymap.at(scope, key);
		if (command) return command;
	}
	// Ctrl-C quits from anywhere.
	if (key === 'ctrl-c') return byId.get('app.quit');
	return undefined;
}

/** The marked rows a bulk command acts on now: those of the list with the keyboard, when the command is that list's. */
export function bulkRows(command: Command, state: AppState): ConfirmTarget[] {
	const layer = layerOf(state);
	const kind = activeKind(state);
	if (!command.bulk || !kind || command.scope !== kind.name || (layer !== 'panes' && layer !== 'view')) return [];
	return markedRows(state, kind).map(row => targetOf(kind, row));
}

/**
 * Whether a command can run in this state (see Command.available); a bulk command can whenever
 * rows are marked. Read-only mode refuses what changes anything first.
 */
export function availability(command: Command, state: AppState): boolean | string {
	const refused = readOnlyRefusal(command, state.readOnly);
	if (refused) return refused;
	if (command.bulk && bulkRows(command, state).length > 0) return true;
	return command.available ? command.available(state) : true;
}

/** The help bar: the bar commands of the scopes in use that are available now, `?` first. */
export function barCommands(state: AppState): Command[] {
	const seen = new Set<string>();
	const result: Command[] = [];
	const scopes = scopesOf(state);
	const keymap = keymapOf(state);
	scopes.forEach((scope, at) => {
		// A key bound in an earlier scope (the pane's, the view's own) shadows later commands on it.
		const shadowed = (key: string) => scopes.slice(0, at).some(earlier => keymap.at(earlier, key) !== undefined);
		for (const command of commands) {
			if (command.scope !== scope || !command.bar || availability(command, state) !== true) continue;
			if (keymap.keysOf(command).every(shadowed)) continue;
			if (seen.has(command.label)) continue;
			seen.add(command.label);
			result.push(command);
		}
	});
	// `?` first: when the bar is cut short on a narrow terminal, the way to every key still shows.
	return result.sort((a, b) => Number(b.id === 'app.help') - Number(a.id === 'app.help'));
}

/** The scopes in the order the `?` overlay and README list them, with their titles: the main panes' by number key, the Swarm view's parts after the view. */
export const scopeTitles: ReadonlyArray<[Scope, string]> = [
	['global', 'Everywhere'],
	...mainPanes().map((pane): [Scope, string] => [pane.id, `${pane.title} pane`]),
	['swarm', 'Swarm view (4)'],
	...kinds.filter(kind => 'view' in kind.place).map((kind): [Scope, string] => [kind.name, `Swarm ${kind.nouns}`]),
	['view', 'Full-screen views (details, processes, diff, output, command log, pull/push progress, build output, copy progress, image inspect, layers (image history), prune, service and node inspect)'],
	['diff', 'Diff view'],
	['output', 'Output views (an attached run, service logs)'],
	['commands', 'Command log'],
	['inspect', 'Image inspect view'],
	['prune', 'Prune view'],
	['job', 'Pull, push, build and copy views'],
	['contexts', 'Contexts view'],
	['help', 'Help overlay'],
	['dialog', 'Confirm dialogs'],
	['notice', 'Results'],
	['prompt', 'Prompts and forms'],
	['unreachable', 'When the engine is unreachable'],
];
