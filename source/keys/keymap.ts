/**
 * The one keymap table. Key dispatch (`resolveAction`), the help bar, the `?` overlay and the
 * README's key table all come from these entries, so they cannot drift apart.
 */

/** Where a binding applies. `global` works in every pane unless the pane binds the key itself. */
export type Scope = 'global' | 'containers' | 'images' | 'logs' | 'dialog' | 'prompt' | 'view';

export type ActionName =
	| 'focus-containers'
	| 'focus-images'
	| 'focus-logs'
	| 'next-pane'
	| 'prev-pane'
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'first'
	| 'last'
	| 'filter'
	| 'help'
	| 'close'
	| 'quit'
	| 'start'
	| 'stop'
	| 'kill'
	| 'restart'
	| 'pause'
	| 'commit'
	| 'remove'
	| 'toggle-all'
	| 'details'
	| 'show-logs'
	| 'remove-image'
	| 'history'
	| 'confirm'
	| 'cancel'
	| 'force'
	| 'submit'
	| 'logs-up'
	| 'logs-down'
	| 'search'
	| 'next-match'
	| 'prev-match'
	| 'toggle-filter-mode'
	| 'toggle-timestamps'
	| 'toggle-wrap'
	| 'since-shorter'
	| 'since-longer'
	| 'tail-more'
	| 'tail-less'
	| 'save-logs'
	| 'mark'
	| 'merged-logs'
	| 'exec-shell'
	| 'exec-command'
	| 'attach'
	| 'sort'
	| 'sort-reverse'
	| 'top'
	| 'run'
	| 'next-field'
	| 'prev-field';

/** Normalised key names produced by `keyNames()` in match.ts. */
export type KeyName = string;

export interface Binding {
	action: ActionName;
	/** Key names, e.g. 'j', 'K', 'up', 'pageup', 'tab', 'shift-tab', 'enter', 'escape', 'ctrl-c'. */
	keys: KeyName[];
	scope: Scope;
	/** Short label for the help bar. */
	label: string;
	/** Sentence for the `?` overlay and the README. */
	description: string;
	/** Shown in the help bar of its scope (the overlay always lists every binding). */
	bar?: boolean;
}

