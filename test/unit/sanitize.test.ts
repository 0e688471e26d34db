import {describe, it, expect} from 'vitest';
import {sanitizeLine, sanitizeInline, MAX_LINE_LENGTH, MAX_INLINE_LENGTH} from '../../source/text/sanitize.js';

const ESC = '\x1b';
const BEL = '\x07';
const ST = '\x1b\\';

/** Index of the first character that is not terminal-safe (C0, DEL, C1, bidi control, lone surrogate), or -1. */
function firstUnsafe(out: string): number {
	for (let i = 0; i < out.length; i++) {
		const c = out.charCodeAt(i);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return i;
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return i;
		if (c >= 0xd800 && c <= 0xdbff) {
			const d = out.charCodeAt(i + 1);
			if (!(d >= 0xdc00 && d <= 0xdfff)) return i;
			i++;
		} else if (c >= 0xdc00 && c <= 0xdfff) {
			return i;
		}
	}
	return -1;
}

function expectSafe(out: string): void {
	expect(firstUnsafe(out), JSON.stringify(out)).toBe(-1);
}

function clean(s: string): string {
	const out = sanitizeLine(s);
	expectSafe(out);
	return out;
}

describe('firstUnsafe (test helper)', () => {
	it('detects what it must', () => {
		expect(firstUnsafe('ok')).toBe(-1);
		expect(firstUnsafe('a\x1b')).toBe(1);
		expect(firstUnsafe('\u009b')).toBe(0);
		expect(firstUnsafe('a\ud800')).toBe(1);
		expect(firstUnsafe('\u202e')).toBe(0);
	});
});

describe('sanitizeLine: plain text', () => {
	it('returns printable ASCII unchanged', () => {
		expect(clean('GET /index.html 200 OK')).toBe('GET /index.html 200 OK');
		expect(clean('')).toBe('');
	});

	it('keeps non-ASCII printable text', () => {
		expect(clean('café ünïcode 日本語 🚀 ←→')).toBe('café ünïcode 日本語 🚀 ←→');
	});
});

describe('sanitizeLine: OSC', () => {
	it('drops OSC 52 clipboard writes terminated by BEL', () => {
		expect(clean(`before${ESC}]52;c;SGVsbG8=${BEL}after`)).toBe('beforeafter');
	});

	it('drops OSC 52 terminated by ST', () => {
		expect(clean(`a${ESC}]52;c;SGVsbG8=${ST}b`)).toBe('ab');
	});

	it('drops OSC 0 and OSC 2 window titles', () => {
		expect(clean(`${ESC}]0;pwned${BEL}x`)).toBe('x');
		expect(clean(`${ESC}]2;pwned${ST}y`)).toBe('y');
	});

	it('keeps the text of an OSC 8 hyperlink and drops the link', () => {
		const link = `see ${ESC}]8;;https://evil.example/${ST}the docs${ESC}]8;;${ST} now`;
		expect(clean(link)).toBe('see the docs now');
		const belLink = `${ESC}]8;id=1;http://x/${BEL}click${ESC}]8;;${BEL}`;
		expect(clean(belLink)).toBe('click');
	});

	it('drops an unterminated OSC to the end of the text', () => {
		expect(clean(`visible${ESC}]0;never ends and hides everything`)).toBe('visible');
	});

	it('treats an ESC inside an OSC as the end of it', () => {
		expect(clean(`${ESC}]0;title${ESC}[31mred`)).toBe('red');
	});

	it('stops an OSC at CAN and SUB', () => {
		expect(clean(`${ESC}]0;title\x18shown`)).toBe('shown');
		expect(clean(`${ESC}]0;title\x1ashown`)).toBe('shown');
	});
});

describe('sanitizeLine: CSI', () => {
	it('drops colours', () => {
		expect(clean(`${ESC}[1;31mERROR${ESC}[0m: failed`)).toBe('ERROR: failed');
		expect(clean(`${ESC}[38;2;255;0;0mtruecolor${ESC}[m`)).toBe('truecolor');
		expect(clean(`${ESC}[38:5:196mcolon${ESC}[39m`)).toBe('colon');
	});

	it('drops cursor movement and screen clearing', () => {
		expect(clean(`${ESC}[2J${ESC}[3J${ESC}[H${ESC}[10;20Hhello${ESC}[5A${ESC}[K`)).toBe('hello');
		expect(clean(`a${ESC}[1000Cb`)).toBe('ab');
	});

	it('drops private-mode sequences', () => {
		expect(clean(`${ESC}[?1049h${ESC}[?25lscreen${ESC}[?1000h${ESC}[?2004h`)).toBe('screen');
		expect(clean(`${ESC}[>c${ESC}[=5u${ESC}[<1;2;3Mk`)).toBe('k');
	});

	it('drops sequences with intermediate bytes', () => {
		expect(clean(`${ESC}[2 qcursor${ESC}[!p`)).toBe('cursor');
	});

	it('drops a CSI cut off at the end', () => {
		expect(clean(`tail${ESC}[38;5`)).toBe('tail');
		expect(clean(`tail${ESC}[`)).toBe('tail');
	});
});

