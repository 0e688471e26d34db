import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {parseCellLine} from '../../source/terminal/cell-line.js';
import {FrameDiff, findShift} from '../../source/terminal/frame-diff.js';
import {classifyWrite, frameStdout} from '../../source/terminal/frame-stdout.js';
import {fit} from '../../source/text/width.js';

const require = createRequire(import.meta.url);
const {Terminal} = require('@xterm/headless') as typeof import('@xterm/headless');
type Term = InstanceType<typeof Terminal>;

const cols = 40;
const rows = 16;

function terminal(): Term {
	return new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
}

function feed(term: Term, data: string): Promise<void> {
	return new Promise(resolve => term.write(data, resolve));
}

/** Every cell of the screen: its character and every attribute a user can see. */
function cellsOf(term: Term): string[] {
	const buffer = term.buffer.active;
	const out: string[] = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(y)!;
		let text = '';
		for (let x = 0; x < cols; x++) {
			const cell = line.getCell(x)!;
			text += `${cell.getChars() || ' '}/${cell.getWidth()}/${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}/${cell.isBold()}${cell.isDim()}${cell.isInverse()}${cell.isUnderline()}${cell.isItalic()}|`;
		}
		out.push(text);
	}
	return out;
}

function textOf(term: Term): string[] {
	const buffer = term.buffer.active;
	return Array.from({length: rows}, (_, y) => buffer.getLine(y)!.translateToString(false).trimEnd());
}

const red = (s: string) => `\u001B[31m${s}\u001B[39m`;
const inverse = (s: string) => `\u001B[7m${s}\u001B[27m`;
const bold = (s: string) => `\u001B[1m${s}\u001B[22m`;

/** A list screen like berth's: a header, a window of rows with one selected, a footer. */
function listFrame(items: string[], top: number, selected: number, height = rows - 3, header = 'header'): string[] {
	const lines = [bold(`${header} ${selected + 1}/${items.length}`)];
	for (let i = top; i < Math.min(items.length, top + height); i++) {
		// Lines as Ink makes them: never wider than the terminal.
		const text = fit(items[i]!, cols - 2);
		lines.push(i === selected ? inverse(`${red('●')} ${text}`) : `${red('●')} ${text}`);
	}
	lines.push('footer: q quit');
	return lines;
}

