import {describe, expect, it} from 'vitest';
import FastOutput, {styledCacheSize} from '../../source/ink-patches/fast-output.js';
import {widthCacheSize} from '../../source/text/width.js';
// Ink's own class, by path: Ink's package exports do not include it.
import InkOutput from '../../node_modules/ink/build/output.js';

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

describe("berth's Output (swapped for Ink's in the bundle)", () => {
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
});

describe("berth's widest-line (swapped for the package in the bundle)", () => {
	it('measures like the package, ASCII, styled, wide and multi-line text alike, twice', async () => {
		const {default: ours} = await import('../../source/ink-patches/widest-line.js');
		const {default: theirs} = await import('widest-line');
		const texts = ['', 'plain', 'a\nlonger line\nb', '\u001B[31mred\u001B[39m', '漢字 wide', 'e\u0301 combining', '🐳 whale\n\u001B[7m✓ done\u001B[27m', 'tab\there'];
		for (const text of [...texts, ...texts]) expect(ours(text), JSON.stringify(text)).toBe(theirs(text));
	});
});

describe("berth's measure-text and wrap-text (swapped for Ink's in the bundle)", () => {
	const texts = ['', 'plain', 'a\nlonger line\nb', '\u001B[31mred and long enough to wrap\u001B[39m', '漢字 wide text here', 'e\u0301 combining', '🐳 whale\n\u001B[7m✓ done\u001B[27m'];

	it('measure the same as Ink, and stay bounded', async () => {
		const {default: ours} = await import('../../source/ink-patches/measure-text.js');
		const {default: inks} = await import('../../node_modules/ink/build/measure-text.js');
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

	it('wrap and truncate the same as Ink, and stay bounded', async () => {
		const {default: ours} = await import('../../source/ink-patches/wrap-text.js');
		const {default: inks} = await import('../../node_modules/ink/build/wrap-text.js');
		for (const text of texts) {
			for (const width of [1, 3, 8, 20]) {
				for (const type of ['wrap', 'truncate', 'truncate-end', 'truncate-middle', 'truncate-start'] as const) {
					expect(ours(text, width, type), `${JSON.stringify(text)} ${width} ${type}`).toBe(inks(text, width, type));
				}
			}
		}
		const {wrapCacheSize} = await import('../../source/ink-patches/wrap-text.js');
		const {limit} = wrapCacheSize();
		for (let i = 0; i < limit + 500; i++) ours(`log line ${i}`, 10, 'end');
		expect(wrapCacheSize().size).toBe(limit);
	});
});
