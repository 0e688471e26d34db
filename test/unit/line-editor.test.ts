/**
 * The line editor and the window of it that is drawn: right with graphemes, and bounded work on
 * a very long line (a 100 KB paste): a key looks only around the cursor, a frame measures only
 * what it shows. The work is counted (characters measured, characters given to the segmenter),
 * never timed.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {editLine, insertText, lineAtEnd, prefilledLine, type LineState} from '../../source/input/line-editor.js';
import {visibleLine} from '../../source/input/line-window.js';
import {graphemes, stringWidth} from '../../source/text/width.js';
import {random} from '../support/random.js';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Words "w0 w1 w2 …" up to `length` characters, with an emoji and a letter with its accent now and then. */
function longText(length: number): string {
	let text = '';
	for (let i = 0; text.length < length; i++) text += i % 50 === 49 ? '👩‍👩‍👧 é ' : `w${i} `;
	return text.slice(0, length);
}

/** A `measure` that counts the characters it was given. */
function countingMeasure() {
	const counter = {chars: 0, measure: (s: string) => {
		counter.chars += s.length;
		return stringWidth(s);
	}};
	return counter;
}

/** Characters handed to Intl.Segmenter while `run` runs. */
function segmented(run: () => void): number {
	let chars = 0;
	const original = Intl.Segmenter.prototype.segment;
	vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
		chars += input.length;
		return original.call(this, input);
	});
	run();
	vi.restoreAllMocks();
	return chars;
}

const drawn = (w: {before: string; at: string; after: string}) => w.before + w.at + w.after;

describe('the drawn window of a line', () => {
	it('a 20 KB line: only the visible window is measured, the cut side shows …, the cursor stays in view', () => {
		const value = longText(20_000);
		const counter = countingMeasure();
		const end = visibleLine(lineAtEnd(value), 60, counter.measure);
		// The end of the text, after an ellipsis, and the cursor cell after it.
		expect(end.before.startsWith('…')).toBe(true);
		expect(value.endsWith(end.before.slice(1))).toBe(true);
		expect(end.at).toBe(' ');
		expect(end.after).toBe('');
		expect(stringWidth(drawn(end))).toBeLessThanOrEqual(60);
		expect(stringWidth(drawn(end))).toBeGreaterThanOrEqual(58);
		// Measured: about what is shown, not the 20,000 characters before the cursor.
		expect(counter.chars).toBeLessThan(4 * 60);

		// The cursor at the start: the text, then … where it is cut.
		counter.chars = 0;
		const start = visibleLine({value, cursor: 0}, 60, counter.measure);
		expect(start.before).toBe('');
		expect(start.at).toBe('w');
		expect(start.after.endsWith('…')).toBe(true);
		expect(value.startsWith(start.at + start.after.slice(0, -1))).toBe(true);
		expect(counter.chars).toBeLessThan(4 * 60);

		// In the middle: cut on both sides.
		counter.chars = 0;
		const middle = visibleLine({value, cursor: value.indexOf(' w200 ') + 1}, 60, counter.measure);
		expect(middle.at).toBe('w');
		expect(middle.before.startsWith('…')).toBe(true);
		expect(middle.after.endsWith('…')).toBe(true);
		expect(counter.chars).toBeLessThan(4 * 60);
	});

	it('a line that fits is drawn whole, with no marks', () => {
		const shown = visibleLine({value: 'docker ps', cursor: 3}, 20, stringWidth);
		expect(shown).toEqual({before: 'doc', at: 'k', after: 'er ps'});
		expect(visibleLine(lineAtEnd(''), 20, stringWidth)).toEqual({before: '', at: ' ', after: ''});
	});

	it('never splits a grapheme and keeps wide characters whole at the cut', () => {
		const value = '漢字'.repeat(40) + '👩‍👩‍👧';
		const shown = visibleLine(lineAtEnd(value), 11, stringWidth);
		// "…", three wide characters and the emoji (9 columns) and the cursor: a fourth would not fit.
		expect(shown.before).toBe('…字漢字👩‍👩‍👧');
		expect(stringWidth(drawn(shown))).toBe(10);
		const left = visibleLine({value, cursor: 0}, 8, stringWidth);
		expect(left).toEqual({before: '', at: '漢', after: '字漢…'});
	});

	it('masks a secret as one • per character, the window too', () => {
		const value = 'p4ssw0rd-é-👩‍👩‍👧'.repeat(20);
		const shown = visibleLine(lineAtEnd(value), 10, stringWidth, true);
		expect(shown).toEqual({before: '…••••••••', at: ' ', after: ''});
	});
});

