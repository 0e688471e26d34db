/**
 * The shape of berth's state. Engine snapshots (the lists of every kind, the connection) sit
 * beside UI state (focus, each list's selection, window, filter, sort and marks, the open dialog
 * or view, busy rows, the status message, the logs pane). Log lines themselves live outside the
 * state, in the log stream's ring buffer; the state holds its counts and version.
 */
import type {ContainerStats, ContainerSummary, EngineError, EngineInfo, ImageSummary} from '../engine/types.js';
import type {ContainerFacts} from '../format/ages.js';
import type {LineState} from '../input/line-editor.js';
import type {LogsState} from './logs-types.js';
import type {CopyAction, CopyJob, CopyModal} from './copy-types.js';
import type {ImageJobs, ImageViewModal, ImagesAction} from './images-types.js';
import type {SwarmAction, SwarmModal, SwarmView} from './swarm-view-types.js';

/**
 * A pane of the main screen: a kind's name (containers, images, …) or the logs. Which kinds have
 * a pane, their number keys and their slots: their declarations (source/kinds/) and screen.ts.
 */
export type PaneId = string;

/** The main screen's list slots (the logs pane is under them): which pane each holds now. */
export interface Slots {
	top: PaneId;
	middle: PaneId;
}

/** One list's state, the same for every kind (source/kinds/): its rows and what the user did with them. */
export interface ListState<Row = unknown> {
	/** As the engine last gave them, in the kind's natural order. */
	rows: readonly Row[];
	/** The engine has answered at least once. */
	loaded: boolean;
	/** The selected row's key; undefined: none chosen (the first row shows selected). */
	selected?: string;
	/** The first row shown (the window follows the selection). */
	top: number;
	/** The `/` filter as typed (Docker's filter words and free text: filter-parse.ts). */
	filter: string;
	/** One of the kind's sort keys (`o`), and `O`'s reversal. */
	sort: {key: string; reverse: boolean};
	/** Rows marked with Space, by key. */
	marked: Readonly<Record<string, true>>;
}

export type ConnState =
	| {kind: 'connecting'}
	| {kind: 'up'; info: EngineInfo}
	| {kind: 'down'; error: EngineError; since: number; attempts: number};

/** One row of the images pane: an image under one of its tags (dangling: ref undefined). */
export interface ImageRow {
	/** Stable key: image id plus reference. */
	key: string;
	image: ImageSummary;
	/** repository:tag, or undefined for <none>. */
	ref?: string;
}

export interface ConfirmTarget {
	/** A kind's noun (`container`, `image`, `service`, `node`, …: source/kinds/), or 'file': a log file about to be replaced (id and name are its path, ref the save scope). */
	kind: string;
	/** Full id: the action always uses this id, whatever the list does meanwhile. */
	id: string;
	/** What the dialog names (container name, image reference or short id). */
	name: string;
	/** For images: the reference the row showed (rmi of a tag untags it). */
	ref?: string;
	/** With several hosts: the host the row is on (its reference goes to that host's engine). */
	host?: string;
}

/** What a text prompt is for. */
export type PromptPurpose = 'commit' | 'save-logs' | 'exec' | 'rename' | 'stop-timeout' | 'scale';

/** The fields of the short run form (`r`), as typed. */
export interface RunFields {
	name: string;
	command: string;
	ports: string;
	env: string;
	binds: string;
}

export interface ConfirmModal {
	kind: 'confirm';
	/** The command that asked, and that `y`/`f` hand the target back to. */
	command: string;
	target: ConfirmTarget;
	/** The question, naming exactly what is affected. */
	title: string;
	/** Extra lines: the engine's refusal, the containers using an image. */
	body: string[];
	/** When set, `f` confirms with force (the engine refused without it) and `y` is not offered. */
	forceOffered: boolean;
	/** A bulk action: every marked container (`target` is the first). */
	targets?: ConfirmTarget[];
	/** What the command needs besides the target to carry on (a copy's paths, say). */
	payload?: Record<string, string>;
}

/** One field of a form: a line editor, or a choice among values. */
export interface FormField {
	key: string;
	label: string;
	/** Shown greyed while the field is empty and not being edited. */
	hint?: string;
	line: LineState;
	/** A choice: ←/→ or Space step through these values; nothing is typed. */
	choices?: readonly string[];
	/** Drawn masked as •••• (passwords): never shown, never part of a CLI line or the command log. */
	secret?: boolean;
	/** A hint that holds only while another field has one value (the command of the image typed): shown instead of `hint` then. */
	hintFor?: {key: string; value: string; hint: string};
}

