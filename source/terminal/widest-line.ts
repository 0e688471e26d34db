/**
 * Stands in for the widest-line package in the bundle (source/build/bundle.mjs), and measures
 * lines for berth's Output (fast-output.ts). Ink measures the widest line of every text node on
 * every frame with it, uncached; string-width segments each line into graphemes, so in
 * profiles of berth following a log flood this was the largest single cost. Same results:
 * printable ASCII is its own width, anything else goes to string-width once and is remembered.
 */
import stringWidth from 'string-width';
import {BoundedCache} from '../text/bounded-cache.js';
import {isPrintableAscii} from '../text/width.js';

const widths = new BoundedCache<string, number>(2000);

/** The width of one line (or one character), as string-width measures it. */
export function lineWidth(line: string): number {
	return isPrintableAscii(line) ? line.length : widths.get(line, stringWidth);
}

export default function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
	return widest;
}
