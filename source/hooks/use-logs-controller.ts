import {useEffect, useMemo, useRef, useState} from 'react';
import type {Engine} from '../engine/types.js';
import {buildLogView, displayText, findMatches, type LogScroll} from '../logs/log-view.js';
import {timestampKey} from '../logs/timestamps.js';
import type {AppState} from '../state/app-state.js';
import {compileMatcher, type Matcher} from '../text/matcher.js';
import {useLogStream, type LogStreamView, type LogTarget} from './use-log-stream.js';
import {useSettled} from './use-settled.js';

const sinceSeconds: Record<AppState['logs']['since'], number | undefined> = {
	'5m': 300,
	'1h': 3600,
	'24h': 86_400,
	all: undefined,
};

export interface LogsController {
	stream: LogStreamView;
	targets: LogTarget[];
	scroll: LogScroll;
	/** The compiled search, when it is valid and not empty. */
	matcher?: Matcher;
	searchError?: string;
	/** Absolute indices of matching lines. */
	matches: number[];
	/** Absolute index of the current match. */
	current?: number;
	/** Scrolls by rows (negative: back), to the start, or back to following. */
	scrollBy(delta: number | 'first' | 'last', page: number): void;
	/** Jumps to the next (1) or previous (-1) match; returns "match i of n" or a reason. */
	jump(direction: 1 | -1, page: number): string;
}

/**
 * Everything the logs pane needs beyond the engine stream: the targets (the selected container
 * or the merged set), the scroll position, the compiled search and its matches, and keeping
 * the pane's place when since/tail restart the stream.
 */
/** How long the selection must rest on a container before its log stream starts. */
export const settleMs = 120;

export function useLogsController(engine: Engine, state: AppState, current_: {id: string; name: string; state: string} | undefined): LogsController {
	const connected = state.conn.kind === 'up';
	const settledId = useSettled(current_?.id, settleMs);
	const selected = current_ && current_.id === settledId ? current_ : state.containers.find(c => c.id === settledId);
	const targets = useMemo<LogTarget[]>(() => {
		if (state.merged) {
			return state.merged.ids
				.map(id => state.containers.find(c => c.id === id))
				.filter(c => c !== undefined)
				.map(c => ({id: c.id, name: c.name, running: c.state === 'running'}));
		}
		return selected ? [{id: selected.id, name: selected.name, running: selected.state === 'running'}] : [];
	}, [state.merged, state.containers, selected?.id, selected?.name, selected?.state]);

	const stream = useLogStream(engine, targets, connected, {tail: state.logs.tail, sinceSeconds: sinceSeconds[state.logs.since]});
	const [scroll, setScroll] = useState<LogScroll>({follow: true});
	const [current, setCurrent] = useState<number | undefined>(undefined);

	// A new target starts at the live end; a since/tail restart keeps the place (by timestamp).
	const targetKey = targets.map(t => t.id).join(',');
	const anchor = useRef<{key: string; generation: number} | undefined>(undefined);
	const lastShown = useRef<string | undefined>(undefined);
	const previous = useRef({targetKey, generation: stream.generation});
	if (previous.current.targetKey !== targetKey) {
		previous.current = {targetKey, generation: stream.generation};
		anchor.current = undefined;
		lastShown.current = undefined;
		if (!scroll.follow) setScroll({follow: true});
		if (current !== undefined) setCurrent(undefined);
	} else if (previous.current.generation !== stream.generation) {
		previous.current.generation = stream.generation;
		// since/tail changed: find the line shown last before the restart once it is back.
		if (!scroll.follow && lastShown.current) anchor.current = {key: lastShown.current, generation: stream.generation};
		if (current !== undefined) setCurrent(undefined);
	} else if (!scroll.follow) {
		const ts = stream.buffer.get(scroll.end - 1 - stream.buffer.dropped)?.timestamp;
		lastShown.current = ts ? timestampKey(ts) : undefined;
	}
	useEffect(() => {
		const a = anchor.current;
		if (!a || a.generation !== stream.generation) return;
		const {buffer} = stream;
		for (let i = 0; i < buffer.length; i++) {
			const ts = buffer.get(i)!.timestamp;
			const key = ts ? timestampKey(ts) : undefined;
			if (key && key >= a.key) {
				setScroll({follow: false, end: buffer.dropped + i + 1});
				anchor.current = undefined;
				return;
			}
		}
	}, [stream.version, stream.generation]);

	const search = state.filters.logs;
	const compiled = useMemo(() => (search ? compileMatcher(search) : undefined), [search]);
	const matcher = compiled?.ok ? compiled : undefined;
	const searchError = compiled && !compiled.ok ? compiled.error : undefined;
	const matches = useMemo(() => findMatches(stream.buffer, matcher), [stream.version, stream.generation, matcher]);

	const setParkedOrFollow = (end: number) => {
		const total = stream.buffer.dropped + stream.buffer.length;
		setScroll(end >= total ? {follow: true} : {follow: false, end});
	};

	return {
		stream,
		targets,
		scroll,
		matcher,
		searchError,
		matches,
		current,
		scrollBy(delta, page) {
			const {buffer} = stream;
			if (delta === 'last') return setScroll({follow: true});
			if (delta === 'first') return setParkedOrFollow(buffer.dropped + Math.min(page, buffer.length));
			const view = buildLogView(buffer, scroll, {
				height: page,
				width: 10_000,
				timestamps: false,
				wrap: false,
				filterMode: state.logs.filterMode,
				matcher,
			});
			// Move by lines among those shown (filter mode skips the others).
			let end = view.end;
			const eligible = (i: number) => !state.logs.filterMode || !matcher || matcher.test(displayText(buffer.get(i - buffer.dropped)!));
			let steps = Math.abs(delta);
			const total = buffer.dropped + buffer.length;
			while (steps > 0) {
				if (delta < 0) {
					if (end - 1 <= buffer.dropped) break;
					end--;
					if (eligible(end - 1)) steps--;
				} else {
					if (end >= total) break;
					end++;
					if (eligible(end - 1)) steps--;
				}
			}
			const minimum = buffer.dropped + Math.min(page, buffer.length);
			setParkedOrFollow(Math.max(minimum, end));
		},
		jump(direction, page) {
			if (!matcher) return searchError ?? 'No search: press / to search the log';
			if (matches.length === 0) return `No match for ${search}`;
			let index: number;
			if (current === undefined || !matches.includes(current)) {
				// Start from the bottom of the window.
				const total = stream.buffer.dropped + stream.buffer.length;
				const end = scroll.follow ? total : scroll.end;
				if (direction < 0) {
					index = matches.length - 1;
					while (index > 0 && matches[index]! >= end) index--;
				} else {
					index = matches.findIndex(m => m >= end - page);
					if (index < 0) index = 0;
				}
			} else {
				index = (matches.indexOf(current) + direction + matches.length) % matches.length;
			}
			const target = matches[index]!;
			setCurrent(target);
			// Show the match with some context below it.
			const total = stream.buffer.dropped + stream.buffer.length;
			const end = Math.min(total, target + 1 + Math.floor(page / 2));
			setParkedOrFollow(Math.max(end, stream.buffer.dropped + Math.min(page, stream.buffer.length)));
			return `match ${index + 1} of ${matches.length}`;
		},
	};
}
