import {describe, it, expect} from 'vitest';
import {compileMatcher, MAX_PROGRAM, MAX_RANGES, type Matcher} from '../../source/text/matcher.js';

function compile(pattern: string): Matcher {
	const m = compileMatcher(pattern);
	if (!m.ok) throw new Error(`expected ${pattern} to compile: ${m.error}`);
	return m;
}

function error(pattern: string): string {
	const m = compileMatcher(pattern);
	if (m.ok) throw new Error(`expected ${pattern} to be refused`);
	return m.error;
}

describe('substring matching', () => {
	it('is case-insensitive', () => {
		const m = compile('error');
		expect(m.kind).toBe('substring');
		expect(m.test('An ERROR occurred')).toBe(true);
		expect(m.test('Error')).toBe(true);
		expect(m.test('err or')).toBe(false);
	});

	it('treats regex metacharacters literally', () => {
		const m = compile('a.b*c');
		expect(m.test('a.b*c')).toBe(true);
		expect(m.test('axbbc')).toBe(false);
		expect(compile('(x').test('f(x)')).toBe(true);
		expect(compile('[x]').test('x')).toBe(false);
		expect(compile('[x]').test('[X]')).toBe(true);
		expect(compile('^$\\|?+{}').test('a^$\\|?+{}b')).toBe(true);
		expect(compile('a/b').test('A/B')).toBe(true);
	});

	it('reports every occurrence as ranges', () => {
		const m = compile('ab');
		expect(m.ranges('xxABxabab')).toEqual([
			[2, 4],
			[5, 7],
			[7, 9],
		]);
		expect(m.ranges('none')).toEqual([]);
	});

	it('matches everything with an empty pattern, highlighting nothing', () => {
		const m = compile('');
		expect(m.test('anything')).toBe(true);
		expect(m.test('')).toBe(true);
		expect(m.ranges('anything')).toEqual([]);
	});

	it('keeps slash-y text that is not a full /.../ literal as a substring', () => {
		for (const p of ['/', '//', '//i', 'http://x', '/var/log', 'a/b/', '/x/g']) {
			expect(compile(p).kind, p).toBe('substring');
		}
		expect(compile('//').test('http://host')).toBe(true);
	});

	it('offsets are correct for non-ASCII text', () => {
		expect(compile('ß').ranges('Straße ßtraße')).toEqual([
			[4, 5],
			[7, 8],
			[11, 12],
		]);
		expect(compile('b').ranges('😀b😀B')).toEqual([
			[2, 3],
			[5, 6],
		]);
	});
});

