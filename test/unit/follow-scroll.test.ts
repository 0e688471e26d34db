/** The one scroll-and-follow model of the live views (state/follow-scroll.ts). */
import {describe, expect, it} from 'vitest';
import {followWindow, following, scrollFollow} from '../../source/state/follow-scroll.js';

describe('follow scroll', () => {
	const extent = {first: 10, total: 110};

	it('follows the end; scrolled back it parks on absolute lines, and stays there as lines come and go', () => {
		expect(followWindow(following, extent, 20)).toEqual({from: 90, to: 110});
		const parked = scrollFollow(following, -5, extent, 20);
		expect(parked).toEqual({follow: false, end: 105});
		// Three more lines, two evicted: the same lines are shown.
		expect(followWindow(parked, {first: 12, total: 113}, 20)).toEqual({from: 85, to: 105});
		// Back to the end follows again.
		expect(scrollFollow(parked, 5, extent, 20)).toEqual(following);
		expect(scrollFollow(parked, Number.MAX_SAFE_INTEGER, extent, 20)).toEqual(following);
		expect(scrollFollow(parked, 'last', extent, 20)).toEqual(following);
	});

	it('stops at the first page; a short buffer shows from its first line', () => {
		expect(scrollFollow(following, -Number.MAX_SAFE_INTEGER, extent, 20)).toEqual({follow: false, end: 30});
		expect(scrollFollow(following, 'first', extent, 20)).toEqual({follow: false, end: 30});
		expect(followWindow({follow: false, end: 12}, extent, 20)).toEqual({from: 10, to: 30});
		expect(followWindow(following, {first: 0, total: 3}, 20)).toEqual({from: 0, to: 3});
		expect(scrollFollow(following, -1, {first: 0, total: 3}, 20)).toEqual(following);
	});
});
