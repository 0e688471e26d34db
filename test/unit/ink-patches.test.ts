/**
 * berth's patches of Ink (source/ink-patches/) against Ink's originals: the same results from
 * the same input, and what a patch does not handle is left to the original. The originals are
 * imported by path from node_modules/ink/build (Ink's package exports do not include them);
 * the patches' redirect (scripts/ink-patches.mjs) applies only to imports made by Ink's own
 * files, so these are Ink's code (the first test checks that).
 */
import {describe, expect, it} from 'vitest';
import FastOutput, {styledCacheSize} from '../../source/ink-patches/fast-output.js';
import {patchUse} from '../../source/ink-patches/use-counts.js';
import {widthCacheSize} from '../../source/text/width.js';
import InkOutput from '../../node_modules/ink/build/output.js';
import inkMeasureText from '../../node_modules/ink/build/measure-text.js';
import inkWrapText from '../../node_modules/ink/build/wrap-text.js';
import ourMeasureText from '../../source/ink-patches/measure-text.js';
import ourWrapText, {wrapCacheSize} from '../../source/ink-patches/wrap-text.js';
import ourWidestLine from '../../source/ink-patches/widest-line.js';
import packageWidestLine from 'widest-line';

type Op =
	| {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>}
	| {type: 'clip'; clip: {x1?: number; x2?: number; y1?: number; y2?: number}}
	| {type: 'unclip'};

interface OutputLike {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
}

function run(Output: new (options: {width: number; height: number}) => OutputLike, width: number, height: number, ops: Op[]) {
	const output = new Output({width, height});
	for (const op of ops) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
		else if (op.type === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return output.get();
}

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
		return s / 2_147_483_648;
	};
}

const pieces = ['container-1', 'busybox:latest', ' ', '●', '漢字', '✓ ', 'e\u0301', 'Up 3 minutes', '🐳', 'x'.repeat(30), ''];
const styles = ['\u001B[31m', '\u001B[7m', '\u001B[1m', '\u001B[38;5;245m', '\u001B[39m', '\u001B[27m', '\u001B[22m', '\u001B[0m'];
const inverse = (line: string) => `\u001B[7m${line}\u001B[27m`;
const numbered = (line: string, index: number) => `${index}:${line}`;

function randomText(next: () => number): string {
	const lines: string[] = [];
	const count = 1 + Math.floor(next() * 3);
	for (let l = 0; l < count; l++) {
		let line = '';
		const parts = 1 + Math.floor(next() * 5);
		for (let p = 0; p < parts; p++) {
			if (next() < 0.4) line += styles[Math.floor(next() * styles.length)];
			line += pieces[Math.floor(next() * pieces.length)];
		}
		lines.push(line);
	}
	return lines.join('\n');
}

function randomFrame(next: () => number, width: number, height: number): Op[] {
	const ops: Op[] = [];
	let clips = 0;
	const count = 3 + Math.floor(next() * 25);
	for (let i = 0; i < count; i++) {
		const roll = next();
		if (roll < 0.1) {
			const x1 = Math.floor(next() * width);
			const y1 = Math.floor(next() * height);
			ops.push({
				type: 'clip',
				clip: next() < 0.5 ? {x1, x2: x1 + Math.floor(next() * width), y1, y2: y1 + Math.floor(next() * height)} : {x1, x2: x1 + 10},
			});
			clips++;
		} else if (roll < 0.15 && clips > 0) {
			ops.push({type: 'unclip'});
			clips--;
		} else {
			const transformers = next() < 0.2 ? [inverse] : next() < 0.1 ? [numbered, inverse] : [];
			ops.push({type: 'write', x: Math.floor(next() * (width + 4)) - 2, y: Math.floor(next() * (height + 2)) - 1, text: randomText(next), transformers});
		}
	}
	return ops;
}

