/**
 * The reducer's part for the live views (an attached run's output, a service's log, the build's
 * output): each follows its end until scrolled back, and stays on its lines while more arrive
 * (follow-scroll.ts, the model the logs pane uses too). Scrolling up is a negative delta.
 * Returns undefined for what it leaves to reducer.ts.
 */
import {scrollFollow, type FollowSeen} from './follow-scroll.js';
import type {Action, AppState} from './types.js';

export function reduceFollowViews(state: AppState, action: Action): AppState | undefined {
	const modal = state.modal;
	if (!modal || !('tail' in modal)) return undefined;
	if (action.type === 'follow-extent') {
		const seen: FollowSeen = {first: action.first, total: action.total, rows: action.rows};
		const old = modal.seen;
		if (old && old.first === seen.first && old.total === seen.total && old.rows === seen.rows) return state;
		return {...state, modal: {...modal, seen}};
	}
	if (action.type === 'scroll-modal') {
		const seen = modal.seen ?? {first: 0, total: 0, rows: 1};
		const tail = scrollFollow(modal.tail, action.delta, seen, seen.rows);
		if (tail.follow === modal.tail.follow && (tail.follow || modal.tail.follow || tail.end === modal.tail.end)) return state;
		return {...state, modal: {...modal, tail}};
	}
	return undefined;
}
