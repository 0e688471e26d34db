/**
 * The UI tests render through the Ink that ships: berth's patches of Ink (source/ink-patches/,
 * swapped in by scripts/ink-patches.mjs for the bundle and, through test/vitest.config.ts, for
 * the tests). With stock Ink none of the patches' counters moves and these fail.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import inkWrapText from '../../node_modules/ink/build/wrap-text.js';
import {patchUse} from '../../source/ink-patches/use-counts.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe("the UI tests' Ink", () => {
	it("lays out, measures and makes berth's frames with the patches", async () => {
		const before = {...patchUse};
		app = await renderApp(new FakeEngine({containers: [fakeContainer({name: 'patched-web-1'})]}));
		await app.waitFor('patched-web-1');
		expect(patchUse.output, "frames made by berth's Output").toBeGreaterThan(before.output);
		expect(patchUse.measureText, "texts measured by berth's measure-text").toBeGreaterThan(before.measureText);
		expect(patchUse.widestLine, "texts measured by berth's widest-line").toBeGreaterThan(before.widestLine);
		expect(patchUse.outputFallback, 'no frame of berth left to Ink').toBe(before.outputFallback);
	});

	it("wraps and truncates with berth's wrap-text, as Ink's own would", () => {
		const text = 'the quick brown fox jumps over the lazy dog';
		const before = {...patchUse};
		const {lastFrame, unmount} = render(
			<Box flexDirection="column" width={12}>
				<Text>{text}</Text>
				<Text wrap="truncate-end">{text}</Text>
			</Box>,
		);
		try {
			// Ink's wrapText keeps the spaces a line breaks at; Output trims each row's end.
			const ink = [...inkWrapText(text, 12, 'wrap').split('\n'), inkWrapText(text, 12, 'truncate-end')].map(line => line.trimEnd());
			expect(lastFrame()).toBe(ink.join('\n'));
			expect(lastFrame()).toBe('the quick\nbrown fox\njumps over\nthe lazy dog\nthe quick b…');
			expect(patchUse.wrapText).toBeGreaterThan(before.wrapText);
			expect(patchUse.wrapTextFallback).toBe(before.wrapTextFallback);
		} finally {
			unmount();
		}
	});

	it("cuts text in a mode the patch leaves to Ink exactly as Ink's own wrapText does", () => {
		const text = 'abcdefghijklmnopqrstuvwxyz';
		const before = {...patchUse};
		const {lastFrame, unmount} = render(
			<Box width={10}>
				<Text wrap="truncate-middle">{text}</Text>
			</Box>,
		);
		try {
			expect(lastFrame()).toBe(inkWrapText(text, 10, 'truncate-middle'));
			expect(lastFrame()).toMatch(/^abcd.*….*wxyz$/);
			expect(patchUse.wrapTextFallback).toBeGreaterThan(before.wrapTextFallback);
			expect(patchUse.output).toBeGreaterThan(before.output);
		} finally {
			unmount();
		}
	});
});
