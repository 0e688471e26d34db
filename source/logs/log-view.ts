/**
 * Pure logic of the logs pane: which lines and screen rows it shows for a scroll position,
 * search matches, filter mode, timestamps and wrapping. Only the rows that fit are sanitised
 * (each line once: results are cached per line object), and the work of highlighting them is
 * bounded (VIEW_RANGES_BUDGET for the whole screen). Which lines match is not decided here:
 * filter mode reads the match set of the background search (log-search.ts).
 */
import {endOf, type FollowScroll} from '../state/follow-scroll.js';
import type {LogLine} from '../engine/types.js';
import {formatTimestampLocal} from '../format/local-time.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Budget, Matcher} from '../text/matcher.js';
import {boundaryAtOrAfter, boundaryAtOrBefore} from '../text/graphemes.js';
import {fitPrefix, graphemes, isPrintableAscii, stringWidth} from '../text/width.js';

/** A line as the pane holds it; merged views add the container it came from. */
export interface ShownLine extends LogLine {
	/** Container name (merged views only). */
	source?: string;
	/** Index of the source, for its colour. */
	sourceIndex?: number;
}

/** What the pane reads from a buffer: absolute indices run from `dropped` to `dropped + length`. */
export interface LogBufferView {
	readonly length: number;
	readonly dropped: number;
	readonly version: number;
	get(index: number): ShownLine | undefined;
	/**
	 * For buffers that insert lines in the middle (the merged, time-ordered one): the lowest
	 * absolute index whose line may differ from what it was at `version`. A buffer without it
	 * only appends, evicts its oldest lines, or is cleared.
	 */
	changedSince?(version: number): number;
	/** For buffers of lines from several sources (merged logs): the widest source name, so their prefixes line up. */
	readonly sourceWidth?: number;
}

/** Which lines match the search (absolute indices): the background search's answer so far. */
export interface MatchSet {
	has(index: number): boolean;
	/** Matching lines in [from, to). */
	countBetween(from: number, to: number): number;
}

/** Work for the highlights of one screen, in matcher steps (~20–40 ns each: a few ms). */
export const VIEW_RANGES_BUDGET = 400_000;

/** Following the live end, or parked (state/follow-scroll.ts: the one model of every live view). */
export type LogScroll = FollowScroll;

/** Longest part of a line sanitised for display; longer lines are cut (and marked). */
export const maxLineChars = 32_768;

const cache = new WeakMap<LogLine, string>();

/** The line's text as displayed: sanitised, tabs expanded, one line. */
export function displayText(line: LogLine): string {
	let text = cache.get(line);
	if (text === undefined) {
		const raw = line.text.length > maxLineChars ? line.text.slice(0, maxLineChars) : line.text;
		text = sanitizeLine(raw, {maxLength: maxLineChars});
		if (line.text.length > maxLineChars) text += ` … [${line.text.length - maxLineChars} more characters]`;
		if ((line as ShownLine).cut) text += ' … [line cut: longer than 64 KiB]';
		cache.set(line, text);
	}
	return text;
}

/**
 * Absolute indices of the lines that match, oldest first, in one synchronous pass over the
 * whole buffer: for tests and small buffers. The logs pane uses LogSearch (log-search.ts),
 * which does this in bounded slices.
 */
export function findMatches(buffer: LogBufferView, matcher: Matcher | undefined): number[] {
	if (!matcher || matcher.pattern === '') return [];
	const result: number[] = [];
	for (let i = 0; i < buffer.length; i++) {
		const line = buffer.get(i)!;
		if (matcher.test(displayText(line))) result.push(buffer.dropped + i);
	}
	return result;
}

export interface LogRow {
	/** Absolute index of the line this row shows (part of). */
	index: number;
	stream: LogLine['stream'];
	prefix: string;
	source?: string;
	sourceIndex?: number;
	text: string;
	/** Ranges to highlight within `text`. */
	highlights: Array<[number, number]>;
	/** The current search match. */
	current: boolean;
}

export interface LogViewOptions {
	height: number;
	/** Cells available for the line (after the gutter). */
	width: number;
	timestamps: boolean;
	wrap: boolean;
	/** Show only lines that match: those in `matches`. */
	filterMode: boolean;
	/** The search, for highlights. */
	matcher?: Matcher;
	/**
	 * The lines that match (the background search's set). Filter mode needs it; without it
	 * filter mode falls back to testing each line on the spot, unbounded (kept until the
	 * pane passes its LogSearch).
	 */
	matches?: MatchSet;
	/** Absolute index of the current match, if any. */
	current?: number;
}

export interface LogViewResult {
	rows: LogRow[];
	/** Absolute index after the last line shown. */
	end: number;
	/** Lines (of those eligible) after the last one shown. */
	below: number;
	/**
	 * Some rows are shown without their highlights because the screen's budget ran out: render
	 * again soon (e.g. on the next turn of the event loop); each render finishes more of them.
	 */
	highlightsPending: boolean;
}

