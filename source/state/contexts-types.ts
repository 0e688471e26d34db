/**
 * The contexts view's rows: every docker context the CLI would list, whether its engine answers
 * (checked in the background), and which ones berth uses now.
 */

export interface ContextRow {
	name: string;
	/** Untrusted (from a file). */
	description: string;
	endpoint: string;
	/** Marked "*" as `docker context ls` marks the current one (berth's flags and environment count). */
	current: boolean;
	/** berth is showing this one now. */
	inUse: boolean;
	/** Why berth cannot use it, when it cannot. */
	error?: string;
	check: {state: 'checking'} | {state: 'up'; version: string} | {state: 'down'; error: string};
}

export interface ContextsModal {
	kind: 'contexts';
	rows: ContextRow[];
	selected: number;
	marked: Record<string, true>;
	/** Context files that could not be read. */
	problems: string[];
}

/** What berth keeps across a switch to other contexts (the rest is the new engine's). */
export interface CarriedState {
	commandLog: import('./types.js').LoggedCommand[];
	showAll: boolean;
	showStats: boolean;
	/** Said on the new screen's status line (which contexts it shows now). */
	status?: import('./types.js').StatusMessage;
}
