/**
 * The logs pane's state: its settings, what it shows (one container, or several merged), where
 * it is scrolled to, the search's matches, and the stream's counts. The lines are in the log
 * stream's buffer (source/logs/log-stream.ts), which reports its counts here.
 */

import type {LogScroll} from '../logs/log-view.js';

/** `since` choices of the logs pane (`[` and `]` step through them). */
export type SinceOption = '5m' | '1h' | '24h' | 'all';
export const sinceOptions: readonly SinceOption[] = ['5m', '1h', '24h', 'all'];
/** Initial `tail` choices of the logs pane (`-` and `+` step through them). */
export type TailOption = 100 | 200 | 500 | 2000 | 'all';
export const tailOptions: readonly TailOption[] = [100, 200, 500, 2000, 'all'];

export type LogStreamState = 'idle' | 'streaming' | 'ended' | 'error';

export interface LogsState {
	/** The search (`/`: plain text or /regex/), as typed. */
	search: string;
	timestamps: boolean;
	wrap: boolean;
	/** Show only lines matching the search. */
	filterMode: boolean;
	since: SinceOption;
	tail: TailOption;
	/** The pane shows these containers merged, instead of the selected one. */
	merged?: {ids: string[]; title: string};
	scroll: LogScroll;
	/** Absolute indices of matching lines (oldest first), as far as the search got. */
	matches: number[];
	/** Whether the search has looked at every line. */
	searched: boolean;
	/** The pattern cannot be used: why. */
	searchError?: string;
	/** Absolute index of the current match (n / N). */
	current?: number;
	/**
	 * A jump asked for before the search had found anything (Enter typed in the same read as
	 * the pattern): made when the first matches arrive.
	 */
	pendingJump?: 1 | -1;
	/** The containers the stream follows (the selection once it settled, or the merged set). */
	targets: Array<{id: string; name: string}>;
	/** The stream: its run (a new target or since/tail starts another), counts and state. */
	generation: number;
	version: number;
	total: number;
	dropped: number;
	streamState: LogStreamState;
	/** Untrusted engine text. */
	streamError?: string;
}

export type LogsAction =
	| {type: 'logs-toggle'; what: 'timestamps' | 'wrap' | 'filterMode'}
	| {type: 'logs-since'; delta: 1 | -1}
	| {type: 'logs-tail'; delta: 1 | -1}
	| {type: 'merge'; merged?: {ids: string[]; title: string}}
	| {type: 'logs-stream'; generation: number; version: number; total: number; dropped: number; state: LogStreamState; error?: string}
	| {type: 'logs-restarted'; generation: number; keepPlace: boolean; targets: Array<{id: string; name: string}>}
	| {type: 'logs-scroll'; delta: number | 'first' | 'last'}
	| {type: 'logs-scroll-to'; end: number}
	| {type: 'logs-matches'; matches: number[]; searched: boolean; error?: string}
	| {type: 'logs-jump'; direction: 1 | -1};

export function initialLogsState(): LogsState {
	return {
		search: '',
		timestamps: false,
		wrap: false,
		filterMode: false,
		since: 'all',
		tail: 200,
		scroll: {follow: true},
		matches: [],
		searched: true,
		targets: [],
		generation: 0,
		version: 0,
		total: 0,
		dropped: 0,
		streamState: 'idle',
	};
}
