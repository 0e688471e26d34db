import {describe, it, expect} from 'vitest';
import measure from 'string-width';
import {boundaryAtOrAfter, boundaryAtOrBefore} from '../../source/text/graphemes.js';
import {charWidth, graphemes, stringWidth, standaloneWidth, truncate, padEnd, padStart, fit, ELLIPSIS} from '../../source/text/width.js';

describe('charWidth', () => {
	it('is 1 for ASCII and Latin letters', () => {
		expect(charWidth(0x41)).toBe(1);
		expect(charWidth(0xe9)).toBe(1);
		expect(charWidth(0x20)).toBe(1);
	});

	it('is 0 for controls, combining marks and format characters', () => {
		expect(charWidth(0x00)).toBe(0);
		expect(charWidth(0x1b)).toBe(0);
		expect(charWidth(0x9b)).toBe(0);
		expect(charWidth(0x0301)).toBe(0); // combining acute
		expect(charWidth(0x200b)).toBe(0); // zero-width space
		expect(charWidth(0x200d)).toBe(0); // ZWJ
		expect(charWidth(0xfe0f)).toBe(0); // VS16
	});

	it('is 2 for CJK, Hangul, fullwidth forms and emoji', () => {
		expect(charWidth(0x4e2d)).toBe(2); // 中
		expect(charWidth(0xac00)).toBe(2); // 가
		expect(charWidth(0x3042)).toBe(2); // あ
		expect(charWidth(0xff21)).toBe(2); // Ａ
		expect(charWidth(0x3000)).toBe(2); // ideographic space
		expect(charWidth(0x1f600)).toBe(2); // 😀
		expect(charWidth(0x1f680)).toBe(2); // 🚀
		expect(charWidth(0x2705)).toBe(2); // ✅
		expect(charWidth(0x20000)).toBe(2); // CJK ext B
	});

	it('is 1 for ambiguous-width symbols berth draws with', () => {
		for (const ch of '…●■○‖↻✖↵─│') expect(charWidth(ch.codePointAt(0)!)).toBe(1);
	});
});

describe('stringWidth', () => {
	it('counts ASCII by length', () => {
		expect(stringWidth('')).toBe(0);
		expect(stringWidth('hello world')).toBe(11);
	});

	it('counts wide characters as 2 and marks as 0', () => {
		expect(stringWidth('日本語')).toBe(6);
		expect(stringWidth('abc日本')).toBe(7);
		expect(stringWidth('e\u0301')).toBe(1);
		expect(stringWidth('한국어')).toBe(6);
		expect(stringWidth('ｆｕｌｌ')).toBe(8);
	});

	it('counts emoji as 2', () => {
		expect(stringWidth('🚀')).toBe(2);
		expect(stringWidth('ok ✅')).toBe(5);
	});

	it('treats flags and VS16 sequences as one emoji', () => {
		expect(stringWidth('🇩🇪')).toBe(2);
		expect(stringWidth('🇩🇪🇫🇷')).toBe(4);
		expect(stringWidth('❤\ufe0f')).toBe(2);
		expect(stringWidth('❤')).toBe(1);
	});

	it('does not add width for a pictograph joined by ZWJ', () => {
		expect(stringWidth('👨\u200d👩\u200d👧')).toBe(2);
	});
});

describe('one width model: string-width, as Ink measures', () => {
	it('agrees with string-width on the code points berth is likely to show', () => {
		// Every code point up to U+2FFF and in the emoji blocks, and a sample of the rest.
		const disagree: string[] = [];
		for (let cp = 0x20; cp < 0x20000; cp += cp < 0x3000 || (cp >= 0x1f000 && cp < 0x1fb00) || (cp >= 0x4dc0 && cp < 0x4e00) ? 1 : 7) {
			if (cp >= 0xd800 && cp <= 0xdfff) continue;
			if (charWidth(cp) !== measure(String.fromCodePoint(cp))) disagree.push(cp.toString(16));
		}
		expect(disagree.slice(0, 20)).toEqual([]);
	});

	it('its table fast path agrees with string-width: characters it sums are each a grapheme whatever their neighbours', () => {
		// Every BMP character the fast path takes: side by side in one text, in two orders, and between ASCII.
		const standalone: string[] = [];
		for (let c = 0xa0; c < 0x10000; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			const ch = String.fromCharCode(c);
			if (standaloneWidth(ch) > 0) standalone.push(ch);
		}
		// Each is as wide as string-width says on its own ...
		expect(standalone.filter(ch => standaloneWidth(ch) !== measure(ch))).toEqual([]);
		// ... and stays a grapheme of its own next to any other (string-width sums graphemes):
		// random neighbours, and next to ASCII.
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		let seed = 7;
		const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
		for (let k = 0; k < 40; k++) {
			const text = Array.from({length: 200}, () => (rand(4) === 0 ? 'a' : standalone[rand(standalone.length)]!)).join('');
			expect([...segmenter.segment(text)].length, JSON.stringify(text)).toBe(text.length);
			expect(stringWidth(text), JSON.stringify(text)).toBe(measure(text));
		}
		// Random mixes of them with ASCII, CJK, emoji and marks (the slow path) agree too.
		const extra = ['a', ' ', '日', '䷀', '✓', '…', 'é', 'e\u0301', '👍🏽', '👨\u200d👩\u200d👧', '\u200d', 'ﾞ', 'ᄀ', '가', '\ufe0f', 'क्ष'];
		for (let k = 0; k < 500; k++) {
			const text = Array.from({length: 1 + rand(12)}, () => (rand(3) === 0 ? extra[rand(extra.length)]! : standalone[rand(standalone.length)]!)).join('');
			expect(stringWidth(text), JSON.stringify(text)).toBe(measure(text));
		}
		expect(standalone.length).toBeGreaterThan(40_000);
	});

	it('measures hexagrams, trigrams, skin tones, ZWJ sequences and Indic text as string-width does', () => {
		for (const s of ['䷀䷁䷂', '☰☱☷', '👍🏽', '👍\u{1f3fd}x', '👨\u200d👩\u200d👧', 'क्षत्रिय', 'می‌خواهم', '🇩🇪', 'e\u0301', 'ok ✅']) {
			expect(stringWidth(s), JSON.stringify(s)).toBe(measure(s));
		}
		expect(stringWidth('䷀')).toBe(2);
		expect(stringWidth('👍🏽')).toBe(2);
	});
});

