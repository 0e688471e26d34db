/**
 * Stands in for Ink 6's internal measure-text.js in the bundle (source/build/bundle.mjs). Ink's
 * own keeps every text it ever measured in a module-level Map that is never emptied: each log
 * line shown, each "Up 3 seconds" status, stays in memory for the life of the process (berth's
 * live heap crept up under container churn, and a followed log grows it by every line
 * displayed). Same results, with a bounded cache (oldest out first).
 */
import widestLine from 'widest-line';

const cache = new Map<string, {width: number; height: number}>();
const limit = 2000;

export default function measureText(text: string): {width: number; height: number} {
	if (text.length === 0) return {width: 0, height: 0};
	let dimensions = cache.get(text);
	if (!dimensions) {
		dimensions = {width: widestLine(text), height: text.split('\n').length};
		cache.set(text, dimensions);
		if (cache.size > limit) cache.delete(cache.keys().next().value!);
	}
	return dimensions;
}
