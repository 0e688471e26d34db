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
	/** Called after a success, before the message is shown. */
	onOk?(message: string): void;
}

/** One `docker cp`: out of the container (`from` a container path, `into` a host directory) or into it. */
export interface CopySpec {
	direction: 'out' | 'in';
	target: {id: string; name: string};
	from: string;
	into: string;
}

/** docker cp in and out, each in its own view with its progress; cancellable (controller/copies.ts). */
export interface CopyService {
	/** Starts the copy and opens its view; or says which field is wrong (a host path that is not there), starting nothing. */
	start(spec: CopySpec): {field: 'from' | 'to'; reason: string} | undefined;
	cancel(key: string): void;
	/** The answer to "these exist on the host: replace them?" (no: nothing is copied). */
	answer(key: string, replace: boolean): void;
}

/** The docker contexts berth can show and switch to (cli.tsx implements it; absent in tests without one). */
export interface ContextsService {
	/** Every context the CLI would list, in its order (reachability still to be checked). */
	list(): {rows: import('../state/contexts-types.js').ContextRow[]; problems: string[]};
	/** Checks the contexts' engines in the background, one callback each. */
	check(names: string[], onResult: (name: string, check: import('../state/contexts-types.js').ContextRow['check']) => void): void;
	/** Shows these contexts from now on (one: its engine; several: one list across them); `note` is said first on the new screen. */
	switchTo(names: string[], note?: string): void;
	/** Makes the context the docker CLI's current one too (`docker context use`); returns what to say. */
	use(name: string): string;
}

/** The contexts as cli.tsx offers them: switching also takes what berth keeps across it. */
export interface ContextsSource extends Omit<ContextsService, 'switchTo'> {
	/** Throws with the reason it cannot. */
	switchTo(names: string[], carry: import('../state/contexts-types.js').CarriedState, note?: string): void;
}

export interface Services {
	/** The contexts view's source, when berth runs with a command line. */
	contexts?: ContextsService;
	/** Runs an engine action: busy marker, outcome on the status line, a fresh snapshot after. */
	act(spec: ActSpec): void;
	/** Runs the same action on several containers; the outcome of each is reported (a summary, and the failures with the engine's reasons). */
	actMany(specs: ActSpec[], what: string): void;
	/** An engine read (no busy marker, nothing logged): for what a command shows before it acts. */
	read<T>(work: (engine: Engine) => Promise<T>): Promise<T>;
	/** The image is not here: offer to pull it, then carry on (as docker run does). */
	offerPull(ref: string, then: () => void): void;
	/** The user said yes to that offer: the images pane's pull (progress view, credentials if asked), then carry on. */
	pullFirst(ref: string): void;
	/** `docker run` without -d: its output live in a view, then its exit code. */
	runAttached(image: string, options: import('../engine/types.js').RunContainerOptions, cli: string): void;
	/** `docker create`: the new container is selected, created. */
	createContainer(image: string, options: import('../engine/types.js').RunContainerOptions, cli: string): void;
	/** Labels of actions still running on the engine. */
	running(): string[];
	/**
	 * Hands the terminal to an interactive session (shell, command, attach) and takes it back;
	 * `what` names it in the outcome ("Shell", "Command", "Attach").
	 */
	interactive(target: ConfirmTarget, what: 'Shell' | 'Command' | 'Attach' | 'Run', open: (engine: Engine) => Promise<TerminalSession>, cli: string): void;
	/** The shell `e` starts (--shell), if the user chose one. */
	shell?: string;
	/** Saves the log; `overwrite` after the user confirmed replacing the file. */
	saveLogs(file: string, scope: 'buffer' | 'engine', overwrite: boolean, through?: string): void;
	/** Runs a container from an image (docker run -d) with the form's checked options; the form stays open on a refusal. */
	runContainer(image: string, options: import('../engine/types.js').RunContainerOptions, cli: string): void;
	/** Sends text to the terminal's clipboard (OSC 52) and says what was sent (inside tmux: as tmux allows, or how to allow it). */
	copyToClipboard(text: string): void;
	/** Writes text to a new file of the user's only (0600) in the working directory and says where. */
	copyToFile(text: string): void;
	/** Writes the command log to a file it names on the status line. */
	saveCommandLog(): void;
	/** docker cp, both ways. */
	copies: CopyService;
	/** The images pane's pull, push, tag, build, inspect and prune (image-services.ts). */
	images: import('./image-services.js').ImageServices;
	/** Opens the log of a swarm service, merged across its tasks, in a full-screen view (followed until it closes). */
	serviceLogs(service: {id: string; name: string}): void;
	/** Ask the engine for everything again. */
	refresh(): void;
	exit(): void;
	now(): Date;
}