describe('graphemes', () => {
	it('splits as Intl.Segmenter does, emoji sequences, flags, Hangul jamo, Indic conjuncts and marks included', () => {
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const pieces = ['a', 'é', 'e\u0301', '日', '👍🏽', '👨\u200d👩\u200d👧', '🇩🇪', '\u1100\u1161\u11a8', '가', 'क्ष', 'ि', '\u200d', '\ufe0f', '❤', ' ', 'ﾊﾞ', '\u0301'];
		let seed = 11;
		const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
		for (let k = 0; k < 400; k++) {
			const text = Array.from({length: 1 + rand(10)}, () => pieces[rand(pieces.length)]!).join('');
			const expected = [...segmenter.segment(text)].map(g => g.segment);
			expect(graphemes(text), JSON.stringify(text)).toEqual(expected);
			const bounds = new Set([0, ...expected.map((_, i) => expected.slice(0, i + 1).join('').length)]);
			for (let i = 0; i <= text.length; i++) {
				const before = boundaryAtOrBefore(text, i);
				const after = boundaryAtOrAfter(text, i);
				expect(bounds.has(before) && bounds.has(after) && before <= i && after >= i, `${JSON.stringify(text)} at ${i}`).toBe(true);
				expect([...bounds].some(b => b > before && b < after)).toBe(false);
			}
		}
	});
});

describe('truncate', () => {
	it('never splits a grapheme: ZWJ sequences, skin tones, flags, letters with marks', () => {
		const family = '👨\u200d👩\u200d👧';
		expect(truncate(`${family}${family}${family}`, 5)).toBe(`${family}${family}…`);
		expect(truncate(`${family}${family}`, 3)).toBe(`${family}…`);
		expect(truncate('👍🏽👍🏽', 3)).toBe('👍🏽…');
		expect(truncate('🇩🇪🇫🇷', 3)).toBe('🇩🇪…');
		const indic = 'क्षत्रिय राजा';
		for (let w = 1; w < 8; w++) {
			const cut = truncate(indic, w).replace(/…$/, '');
			expect([...new Intl.Segmenter().segment(indic)].some(g => g.index === cut.length) || cut === indic, String(w)).toBe(true);
			expect(measure(truncate(indic, w))).toBeLessThanOrEqual(w);
		}
		for (let w = 1; w < 12; w++) expect(measure(fit(`a${family}b䷀c👍🏽`, w)), String(w)).toBe(w);
	});

	it('leaves text that fits alone', () => {
		expect(truncate('hello', 5)).toBe('hello');
		expect(truncate('hello', 10)).toBe('hello');
		expect(truncate('日本', 4)).toBe('日本');
	});

	it('cuts with an ellipsis', () => {
		expect(truncate('hello world', 8)).toBe('hello w…');
		expect(stringWidth(truncate('hello world', 8))).toBe(8);
		expect(truncate('hello', 1)).toBe(ELLIPSIS);
		expect(truncate('hello', 0)).toBe('');
		expect(truncate('hello', -3)).toBe('');
	});

	it('never splits a wide character', () => {
		expect(truncate('日本語', 5)).toBe('日本…');
		expect(truncate('日本語', 4)).toBe('日…'); // 3 columns: the next character would overflow
		expect(stringWidth(truncate('日本語', 4))).toBe(3);
		expect(truncate('a日本', 3)).toBe('a…');
	});

	it('keeps combining marks with their base and never splits surrogate pairs', () => {
		expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
		expect(truncate('🚀🚀🚀', 5)).toBe('🚀🚀…');
		expect(truncate('🚀🚀🚀', 4)).toBe('🚀…');
	});
});

describe('padEnd / padStart', () => {
	it('pads to an exact width', () => {
		expect(padEnd('ab', 5)).toBe('ab   ');
		expect(padStart('ab', 5)).toBe('   ab');
		expect(padEnd('日本', 6)).toBe('日本  ');
	});

	it('truncates when too wide', () => {
		expect(padEnd('abcdef', 4)).toBe('abc…');
		expect(padStart('abcdef', 4)).toBe('abc…');
	});

	it('fills the column a wide character could not use', () => {
		const s = padEnd('日本語', 4);
		expect(s).toBe('日… ');
		expect(stringWidth(s)).toBe(4);
	});
});

describe('fit', () => {
	it('aligns left by default', () => {
		expect(fit('ab', 4)).toBe('ab  ');
	});

	it('aligns right and centre', () => {
		expect(fit('ab', 4, 'right')).toBe('  ab');
		expect(fit('ab', 5, 'center')).toBe(' ab  ');
		expect(fit('ab', 6, 'center')).toBe('  ab  ');
	});

	it('always returns exactly the width asked', () => {
		for (const s of ['', 'x', 'hello world', '日本語テキスト', '🚀 launch', 'e\u0301']) {
			for (let w = 0; w < 14; w++) {
				for (const align of ['left', 'right', 'center'] as const) {
					expect(stringWidth(fit(s, w, align)), `${s} ${w} ${align}`).toBe(w);
				}
			}
		}
	});
});