describe('regular expressions', () => {
	it('recognises /.../ and /.../i', () => {
		const sensitive = compile('/Err(or)?/');
		expect(sensitive.kind).toBe('regex');
		expect(sensitive.test('Error')).toBe(true);
		expect(sensitive.test('error')).toBe(false);
		const insensitive = compile('/err(or)?/i');
		expect(insensitive.test('ERROR')).toBe(true);
	});

	it('supports common syntax', () => {
		const cases: Array<[string, string, boolean]> = [
			['/^GET /', 'GET /index', true],
			['/^GET /', 'xGET /', false],
			['/\\.js$/', 'app.js', true],
			['/\\.js$/', 'app.json', false],
			['/\\d{3}/', 'status 404', true],
			['/\\d{3}/', 'status 44', false],
			['/\\d{2,3}x/', '1234x', true],
			['/^\\d{2,3}$/', '1234', false],
			['/^a{2,}$/', 'aaaa', true],
			['/^a{2,}$/', 'a', false],
			['/warn|error/', 'an error', true],
			['/warn|error/', 'info', false],
			['/[A-F0-9]{4}/', 'id 0A1F', true],
			['/[^a-z ]/', 'only lower', false],
			['/[^a-z ]/', 'has Upper', true],
			['/\\bcat\\b/', 'a cat sat', true],
			['/\\bcat\\b/', 'concatenate', false],
			['/\\Bcat\\B/', 'concatenate', true],
			['/\\s+$/', 'trailing   ', true],
			['/\\S\\s\\S/', 'a b', true],
			['/\\w+@\\w+\\.com/', 'mail bob@example.com now', true],
			['/\\W/', 'abc_123', false],
			['/colou?r/', 'color', true],
			['/(?:ab)+c/', 'xababc', true],
			['/(?<word>foo)bar/', 'foobar', true],
			['/a.c/', 'a\nc', false],
			['/\\x41\\u0042\\u{43}/', 'ABC', true],
			['/\\t/', 'a\tb', true],
			['/[\\d-]+x/', '12-3x', true],
			['/[.]/', 'abc', false],
			['/a{,2}/', 'a{,2}', true], // not a quantifier: literal
			['/x]/', 'x]', true],
			['/[]/', 'anything', false],
			['/[^]/', 'x', true],
			['/😀+/', '😀😀', true],
			['/^.$/', '😀', true],
			['/a*?b/', 'aab', true],
			['/\\//', 'a/b', true],
		];
		for (const [pattern, text, expected] of cases) {
			expect(compile(pattern).test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(expected);
		}
	});

	it('ignores case with /i, including classes', () => {
		expect(compile('/[a-c]+x/i').test('ABCX')).toBe(true);
		expect(compile('/[^a-c]/i').test('ABC')).toBe(false);
		expect(compile('/straße/i').test('STRAßE')).toBe(true);
		expect(compile('/é/i').test('É')).toBe(true);
	});

	it('reports leftmost-longest, non-overlapping, non-empty ranges', () => {
		expect(compile('/a|ab|abc/').ranges('xabcx abx')).toEqual([
			[1, 4],
			[6, 8],
		]);
		expect(compile('/\\d+/').ranges('a1b22c333')).toEqual([
			[1, 2],
			[3, 5],
			[6, 9],
		]);
		expect(compile('/x*/').ranges('axxbx')).toEqual([
			[1, 3],
			[4, 5],
		]);
		expect(compile('/^/').ranges('abc')).toEqual([]);
		expect(compile('/b/').ranges('😀b😀b')).toEqual([
			[2, 3],
			[5, 6],
		]);
	});

	it('caps the number of ranges', () => {
		expect(compile('/a/').ranges('a'.repeat(1000))).toHaveLength(MAX_RANGES);
		expect(compile('a').ranges('a'.repeat(1000))).toHaveLength(MAX_RANGES);
	});

	it('agrees with RegExp.test on random input', () => {
		const patterns = [
			'a(b|c)*d',
			'^(ab|a)(bc|c)$',
			'x?y+z*',
			'[a-c]{2,3}d',
			'(a|b)*abb',
			'\\bab\\b',
			'^$',
			'a.c',
			'(a*)*b',
			'c{2}|a{1,2}b',
			'[^ab]c',
			'(?:a|)b',
			'^a',
			'b$',
			'(ab)+$',
			'\\Bb',
			'[xyz]+a?$',
			'd|^c',
		];
		let seed = 1234;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed % n;
		};
		for (const body of patterns) {
			for (const flags of ['', 'i']) {
				const ours = compile(`/${body}/${flags}`);
				const native = new RegExp(body, flags);
				for (let k = 0; k < 300; k++) {
					const text = Array.from({length: rand(10)}, () => 'abcdxyzAB '[rand(10)]).join('');
					expect(ours.test(text), `/${body}/${flags} on ${JSON.stringify(text)}`).toBe(native.test(text));
					// The same answer when the test is cut into slices of a few steps each.
					const scanner = ours.scanner();
					scanner.start(text);
					let answer: boolean | undefined;
					let slices = 0;
					while ((answer = scanner.resume({left: 1 + rand(6)})) === undefined) slices++;
					expect(answer, `sliced /${body}/${flags} on ${JSON.stringify(text)}`).toBe(native.test(text));
					expect(slices).toBeLessThan(10_000);
					const nativeMatch = native.exec(text);
					const first = ours.ranges(text)[0];
					if (nativeMatch && nativeMatch[0] !== '' && first) {
						// Leftmost start is the same under leftmost-first and leftmost-longest.
						expect(first[0]).toBe(nativeMatch.index);
					}
				}
			}
		}
	});
});

