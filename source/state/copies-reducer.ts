/** The reducer's part for copies (copy-types.ts); undefined for actions it leaves to reducer.ts. */
import type {CopyAction, CopyJob} from './copy-types.js';
import type {Action, AppState} from './types.js';

/** Copies that ended are kept for their view, at most this many. */
const ENDED_KEPT = 8;

const ended = (job: CopyJob) => job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

function isCopyAction(action: Action): action is CopyAction {
	return action.type === 'copy-start' || action.type === 'copy-update';
}

export function reduceCopies(state: AppState, action: Action): AppState | undefined {
	if (!isCopyAction(action)) return undefined;
	if (action.type === 'copy-start') {
		const old = state.copies.filter(ended);
		const drop = new Set(old.slice(0, Math.max(0, old.length - ENDED_KEPT + 1)).map(job => job.key));
		return {...state, copies: [...state.copies.filter(job => !drop.has(job.key)), action.job]};
	}

	if (!state.copies.some(job => job.key === action.key)) return state;
	return {...state, copies: state.copies.map(job => (job.key === action.key ? {...job, ...action.patch} : job))};
}

export function copyOf(state: AppState, key: string): CopyJob | undefined {
	return state.copies.find(job => job.key === key);
}

/** The copy `v` shows: the one waiting for an answer, else one running, else the last. */
export function copyToShow(state: AppState): CopyJob | undefined {
	return state.copies.find(job => job.status === 'asking') ?? state.copies.find(job => job.status === 'running') ?? state.copies.at(-1);
}
