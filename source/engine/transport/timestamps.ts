/** Times in the form the engine's query parameters (`since`, `until`) want. */
import {EngineError} from '../types.js';

/**
 * The engine wants unix seconds ("1700000000.123456789"); callers may give a number or an
 * RFC 3339 timestamp (e.g. the last log line's), whose nanoseconds are kept.
 */
export function toUnixTimestamp(since: number | string): string {
	if (typeof since === 'number') return Number.isInteger(since) ? String(since) : since.toFixed(9).replace(/0+$/, '');
	const text = since.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return text;
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(text);
	if (!match) throw new EngineError('bad-request', `Not a timestamp: ${text}`);
	const seconds = Date.parse(`${match[1]!}${match[3]!.toUpperCase()}`) / 1000;
	if (!Number.isFinite(seconds)) throw new EngineError('bad-request', `Not a timestamp: ${text}`);
	const fraction = (match[2] ?? '').slice(0, 9).padEnd(9, '0');
	return `${seconds}.${fraction}`;
}

/** An event's `timeNano` ("1700000000123456789") as `since` ("1700000000.123456789"), every digit kept. */
export function eventTimeToSince(timeNano: string): string {
	const digits = timeNano.replace(/\D/g, '').padStart(10, '0');
	return `${digits.slice(0, -9) || '0'}.${digits.slice(-9)}`;
}
