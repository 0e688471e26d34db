/**
 * Replaces Ink's internal `Output` class (ink/build/output.js, imported by Ink's renderer.js as
 * ./output.js) — written against Ink 6.8.0 (ink-version.json). scripts/ink-patches.mjs swaps it
 * in, for the bundle and for the tests alike. It is a subclass of Ink's Output: Ink's write(),
 * clip() and unclip() record the frame's operations as always, and get() turns them into the
 * frame text. get() handles the operations Ink 6.8 records (write, clip, unclip); a frame with
 * anything else in it (an operation of a kind it does not know) falls back to Ink's own get()
 * on the same operations, so it renders exactly as stock Ink would.
 *
 * Same frame text from the same operations (test/unit/ink-patches.test.ts compares them); faster
 * because it remembers across frames. Ink builds a new Output for every frame, and its caches
 * live in that object: every frame tokenises every line of text on the screen again, measures
 * every character again, allocates a cell object per screen cell and serialises every row
 * again. Profiles of berth (a key press in a 1,000-row list; a log pane following 20,000
 * lines/s) had those steps as most of berth's CPU time. Here:
 *
 * - a line's styled characters are cached across frames (bounded, oldest out first), and
 *   widths come from widest-line.ts (cached too), so a line already seen, at any place on the
 *   screen, costs a lookup;
 * - blank cells share one object, and so do the second halves of a wide character;
 * - a row whose cells are the very same objects as a row serialised before reuses that string.
 */
import sliceAnsi from 'slice-ansi';
import type {StyledChar} from '@alcalzone/ansi-tokenize';
// Ink's own class, by path (Ink's package exports do not include it); this import is not redirected.
import InkOutput from '../../node_modules/ink/build/output.js';
import {BoundedCache} from '../text/bounded-cache.js';
import {charsToString, noStyles, styledCharsOf} from './styled-chars.js';
import {patchUse} from './use-counts.js';
import {lineWidth, widestLineOf} from './widest-line.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}

type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

// A screen holds a few dozen distinct lines; log floods bring new ones every frame. The limit
// keeps the screen's lines cached with room to spare, and memory small.
const styledCharsCache = new BoundedCache<string, StyledChar[]>(200);

/** Entries in the styled-line cache, and its limit (diagnostics, tests). */
export function styledCacheSize(): {size: number; limit: number} {
	return {size: styledCharsCache.size, limit: styledCharsCache.limit};
}

const blank: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: noStyles};
const secondHalves = new WeakMap<StyledChar, StyledChar>();

function secondHalf(character: StyledChar): StyledChar {
	let half = secondHalves.get(character);
	if (!half) {
		half = {type: 'char', value: '', fullWidth: false, styles: character.styles};
		secondHalves.set(character, half);
	}
	return half;
}

function styledChars(line: string): StyledChar[] {
	return styledCharsCache.get(line, styledCharsOf);
}

/** Rows serialised lately, by their cells, to reuse the string of an unchanged row. */
const lastRows = new Map<number, {cells: StyledChar[]; text: string}>();

function rowText(y: number, row: Array<StyledChar | undefined>): string {
	const cells = row.filter((item): item is StyledChar => item !== undefined);
	const last = lastRows.get(y);
	if (last && last.cells.length === cells.length && last.cells.every((cell, i) => cell === cells[i])) return last.text;
	const text = charsToString(cells).trimEnd();
	lastRows.set(y, {cells, text});
	return text;
}

/** Whether get() below handles `operation`: one of the kinds Ink 6.8's Output records, in its shape. */
function handled(operation: unknown): operation is Operation {
	if (typeof operation !== 'object' || operation === null) return false;
	const {type} = operation as {type?: unknown};
	if (type === 'unclip') return true;
	if (type === 'clip') return typeof (operation as {clip?: unknown}).clip === 'object';
	if (type !== 'write') return false;
	const write = operation as {x?: unknown; y?: unknown; text?: unknown; transformers?: unknown};
	return typeof write.x === 'number' && typeof write.y === 'number' && typeof write.text === 'string' && Array.isArray(write.transformers);
}

export default class Output extends InkOutput {
	override get(): {output: string; height: number} {
		// Ink's write(), clip() and unclip() keep the frame's operations in this (private) field.
		const {operations} = this as unknown as {operations?: unknown};
		if (!Array.isArray(operations) || !operations.every(handled)) {
			patchUse.outputFallback++;
			return super.get();
		}
		patchUse.output++;
		return render(this.width, this.height, operations);
	}
}

function render(width: number, height: number, operations: Operation[]): {output: string; height: number} {
	const output: Array<Array<StyledChar | undefined>> = [];
	for (let y = 0; y < height; y++) output.push(new Array<StyledChar>(width).fill(blank));
	const clips: Clip[] = [];
	for (const operation of operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
			continue;
		}
		if (operation.type === 'unclip') {
			clips.pop();
			continue;
		}
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally) {
				const width = widestLineOf(text);
				if (x + width < clip.x1! || x > clip.x2!) continue;
			}
			if (clipVertically) {
				const height = lines.length;
				if (y + height < clip.y1! || y > clip.y2!) continue;
			}
			if (clipHorizontally) {
				lines = lines.map(line => {
					const from = x < clip.x1! ? clip.x1! - x : 0;
					const width = lineWidth(line);
					const to = x + width > clip.x2! ? clip.x2! - x : width;
					return sliceAnsi(line, from, to);
				});
				if (x < clip.x1!) x = clip.x1!;
			}
			if (clipVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const height = lines.length;
				const to = y + height > clip.y2! ? clip.y2! - y : height;
				lines = lines.slice(from, to);
				if (y < clip.y1!) y = clip.y1!;
			}
		}
		let offsetY = 0;
		for (const [index, text] of lines.entries()) {
			let line = text;
			const currentLine = output[y + offsetY];
			if (!currentLine) continue;
			for (const transformer of transformers) line = transformer(line, index);
			let offsetX = x;
			for (const character of styledChars(line)) {
				currentLine[offsetX] = character;
				const characterWidth = Math.max(1, lineWidth(character.value));
				for (let i = 1; i < characterWidth; i++) currentLine[offsetX + i] = secondHalf(character);
				offsetX += characterWidth;
			}
			offsetY++;
		}
	}
	return {output: output.map((row, y) => rowText(y, row)).join('\n'), height: output.length};
}
