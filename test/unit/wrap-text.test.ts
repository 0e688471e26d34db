import {describe, expect, it} from 'vitest';
import measure from 'string-width';
import {wrapText} from '../../source/text/wrap-text.js';

describe('wrapText (one word wrapper for berth’s boxes)', () => {
	it('wraps on spaces and hard-breaks long words', () => {
		expect(wrapText('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
		expect(wrapText('abcdefghijkl xy', 5)).toEqual(['abcde', 'fghij', 'kl xy']);
		expect(wrapText('', 5)).toEqual(['']);
		expect(wrapText('a  b', 10)).toEqual(['a  b']);
	});

	it('measures display width: wide characters, emoji and ZWJ sequences', () => {
		const family = '👨\u200d👩\u200d👧';
		expect(wrapText('日本語のテキスト です', 8)).toEqual(['日本語の', 'テキスト', 'です']);
		expect(wrapText(`${family}${family}${family} ok`, 5)).toEqual([`${family}${family}`, `${family} ok`]);
		expect(wrapText('䷀䷁䷂䷃', 3)).toEqual(['䷀', '䷁', '䷂', '䷃']);
		for (const text of ['Cannot reach the Docker engine at unix:///var/run/docker.sock', `x${family}y 日本 क्षत्रिय راجا ${'é'.repeat(30)}`]) {
			for (let width = 1; width < 30; width++) {
				const lines = wrapText(text, width);
				for (const line of lines) expect(measure(line), `${width}: ${line}`).toBeLessThanOrEqual(Math.max(width, 2));
				expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, '')); // nothing lost, nothing split
			}
		}
	});
});