describe('the originals compared with', () => {
	it("are Ink's and the package's own code, not the patches", () => {
		expect(InkOutput).not.toBe(FastOutput);
		expect(Object.getPrototypeOf(FastOutput)).toBe(InkOutput);
		expect(inkMeasureText).not.toBe(ourMeasureText);
		expect(inkWrapText).not.toBe(ourWrapText);
		expect(packageWidestLine).not.toBe(ourWidestLine);
		const before = {...patchUse};
		inkMeasureText('not a patch');
		inkWrapText('not a patch either', 5, 'wrap');
		packageWidestLine('nor this');
		run(InkOutput as never, 10, 1, [{type: 'write', x: 0, y: 0, text: 'Ink', transformers: []}]);
		expect(patchUse).toEqual(before);
	});
});

describe("berth's Output (replaces Ink's)", () => {
	// Ink's Output is slow (it measures every character of every frame afresh): 80 frames keep
	// this well under a second on a quiet machine; the timeout leaves room for a loaded one.
	it('makes exactly the frames Ink makes, frame after frame, from the same operations', {timeout: 30_000}, () => {
		const next = random(42);
		let previous: Op[] = [];
		for (let frame = 0; frame < 80; frame++) {
			const width = 20 + Math.floor(next() * 60);
			const height = 1 + Math.floor(next() * 12);
			// Half the frames repeat most of the previous one, as real frames do (the caches and
			// the reused rows are exercised that way).
			const ops = next() < 0.5 && previous.length > 0 ? [...previous.slice(0, -1), ...randomFrame(next, width, height).slice(0, 2)] : randomFrame(next, width, height);
			previous = ops;
			const ink = run(InkOutput as never, width, height, ops);
			const fast = run(FastOutput, width, height, ops);
			expect(fast, `frame ${frame}`).toEqual(ink);
		}
	});

	it('reuses the string of a row that did not change and still sees a change in one cell', () => {
		const ops = (name: string): Op[] => [
			{type: 'write', x: 0, y: 0, text: '\u001B[1mheader\u001B[22m', transformers: []},
			{type: 'write', x: 0, y: 1, text: name, transformers: [inverse]},
		];
		expect(run(FastOutput, 20, 2, ops('web')).output).toBe(run(InkOutput as never, 20, 2, ops('web')).output);
		expect(run(FastOutput, 20, 2, ops('wex')).output).toBe(run(InkOutput as never, 20, 2, ops('wex')).output);
		expect(run(FastOutput, 20, 2, ops('wex')).output).toContain('wex');
	});
	it("leaves a frame holding an operation it does not know to Ink's own get(), with Ink's exact result", () => {
		const ops: Op[] = [
			{type: 'write', x: 1, y: 0, text: '\u001B[1mheader\u001B[22m', transformers: []},
			{type: 'clip', clip: {x1: 0, x2: 6, y1: 0, y2: 2}},
			{type: 'write', x: 0, y: 1, text: 'clipped 漢字 text', transformers: [inverse]},
			{type: 'unclip'},
		];
		// An operation of a kind Ink 6.8 does not record (as a later Ink's new method might).
		const unknown = {type: 'fill', x: 0, y: 0, width: 3, height: 1, char: '#'};
		const frame = (Output: new (options: {width: number; height: number}) => OutputLike) => {
			const output = new Output({width: 20, height: 2});
			for (const op of ops) {
				if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
				else if (op.type === 'clip') output.clip(op.clip);
				else output.unclip();
			}
			(output as unknown as {operations: unknown[]}).operations.splice(1, 0, unknown);
			return output.get();
		};
		const {output, outputFallback} = patchUse;
		const ink = frame(InkOutput as never);
		expect(frame(FastOutput)).toEqual(ink);
		expect(patchUse.outputFallback).toBe(outputFallback + 1);
		expect(patchUse.output).toBe(output);
		expect(ink.output).toContain('header');

		// Without the unknown operation the frame is berth's own, and the same.
		run(FastOutput, 20, 2, ops);
		expect(patchUse.output).toBe(output + 1);
		expect(patchUse.outputFallback).toBe(outputFallback + 1);
	});
});