describe('sanitizeLine: other escape sequences', () => {
	it('drops DCS, SOS, PM and APC strings', () => {
		expect(clean(`a${ESC}Pq#0;2;0;0;0#1~~@@${ST}b`)).toBe('ab');
		expect(clean(`a${ESC}P$q"p${ST}b`)).toBe('ab');
		expect(clean(`a${ESC}Xsos${ST}b${ESC}^pm${ST}c${ESC}_apc${ST}d`)).toBe('abcd');
	});

	it('drops tmux-style passthrough wrapping an OSC', () => {
		expect(clean(`x${ESC}Ptmux;${ESC}${ESC}]52;c;SGVsbG8=${BEL}${ST}y`)).toBe('xy');
	});

	it('drops two-byte escapes', () => {
		expect(clean(`${ESC}cR${ESC}7S${ESC}8T${ESC}=U${ESC}>V${ESC}MW${ESC}DX`)).toBe('RSTUVWX');
	});

	it('drops escapes with intermediates (charset designation, DECALN)', () => {
		expect(clean(`${ESC}(0lqk${ESC}(B ok${ESC}#8`)).toBe('lqk ok');
	});

	it('drops a lone ESC at the end and before other characters', () => {
		expect(clean(`end${ESC}`)).toBe('end');
		expect(clean(`${ESC}`)).toBe('');
		expect(clean(`a${ESC}${ESC}b`)).toBe('a');
		expect(clean(`a${ESC}\nb`)).toBe('a↵b');
		expect(clean(`a${ESC}éb`)).toBe('aéb');
	});
});

describe('sanitizeLine: C1 controls', () => {
	it('drops 8-bit CSI with its parameters', () => {
		expect(clean('a\u009b2Jb')).toBe('ab');
		expect(clean('\u009b1;31mred\u009b0m')).toBe('red');
		expect(clean('\u009b?1049hz')).toBe('z');
	});

	it('drops 8-bit OSC up to the 8-bit ST, BEL or ESC \\', () => {
		expect(clean('\u009d0;title\u009cvisible')).toBe('visible');
		expect(clean(`\u009d52;c;SGVsbG8=${BEL}v`)).toBe('v');
		expect(clean(`\u009d2;t${ST}w`)).toBe('w');
	});

	it('drops 8-bit DCS, SOS, PM and APC strings', () => {
		expect(clean('a\u0090data\u009cb\u0098s\u009cc\u009ep\u009cd\u009fq\u009ce')).toBe('abcde');
	});

	it('drops the other C1 characters', () => {
		let all = '';
		for (let c = 0x80; c <= 0x9f; c++) if (![0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f].includes(c)) all += String.fromCharCode(c) + 'x';
		expect(clean(all)).toBe('x'.repeat(26));
	});
});

describe('sanitizeLine: C0 controls', () => {
	it('drops NUL, BEL, BS, VT, FF, SO, SI and DEL', () => {
		expect(clean('a\x00b\x07c\x08d\x0be\x0cf\x0eg\x0fh\x7fi')).toBe('abcdefghi');
	});

	it('drops backspaces rather than letting them overwrite text', () => {
		expect(clean('password: secret\b\b\b\b\b\b******')).toBe('password: secret******');
	});

	it('drops every C0 control except tab, CR and LF', () => {
		let all = '';
		for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1b) all += String.fromCharCode(c);
		expect(clean(`<${all}>`)).toBe('<>');
	});
});

describe('sanitizeLine: carriage returns', () => {
	it('keeps the text after the last CR', () => {
		expect(clean('10%\r20%\r30%')).toBe('30%');
		expect(clean('abcdef\rXY')).toBe('XY');
	});

	it('drops a trailing CR (CRLF logs, TTY output)', () => {
		expect(clean('hello\r')).toBe('hello');
		expect(clean('10%\r20%\r')).toBe('20%');
		expect(clean('\r')).toBe('');
	});

	it('ignores escape sequences after a CR when deciding', () => {
		expect(clean(`10%\r${ESC}[K`)).toBe('10%');
		expect(clean(`10%\r${ESC}[K20%`)).toBe('20%');
	});

	it('applies within the current line only', () => {
		expect(clean('first\nsecond\rthird')).toBe('first↵third');
		expect(clean('a\r\nb')).toBe('a↵b');
	});
});

