/** Engine timestamps (RFC 3339, up to nanoseconds) shown in local time. */

const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})$/;

/** What `formatTimestampLocal` returns for input it cannot parse; the same width as a real timestamp. */
export const INVALID_TIMESTAMP = '????-??-?? ??:??:??.???';

/**
 * Parses an RFC 3339 timestamp as the engine sends it (nanosecond precision, e.g.
 * "2026-11-23T10:33:19.236871895Z", or with a numeric offset) into milliseconds since the
 * epoch, truncating below the millisecond. Returns undefined when it is not valid.
 */
export function parseTimestamp(rfc3339: string): number | undefined {
	const m = RFC3339_RE.exec(rfc3339);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac = '', zone] = m;
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
		return undefined;
	}
	const ms = Number((frac + '000').slice(0, 3));
	const date = new Date(0);
	// setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999 (the engine's zero time is year 1).
	date.setUTCFullYear(Number(y), month - 1, day);
	date.setUTCHours(Number(h), Number(mi), Math.min(Number(s), 59), ms);
	if (date.getUTCDate() !== day) return undefined; // e.g. February 30
	let offsetMinutes = 0;
	if (zone !== 'Z' && zone !== 'z') {
		const sign = zone[0] === '-' ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
	}
	return date.getTime() - offsetMinutes * 60_000;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

/**
 * An RFC 3339 timestamp (see `parseTimestamp`) in local time as "YYYY-MM-DD HH:MM:SS.mmm",
 * milliseconds truncated. Unparseable input gives `INVALID_TIMESTAMP` (same width, so log
 * columns stay aligned).
 */
export function formatTimestampLocal(rfc3339: string): string {
	const ms = parseTimestamp(rfc3339);
	if (ms === undefined) return INVALID_TIMESTAMP;
	const d = new Date(ms);
	return (
		`${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)} ` +
		`${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(d.getMilliseconds(), 3)}`
	);
}
