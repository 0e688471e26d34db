/**
 * Replaces the widest-line package (6.x) where Ink 6.8.0 (ink-version.json) imports it to lay
 * out text: render-node-to-output.js. scripts/ink-patches.mjs swaps it in, for the bundle and
 * for the tests alike; other importers of widest-line keep the package. It also measures lines
 * for berth's Output and measure-text (fast-output.ts, measure-text.ts).
 *
 * Ink measures the widest line of every text node on every frame with it, uncached; string-width
 * segments each line into graphemes, so in profiles of berth following a log flood this was the
 * largest single cost. Same results (test/unit/ink-patches.test.ts compares it with the package):
 * the width is berth's one width function (text/width.ts: string-width, with an ASCII fast path
 * and a bounded cache), so what Ink lays out, what Output places and what berth's tables measure
 * agree. It takes any string, as the package does, so it has nothing to hand back to the package.
 */
import {stringWidth} from '../text/width.js';
import {patchUse} from './use-counts.js';

/** The width of one line (or one character), as string-width measures it. */
export function lineWidth(line: string): number {
	return stringWidth(line);
}

/** The widest line of `text`, for berth's own patches (not counted as Ink's use). */
export function widestLineOf(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, stringWidth(line));
	return widest;
}

/** The package's function, as Ink calls it. */
export default function widestLine(text: string): number {
	patchUse.widestLine++;
	return widestLineOf(text);
}
