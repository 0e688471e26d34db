/**
 * The logs pane's part of the reducer: settings, scrolling (by lines; in filter mode by
 * matching lines), the search's matches and n / N, and the stream's counts.
 */
import type {LogScroll} from '../logs/log-view.js';
import {endOf, following, minimumEnd, parkedAt, scrollFollow} from './follow-scroll.js';
import {sinceOptions, tailOptions, type LogsAction, type LogsState} from './logs-types.js';

export interface LogsResult {
	logs: LogsState;
	/** A message for the status line (n / N: "match 2 of 5"). */
	say?: string;
}

/** The first match at or after `from` (binary search over the sorted matches). */
function firstAtOrAfter(matches: readonly number[], from: number): number {
	let lo = 0;
	let hi = matches.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (matches[mid]! < from) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** What the pane's buffer holds, absolute (follow-scroll.ts). */
const extentOf = (logs: LogsState) => ({first: logs.dropped, total: logs.total});

function parkedOrFollow(logs: LogsState, end: number): LogScroll {
	return parkedAt(extentOf(logs), end);
}

function scrollBy(logs: LogsState, delta: number | 'first' | 'last', page: number, filtering: boolean): LogScroll {
	if (!filtering || delta === 'last') return scrollFollow(logs.scroll, delta, extentOf(logs), page);
	if (delta === 'first') return parkedOrFollow(logs, minimumEnd(extentOf(logs), page));
	// Filter mode: move by lines shown, i.e. matching lines. The window ends after a match.
	const end = endOf(logs.scroll, extentOf(logs));
	const matches = logs.matches;
	const lastShown = firstAtOrAfter(matches, end) - 1;
	const index = Math.min(matches.length - 1, Math.max(Math.min(page, matches.length) - 1, lastShown + delta));
	if (index < 0 || index >= matches.length - 1) return following;
	return {follow: false, end: matches[index]! + 1};
}

function jump(logs: LogsState, direction: 1 | -1, page: number, pattern: string): LogsResult {
	if (logs.searchError) return {logs, say: logs.searchError};
	if (pattern === '') return {logs, say: 'No search: press / to search the log'};
	const {matches} = logs;
	if (matches.length === 0) {
		if (logs.searched) return {logs: {...logs, pendingJump: undefined}, say: `No match for ${pattern}`};
		return {logs: {...logs, pendingJump: direction}, say: `No match yet for ${pattern} (still searching)`};
	}
	let index: number;
	const known = logs.current === undefined ? -1 : matches.indexOf(logs.current);
	// The stream reports its count at most every 50 ms, the search reads the buffer itself: lines
	// it matched exist even when the count has not caught up with them yet.
	const total = Math.max(logs.total, matches.at(-1)! + 1);
	if (known < 0) {
		// Start from the window: the last match in it going back, the first in it going forward.
		const end = logs.scroll.follow ? total : logs.scroll.end;
		if (direction < 0) index = Math.max(0, firstAtOrAfter(matches, end) - 1);
		else {
			index = firstAtOrAfter(matches, end - page);
			if (index >= matches.length) index = 0;
		}
	} else {
		index = (known + direction + matches.length) % matches.length;
	}
	const target = matches[index]!;
	// Show the match with some context below it.
	const end = Math.min(total, target + 1 + Math.floor(page / 2));
	const counted = {...logs, total};
	const scroll = parkedOrFollow(counted, Math.max(end, minimumEnd(extentOf(counted), page)));
	const of = logs.searched ? `${matches.length}` : `${matches.length} so far`;
	return {logs: {...logs, current: target, scroll, pendingJump: undefined}, say: `match ${index + 1} of ${of}`};
}

/** Applies a logs action. `page` is the pane's height in rows; `pattern` the search typed. */
export function reduceLogs(logs: LogsState, action: LogsAction, page: number, pattern: string): LogsResult {
	const filtering = logs.filterMode && pattern !== '' && !logs.searchError;
	switch (action.type) {
		case 'logs-toggle':
			return {logs: {...logs, [action.what]: !logs[action.what]}};
		case 'logs-since': {
			const index = sinceOptions.indexOf(logs.since) + action.delta;
			return {logs: {...logs, since: sinceOptions[Math.min(sinceOptions.length - 1, Math.max(0, index))]!}};
		}
		case 'logs-tail': {
			const index = tailOptions.indexOf(logs.tail) + action.delta;
			return {logs: {...logs, tail: tailOptions[Math.min(tailOptions.length - 1, Math.max(0, index))]!}};
		}
		case 'merge':
			return {logs: {...logs, merged: action.merged}};
		case 'logs-stream':
			if (action.generation !== logs.generation) return {logs};
			return {
				logs: {
					...logs,
					version: action.version,
					total: action.total,
					dropped: action.dropped,
					streamState: action.state,
					streamError: action.error,
				},
			};
		case 'logs-restarted':
			// A new target starts at the live end; a since/tail restart keeps the place (the stream
			// finds the line shown last and scrolls back to it with logs-scroll-to).
			return {
				logs: {
					...logs,
					generation: action.generation,
					targets: action.targets,
					version: 0,
					total: 0,
					dropped: 0,
					matches: [],
					searched: true,
					current: undefined,
					pendingJump: undefined,
					streamState: 'streaming',
					streamError: undefined,
					scroll: action.keepPlace ? logs.scroll : following,
				},
			};
		case 'logs-scroll':
			return {logs: {...logs, scroll: scrollBy(logs, action.delta, page, filtering)}};
		case 'logs-scroll-to':
			return {logs: {...logs, scroll: parkedOrFollow(logs, Math.max(minimumEnd(extentOf(logs), page), action.end))}};
		case 'logs-matches': {
			const next = {
				...logs,
				matches: action.matches,
				searched: action.searched,
				searchError: action.error,
				current: logs.current !== undefined && action.matches.includes(logs.current) ? logs.current : undefined,
			};
			// The jump asked for while the search had found nothing yet, now that it has (or is done).
			if (next.pendingJump !== undefined && (next.matches.length > 0 || next.searched || next.searchError)) {
				return next.searchError ? {logs: {...next, pendingJump: undefined}} : jump(next, next.pendingJump, page, pattern);
			}
			return {logs: next};
		}
		case 'logs-jump':
			return jump(logs, action.direction, page, pattern);
	}
}
