/**
 * Stands in for Ink 6's internal wrap-text.js in the bundle (source/build/bundle.mjs). Ink's own
 * remembers every text it ever wrapped or truncated in a module-level object that is never
 * emptied, so each long log line or row shown stays in memory for the life of the process.
 * Same results, with a bounded cache (oldest out first).
 */
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';

type WrapType = 'wrap' | 'end' | 'middle' | 'truncate-end' | 'truncate' | 'truncate-middle' | 'truncate-start';

const cache = new Map<string, string>();
const limit = 2000;

export default function wrapText(text: string, maxWidth: number, wrapType: WrapType): string {
	const key = text + String(maxWidth) + String(wrapType);
	const cached = cache.get(key);
	if (cached) return cached;
	let wrapped = text;
	if (wrapType === 'wrap') wrapped = wrapAnsi(text, maxWidth, {trim: false, hard: true});
	if (wrapType.startsWith('truncate')) {
		const position = wrapType === 'truncate-middle' ? 'middle' : wrapType === 'truncate-start' ? 'start' : 'end';
		wrapped = cliTruncate(text, maxWidth, {position});
	}
	cache.set(key, wrapped);
	if (cache.size > limit) cache.delete(cache.keys().next().value!);
	return wrapped;
}
