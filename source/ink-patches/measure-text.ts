/**
 * Stands in for Ink 6's internal measure-text.js in the bundle (source/build/bundle.mjs). Ink's
 * own keeps every text it ever measured in a module-level Map that is never emptied: each log
 * line shown, each "Up 3 seconds" status, stays in memory for the life of the process. Same
 * results; the widths come from widest-line.ts, whose cache is bounded.
 */
import widestLine from './widest-line.js';

export default function measureText(text: string): {width: number; height: number} {
	if (text.length === 0) return {width: 0, height: 0};
	return {width: widestLine(text), height: text.split('\n').length};
}
