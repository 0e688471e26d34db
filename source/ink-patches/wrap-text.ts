/**
 * Stands in for Ink 6's internal wrap-text.js in the bundle (source/build/bundle.mjs). Ink's own
 * remembers every text it ever wrapped or truncated in a module-level object that is never
 * emptied, so each long log line or row shown stays in memory for the life of the process.
 * Same results, with a bounded cache (oldest out first).
 */
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';
import {BoundedCache} from '../text/bounded-cache.js';

type WrapType = 'wrap' | 'end' | 'middle' | 'truncate-end' | 'truncate' | 'truncate-middle' | 'truncate-start';

const cache = new BoundedCache<string, string>(2000);

function wrap(text: string, maxWidth: number, wrapType: WrapType): string {
	if (wrapType === 'wrap') return wrapAnsi(text, maxWidth, {trim: false, hard: true});
	if (wrapType.startsWith('truncate')) {
		const position = wrapType === 'truncate-middle' ? 'middle' : wrapType === 'truncate-start' ? 'start' : 'end';
		return cliTruncate(text, maxWidth, {position});
	}
	return text;
}

/** Entries in the cache, and its limit (diagnostics, tests). */
export function wrapCacheSize(): {size: number; limit: number} {
	return {size: cache.size, limit: cache.limit};
}

export default function wrapText(text: string, maxWidth: number, wrapType: WrapType): string {
	return cache.get(text + String(maxWidth) + String(wrapType), () => wrap(text, maxWidth, wrapType));
}