describe("berth's widest-line (replaces the package where Ink lays out text)", () => {
	it('measures like the package, ASCII, styled, wide and multi-line text alike, twice', () => {
		const ours = ourWidestLine;
		const theirs = packageWidestLine;
		const texts = ['', 'plain', 'a\nlonger line\nb', '\u001B[31mred\u001B[39m', '漢字 wide', 'e\u0301 combining', '🐳 whale\n\u001B[7m✓ done\u001B[27m', 'tab\there'];
		for (const text of [...texts, ...texts]) expect(ours(text), JSON.stringify(text)).toBe(theirs(text));
	});
});

describe("berth's measure-text and wrap-text (replace Ink's)", () => {
	const texts = ['', 'plain', 'a\nlonger line\nb', '\u001B[31mred and long enough to wrap\u001B[39m', '漢字 wide text here', 'e\u0301 combining', '🐳 whale\n\u001B[7m✓ done\u001B[27m'];

	it('measure the same as Ink, and stay bounded', () => {
		const ours = ourMeasureText;
		const inks = inkMeasureText;
		for (const text of [...texts, ...texts]) expect(ours(text), JSON.stringify(text)).toEqual(inks(text));
		// Thousands of distinct texts that are not plain ASCII (a followed log): each is measured
		// and cached, the cache stays within its limit, and the answers stay Ink's.
		const {limit} = widthCacheSize();
		for (let i = 0; i < limit + 3000; i++) {
			const text = `🐳 ログ ${i} e\u0301`; // not made of stand-alone characters only: measured by string-width and cached
			const width = ours(text).width;
			if (i % 500 === 0) expect(width).toBe(inks(text).width);
		}
		expect(widthCacheSize().size).toBe(limit);
	});

	it("berth's Output keeps its styled-line cache within its limit", () => {
		const {limit} = styledCacheSize();
		for (let i = 0; i < limit + 500; i++) run(FastOutput, 20, 1, [{type: 'write', x: 0, y: 0, text: `line ${i} ✓`, transformers: []}]);
		expect(styledCacheSize().size).toBe(limit);
	});

	it('wrap and truncate the same as Ink, and stay bounded', () => {
		const before = patchUse.wrapTextFallback;
		for (const text of texts) {
			for (const width of [1, 3, 8, 20]) {
				for (const type of ['wrap', 'truncate', 'truncate-end'] as const) {
					expect(ourWrapText(text, width, type), `${JSON.stringify(text)} ${width} ${type}`).toBe(inkWrapText(text, width, type));
				}
			}
		}
		expect(patchUse.wrapTextFallback, 'the modes berth uses are its own').toBe(before);
		const {limit} = wrapCacheSize();
		for (let i = 0; i < limit + 500; i++) ourWrapText(`log line ${i}`, 10, i % 2 ? 'wrap' : 'truncate-end');
		expect(wrapCacheSize().size).toBe(limit);
	});

	it("leave any other mode to Ink's wrapText, with Ink's exact result", () => {
		const size = wrapCacheSize().size;
		let calls = 0;
		for (const text of [...texts, 'a rather long line that has to be cut somewhere', '\u001B[1m漢字 bold\u001B[22m and more']) {
			for (const width of [1, 3, 8, 20]) {
				for (const type of ['truncate-middle', 'truncate-start', 'end', 'middle'] as const) {
					const before = patchUse.wrapTextFallback;
					expect(ourWrapText(text, width, type), `${JSON.stringify(text)} ${width} ${type}`).toBe(inkWrapText(text, width, type));
					expect(patchUse.wrapTextFallback, `${type} went to Ink's`).toBe(before + 1);
					calls++;
				}
			}
		}
		expect(calls).toBeGreaterThan(0);
		// A cut in the middle really is Ink's (not the end cut the patch makes).
		expect(ourWrapText('abcdefghijklmnop', 7, 'truncate-middle')).toBe(inkWrapText('abcdefghijklmnop', 7, 'truncate-middle'));
		expect(ourWrapText('abcdefghijklmnop', 7, 'truncate-middle')).not.toBe(ourWrapText('abcdefghijklmnop', 7, 'truncate-end'));
		expect(wrapCacheSize().size, "the patch's cache holds none of them").toBe(size);
	});
});
