import {describe, expect, it} from 'vitest';
import {nextStatsInterval, statsIdleIntervalMs, statsIntervalMs} from '../../source/controller/stats-sampler.js';

describe('stats sampling cadence', () => {
	it('samples every 2 s while the figures change and backs off to 10 s while they do not', () => {
		let interval = statsIntervalMs;
		const waits: number[] = [];
		for (const changed of [false, false, false, false, true, false]) {
			interval = nextStatsInterval(interval, changed);
			waits.push(interval);
		}
		expect(waits).toEqual([4000, 8000, statsIdleIntervalMs, 10_000, 2000, 4000]);
	});
});
