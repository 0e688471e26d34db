import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import {describe, expect, it} from 'vitest';
import {charsToString, noStyles, styledCharsOf} from '../../source/ink-patches/styled-chars.js';
import {random} from '../support/random.js';

const ascii = ['flood 123456', 'web-1', ' ', 'Up 3 minutes', '~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./', 'x'.repeat(40), '● ■ ▶ ┃ · … ✓ ✔ ✖ ↑↓ ─│┌ é ñ ß ǅ ʃ ˈ', '⌚☕✅❌⭐'];
const sgr = ['\u001B[31m', '\u001B[7m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[38;5;245m', '\u001B[48;2;10;20;30m', '\u001B[1;3;31m', '\u001B[39m', '\u001B[27m', '\u001B[0m', '\u001B[m', '\u001B[4;24m', '\u001B[90m'];
// What the fast path leaves to the package: non-ASCII, controls, escapes that are not SGR.
const other = ['\u00AD', '\u200D', '\uFE0F', '\u0301', '\u2028', '\u{1F1E9}\u{1F1EA}', '漢字', 'e\u0301', '🐳', '\r', '\t', '\u007F', '\u009B31m', '\u001B[?25h', '\u001B[31', '\u001B', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007'];

function randomLine(next: () => number, withOther: boolean): string {
	let line = '';
	const parts = 1 + Math.floor(next() * 8);
	for (let p = 0; p < parts; p++) {
		const roll = next();
		if (roll < 0.35) line += sgr[Math.floor(next() * sgr.length)];
		else if (withOther && roll < 0.45) line += other[Math.floor(next() * other.length)];
		else line += ascii[Math.floor(next() * ascii.length)];
	}
	return line;
}

const original = (line: string) => styledCharsFromTokens(tokenize(line));

describe('styledCharsOf', () => {
	it("makes the package's cells for lines of ASCII and SGR sequences", () => {
		const next = random(7);
		for (let i = 0; i < 2000; i++) {
			const line = randomLine(next, false);
			expect(styledCharsOf(line), JSON.stringify(line)).toEqual(original(line));
		}
	});

	it("and for lines with anything else in them (the package's own result)", () => {
		const next = random(11);
		for (let i = 0; i < 2000; i++) {
			const line = randomLine(next, true);
			expect(styledCharsOf(line), JSON.stringify(line)).toEqual(original(line));
		}
	});

	it('agrees with the package on every character up to U+27FF, alone, doubled and beside others', () => {
		for (let code = 0; code < 0x2800; code++) {
			const c = String.fromCharCode(code);
			for (const line of [c, `a${c}${c}\u001B[1m${c}b`, `${c}\u0301`, `${c}\uFE0F`, `${c}\u200D${c}`]) {
				expect(styledCharsOf(line), `U+${code.toString(16)} in ${JSON.stringify(line)}`).toEqual(original(line));
			}
		}
	}, 60_000); // 51,000 lines through both: seconds on a loaded 2-core machine

	it('shares the cells of unstyled ASCII and the styles array of a run of cells', () => {
		const [a, b] = [styledCharsOf('abc'), styledCharsOf('xbz')];
		expect(a[1]).toBe(b[1]);
		expect(a[0]!.styles).toBe(noStyles);
		const red = styledCharsOf('\u001B[31mred\u001B[39m');
		expect(red[0]!.styles).toBe(red[2]!.styles);
		expect(red[0]!.styles).toEqual([{type: 'ansi', code: '\u001B[31m', endCode: '\u001B[39m'}]);
	});
});

describe('charsToString', () => {
	it("writes a row of cells from several lines as the package does", () => {
		const next = random(3);
		const blank: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: noStyles};
		for (let i = 0; i < 2000; i++) {
			const row: StyledChar[] = [];
			const pieces = Math.floor(next() * 5);
			for (let p = 0; p < pieces; p++) {
				if (next() < 0.3) row.push(blank, blank);
				const cells = next() < 0.5 ? styledCharsOf(randomLine(next, next() < 0.3)) : original(randomLine(next, false));
				row.push(...cells.slice(Math.floor(next() * 3), 5 + Math.floor(next() * 30)));
			}
			expect(charsToString(row)).toBe(styledCharsToString(row));
		}
	});
});
