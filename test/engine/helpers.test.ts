/** Pure helpers of the Docker adapter: API version negotiation, timestamps, status text. */
import {describe, expect, it} from 'vitest';
import {MAX_API_VERSION, negotiateApiVersion} from '../../source/engine/transport/api-version.js';
import {exitCodeFromStatus, healthFromStatus} from '../../source/engine/containers/mapping.js';
import {eventTimeToSince, toUnixTimestamp} from '../../source/engine/transport/timestamps.js';

describe('negotiateApiVersion', () => {
	it('uses the engine version when it is older than berth\'s maximum', () => {
		expect(negotiateApiVersion('1.41', '1.12')).toBe('1.41');
		expect(negotiateApiVersion('1.9', '1.0')).toBe('1.9');
	});

	it('caps a newer engine at berth\'s maximum', () => {
		expect(negotiateApiVersion('1.52', '1.24')).toBe(MAX_API_VERSION);
	});

	it('never goes below the engine\'s minimum', () => {
		expect(negotiateApiVersion('1.60', '1.50')).toBe('1.50');
	});

	it('sends no version when the engine reports none it can parse', () => {
		expect(negotiateApiVersion(undefined)).toBeUndefined();
		expect(negotiateApiVersion('banana')).toBeUndefined();
	});
});

describe('toUnixTimestamp', () => {
	it('keeps unix seconds, with fractions', () => {
		expect(toUnixTimestamp(1_795_430_002)).toBe('1795430002');
		expect(toUnixTimestamp(1_795_430_002.5)).toBe('1795430002.5');
		expect(toUnixTimestamp('1795430002.123456789')).toBe('1795430002.123456789');
	});

	it('converts RFC 3339 with nanoseconds without losing them', () => {
		expect(toUnixTimestamp('2026-11-23T10:40:20.754140706Z')).toBe(`${Date.UTC(2026, 10, 23, 10, 40, 20) / 1000}.754140706`);
		expect(toUnixTimestamp('2026-11-23T12:40:20+02:00')).toBe(`${Date.UTC(2026, 10, 23, 10, 40, 20) / 1000}.000000000`);
	});

	it('rejects text that is not a time', () => {
		expect(() => toUnixTimestamp('yesterday')).toThrow(/Not a timestamp/);
	});
});

describe('status text', () => {
	it('reads health', () => {
		expect(healthFromStatus('Up 3 minutes (healthy)')).toBe('healthy');
		expect(healthFromStatus('Up 3 minutes (unhealthy)')).toBe('unhealthy');
		expect(healthFromStatus('Up 2 seconds (health: starting)')).toBe('starting');
		expect(healthFromStatus('Up 3 minutes')).toBeUndefined();
		expect(healthFromStatus('Up 3 minutes (Paused)')).toBeUndefined();
	});

	it('reads exit codes', () => {
		expect(exitCodeFromStatus('Exited (137) 2 seconds ago')).toBe(137);
		expect(exitCodeFromStatus('Exited (0) About a minute ago')).toBe(0);
		expect(exitCodeFromStatus('Up 3 minutes')).toBeUndefined();
		expect(exitCodeFromStatus('Created')).toBeUndefined();
	});
});

describe('eventTimeToSince', () => {
	it("keeps every digit of an event's timeNano", () => {
		expect(eventTimeToSince('1700000000123456789')).toBe('1700000000.123456789');
		expect(eventTimeToSince('42')).toBe('0.000000042');
	});
});
