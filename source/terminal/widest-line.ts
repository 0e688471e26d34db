/**
 * Stands in for the widest-line package in the bundle (source/build/bundle.mjs). Ink measures
 * the widest line of every text node on every frame with it, uncached; string-width segments
 * each line into graphemes, so in profiles of berth following a log flood this was the largest
 * single cost. Same results: printable ASCII is its own width, anything else goes to
 * string-width once and is remembered (bounded, oldest out first).
 */
import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;
const cache = new Map<string, number>();
const limit = 2000;

function lineWidth(line: string): number {
	if (printableAscii.test(line)) return line.length;
	let width = cache.get(line);
	if (width === undefined) {
		width = stringWidth(line);
		cache.set(line, width);
		if (cache.size > limit) cache.delete(cache.keys().next().value!);
	}
	return width;
}

export default function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
	return widest;
}