describe('frame diff', () => {
	it('parses styles, wide characters and combining marks into cells', () => {
		const line = parseCellLine(`a${red('漢')}e\u0301\u001B[7mx\u001B[0m  `);
		expect(line.chars).toEqual(['a', '漢', '', 'e\u0301', 'x', ' ', ' ']);
		expect(line.styles).toEqual(['', '31', '31', '', '7', '', '']);
		expect(line.blankFrom).toBe(5);
		expect(parseCellLine('\u001B[38;5;12;1mab\u001B[22;39m').styles).toEqual(['1;38;5;12', '1;38;5;12']);
	});

	it('finds a block of lines shifted by a row, either way, and nothing in unrelated frames', () => {
		const previous = ['h', 'a', 'b', 'c', 'd', 'e', 'f'];
		expect(findShift(previous, ['h', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual({top: 1, bottom: 6, by: 1});
		expect(findShift(previous, ['h', 'z', 'a', 'b', 'c', 'd', 'e'])).toEqual({top: 1, bottom: 6, by: -1});
		expect(findShift(previous, ['h', 'x', 'y', 'z', 'd', 'e', 'f'])).toBeUndefined();
		// Two moved lines are cheaper to rewrite than to scroll.
		expect(findShift(previous, ['h', 'b', 'c', 'x', 'y', 'z', 'w'])).toBeUndefined();
	});

	it('leaves the terminal showing exactly what a full repaint shows, frame after frame', async () => {
		const items = Array.from({length: 60}, (_, i) => (i % 7 === 3 ? `容器-${i} 漢字 wide` : i % 5 === 0 ? `cafe\u0301-${i} combining` : `container-${i}`));
		const frames: string[][] = [];
		let top = 0;
		let selected = 0;
		// A deterministic walk: moves within the window, scrolls by 1..3 both ways, jumps, a
		// shorter frame, a changed header, a blank line.
		const steps = [1, 1, 1, 12, 1, 1, 2, 3, -1, -1, -3, -12, -1, -2, -1, -3, 20, 1, -2, 30, -40, 5, 1, 1];
		frames.push(listFrame(items, top, selected));
		for (const step of steps) {
			selected = Math.max(0, Math.min(items.length - 1, selected + step));
			const height = rows - 3;
			if (selected < top) top = selected;
			if (selected >= top + height) top = selected - height + 1;
			frames.push(listFrame(items, top, selected));
		}
		frames.push(listFrame(items, top, selected, 4, 'short'));
		frames.push(['', `${red('x'.repeat(cols))}`, 'tail  ', '漢字漢字', 'a漢字b']);
		frames.push(['', 'x', '字漢字漢', 'ab漢字']);
		frames.push(listFrame(items, 0, 0));

		const diffed = terminal();
		const diff = new FrameDiff();
		let incrementalBytes = 0;
		let repaintBytes = 0;
		for (const frame of frames) {
			const update = diff.render(frame);
			incrementalBytes += update.length;
			await feed(diffed, update);
			const painted = terminal();
			const full = new FrameDiff().render(frame);
			repaintBytes += full.length;
			await feed(painted, full);
			expect(textOf(diffed)).toEqual(textOf(painted));
			expect(cellsOf(diffed)).toEqual(cellsOf(painted));
		}
		expect(incrementalBytes).toBeLessThan(repaintBytes / 3);
	});

	it('rewrites only the changed cells of a selection move, and scrolls instead of redrawing the window', () => {
		const items = Array.from({length: 100}, (_, i) => `container-${i} busybox:latest Up 3 minutes`);
		const diff = new FrameDiff();
		diff.render(listFrame(items, 0, 3));
		const moveWithin = diff.render(listFrame(items, 0, 4));
		// Two rows change their style over the whole width, the header one digit.
		expect(moveWithin.length).toBeLessThan(2 * (cols + 20) + 20);
		diff.render(listFrame(items, 0, 12));
		const scroll = diff.render(listFrame(items, 1, 13));
		// Rows 2..13 (items above the last, old selected one) move up a row.
		expect(scroll).toContain('\u001B[2;13r');
		expect(scroll.length).toBeLessThan(3 * (cols + 20) + 40);
	});

	it('repaints everything after invalidate', () => {
		const diff = new FrameDiff();
		diff.render(['a', 'b']);
		expect(diff.render(['a', 'b'])).toBe('');
		diff.invalidate();
		expect(diff.render(['a', 'b'])).toContain('\u001B[2J');
	});
});

describe('frame stdout', () => {
	it('tells frames, clears and other writes of Ink apart', () => {
		expect(classifyWrite('a\nb\n')).toEqual({frame: ['a', 'b']});
		expect(classifyWrite('\u001B[2K\u001B[1A\u001B[2K\u001B[Ga\nb\n')).toEqual({frame: ['a', 'b']});
		expect(classifyWrite('\u001B[2J\u001B[3J\u001B[Ha\nb')).toEqual({frame: ['a', 'b']});
		expect(classifyWrite('\u001B[2K\u001B[1A\u001B[2K\u001B[G')).toEqual({clear: true});
		expect(classifyWrite('\u001B[?25l')).toEqual({other: true});
	});

	it('writes only changes, drops frames while paused and repaints after resuming', () => {
		const written: string[] = [];
		const fake = {write: (s: string) => written.push(s), columns: 80, on() {}} as unknown as NodeJS.WriteStream;
		const frames = frameStdout(fake);
		frames.stream.write('one\ntwo\n');
		expect(written.at(-1)).toContain('\u001B[2J');
		frames.stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gone\ntwo\n');
		expect(written).toHaveLength(1);
		frames.stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gone\ntwa\n');
		expect(written.at(-1)).toBe('\u001B[2;3Ha');
		frames.pause();
		frames.stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gone\nthree\n');
		expect(written).toHaveLength(2);
		frames.resume();
		frames.stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gone\nthree\n');
		expect(written.at(-1)).toContain('\u001B[2J');
		expect(frames.stream.columns).toBe(80);
	});
});

describe('frame diff and the terminal size', () => {
	it('repaints after the size changed, and after a frame that did not fit (laid out before a resize)', () => {
		const diff = new FrameDiff();
		diff.render(['a', 'b'], {columns: 40, rows: 16});
		expect(diff.render(['a', 'c'], {columns: 40, rows: 16})).not.toContain('\u001B[2J');
		expect(diff.render(['a', 'c'], {columns: 30, rows: 16})).toContain('\u001B[2J');
		// A stale frame 40 columns wide lands on a 30-column terminal and wraps there.
		const stale = ['x'.repeat(40), 'y'];
		const writer = new FrameDiff();
		writer.render(['a', 'b'], {columns: 30, rows: 16});
		writer.render(stale, {columns: 30, rows: 16});
		// The next frame, laid out for 30 columns, is painted whole, not diffed against a screen that wrapped.
		expect(writer.render(['a'.repeat(30), 'y'], {columns: 30, rows: 16})).toContain('\u001B[2J');
	});
});