describe('sanitizeLine: tabs and line breaks', () => {
	it('expands tabs to 8-column stops', () => {
		expect(clean('a\tb')).toBe('a       b');
		expect(clean('\tx')).toBe('        x');
		expect(clean('12345678\tx')).toBe('12345678        x');
		expect(clean('a\t\tb')).toBe('a' + ' '.repeat(15) + 'b');
	});

	it('honours tabWidth', () => {
		expect(sanitizeLine('ab\tc', {tabWidth: 4})).toBe('ab  c');
		expect(sanitizeLine('\t', {tabWidth: 2})).toBe('  ');
	});

	it('counts wide characters as two columns for tab stops', () => {
		expect(clean('日本\tx')).toBe('日本    x');
	});

	it('shows inner line breaks as ↵ and drops trailing ones', () => {
		expect(clean('one\ntwo')).toBe('one↵two');
		expect(clean('one\n\ntwo')).toBe('one↵↵two');
		expect(clean('trailing\n')).toBe('trailing');
		expect(clean('\nlead')).toBe('↵lead');
		expect(clean('a\u2028b\u2029c')).toBe('a↵b↵c');
	});

	it('uses the newline option', () => {
		expect(sanitizeLine('a\nb', {newline: ' | '})).toBe('a | b');
	});
});

