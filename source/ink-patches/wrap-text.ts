/**
 * Replaces Ink's internal wrap-text.js (imported by Ink's dom.js and render-node-to-output.js as
 * ./wrap-text.js) — written against Ink 6.8.0 (ink-version.json). scripts/ink-patches.mjs swaps
 * it in, for the bundle and for the tests alike.
 *
 * Ink's own remembers every text it ever wrapped or truncated in a module-level object that is
 * never emptied, so each long log line or row shown stays in memory for the life of the
 * process. This one handles the modes berth uses — 'wrap' (the default: wrap-ansi, hard) and
 * 'truncate' / 'truncate-end' (cli-truncate at the end) — with the same results and a bounded
 * cache (oldest out first). Any other mode ('truncate-middle', 'truncate-start', 'end',
 * 'middle', or one a later Ink adds) goes to Ink's own wrapText unchanged.
 * test/unit/ink-patches.test.ts compares both paths with Ink's.
 */
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';
// Ink's own function, by path (Ink's package exports do not include it); this import is not redirected.
import inkWrapText from '../../node_modules/ink/build/wrap-text.js';
import {BoundedCache} from '../text/bounded-cache.js';
import {patchUse} from './use-counts.js';

type WrapType = Parameters<typeof inkWrapText>[2];

const cache = new BoundedCache<string, string>(2000);

/** Entries in the cache, and its limit (diagnostics, tests). */
export function wrapCacheSize(): {size: number; limit: number} {
	return {size: cache.size, limit: cache.limit};
}

export default function wrapText(text: string, maxWidth: number, wrapType: WrapType): string {
	// The key starts with the mode and the width, which hold no ':', so no two calls share one
	// (Ink's key, text + width + mode, gives 'ab' at 12 and 'ab1' at 2 the same entry).
	if (wrapType === 'wrap') {
		patchUse.wrapText++;
		return cache.get(`w:${maxWidth}:${text}`, () => wrapAnsi(text, maxWidth, {trim: false, hard: true}));
	}
	if (wrapType === 'truncate' || wrapType === 'truncate-end') {
		patchUse.wrapText++;
		return cache.get(`e:${maxWidth}:${text}`, () => cliTruncate(text, maxWidth, {position: 'end'}));
	}
	patchUse.wrapTextFallback++;
	return inkWrapText(text, maxWidth, wrapType);
}