export const keymap: readonly Binding[] = [
	// Global
	{action: 'focus-containers', keys: ['1'], scope: 'global', label: 'containers', description: 'Focus the containers pane'},
	{action: 'focus-images', keys: ['2'], scope: 'global', label: 'images', description: 'Focus the images pane'},
	{action: 'focus-logs', keys: ['3'], scope: 'global', label: 'logs', description: 'Focus the logs pane'},
	{action: 'next-pane', keys: ['tab'], scope: 'global', label: 'next pane', description: 'Focus the next pane', bar: true},
	{action: 'prev-pane', keys: ['shift-tab'], scope: 'global', label: 'prev pane', description: 'Focus the previous pane'},
	{action: 'up', keys: ['up', 'k'], scope: 'global', label: 'up', description: 'Move the selection up'},
	{action: 'down', keys: ['down', 'j'], scope: 'global', label: 'down', description: 'Move the selection down'},
	{action: 'page-up', keys: ['pageup'], scope: 'global', label: 'page up', description: 'Move up one page (logs: scroll back)'},
	{action: 'page-down', keys: ['pagedown'], scope: 'global', label: 'page down', description: 'Move down one page (logs: towards the live end)'},
	{action: 'first', keys: ['g'], scope: 'global', label: 'first', description: 'Go to the first row'},
	{action: 'last', keys: ['G'], scope: 'global', label: 'last', description: 'Go to the last row (logs: follow)'},
	{action: 'filter', keys: ['/'], scope: 'global', label: 'filter', description: 'Filter the focused list by substring (Enter keeps it, Esc clears it)', bar: true},
	{action: 'help', keys: ['?'], scope: 'global', label: 'help', description: 'Show every key', bar: true},
	{action: 'close', keys: ['escape'], scope: 'global', label: 'close', description: 'Close a dialog, overlay or view; clear the filter'},
	{action: 'quit', keys: ['q', 'ctrl-c'], scope: 'global', label: 'quit', description: 'Quit berth', bar: true},

	// Containers pane
	{action: 'start', keys: ['u'], scope: 'containers', label: 'start', description: 'Start the container', bar: true},
	{action: 'stop', keys: ['s'], scope: 'containers', label: 'stop', description: 'Stop: SIGTERM, then SIGKILL after the grace period', bar: true},
	{action: 'kill', keys: ['K'], scope: 'containers', label: 'kill', description: 'Kill: SIGKILL at once (asks first)', bar: true},
	{action: 'restart', keys: ['r'], scope: 'containers', label: 'restart', description: 'Restart the container', bar: true},
	{action: 'pause', keys: ['p'], scope: 'containers', label: 'pause', description: 'Pause or unpause the container', bar: true},
	{action: 'commit', keys: ['c'], scope: 'containers', label: 'commit', description: 'Commit the container to an image (asks for repository:tag)', bar: true},
	{action: 'remove', keys: ['d'], scope: 'containers', label: 'rm', description: 'Remove the container (asks first; a running one needs force)', bar: true},
	{action: 'toggle-all', keys: ['a'], scope: 'containers', label: 'all/running', description: 'Show all containers or only running ones', bar: true},
	{action: 'details', keys: ['enter'], scope: 'containers', label: 'details', description: 'Show details (inspect summary)', bar: true},
	{action: 'show-logs', keys: ['l'], scope: 'containers', label: 'logs', description: "Focus the container's logs", bar: true},
	{action: 'exec-shell', keys: ['e'], scope: 'containers', label: 'shell', description: 'Open a shell in the container (bash if present, else sh; --shell overrides)', bar: true},
	{action: 'exec-command', keys: ['E'], scope: 'containers', label: 'exec', description: 'Run a command in the container with a terminal (asks for it)'},
	{action: 'attach', keys: ['A'], scope: 'containers', label: 'attach', description: "Attach to the container's main process (detach: Ctrl-P Ctrl-Q)"},
	{action: 'mark', keys: ['space'], scope: 'containers', label: 'mark', description: 'Mark or unmark the container (for merged logs)'},
	{action: 'merged-logs', keys: ['L'], scope: 'containers', label: 'merged logs', description: 'Merged logs of the marked containers, or of the selected compose project'},
	{action: 'sort', keys: ['o'], scope: 'containers', label: 'sort', description: 'Sort by state, name, CPU, memory, created (cycles)'},
	{action: 'sort-reverse', keys: ['O'], scope: 'containers', label: 'reverse', description: 'Reverse the sort order'},
	{action: 'top', keys: ['T'], scope: 'containers', label: 'top', description: "Show the container's processes (refreshing)"},

	// Images pane
	{action: 'remove-image', keys: ['d'], scope: 'images', label: 'rmi', description: 'Remove the image (asks first; offers force when it is in use)', bar: true},
	{action: 'history', keys: ['enter'], scope: 'images', label: 'history', description: 'Show the image history (layers)', bar: true},
	{action: 'run', keys: ['r'], scope: 'images', label: 'run', description: 'Run a container from the image (form: name, command, ports, env, binds)', bar: true},

	// Logs pane
	{action: 'logs-up', keys: ['up', 'k'], scope: 'logs', label: 'scroll', description: 'Scroll the log back one line'},
	{action: 'logs-down', keys: ['down', 'j'], scope: 'logs', label: 'scroll', description: 'Scroll the log forward one line'},
	{action: 'search', keys: ['/'], scope: 'logs', label: 'search', description: 'Search the log: text, or /regex/ (Enter keeps it, Esc clears it)', bar: true},
	{action: 'next-match', keys: ['n'], scope: 'logs', label: 'next', description: 'Jump to the next match', bar: true},
	{action: 'prev-match', keys: ['N'], scope: 'logs', label: 'prev', description: 'Jump to the previous match'},
	{action: 'toggle-filter-mode', keys: ['f'], scope: 'logs', label: 'grep', description: 'Show only matching lines (stays live)', bar: true},
	{action: 'toggle-timestamps', keys: ['t'], scope: 'logs', label: 'time', description: "Show the engine's timestamps (local time)", bar: true},
	{action: 'toggle-wrap', keys: ['w'], scope: 'logs', label: 'wrap', description: 'Wrap long lines', bar: true},
	{action: 'since-shorter', keys: ['['], scope: 'logs', label: 'since', description: 'Since: step back through all, 24h, 1h, 5m (restarts the stream)'},
	{action: 'since-longer', keys: [']'], scope: 'logs', label: 'since', description: 'Since: step forward through 5m, 1h, 24h, all (restarts the stream)'},
	{action: 'tail-more', keys: ['+'], scope: 'logs', label: 'tail', description: 'Initial tail: more lines (100, 200, 500, 2000, all)'},
	{action: 'tail-less', keys: ['-'], scope: 'logs', label: 'tail', description: 'Initial tail: fewer lines'},
	{action: 'save-logs', keys: ['S'], scope: 'logs', label: 'save', description: 'Save the log to a file (the buffer, or Tab: the whole log from the engine)', bar: true},
	{action: 'merged-logs', keys: ['L'], scope: 'logs', label: 'single', description: 'Leave merged logs (back to the selected container)'},

	// Details and history views
	{action: 'close', keys: ['escape', 'q'], scope: 'view', label: 'back', description: 'Close the view', bar: true},
	{action: 'up', keys: ['up', 'k'], scope: 'view', label: 'scroll', description: 'Scroll the view', bar: true},
	{action: 'down', keys: ['down', 'j'], scope: 'view', label: 'scroll', description: 'Scroll the view'},
	{action: 'page-up', keys: ['pageup'], scope: 'view', label: 'page', description: 'Scroll the view one page up'},
	{action: 'page-down', keys: ['pagedown'], scope: 'view', label: 'page', description: 'Scroll the view one page down'},

	// Confirm dialogs
	{action: 'confirm', keys: ['y'], scope: 'dialog', label: 'yes', description: 'Confirm the action', bar: true},
	{action: 'force', keys: ['f'], scope: 'dialog', label: 'force', description: 'Confirm with force, when the dialog offers it', bar: true},
	{action: 'cancel', keys: ['n', 'escape'], scope: 'dialog', label: 'no', description: 'Cancel (the default)', bar: true},

	// Prompts (commit reference, filter)
	{action: 'submit', keys: ['enter'], scope: 'prompt', label: 'ok', description: 'Accept the input', bar: true},
	{action: 'cancel', keys: ['escape'], scope: 'prompt', label: 'cancel', description: 'Cancel the input', bar: true},
	{action: 'next-field', keys: ['tab'], scope: 'prompt', label: 'next field', description: 'Next field of a form; in the save prompt, switch buffer / whole log'},
	{action: 'prev-field', keys: ['shift-tab'], scope: 'prompt', label: 'prev field', description: 'Previous field of a form'},
];

/** Human label for a key name, e.g. 'up' → '↑', 'shift-tab' → 'Shift-Tab'. */
export function keyLabel(key: KeyName): string {
	const labels: Record<string, string> = {
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		tab: 'Tab',
		'shift-tab': 'Shift-Tab',
		enter: 'Enter',
		escape: 'Esc',
		'ctrl-c': 'Ctrl-C',
		space: 'Space',
		home: 'Home',
		end: 'End',
	};
	return labels[key] ?? key;
}

/** All keys of a binding, formatted for people: "↑/k". */
export function bindingKeys(binding: Binding): string {
	return binding.keys.map(keyLabel).join('/');
}

/** The scopes in the order the `?` overlay and README list them, with their titles. */
export const scopeTitles: ReadonlyArray<[Scope, string]> = [
	['global', 'Everywhere'],
	['containers', 'Containers pane'],
	['images', 'Images pane'],
	['logs', 'Logs pane'],
	['view', 'Details and history views'],
	['dialog', 'Confirm dialogs'],
	['prompt', 'Prompts'],
];