describe('sanitizeLine: Unicode spoofing', () => {
	it('drops bidi overrides and isolates', () => {
		// "exe.txt" shown reversed by RLO: the override must go.
		expect(clean('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
		let bidi = '';
		for (let c = 0x202a; c <= 0x202e; c++) bidi += String.fromCharCode(c);
		for (let c = 0x2066; c <= 0x2069; c++) bidi += String.fromCharCode(c);
		expect(clean(`a${bidi}b\u200e\u200f\u061cc`)).toBe('abc');
	});

	it('drops zero-width characters and the BOM', () => {
		expect(clean('ad\u200bmin\u200c\u200d\u2060\ufeff')).toBe('admin');
		expect(clean('soft\u00adhyphen')).toBe('softhyphen');
	});

	it('drops invisible tag characters', () => {
		const hidden = [...'ignore'].map(ch => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
		expect(clean(`ok${hidden}`)).toBe('ok');
	});

	it('keeps joiners inside emoji sequences, Indic conjuncts and Persian words', () => {
		const family = '👨\u200d👩\u200d👧';
		expect(clean(`team ${family} ok`)).toBe(`team ${family} ok`);
		expect(clean('\u0915\u094d\u200d\u0937')).toBe('\u0915\u094d\u200d\u0937'); // क्‍ष, a half form
		expect(clean('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645')).toBe('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645'); // می‌خواهم
		expect(sanitizeInline(`x${family}`)).toBe(`x${family}`);
	});

	it('drops joiners that join nothing and marks with nothing to attach to', () => {
		expect(clean('\u200dstart')).toBe('start');
		expect(clean('end\u200d')).toBe('end');
		expect(clean('a\u200c b')).toBe('a b');
		expect(clean('\u0301accent')).toBe('accent');
		expect(clean('x\u0007\u0301')).toBe('x\u0301'); // the mark joins the x once the BEL is gone
		expect(clean('\u0301')).toBe('');
		// Format characters that would stand alone as a grapheme of no width, and unassigned ignorables.
		expect(clean('a\u{1d173}b\u{13430}c\u{e0080}d\u0600e')).toBe('abcde');
	});

	it('keeps combining marks and astral characters', () => {
		expect(clean('e\u0301 😀 𝔘')).toBe('e\u0301 😀 𝔘');
	});
});

describe('sanitizeLine: invalid UTF-16', () => {
	it('replaces lone surrogates with U+FFFD', () => {
		expect(clean('a\ud800b')).toBe('a\ufffdb');
		expect(clean('a\udc00b')).toBe('a\ufffdb');
		expect(clean('end\ud83d')).toBe('end\ufffd');
		expect(clean('\udc00\ud800')).toBe('\ufffd\ufffd');
	});

	it('keeps valid pairs', () => {
		expect(clean('\ud83d\ude00')).toBe('😀');
	});

	it('replaces what a decoder makes of invalid UTF-8', () => {
		const decoded = new TextDecoder().decode(Uint8Array.from([0x61, 0xff, 0xc3, 0x28, 0x62]));
		expect(clean(decoded)).toBe('a\ufffd\ufffd(b');
	});
});

describe('sanitizeLine: length', () => {
	it('truncates to maxLength with an ellipsis', () => {
		const out = sanitizeLine('x'.repeat(5000));
		expect(out.length).toBe(MAX_LINE_LENGTH);
		expect(out.endsWith('x…')).toBe(true);
		expect(sanitizeLine('abcdef', {maxLength: 4})).toBe('abc…');
		expect(sanitizeLine('abcd', {maxLength: 4})).toBe('abcd');
		expect(sanitizeLine('abc', {maxLength: 0})).toBe('');
		expect(sanitizeLine('abc', {maxLength: 1})).toBe('…');
	});

	it('truncates non-ASCII text by code units without splitting a pair', () => {
		expect(sanitizeLine('é😀😀', {maxLength: 3})).toBe('é…');
		expect(sanitizeLine('éé😀', {maxLength: 3})).toBe('éé…');
		expect(sanitizeLine('éé😀', {maxLength: 4})).toBe('éé😀');
	});

	it('never cuts inside a grapheme', () => {
		const family = '👨\u200d👩\u200d👧'; // 8 code units
		expect(sanitizeLine(`ab${family}`, {maxLength: 6})).toBe('ab…');
		expect(sanitizeLine(`ab${family}cd`, {maxLength: 11})).toBe(`ab${family}…`);
	});

	it('does not count removed sequences toward the length', () => {
		const colored = `${ESC}[31m${'y'.repeat(100)}${ESC}[0m`;
		expect(sanitizeLine(colored, {maxLength: 100})).toBe('y'.repeat(100));
	});

	it('lets a late CR replace text that overflowed', () => {
		expect(sanitizeLine(`${'a'.repeat(50)}\rdone`, {maxLength: 10})).toBe('done');
	});
});

describe('sanitizeLine: hostile sizes', () => {
	it('handles a 100 KB line with 10,000 escape sequences quickly', () => {
		const unit = `${ESC}[31mab${ESC}]0;t${BEL}`; // 2 visible chars per unit
		let s = '';
		for (let k = 0; k < 10_000; k++) s += unit;
		expect(s.length).toBeGreaterThan(100_000);
		const t0 = performance.now();
		const out = sanitizeLine(s, {maxLength: 1_000_000});
		const elapsed = performance.now() - t0;
		expect(out).toBe('ab'.repeat(10_000));
		expect(elapsed).toBeLessThan(500);
	});

	it('handles a huge unterminated OSC and many lone ESCs', () => {
		const s = 'v' + `${ESC}]` + 'x'.repeat(200_000);
		expect(clean(s)).toBe('v');
		const t = `${ESC}`.repeat(100_000) + 'ok';
		expect(clean(t)).toBe('k'); // the last ESC takes the 'o' as a two-byte sequence
		const u = `${ESC}[`.repeat(50_000) + 'ok';
		expect(clean(u)).toBe('k');
	});

	it('scans but does not copy past the cap', () => {
		const big = 'z'.repeat(2_000_000);
		const out = sanitizeLine(big);
		expect(out.length).toBe(MAX_LINE_LENGTH);
	});

	it('never emits control characters for random input', () => {
		let seed = 42;
		const rand = () => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed;
		};
		const alphabet = ['\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9c', '\x9d', '\r', '\n', '\t', '\b', 'a', '1', ';', '?', 'P', '\ud800', '\udc00', '\u202e', 'é'];
		for (let round = 0; round < 300; round++) {
			let s = '';
			const len = rand() % 60;
			for (let k = 0; k < len; k++) s += alphabet[rand() % alphabet.length];
			expectSafe(sanitizeLine(s));
			expectSafe(sanitizeInline(s));
		}
	});
});

describe('sanitizeInline', () => {
	it('turns line breaks and tabs into single spaces', () => {
		expect(sanitizeInline('multi\nline\tname')).toBe('multi line name');
		expect(sanitizeInline('a\r\nb')).toBe('a b');
	});

	it('removes escapes like sanitizeLine', () => {
		expect(sanitizeInline(`web${ESC}]52;c;SGVsbG8=${BEL}-1${ESC}[2J`)).toBe('web-1');
		expect(sanitizeInline('\u009b2Jlabel\u202e')).toBe('label');
	});

	it('caps at 256 code units', () => {
		const out = sanitizeInline('n'.repeat(1000));
		expect(out.length).toBe(MAX_INLINE_LENGTH);
		expect(out.endsWith('…')).toBe(true);
		expect(sanitizeInline('n'.repeat(256))).toBe('n'.repeat(256));
	});

	it('accepts a custom maxLength', () => {
		expect(sanitizeInline('abcdef', {maxLength: 3})).toBe('ab…');
	});
});
