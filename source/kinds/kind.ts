/**
 * A resource kind, declared once: what berth lists (containers, images, a swarm's services, …),
 * how each row is known and kept live, its columns, its filter words and its sort keys, and
 * where it shows. Everything else — the list state, selection and its windows, the `/` filter,
 * sorting, marks and bulk actions, the HOST column and routing to a row's host, the pane that
 * draws it — is written once for every kind (source/state/lists.ts, list-reducer.ts,
 * source/ui/kind-pane.tsx). A kind's commands are in source/commands/ (one file per kind).
 *
 * Declarations are pure: no React, no engine calls but the one `feed.list` hands the engine to.
 */
import type {Engine} from '../engine/types.js';
import type {AppState, ListState} from '../state/types.js';
import type {Column, Tone} from './column.js';

/** What a cell can read besides its row. */
export interface CellContext {
	state: AppState;
	/** The list's own state (its marks, say). */
	list: ListState;
	/** The row above this one in the list as shown (tasks mark a slot's older tasks). */
	previous?: unknown;
}

/** One column: its layout (column.ts) and how a row fills it. */
export interface KindColumn<Row> extends Column {
	/** Stable id (the title may change with the terminal's width some day; the id does not). */
	id: string;
	/** The cell's text, safe to draw (untrusted parts sanitised here). */
	cell(row: Row, ctx: CellContext): string;
	/** The cell's colour, when it has one of its own (the row's tone applies otherwise). */
	tone?(row: Row, ctx: CellContext): Tone | undefined;
	/**
	 * What a flexible column's width depends on besides the rows, compared by identity (the
	 * clock for a relative time, the marks for a ✓): its width is measured again over every row
	 * only when one changes, never on a key that only moves the selection.
	 */
	dependsOn?(state: AppState): readonly unknown[];
	/** Shown only while this holds (HOST with several hosts, CPU while the stats are on, PROJECT when a row has one). */
	when?(state: AppState, rows: readonly Row[]): boolean;
}

/** A word of the `/` filter, as Docker's `--filter` has it: `status=running`, `label=KEY=VALUE`. */
export interface FilterWord<Row> {
	/** The name before the first `=`. */
	name: string;
	/** The values it takes, when they are a fixed set: anything else is refused, naming them. */
	values?: readonly string[];
	/** Why a value cannot be used (beyond `values`): `label=` with no key. */
	check?(value: string): string | undefined;
	/** Whether a row has it. */
	matches(row: Row, value: string): boolean;
}

/** An order of the list (`o` cycles them, `O` reverses). The first is the kind's natural order. */
export interface SortKey<Row> {
	id: string;
	/** As the pane header names it: "sort: CPU ↓". */
	label: string;
	/** Absent: the rows as the kind keeps them (its natural order). Ties fall back to that order. */
	compare?(a: Row, b: Row, input: unknown): number;
	/** What the order depends on besides the rows (the stats, for CPU), compared by identity. */
	input?(state: AppState): unknown;
}

/** Where a kind shows: a pane of the main screen (its number key and its slot), or a part of a view. */
export type KindPlace = {pane: {key: string; slot: 'top' | 'middle'}} | {view: 'swarm'};

/** What a snapshot of the engine feed holds (state/types.ts `snapshot` action). */
export interface SnapshotLists {
	containers: readonly import('../engine/types.js').ContainerSummary[];
	images: readonly import('../engine/types.js').ImageSummary[];
	/** The lists of the kinds the feed lists with their own `feed.list`, by kind name. */
	lists?: Readonly<Record<string, readonly unknown[]>>;
}

/** The pane header's words about a list (besides what every list says: shown of total, position, sort, marks). */
export interface HeaderWords {
	/** First: the counts ("4 running / 6 total"), a note on what is listed at all ("running only"). */
	lead: string[];
	/** After the generic parts ("stats off (M)"). */
	notes?: string[];
	/** Last: a host's cause may be long, and the header cuts from the end. */
	tail?: string[];
}

export interface Kind<Row> {
	/** The list's name: its key in `state.lists`, its commands' scope, its pane's id. */
	name: string;
	/** As the pane and the help name it: "Containers". */
	title: string;
	/** One row, in messages: "container" ("No container matches the filter", confirm targets' kind). */
	noun: string;
	/** More than one: "containers". */
	nouns: string;
	/** The row's identity in the list (selection, marks, windows). */
	key(row: Row): string;
	/** The id actions, busy markers and dialogs use (an image tag's row: the image's id). Default: the key. */
	id?(row: Row): string;
	/** What a dialog calls it. */
	label(row: Row): string;
	/** With several hosts: the host the row is on (its id is then qualified; actions go there). */
	host?(row: Row): string | undefined;
	/** Whether the row's host cannot be reached now (the row is as last seen). */
	unreachable?(row: Row): boolean;
	/** The rows the list draws from (before the filter and sort). Default: `state.lists[name].rows`. */
	source?(state: AppState): readonly Row[];
	/**
	 * How it is listed and kept live: its rows from a snapshot of the engine feed (containers and
	 * images are the feed's own lists, fetched by event), or an engine list call the feed makes
	 * again when an event of one of `events` (Docker's event types) comes.
	 */
	fromSnapshot?(snapshot: SnapshotLists): readonly Row[];
	feed?: {list(engine: Engine): Promise<readonly Row[]>; events: readonly string[]};
	/** Where it shows. */
	place: KindPlace;
	columns: ReadonlyArray<KindColumn<Row>>;
	/** The `/` filter's free text is looked for in this (case-insensitively). */
	text(row: Row): string;
	/** A typed hex prefix of this selects the row too (ids, as the CLI takes them short). */
	idPrefix?(row: Row): string;
	/** Docker's filter words the kind takes. */
	words?: ReadonlyArray<FilterWord<Row>>;
	sort: ReadonlyArray<SortKey<Row>>;
	/** With several hosts, the rows are grouped by host (in the host's order). */
	groupByHost?: boolean;
	/** Space marks rows (bulk actions then act on every marked one). */
	markable?: boolean;
	/** A selection nobody chose stays unchosen across updates (the first row shows selected, a new row on top takes it). */
	unpinned?: boolean;
	/** The row's colour (a greyed unreachable row, a busy one). */
	tone?(row: Row, ctx: CellContext): Tone | undefined;
	/** The pane's title when it is not `title` ("Tasks of web"). */
	heading?(state: AppState): string;
	/** The pane header's words about the list. */
	header(state: AppState, all: readonly Row[]): HeaderWords;
	/** What the pane says when it shows no row (undefined: nothing to say). */
	empty(state: AppState, filtered: boolean): string | undefined;
	/** What the pane says before the list was first read, when not "Loading…". */
	loading?(state: AppState): string;
	/** Said after "N marked" in the header: what marks are for ("L: merged logs"). */
	markHint?: string;
}

/** A kind of any row: what the generic code handles. */
export type AnyKind = Kind<unknown>;
