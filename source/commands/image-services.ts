/**
 * What the images pane's lifecycle commands ask of the controller (source/controller/images.ts
 * implements it): pulls and pushes with progress and credentials, tag, build, inspect, prune.
 * Each records its docker CLI line in the command log; none holds the engine or React.
 */
import type {BuildOptions} from '../engine/types.js';
import type {ConfirmTarget} from '../state/types.js';

export interface ImageServices {
	/** Where a relative build context starts (berth's working directory). */
	readonly cwd: string;
	/** Starts `docker pull REF` and opens its progress view; returns why not when refused. */
	pull(ref: string): string | undefined;
	/** Starts `docker push REF` of the image and opens its progress view; returns why not when refused. */
	push(ref: string, imageId: string, host?: string): string | undefined;
	/** Checks the credentials typed for a transfer that was refused, keeps them for the session, and retries it. */
	login(transfer: string, username: string, password: string): void;
	/** The credentials form was closed: the transfer ends as refused. */
	cancelLogin(transfer: string): void;
	/** Stops a running pull or push (the engine drops what it had of it), or one waiting for credentials. */
	cancelTransfer(transfer: string): void;
	/** Stops the running build: while its context is being sent, the engine gets none of it. */
	cancelBuild(): void;
	/** `docker tag`; the new tag is selected once the list has it. */
	tag(target: ConfirmTarget, repo: string, tag: string): void;
	/** Starts a build and opens its output view; returns why not when refused. */
	build(options: BuildOptions, name: string): string | undefined;
	/** Reads the image's details into the open inspect view. */
	inspect(id: string): void;
	/** Asks the engine what the prune choice would remove (into the open prune view). */
	previewPrune(choice: number): void;
	/** Prunes (after the preview was confirmed). */
	prune(choice: number): void;
	/** Labels of transfers and builds still running (quitting asks first). */
	running(): string[];
}
