import {describe, expect, it} from 'vitest';
import {containerStatusText, humanDuration, nextChangeAfter, statusAge, timesAgree} from '../../source/format/ages.js';
import {formatAgeShort} from '../../source/format/format.js';
import {fakeContainer} from '../support/fake-engine.js';

const t0 = Date.parse('2026-11-23T10:00:00Z');

describe('relative times', () => {
	it('words durations as the docker CLI does', () => {
		expect(humanDuration(0.5)).toBe('Less than a second');
		expect(humanDuration(1)).toBe('1 second');
		expect(humanDuration(59)).toBe('59 seconds');
		expect(humanDuration(60)).toBe('About a minute');
		expect(humanDuration(119)).toBe('About a minute');
		expect(humanDuration(120)).toBe('2 minutes');
		expect(humanDuration(3600)).toBe('About an hour');
		expect(humanDuration(5399)).toBe('About an hour');
		expect(humanDuration(5400)).toBe('2 hours');
	});

	it('ages the engine status text from when it was listed, and from exact times when known', () => {
		const c = fakeContainer({name: 'a', status: 'Up 4 seconds'});
		// Listed at t0 saying 4 s: a minute later it is 64 s old.
		expect(containerStatusText(c, undefined, t0, t0 + 60_000)).toBe('Up About a minute');
		expect(containerStatusText(c, undefined, t0, t0 + 10_000)).toBe('Up 14 seconds');
		// Exact times win: it started 2 minutes 30 s before t0.
		expect(containerStatusText(c, {state: 'running', startedAt: t0 - 150_000}, t0, t0)).toBe('Up 2 minutes');
		// Exact times of another state do not apply.
		expect(statusAge(c, {state: 'exited', startedAt: t0 - 150_000}, t0, t0)).toBe(4);
		const exited = fakeContainer({name: 'b', state: 'exited', status: 'Exited (3) 5 minutes ago (healthy)'});
		expect(containerStatusText(exited, undefined, t0, t0 + 120_000)).toBe('Exited (3) 7 minutes ago (healthy)');
		expect(containerStatusText(fakeContainer({name: 'c', state: 'created', status: 'Created'}), undefined, t0, t0 + 9e9)).toBe('Created');
		expect(containerStatusText(fakeContainer({name: 'p', state: 'paused', status: 'Up 2 hours (Paused)'}), undefined, t0, t0 + 3_600_000)).toBe('Up 3 hours (Paused)');
	});

	it('finds the next second at which the words change: each second, each minute, each hour', () => {
		expect(nextChangeAfter(4.2, humanDuration)).toBe(5);
		expect(nextChangeAfter(125, humanDuration)).toBe(180);
		expect(nextChangeAfter(3 * 3600, humanDuration)).toBe(3.5 * 3600);
		expect(nextChangeAfter(46, s => formatAgeShort(0, s))).toBe(47);
		expect(nextChangeAfter(61, s => formatAgeShort(0, s))).toBe(120);
	});

	it('drops exact times that no longer fit the engine text (a restart)', () => {
		const c = fakeContainer({name: 'a', status: 'Up 3 seconds'});
		expect(timesAgree(c, {state: 'running', startedAt: t0 - 3000}, t0)).toBe(true);
		expect(timesAgree(c, {state: 'running', startedAt: t0 - 600_000}, t0)).toBe(false);
	});
});
