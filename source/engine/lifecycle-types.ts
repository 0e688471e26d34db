/**
 * berth's view of the Docker lifecycle beyond watching: pull, push, build, tag, image details,
 * diff, copy in and out, prune, create and run. Re-exported from `types.ts`. As everywhere, strings from the engine or a registry are
 * untrusted and passed through verbatim: the UI neutralises them when it renders. The calls
 * themselves are in each kind's api-types.ts.
 *
 * The types are grouped in files of their own: transfer-types.ts (registries, credentials, pull
 * and push progress), images/types.ts (build, image details and layers), file-types.ts (diff and
 * copy), prune-types.ts; run's are here.
 */
import type {TerminalSession} from './containers/types.js';

export type * from './containers/file-types.js';
export type * from './images/types.js';
export type * from './system/prune-types.js';
export type * from './images/transfer-types.js';

// ---------------------------------------------------------------- run

export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RestartPolicy {
	name: RestartPolicyName;
	/** For on-failure: retries (0 = unlimited). */
	maximumRetryCount?: number;
}

/** How an attached `docker run` ended. */
export interface RunOutcome {
	id: string;
	/** The main process's exit code; absent when berth stopped following first. */
	exitCode?: number;
	/** The engine removed the container (--rm). */
	removed: boolean;
}

export interface RunSession {
	id: string;
	session: TerminalSession;
}
