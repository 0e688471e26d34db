/**
 * Pure logic of the logs pane: which lines and screen rows it shows for a scroll position,
 * search matches, filter mode, timestamps and wrapping. Only the rows that fit are sanitised
 * (each line once: results are cached per line object).
 */
import type {LogLine} from '../engine/types.js';
import {formatTimestampLocal} from '../format/format.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Matcher} from '../text/matcher.js';
import {stringWidth} from '../text/width.js';

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
}

/** Following the live end, or parked with `end` = absolute index after the last line shown. */
export type LogScroll = {follow: true} | {follow: false; end: number};

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
		cache.set(line, text);
	}
	return text;
}

/** Absolute indices of the lines that match, oldest first. */
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
	key: string;
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
	/** Show only lines that match `matcher`. */
	filterMode: boolean;
	matcher?: Matcher;
	/** Absolute index of the current match, if any. */
	current?: number;
}

export interface LogViewResult {
	rows: LogRow[];
	/** Absolute index after the last line shown. */
	end: number;
	/** Lines (of those eligible) after the last one shown. */
	below: number;
}

function prefixOf(line: ShownLine, timestamps: boolean): string {
	let prefix = '';
	if (timestamps) prefix += (line.timestamp ? formatTimestampLocal(line.timestamp) : ' '.repeat(23)) + ' ';
	if (line.source !== undefined) prefix += `${line.source} │ `;
	return prefix;
}

/** Splits text into pieces of at most `width` cells (by code point; wide characters count 2). */
function chunks(text: string, width: number): Array<[number, number]> {
	if (width <= 0) return [[0, text.length]];
	const pieces: Array<[number, number]> = [];
	let start = 0;
	let cells = 0;
	let i = 0;
	while (i < text.length) {
		const cp = text.codePointAt(i)!;
		const size = cp > 0xffff ? 2 : 1;
		const w = stringWidth(text.slice(i, i + size));
		if (cells + w > width && i > start) {
			pieces.push([start, i]);
			start = i;
			cells = 0;
		}
		cells += w;
		i += size;
	}
	pieces.push([start, text.length]);
	return pieces;
}

/** Rows of one line: one row, or several when wrapping. */
function rowsOf(line: ShownLine, index: number, options: LogViewOptions): LogRow[] {
	const text = displayText(line);
	const prefix = prefixOf(line, options.timestamps);
	const highlights = options.matcher && options.matcher.pattern !== '' ? options.matcher.ranges(text) : [];
	const base = {
		index,
		stream: line.stream,
		source: line.source,
		sourceIndex: line.sourceIndex,
		current: options.current === index,
	};
	const room = Math.max(1, options.width - stringWidth(prefix));
	if (!options.wrap || stringWidth(text) <= room) {
		return [{...base, key: `${index}`, prefix, text, highlights}];
	}
	return chunks(text, room).map(([start, end], part) => ({
		...base,
		key: `${index}.${part}`,
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
	const eligible = (line: ShownLine) => !filtering || options.matcher!.test(displayText(line));
	let end = scroll.follow ? total : Math.min(total, Math.max(buffer.dropped, scroll.end));
	const rows: LogRow[] = [];
	let index = end - 1;
	const collect = (from: number) => {
		const collected: LogRow[] = [];
		let i = from;
		while (i >= buffer.dropped && collected.length < options.height) {
			const line = buffer.get(i - buffer.dropped)!;
			if (eligible(line)) collected.unshift(...rowsOf(line, i, options));
			i--;
		}
		return {collected, next: i};
	};
	let {collected} = collect(index);
	// Parked near the top: fill the window with the lines after it instead of leaving it short.
	if (!scroll.follow && collected.length < options.height && end < total) {
		let after = end;
		while (after < total && collected.length < options.height) {
			const line = buffer.get(after - buffer.dropped)!;
			if (eligible(line)) collected.push(...rowsOf(line, after, options));
			after++;
		}
		end = after;
	}
	rows.push(...collected.slice(-options.height));
	let below = 0;
	if (!scroll.follow) {
		for (let i = end; i < total; i++) if (eligible(buffer.get(i - buffer.dropped)!)) below++;
	}
	void index;
	return {rows, end, below};
}
