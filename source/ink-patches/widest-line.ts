/**
 * Stands in for the widest-line package in the bundle (source/build/bundle.mjs), and measures
 * lines for berth's Output (fast-output.ts). Ink measures the widest line of every text node on
 * every frame with it, uncached; string-width segments each line into graphemes, so in
 * profiles of berth following a log flood this was the largest single cost. Same results: the
 * width is berth's one width function (text/width.ts: string-width, with an ASCII fast path and
 * a bounded cache), so what Ink lays out, what Output places and what berth's tables measure agree.
 */
import {stringWidth} from '../text/width.js';

/** The width of one line (or one character), as string-width measures it. */
export function lineWidth(line: string): number {
	return stringWidth(line);
}

export default function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, stringWidth(line));
	return widest;
}
