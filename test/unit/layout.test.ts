/** Pane heights follow what the panes hold (layout.ts computeLayout). */
import {describe, expect, it} from 'vitest';
import {computeLayout, heightOf} from '../../source/state/layout.js';

const slots = {top: 'containers', middle: 'images'};

describe('computeLayout, stacked (120x40)', () => {
	it('images with 20 tags and 3 containers: the images get the rows the containers do not use', () => {
		const {heights, body} = computeLayout(120, 40, 'containers', slots, {top: 3, middle: 20});
		// Every container on screen, with its header and column titles, and no empty rows.
		expect(heights.containers).toBe(3 + 2);
		expect(heights.images).toBeGreaterThan(6 + 2);
		expect(heights.containers + heights.images + heights.logs).toBe(body);
	});

	it('the other way round: many containers, few images', () => {
		const {heights} = computeLayout(120, 40, 'containers', slots, {top: 40, middle: 2});
		expect(heights.images).toBe(2 + 2);
		expect(heights.containers).toBeGreaterThan(Math.floor(37 * 0.4));
	});

	it('both short: each holds all of its rows and the logs get the rest', () => {
		const {heights, body} = computeLayout(120, 40, 'containers', slots, {top: 6, middle: 3});
		expect(heights).toEqual({containers: 8, images: 5, logs: body - 13});
	});

	it('both long: each keeps its share and the logs keep theirs', () => {
		const {heights, body} = computeLayout(120, 40, 'containers', slots, {top: 200, middle: 300});
		expect(heights.logs).toBeGreaterThanOrEqual(Math.floor(body * 0.38));
		expect(heights.containers).toBeGreaterThan(heights.images);
		expect(heights.containers + heights.images + heights.logs).toBe(body);
	});

	it('an empty list still has its header, titles and one line (its message)', () => {
		const {heights} = computeLayout(120, 40, 'containers', slots, {top: 0, middle: 0});
		expect(heights.containers).toBe(3);
		expect(heights.images).toBe(3);
	});

	it('below 30 rows the focused pane is alone, whatever the lists hold', () => {
		const layout = computeLayout(80, 24, 'images', slots, {top: 3, middle: 20});
		expect(layout.mode).toBe('single');
		expect(['containers', 'images', 'logs'].map(pane => heightOf(layout, pane))).toEqual([0, layout.body, 0]);
	});
});
