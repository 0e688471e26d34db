/**
 * The images pane's lifecycle state: pulls and pushes with their progress, the build and its
 * output, and the full-screen views of those flows (progress, build, inspect, prune); their
 * forms (pull, tag, credentials, build) are the generic FormModal of types.ts. Part of types.ts.
 */
import type {FollowScroll, FollowSeen} from './follow-scroll.js';
import type {BuildStep, ImageDetails, PrunePlan, PruneReport, TransferProgress} from '../engine/types.js';
import type {LineState} from '../input/line-editor.js';

export type TransferKind = 'pull' | 'push';

/** One pull or push: running, waiting for credentials, or ended. */
export interface TransferState {
	/** `${kind}|${ref}`: at most one of each runs at a time. */
	key: string;
	kind: TransferKind;
	ref: string;
	/** The registry as written in the reference ("docker.io" for Docker Hub). */
	registry: string;
	cli: string;
	status: 'running' | 'credentials' | 'done' | 'failed' | 'cancelled';
	progress?: TransferProgress;
	/** The outcome (success) or the registry's error (untrusted). */
	message?: string;
	/** Push: the image being pushed (its row shows it busy). */
	imageId?: string;
	/** Push with several hosts: the host the pushed row is on. */
	host?: string;
}

/** One line of build output as shown: sanitised when it arrived. */
export interface BuildOutputLine {
	kind: 'step' | 'output' | 'cache' | 'running' | 'layer' | 'removing' | 'built' | 'tagged' | 'warning';
	text: string;
}

/** Most build output lines kept (the oldest go first). */
export const BUILD_LINES_KEPT = 5000;

export interface BuildState {
	cli: string;
	/** What it builds, for titles: the tag, else the context directory. */
	name: string;
	status: 'running' | 'done' | 'failed' | 'cancelled';
	lines: BuildOutputLine[];
	/** While the context is being sent: how far (bytes of file contents, the total counted first) and how fast. */
	upload?: {bytes: number; total?: number; rate?: number};
	/** Lines dropped from the start (over BUILD_LINES_KEPT). */
	dropped: number;
	/** The step running now, or the one that failed. */
	step?: BuildStep;
	/** Failure: the engine's message (untrusted). Success: what was built. */
	message?: string;
	imageId?: string;
}

export interface ImageJobs {
	transfers: TransferState[];
	build?: BuildState;
}

export interface InspectSearch {
	line: LineState;
	/** Being typed (the prompt layer has the keyboard). */
	editing: boolean;
	/** Indices of the raw lines that match. */
	matches: number[];
	/** Index into `matches`. */
	current: number;
	error?: string;
}

export interface InspectModal {
	kind: 'inspect';
	id: string;
	name: string;
	scroll: number;
	extent?: number;
	/** The raw JSON rather than the tables. */
	raw: boolean;
	details?: ImageDetails;
	/** The raw JSON's lines as shown (sanitised). */
	rawLines?: string[];
	error?: string;
	search?: InspectSearch;
}

export type PruneStep = 'choose' | 'previewing' | 'preview' | 'pruning' | 'done' | 'failed';

export interface PruneModal {
	kind: 'prune';
	step: PruneStep;
	/** Index into pruneChoices. */
	choice: number;
	plan?: PrunePlan;
	report?: PruneReport;
	error?: string;
	scroll: number;
	extent?: number;
}

export interface TransferModal {
	kind: 'transfer';
	key: string;
	scroll: number;
	extent?: number;
}

export interface BuildModal {
	kind: 'build';
	/** Follows the end of the output as it grows, until scrolled back (follow-scroll.ts); in screen rows. */
	tail: FollowScroll;
	seen?: FollowSeen;
}

export type ImageViewModal = TransferModal | BuildModal | InspectModal | PruneModal;

export type ImagesAction =
	| {type: 'transfer-start'; transfer: TransferState}
	| {type: 'transfer-update'; key: string; patch: Partial<Omit<TransferState, 'key'>>}
	| {type: 'build-start'; build: BuildState}
	| {type: 'build-lines'; lines: BuildOutputLine[]; step?: BuildStep}
	| {type: 'build-end'; patch: Partial<BuildState>}
	| {type: 'build-upload'; upload: NonNullable<BuildState['upload']>}
	| {type: 'inspect-loaded'; id: string; details?: ImageDetails; error?: string}
	| {type: 'inspect-raw'; raw: boolean}
	| {type: 'inspect-search'; search?: InspectSearch}
	| {type: 'inspect-search-line'; line: LineState}
	| {type: 'inspect-jump'; direction: 1 | -1}
	| {type: 'prune-choice'; choice: number}
	| {type: 'prune-step'; step: PruneStep; plan?: PrunePlan; report?: PruneReport; error?: string};
