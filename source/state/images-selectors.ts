/** What the screen and the commands derive from the image jobs (images-types.ts). Pure. */
import type {TransferProgress} from '../engine/types.js';
import type {TransferState} from './images-types.js';
import type {AppState} from './types.js';

export const transferKey = (kind: TransferState['kind'], ref: string) => `${kind}|${ref}`;

export function transferOf(state: AppState, key: string): TransferState | undefined {
	return state.imageJobs.transfers.find(t => t.key === key);
}

/** Running or waiting for credentials. */
export function isActive(transfer: TransferState | undefined): boolean {
	return transfer?.status === 'running' || transfer?.status === 'credentials';
}

export function activeTransfers(state: AppState): TransferState[] {
	return state.imageJobs.transfers.filter(t => isActive(t));
}

/** Whole percent of the bytes known so far, or undefined before any size is known. */
export function percentOf(progress: TransferProgress | undefined): number | undefined {
	// Layers not started have no size yet: a percentage of the others would say 95% at a third.
	if (!progress || progress.total <= 0 || progress.unsized > 0) return undefined;
	return Math.min(100, Math.floor((progress.current / progress.total) * 100));
}

/** The images pane's header note: "pulling app:1 40%  pushing x:2  building app:2". */
export function activityNote(state: AppState): string | undefined {
	const parts = activeTransfers(state).map(t => {
		const verb = t.status === 'credentials' ? `${t.kind} waits for credentials:` : t.kind === 'pull' ? 'pulling' : 'pushing';
		const percent = t.status === 'running' ? percentOf(t.progress) : undefined;
		return `${verb} ${t.ref}${percent === undefined ? '' : ` ${percent}%`}`;
	});
	const build = state.imageJobs.build;
	if (build?.status === 'running') parts.push(`building ${build.name}${build.step ? ` (step ${build.step.index}/${build.step.total})` : ''}`);
	return parts.length > 0 ? parts.join('  ') : undefined;
}
