/**
 * Log timestamps without losing precision. The engine writes them as RFC 3339 with up to nine
 * fractional digits (trailing zeros trimmed); numbers cannot hold nanoseconds, so this works on
 * strings. (Turning a timestamp into the API's `since` is the engine adapter's job:
 * source/engine/transport/timestamps.ts.)
 */

const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A key that sorts like the time it names: "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" in UTC with all nine
 * digits. Returns undefined for text that is not an RFC 3339 timestamp.
 */
export function timestampKey(timestamp: string): string | undefined {
	const match = rfc3339.exec(timestamp);
	if (!match) return undefined;
	const [, base, fraction = '', zone] = match;
	let whole = base!;
	if (zone !== 'Z') {
		const ms = Date.parse(`${base}${zone}`);
		if (Number.isNaN(ms)) return undefined;
		whole = new Date(ms).toISOString().slice(0, 19);
	}
	return `${whole}.${fraction.padEnd(9, '0')}Z`;
}
