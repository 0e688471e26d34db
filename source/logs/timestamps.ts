/**
 * Engine timestamps without losing precision. The engine writes log timestamps as RFC 3339 with
 * up to nine fractional digits (trailing zeros trimmed) and event times as nanoseconds since the
 * epoch; the API's `since` takes "seconds.nanoseconds". Numbers cannot hold nanoseconds, so these
 * work on strings.
 */

/** Event `timeNano` ("1700000000123456789") → `since` ("1700000000.123456789"). */
export function eventTimeToSince(timeNano: string): string {
	const digits = timeNano.replace(/\D/g, '').padStart(10, '0');
	const seconds = digits.slice(0, -9) || '0';
	const nanos = digits.slice(-9);
	return `${seconds}.${nanos}`;
}

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

/** RFC 3339 log timestamp → `since` ("seconds.nanoseconds"), or undefined if it does not parse. */
export function timestampToSince(timestamp: string): string | undefined {
	const key = timestampKey(timestamp);
	if (!key) return undefined;
	const seconds = Math.floor(Date.parse(`${key.slice(0, 19)}Z`) / 1000);
	return `${seconds}.${key.slice(20, 29)}`;
}
