/**
 * Replaces Ink's internal measure-text.js (imported by Ink's dom.js as ./measure-text.js) —
 * written against Ink 6.8.0 (ink-version.json). scripts/ink-patches.mjs swaps it in, for the
 * bundle and for the tests alike.
 *
 * Ink's own keeps every text it ever measured in a module-level Map that is never emptied: each
 * log line shown, each "Up 3 seconds" status, stays in memory for the life of the process. Same
 * results (test/unit/ink-patches.test.ts compares them); the widths come from widest-line.ts,
 * whose cache is bounded. Ink's takes any string and so does this one (text/width.ts measures
 * long texts without caching them), so there is nothing it hands back to Ink's.
 */
import {patchUse} from './use-counts.js';
import {widestLineOf} from './widest-line.js';

export default function measureText(text: string): {width: number; height: number} {
	patchUse.measureText++;
	if (text.length === 0) return {width: 0, height: 0};
	return {width: widestLineOf(text), height: text.split('\n').length};
}