/** A form of several fields (run, create, copy, …); Tab moves between fields, Enter submits. */
export interface FormModal {
	kind: 'form';
	/** Which form: its handler (source/commands/forms.ts) checks and submits it. */
	form: string;
	title: string;
	fields: FormField[];
	field: number;
	/** The container or image it is about. */
	target?: ConfirmTarget;
	/** The word Enter says ("run", "create", "copy"). */
	verb: string;
	error?: string;
	/** Submitted: the engine is working on it (the form stays until it answers). */
	pending?: boolean;
	/** Said while pending (else "Working on it…"). */
	working?: string;
	/** Lines under the title: what the form is about (the registry's refusal, a note). Untrusted parts sanitised when drawn. */
	body?: Array<{text: string; tone?: 'warn' | 'muted' | 'info'}>;
	/** What the handler needs besides the values (the transfer waiting for credentials, a directory). */
	payload?: Record<string, string>;
	/** The docker CLI line Enter would run, while what is typed is valid (forms with a preview). */
	preview?: string;
}

/** A message with lines, closed by Esc or Enter (per-container results of a bulk action, say). */
export interface NoticeModal {
	kind: 'notice';
	title: string;
	lines: Array<{text: string; tone?: 'ok' | 'bad' | 'info'}>;
}

export interface PromptModal {
	kind: 'prompt';
	purpose: PromptPurpose;
	target: ConfirmTarget;
	line: LineState;
	error?: string;
	/** save-logs: the buffer, or the whole log fetched again from the engine. */
	scope?: 'buffer' | 'engine';
}


/** A full-screen view over the panes; `scroll` is clamped to what it holds (`extent`). */
export type ViewModal =
	| {kind: 'help'; scroll: number; extent?: number}
	| {kind: 'details'; id: string; scroll: number; extent?: number}
	| {kind: 'history'; id: string; ref?: string; scroll: number; extent?: number}
	| {kind: 'top'; id: string; scroll: number; extent?: number}
	/** `D`: the container's filesystem changes, filtered by `filter` (typed with `/`, `edit` while typing). */
	| {kind: 'diff'; id: string; scroll: number; extent?: number; filter: string; edit?: LineState}
	/** Output berth streams (an attached run): lines in the controller, `version` moves as they come; it follows their end until scrolled back. */
	| {kind: 'output'; id: string; title: string; tail: import('./follow-scroll.js').FollowScroll; seen?: import('./follow-scroll.js').FollowSeen; version: number; done?: {ok: boolean; text: string}}
	/** `:`: every action this session with its docker CLI line. */
	| {kind: 'commands'; scroll: number; extent?: number; selected: number}
	| ImageViewModal
	| CopyModal
	| SwarmModal;

export type Modal = ViewModal | ConfirmModal | PromptModal | FormModal | NoticeModal | import('./contexts-types.js').ContextsModal;

export interface StatusMessage {
	tone: 'ok' | 'error' | 'info';
	/** Untrusted parts (engine messages) are sanitised when rendered. */
	text: string;
	/** When it was set (ms): messages clear after a while. */
	at?: number;
}

/** The list (a kind's name) or the logs pane whose filter or search is being typed. */
export interface FilterEdit {
	pane: PaneId;
	line: LineState;
}

export interface AppState {
	/** The keys in effect, the user's from the config among them (absent: the registry's own). */
	keymap?: import('../commands/keymap.js').Keymap;
	/** Read-only mode and what it allows (absent: off). */
	readOnly?: import('../config/config-types.js').ReadOnlySetting;
	conn: ConnState;
	/** Every kind's list, by the kind's name (source/kinds/all-kinds.ts). */
	lists: Readonly<Record<string, ListState>>;
	/** When each container's entry was listed (ms): the engine's status text is as of then. */
	listedAt: Record<string, number>;
	focus: PaneId;
	/** Which panes the main screen's slots hold (a number key puts its pane in its slot). */
	slots: Slots;
	showAll: boolean;
	/** The filter (or log search) being typed. */
	filterEdit?: FilterEdit;
	modal?: Modal;
	/** Row id (container id or image id) → what is running on it, e.g. "stopping…". */
	busy: Record<string, string>;
	status?: StatusMessage;
	logs: LogsState;
	/** Latest stats sample per running container. */
	stats: Record<string, ContainerStats>;
	/** The CPU and MEM columns are shown (and sampled): `M` toggles, --no-stats starts without. */
	showStats: boolean;
	/** The terminal's size. */
	size: {columns: number; rows: number};
	/** The time relative times are shown for (ms); it moves when a shown age would change. */
	clock: number;
	/** What the inspect of the containers on screen said: exact start and finish times, restart count, health. */
	times: Record<string, ContainerFacts>;
	/** Pulls, pushes and the build (images-types.ts). */
	imageJobs: ImageJobs;
	/** Copies in and out of containers, running and the last few ended (copy-types.ts). */
	copies: CopyJob[];
	/** What berth did this session, oldest first (`:` shows it). */
	commandLog: LoggedCommand[];
	/** With several hosts (--context a --context b): each one's state; empty for one engine. */
	hosts: import('../engine/types.js').HostState[];
	/** The Swarm view (`4`), while it is open. */
	swarm?: SwarmView;
}

