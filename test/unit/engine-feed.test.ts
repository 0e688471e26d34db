import {describe, expect, it} from 'vitest';
import {sameData} from '../../source/state/engine-feed.js';

describe('engine feed change detection', () => {
	it('compares list data by value, without serialising it', () => {
		const a = {id: 'x', ports: [{privatePort: 80, type: 'tcp'}], labels: {a: '1'}, exitCode: undefined};
		expect(sameData(a, structuredClone(a))).toBe(true);
		expect(sameData(a, {...a, ports: [{privatePort: 81, type: 'tcp'}]})).toBe(false);
		expect(sameData(a, {...a, labels: {a: '1', b: '2'}})).toBe(false);
		expect(sameData([a], [a, a])).toBe(false);
		expect(sameData({x: []}, {x: {}})).toBe(false);
		expect(sameData({x: undefined}, {y: undefined})).toBe(false);
		expect(sameData(null, {})).toBe(false);
	});
});