describe('invalid and unsupported regular expressions', () => {
	it('returns the engine syntax error, without echoing the pattern', () => {
		expect(error('/(/')).toBe('invalid regular expression: unterminated group');
		expect(error('/[a/')).toMatch(/^invalid regular expression: /);
		expect(error('/*a/')).toMatch(/^invalid regular expression: nothing to repeat/);
		expect(error('/a{2,1}/')).toMatch(/^invalid regular expression: /);
		expect(error('/a)/')).toMatch(/^invalid regular expression: /);
	});

	it('refuses backreferences', () => {
		expect(error('/(a)\\1/')).toMatch(/^unsupported regular expression: backreferences/);
		expect(error('/(?<x>a)\\k<x>/')).toMatch(/backreferences/);
	});

	it('refuses lookaround', () => {
		expect(error('/a(?=b)/')).toMatch(/lookahead and lookbehind/);
		expect(error('/a(?!b)/')).toMatch(/lookahead and lookbehind/);
		expect(error('/(?<=a)b/')).toMatch(/lookahead and lookbehind/);
		expect(error('/(?<!a)b/')).toMatch(/lookahead and lookbehind/);
	});

	it('refuses huge repetition counts and programs', () => {
		expect(error('/a{5000}/')).toMatch(/repetition counts above 1000/);
		expect(error('/a{1,99999999999999999999999999}/')).toMatch(/repetition counts above 1000/);
		expect(error('/(a{1000}){1000}/')).toMatch(/too large/);
	});

	it('refuses a program over MAX_PROGRAM states, saying how large it is', () => {
		// (a{0,1000}){9}b: 9 × 1000 × (SPLIT + CHAR), then b and MATCH.
		expect(error('/(a{0,1000}){9}b/')).toBe(`pattern too large (18,002 states; at most ${MAX_PROGRAM.toLocaleString('en-US')})`);
		expect(error('/((a{1000}){1000}){1000}/')).toBe(`pattern too large (over a billion states; at most ${MAX_PROGRAM.toLocaleString('en-US')})`);
		expect(error('/(.?){1000}x/')).toMatch(/^pattern too large \(2,002 states/);
		expect(compileMatcher('/(.?){499}x/').ok).toBe(true); // 1,000 states
		expect(compileMatcher('/(a{0,1000}){9}b/', {maxProgram: 20_000}).ok).toBe(true);
	});

	it('stops ranges at a budget shared by several calls', () => {
		const m = compile('/a+b/');
		const budget = {left: 50};
		const text = 'a'.repeat(400);
		expect(m.ranges(text, budget)).toEqual([]);
		expect(budget.left).toBeLessThanOrEqual(0);
		expect(m.ranges('ab', budget)).toEqual([]); // nothing left for the next line
		expect(m.ranges('ab', {left: 100})).toEqual([[0, 2]]);
	});
});

describe('catastrophic patterns run in linear time', () => {
	const evil: Array<[string, string]> = [
		['/(a+)+$/', 'a'.repeat(30) + '!'],
		['/(a|a)*$/', 'a'.repeat(30) + '!'],
		['/(a|aa)+$/', 'a'.repeat(30) + '!'],
		['/(.*a){12}/', 'a'.repeat(30)],
		['/^(\\w+\\s?)*$/', 'word '.repeat(10) + '!'],
		['/.*a.*b/', 'a'.repeat(2000)],
		['/x.*y.*z/', 'x'.repeat(2000)],
		['/\\d*\\d*\\d*x/', '1'.repeat(2000)],
	];

	it.each(evil)('%s completes quickly', (pattern, text) => {
		const m = compile(pattern);
		const t0 = performance.now();
		m.test(text);
		m.ranges(text);
		expect(performance.now() - t0).toBeLessThan(500);
	});

	it('gives correct answers for them', () => {
		expect(compile('/(a+)+$/').test('a'.repeat(30) + '!')).toBe(false);
		expect(compile('/(a+)+$/').test('a'.repeat(30))).toBe(true);
		expect(compile('/(a+)+$/').ranges('baaa')).toEqual([[1, 4]]);
		expect(compile('/.*a.*b/').test('a'.repeat(2000))).toBe(false);
		expect(compile('/.*a.*b/').test('a'.repeat(2000) + 'b')).toBe(true);
	});

	it('bounds the work of ranges when repeated searches would be quadratic', () => {
		const m = compile('/(a*c)?b|a/');
		const text = 'a'.repeat(100_000);
		const t0 = performance.now();
		const ranges = m.ranges(text, {left: 2_000_000});
		expect(performance.now() - t0).toBeLessThan(2000);
		expect(ranges.length).toBeGreaterThan(0);
		expect(ranges[0]).toEqual([0, 1]);
		expect(m.test(text)).toBe(true);
	});

	it('handles a 100 KB line with an evil pattern', () => {
		const m = compile('/(a+)+b/');
		const text = 'a'.repeat(100_000);
		const t0 = performance.now();
		expect(m.test(text)).toBe(false);
		expect(performance.now() - t0).toBeLessThan(2000);
	});
});