/** One line of the command log: what berth did, its docker CLI equivalent, when, and how it went. */
export interface LoggedCommand {
	/** Its identity for the session: given by the log when it is added, never reused (context switches included). */
	id: number;
	at: number;
	cli: string;
	result: 'running' | 'ok' | 'error';
	/** The outcome (the engine's message on failure; untrusted). */
	message?: string;
}

export type Action =
	| {type: 'conn-up'; info: EngineInfo}
	| {type: 'hosts'; hosts: import('../engine/types.js').HostState[]}
	| {type: 'conn-down'; error: EngineError; now: number}
	/** What the engine feed has: containers and images, and the lists of the kinds it lists itself (kind.ts `feed`). */
	| {type: 'snapshot'; containers: ContainerSummary[]; images: ImageSummary[]; lists?: Readonly<Record<string, readonly unknown[]>>; at?: number}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'focus'; pane: PaneId}
	| {type: 'cycle-focus'; delta: 1 | -1}
	/** The list with the keyboard (or `list`) moves its selection. */
	| {type: 'move'; delta: number; list?: string}
	| {type: 'move-to'; where: 'first' | 'last'; list?: string}
	| {type: 'select'; list: string; key: string}
	| {type: 'toggle-all'}
	| {type: 'toggle-stats'}
	| {type: 'filter-start'}
	| {type: 'filter-line'; line: LineState}
	| {type: 'filter-commit'}
	| {type: 'filter-clear'}
	| {type: 'open'; modal: Modal}
	| {type: 'close'}
	| {type: 'scroll-modal'; delta: number}
	| {type: 'modal-extent'; lines: number}
	/** A live view (output, service log, build) drew this much: its lines, absolute, and its page. */
	| {type: 'follow-extent'; first: number; total: number; rows: number}
	| {type: 'prompt-line'; line: LineState; error?: string}
	| {type: 'prompt-scope'}
	/** The focused field's new text; `preview` is the form's CLI line for the new values. */
	| {type: 'form-line'; line: LineState; preview?: string}
	| {type: 'form-field'; field: number; error?: string}
	/** `clear`: a field (the password) emptied and focused, as a refusal of what was typed in it. */
	| {type: 'form-pending'; pending: boolean; error?: string; clear?: string}
	| {type: 'form-hint'; key: string; hint: string; when?: {key: string; value: string}}
	| {type: 'view-filter'; edit?: LineState; filter?: string}
	| {type: 'output'; id: string; version: number; done?: {ok: boolean; text: string}}
	| {type: 'commands-select'; delta: number}
	| {type: 'contexts-select'; delta: number}
	| {type: 'contexts-mark'}
	| {type: 'context-check'; name: string; check: import('./contexts-types.js').ContextRow['check']}
	/** A new entry; the log gives it its id (the last entry's id + 1). */
	| {type: 'log-add'; entry: Omit<LoggedCommand, 'id'>}
	| {type: 'log-update'; id: number; result: 'ok' | 'error'; message?: string}
	| {type: 'busy'; id: string; label?: string}
	| {type: 'status'; status?: StatusMessage}
	/** Marks or unmarks a row of the list with the keyboard (or of `list`). */
	| {type: 'mark'; key: string; list?: string}
	| {type: 'clear-marks'; list?: string}
	| {type: 'sort-next'; list?: string}
	| {type: 'sort-reverse'; list?: string}
	| {type: 'stats'; stats: Record<string, ContainerStats>}
	| {type: 'clock'; now: number}
	| {type: 'times'; id: string; times: ContainerFacts}
	| import('./logs-types.js').LogsAction
	| ImagesAction
	| CopyAction
	| SwarmAction;