function prefixOf(line: ShownLine, timestamps: boolean, sourceWidth = 0): string {
	let prefix = '';
	if (timestamps) prefix += (line.timestamp ? formatTimestampLocal(line.timestamp) : ' '.repeat(23)) + ' ';
	if (line.source !== undefined) prefix += `${line.source}${' '.repeat(Math.max(0, sourceWidth - stringWidth(line.source)))} │ `;
	return prefix;
}

/** Splits text into pieces of at most `width` cells, between graphemes (a wide one never straddles two rows). */
function chunks(text: string, width: number): Array<[number, number]> {
	if (width <= 0 || text.length === 0) return [[0, text.length]];
	const pieces: Array<[number, number]> = [];
	let start = 0;
	while (start < text.length) {
		let [end] = fitPrefix(text, width, start);
		if (end === start) end = start + graphemes(text.slice(start, start + 64))[0]!.length; // wider than the row: alone
		pieces.push([start, end]);
		start = end;
	}
	return pieces;
}

const rangesCache = new WeakMap<LogLine, {matcher: Matcher; ranges: Array<[number, number]>}>();

/** Highlight ranges of a line, within the screen's budget; a complete answer is remembered. */
function highlightsOf(line: LogLine, text: string, matcher: Matcher, budget: Budget): Array<[number, number]> {
	const known = rangesCache.get(line);
	if (known && known.matcher === matcher) return known.ranges;
	if (budget.left <= 0) return [];
	const ranges = snapToGraphemes(text, matcher.ranges(text, budget));
	if (budget.left > 0) rangesCache.set(line, {matcher, ranges});
	return ranges;
}

/** Widens ranges to whole graphemes, so a highlight never splits a character in two. */
function snapToGraphemes(text: string, ranges: Array<[number, number]>): Array<[number, number]> {
	if (ranges.length === 0 || isPrintableAscii(text)) return ranges;
	return ranges.map(([a, b]): [number, number] => [boundaryAtOrBefore(text, a), boundaryAtOrAfter(text, b)]);
}

/** Rows of one line: one row, or several when wrapping. */
function rowsOf(line: ShownLine, index: number, options: LogViewOptions, budget: Budget, sourceWidth?: number): LogRow[] {
	const text = displayText(line);
	const prefix = prefixOf(line, options.timestamps, sourceWidth);
	const highlights = options.matcher && options.matcher.pattern !== '' ? highlightsOf(line, text, options.matcher, budget) : [];
	const base = {
		index,
		stream: line.stream,
		source: line.source,
		sourceIndex: line.sourceIndex,
		current: options.current === index,
	};
	const room = Math.max(1, options.width - stringWidth(prefix));
	if (!options.wrap || fitPrefix(text, room)[0] === text.length) {
		return [{...base, prefix, text, highlights}];
	}
	return chunks(text, room).map(([start, end], part) => ({
		...base,
		prefix: part === 0 ? prefix : ' '.repeat(stringWidth(prefix)),
		text: text.slice(start, end),
		highlights: highlights
			.filter(([a, b]) => b > start && a < end)
			.map(([a, b]): [number, number] => [Math.max(a, start) - start, Math.min(b, end) - start]),
	}));
}

/**
 * The rows for a scroll position. Walks back from the end of the window, so only what fits is
 * looked at (plus, in filter mode, the lines skipped because they do not match).
 */
export function buildLogView(buffer: LogBufferView, scroll: LogScroll, options: LogViewOptions): LogViewResult {
	const total = buffer.dropped + buffer.length;
	const filtering = options.filterMode && options.matcher !== undefined && options.matcher.pattern !== '';
	const {matches} = options;
	const eligible = (line: ShownLine, i: number) => !filtering || (matches ? matches.has(i) : options.matcher!.test(displayText(line)));
	const budget: Budget = {left: VIEW_RANGES_BUDGET};
	let end = endOf(scroll, {first: buffer.dropped, total});
	const rows: LogRow[] = [];
	const index = end - 1;
	const collect = (from: number) => {
		const collected: LogRow[] = [];
		let i = from;
		while (i >= buffer.dropped && collected.length < options.height) {
			const line = buffer.get(i - buffer.dropped)!;
			if (eligible(line, i)) collected.unshift(...rowsOf(line, i, options, budget, buffer.sourceWidth));
			i--;
		}
		return {collected, next: i};
	};
	const {collected} = collect(index);
	// Parked near the top: fill the window with the lines after it instead of leaving it short.
	if (!scroll.follow && collected.length < options.height && end < total) {
		let after = end;
		while (after < total && collected.length < options.height) {
			const line = buffer.get(after - buffer.dropped)!;
			if (eligible(line, after)) collected.push(...rowsOf(line, after, options, budget, buffer.sourceWidth));
			after++;
		}
		end = after;
	}
	rows.push(...collected.slice(-options.height));
	let below = 0;
	if (!scroll.follow) {
		if (!filtering) below = total - end;
		else if (matches) below = matches.countBetween(end, total);
		else for (let i = end; i < total; i++) if (eligible(buffer.get(i - buffer.dropped)!, i)) below++;
	}
	void index;
	return {rows, end, below, highlightsPending: budget.left <= 0};
}