describe('the window, on random lines', () => {
	it('fits its width, keeps the cursor, shows a part next to the cursor, and marks every cut side', () => {
		const next = random(18);
		const pieces = ['a', 'b', ' ', '-', '漢', 'é', 'e\u0301', '👩‍👩‍👧', '😀', '🇫🇷', 'ก\u0e31'];
		for (let round = 0; round < 400; round++) {
			const length = Math.floor(next() * 120);
			const parts = Array.from({length}, () => pieces[Math.floor(next() * pieces.length)]!);
			const value = parts.join('');
			// The cursor on a grapheme boundary (between two parts, or at the end).
			const at = Math.floor(next() * (parts.length + 1));
			const cursor = parts.slice(0, at).join('').length;
			const width = 1 + Math.floor(next() * 40);
			const shown = visibleLine({value, cursor}, width, stringWidth);
			const context = JSON.stringify({value, cursor, width, shown});
			// Two cells beside the cursor cell: room for a mark on each side.
			const marks = width - Math.max(1, stringWidth(shown.at)) >= 2;
			const head = value.slice(0, cursor);
			const tail = value.slice(cursor);
			// The cursor cell: the grapheme under the cursor, or a space at the end.
			expect(shown.at, context).toBe(tail === '' ? ' ' : graphemes(tail)[0]);
			const rest = tail.slice(shown.at === ' ' && tail === '' ? 0 : shown.at.length);
			// Before: the end of what precedes the cursor, "…" first when not all of it.
			const before = shown.before.startsWith('…') ? shown.before.slice(1) : shown.before;
			expect(head.endsWith(before), context).toBe(true);
			if (marks && !shown.before.startsWith('…')) expect(before, context).toBe(head);
			// After: the start of what follows, "…" last when not all of it.
			const after = shown.after.endsWith('…') ? shown.after.slice(0, -1) : shown.after;
			expect(rest.startsWith(after), context).toBe(true);
			if (marks && !shown.after.endsWith('…')) expect(after, context).toBe(rest);
			// Within the width (the cursor cell alone may be wider than a very narrow field).
			expect(stringWidth(shown.before + shown.at + shown.after), context).toBeLessThanOrEqual(Math.max(width, stringWidth(shown.at)));
			// Something after the cursor shows when there is room for it.
			if (rest !== '' && width >= stringWidth(shown.at) + 2) expect(shown.after, context).not.toBe('');
		}
	});
});

describe('editing a 100 KB line', () => {
	it('each key looks only around the cursor, and is right', () => {
		const value = longText(100_000);
		const cursor = value.indexOf(' 👩‍👩‍👧 ', 50_000) + 1;
		const line: LineState = {value, cursor};
		let right!: LineState;
		let left!: LineState;
		let deleted!: LineState;
		let back!: LineState;
		const chars = segmented(() => {
			right = editLine(line, 'right');
			left = editLine(right, 'left');
			deleted = editLine(line, 'delete');
			back = editLine(right, 'backspace');
		});
		expect(right.cursor).toBe(cursor + '👩‍👩‍👧'.length);
		expect(left.cursor).toBe(cursor);
		expect(deleted.value).toBe(value.slice(0, cursor) + value.slice(cursor + '👩‍👩‍👧'.length));
		expect(back).toEqual(deleted);
		// Before the fix every key segmented the whole line, several times.
		expect(chars).toBeLessThan(2000);
	});

	it('moves and deletes by grapheme: a letter with its accent, a family emoji', () => {
		const value = 'ae\u0301👩‍👩‍👧b';
		let line = lineAtEnd(value);
		line = editLine(line, 'left');
		expect(line.cursor).toBe(value.length - 1);
		line = editLine(line, 'left');
		expect(value.slice(line.cursor)).toBe('👩‍👩‍👧b');
		line = editLine(line, 'backspace');
		expect(line.value).toBe('a👩‍👩‍👧b');
		line = editLine(line, 'delete');
		expect(line).toEqual({value: 'ab', cursor: 1});
	});
});

describe('editing keys, on random lines', () => {
	it('move and delete exactly as segmenting the whole line would, long runs of emoji included', () => {
		const next = random(1818);
		const pieces = ['a', ' ', '漢', 'e\u0301', '👩‍👩‍👧', '😀', '🇫🇷', '👍🏽', 'ก\u0e31'];
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		for (let round = 0; round < 300; round++) {
			// Some lines are one piece repeated (no character that stands alone for hundreds of code units).
			const same = next() < 0.3 ? pieces[Math.floor(next() * pieces.length)] : undefined;
			const parts = Array.from({length: Math.floor(next() * 200)}, () => same ?? pieces[Math.floor(next() * pieces.length)]!);
			const value = parts.join('');
			const bounds = [...segmenter.segment(value)].map(g => g.index).concat(value.length);
			const k = Math.floor(next() * bounds.length);
			const cursor = bounds[k]!;
			const line = {value, cursor};
			const context = JSON.stringify({value, cursor});
			expect(editLine(line, 'left').cursor, context).toBe(bounds[Math.max(0, k - 1)]);
			expect(editLine(line, 'right').cursor, context).toBe(bounds[Math.min(bounds.length - 1, k + 1)]);
			const previous = bounds[Math.max(0, k - 1)]!;
			expect(editLine(line, 'backspace').value, context).toBe(value.slice(0, previous) + value.slice(cursor));
			const following = bounds[Math.min(bounds.length - 1, k + 1)]!;
			expect(editLine(line, 'delete').value, context).toBe(value.slice(0, cursor) + value.slice(following));
		}
	});
});

describe('a prefilled value', () => {
	it('is replaced by the first text typed', () => {
		expect(insertText(prefilledLine('sh'), 'ls -l')).toEqual({value: 'ls -l', cursor: 5});
		// A paste too.
		expect(insertText(prefilledLine('10'), '30')).toEqual({value: '30', cursor: 2});
	});

	it('is edited by an editing key, and typing after that goes in at the cursor', () => {
		let line = editLine(prefilledLine('api:snapshot'), 'backspace');
		expect(line).toEqual({value: 'api:snapsho', cursor: 11});
		line = insertText(line, 't2');
		expect(line.value).toBe('api:snapshot2');
		const moved = insertText(editLine(prefilledLine('sh'), 'home'), 'ba');
		expect(moved.value).toBe('bash');
	});

	it('an empty prefill is an empty line', () => {
		expect(prefilledLine('')).toEqual({value: '', cursor: 0});
	});
});
