/**
 * What commands may ask of the controller: engine calls with busy state and an outcome, the
 * terminal hand-over, saving logs, leaving. The controller (source/controller/) implements it;
 * commands never hold the engine or React.
 */
import type {Engine, TerminalSession} from '../engine/types.js';
import type {ConfirmTarget} from '../state/types.js';

/** One engine action as the runner carries it out. */
export interface ActSpec {
	/** The row marked busy while it runs (container or image id). */
	id: string;
	/** Shown on the row while it runs: "stopping". */
	busy: string;
	/** What it acts on, in the user's words (a name, a reference). */
	name: string;
	/** The verb for a failure: "stop" → "stop web failed: …". */
	verb: string;
	/** The docker CLI equivalent, for the status line and the command log. */
	cli: string;
	/** The engine work; resolves with the success message. */
	work(engine: Engine): Promise<string>;
	/** Handles a failure itself (e.g. offers force); true when it did. */
	onError?(error: unknown): boolean;
}

export interface Services {
	/** Runs an engine action: busy marker, outcome on the status line, a fresh snapshot after. */
	act(spec: ActSpec): void;
	/** Labels of actions still running on the engine. */
	running(): string[];
	/**
	 * Hands the terminal to an interactive session (shell, command, attach) and takes it back;
	 * `what` names it in the outcome ("Shell", "Command", "Attach").
	 */
	interactive(target: ConfirmTarget, what: 'Shell' | 'Command' | 'Attach', open: (engine: Engine) => Promise<TerminalSession>, cli: string): void;
	/** The shell `e` starts (--shell), if the user chose one. */
	shell?: string;
	/** Saves the log; `overwrite` after the user confirmed replacing the file. */
	saveLogs(file: string, scope: 'buffer' | 'engine', overwrite: boolean): void;
	/** Runs a container from an image with the form's checked options. */
	runContainer(image: string, options: import('../format/run-form.js').RunOptions, cli: string): void;
	/** The images pane's pull, push, tag, build, inspect and prune (image-services.ts). */
	images: import('./image-services.js').ImageServices;
	/** Ask the engine for everything again. */
	refresh(): void;
	exit(): void;
	now(): Date;
}
