/**
 * A command is everything berth knows about one action: its keys and where they work, its
 * words for the help bar, the `?` overlay and the README, when it is available, whether it asks
 * first, the docker CLI command it is equivalent to, and what it does. The registry
 * (registry.ts) is the one table of them; key dispatch, help and dialogs all read it.
 */
import type {Action, AppState, ConfirmTarget} from '../state/types.js';
import type {Services} from './command-services.js';

/**
 * Where a command's keys work: `global` works in every pane unless the pane binds the key
 * itself; a kind's name (`containers`, `images`, `services`, …: source/kinds/) is its list's
 * pane or part; the others belong to one layer of the screen (`swarm`, `view`, `diff`, `output`,
 * `commands`, `inspect`, `prune`, `contexts`, `help`, `dialog`, `notice`, `prompt`,
 * `unreachable`, and `logs` for the logs pane). registry.ts `scopeTitles` names every one.
 */
export type Scope = string;

/** What running a command can use. `state` is always the latest (keys read together see each other's effects). */
export interface CommandContext {
	readonly state: AppState;
	dispatch(action: Action): void;
	/** A message on the status line. */
	say(tone: 'ok' | 'error' | 'info', text: string): void;
	services: Services;
}

/** How a command asks before it acts. */
export interface ConfirmPolicy {
	/** `confirm-then-force`: when the engine refuses, the dialog comes back offering force (`f`). */
	policy: 'confirm' | 'confirm-then-force';
	/**
	 * The dialog for the current selection: what it names exactly. `force`: berth already knows
	 * the plain action would be refused (rm of a running container), so the dialog offers force
	 * (`f`) directly instead of a `y` the engine would refuse.
	 */
	dialog(state: AppState): {target: ConfirmTarget; title: string; body: string[]; force?: boolean} | undefined;
}

/**
 * What running a command changes, for read-only mode (commands/read-only.ts): `none` (it only
 * looks, or changes berth's own screen, or writes a file on this host); `engine`, `registry`,
 * `docker-config` (the docker CLI's config.json); `session`: it runs a program in a container
 * with the terminal (exec, attach), which may change anything, so read-only mode turns it off
 * unless the config allows it by id; `custom`: a user's command, the same by name.
 */
export type Effect = 'none' | 'engine' | 'registry' | 'docker-config' | 'session' | 'custom';

export interface Command {
	/** Stable id, `object.verb` (e.g. `container.stop`). */
	id: string;
	scope: Scope;
	/** What it changes (read-only mode refuses all but `none`, and `session` and `custom` commands it allows). */
	effect: Effect;
	/** Key names (decode-keys.ts), e.g. 'j', 'K', 'up', 'pageup', 'tab', 'shift-tab', 'enter', 'escape', 'ctrl-c'. */
	keys: readonly string[];
	/** Short label for the help bar. */
	label: string;
	/** The help bar's label in this state, when it is not always `label` (a key that answers a question only while one is asked). */
	barLabel?(state: AppState): string;
	/** Sentence for the `?` overlay and the README. */
	description: string;
	/** Shown in the help bar of its scope while available (the overlay always lists every command). */
	bar?: boolean;
	/**
	 * Whether it can run now, from the state and the selection alone: true; a reason, said on
	 * the status line when the key is pressed anyway; or false (the key does nothing, silently).
	 * Absent: always available.
	 */
	available?(state: AppState): boolean | string;
	/** Acts on every marked row of its list when rows are marked (one confirm naming them all, a result per row). */
	bulk?: boolean;
	/** A line the bulk confirm adds under the names (what the engine will refuse, say). */
	bulkNote?: string;
	confirm?: ConfirmPolicy;
	/** A bulk command's action on one row (the containers' start, stop, kill, …). */
	each?(ctx: CommandContext, target: ConfirmTarget, force: boolean): import('./command-services.js').ActSpec;
	/**
	 * Does it. For a command that confirms, this runs after `y` (or `f`, with `force`) with the
	 * target the dialog named; otherwise right away, without a target.
	 */
	run(ctx: CommandContext, confirmed?: {target: ConfirmTarget; force: boolean; payload?: Record<string, string>}): void;
}
