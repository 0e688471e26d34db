/**
 * Filter and search matching that cannot freeze the UI.
 *
 * Plain text is a case-insensitive substring (regular expression metacharacters are
 * literal). Text wrapped in slashes, `/.../` or `/.../i`, is a regular expression:
 * case-sensitive, or case-insensitive with the trailing `i`.
 *
 * JavaScript's own regular expression engine backtracks, so a pattern like `/(a+)+$/` takes
 * exponential time, and even everyday patterns like `/.*a.*b/` take cubic time (seconds on
 * one 2,000-character line). Refusing "evil" patterns up front cannot catch all of those, so
 * regular expressions here are NOT run by `RegExp`: they are parsed and compiled to a small
 * automaton that is simulated breadth-first (a Thompson/Pike machine), which takes time
 * linear in the input for every pattern: O(input length × pattern size). The syntax is
 * checked by `new RegExp` first, so invalid patterns get the engine's own error; the subset
 * supported is JavaScript's without backreferences and lookaround (which are not regular and
 * are refused with a clear error): literals, `.`, classes `[...]`/`[^...]` with ranges,
 * `\d \D \w \W \s \S`, escapes (`\t \n \xHH \uHHHH \u{H…} \cX \0`), `^`, `$`, `\b`, `\B`,
 * groups `(...)`, `(?:...)`, `(?<name>...)`, alternation, and the quantifiers `* + ? {n}
 * {n,} {n,m}` (lazy forms accepted; counts up to 1000; the compiled program is limited to
 * 20,000 instructions). `^` and `$` match at the start and end of the tested text only.
 *
 * `ranges` reports leftmost-longest matches (POSIX style) rather than JavaScript's
 * leftmost-first; for highlighting the difference does not matter. Offsets are UTF-16
 * indices into the string tested: match against the text as it is displayed (after
 * `sanitizeLine`) so ranges line up with what is drawn.
 */

/** A compiled filter. */
export interface Matcher {
	ok: true;
	/** How the pattern is interpreted. */
	kind: 'substring' | 'regex';
	/** The pattern as given. */
	pattern: string;
	/** Whether the text contains a match. An empty pattern matches everything. */
	test(s: string): boolean;
	/**
	 * Non-empty, non-overlapping matches as [start, end) UTF-16 offsets, in order, at most
	 * `MAX_RANGES` (and, for a regex, those found within `RANGES_BUDGET`). An empty pattern
	 * gives none. For highlighting; use `test` to decide whether a line matches.
	 */
	ranges(s: string): Array<[number, number]>;
}

/** A pattern that cannot be used, with a one-line reason. */
export interface MatcherError {
	ok: false;
	error: string;
}

/** Most ranges `ranges()` returns for one string. */
export const MAX_RANGES = 256;
/** Largest `{n,m}` count accepted. */
export const MAX_REPEAT = 1000;
/** Largest compiled program accepted, in instructions. */
export const MAX_PROGRAM = 20_000;
/**
 * Work allowed for one `ranges` call, in thread steps (a few milliseconds). Each search is
 * linear, but a pattern whose matches are found early while other threads run on (e.g.
 * `/(a*c)?/` on "aaaa…") makes repeated searches quadratic; past the budget the ranges
 * found so far are returned. `test` has no budget: it is always linear.
 */
export const RANGES_BUDGET = 2_000_000;

/**
 * Compiles a filter pattern. Plain text → case-insensitive substring; `/re/` or `/re/i` →
 * linear-time regular expression (see the module comment). Returns `{ok: false, error}` for
 * an invalid regular expression ("invalid regular expression: …") or an unsupported one
 * ("unsupported regular expression: …").
 */
export function compileMatcher(pattern: string): Matcher | MatcherError {
	const literal = /^\/(.+)\/(i?)$/s.exec(pattern);
	if (!literal) return substringMatcher(pattern);
	const [, body, flags] = literal;
	try {
		new RegExp(body, flags);
	} catch (error) {
		return {ok: false, error: `invalid regular expression: ${describeSyntaxError(error)}`};
	}
	let program: Program;
	try {
		const ast = new Parser(body, flags === 'i').parse();
		program = compile(ast);
	} catch (error) {
		if (error instanceof Unsupported) return {ok: false, error: `unsupported regular expression: ${error.message}`};
		throw error;
	}
	return {
		ok: true,
		kind: 'regex',
		pattern,
		test: (s: string) => search(program, s, 0, true) !== undefined,
		ranges: (s: string) => {
			const out: Array<[number, number]> = [];
			const budget = {left: RANGES_BUDGET};
			let from = 0;
			while (from <= s.length && out.length < MAX_RANGES) {
				const m = search(program, s, from, false, budget);
				if (!m) break;
				const [start, end] = m;
				if (end > start) {
					out.push([start, end]);
					from = end;
				} else {
					from = start + (isPairAt(s, start) ? 2 : 1);
				}
			}
			return out;
		},
	};
}

function describeSyntaxError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// V8: "Invalid regular expression: /(/: Unterminated group" — drop the echo of the pattern.
	const tail = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
	return tail.length > 0 ? tail[0].toLowerCase() + tail.slice(1) : message;
}

function substringMatcher(pattern: string): Matcher {
	if (pattern === '') return {ok: true, kind: 'substring', pattern, test: () => true, ranges: () => []};
	// A literal (escaped) pattern cannot backtrack; `i` folds case without changing offsets.
	const escaped = pattern.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
	const once = new RegExp(escaped, 'i');
	const all = new RegExp(escaped, 'gi');
	return {
		ok: true,
		kind: 'substring',
		pattern,
		test: (s: string) => once.test(s),
		ranges: (s: string) => {
			const out: Array<[number, number]> = [];
			all.lastIndex = 0;
			let m: RegExpExecArray | null;
			while (out.length < MAX_RANGES && (m = all.exec(s)) !== null) out.push([m.index, m.index + m[0].length]);
			return out;
		},
	};
}

function isPairAt(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	const d = s.charCodeAt(i + 1);
	return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

// ---------------------------------------------------------------------------------------
// Parsing

class Unsupported extends Error {}

type Pred = (cp: number) => boolean;
type AssertKind = 'start' | 'end' | 'word' | 'nonword';

type Node =
	| {t: 'char'; pred: Pred}
	| {t: 'empty'}
	| {t: 'seq'; items: Node[]}
	| {t: 'alt'; items: Node[]}
	| {t: 'repeat'; node: Node; min: number; max: number}
	| {t: 'assert'; kind: AssertKind};

const isDigit: Pred = cp => cp >= 0x30 && cp <= 0x39;
const isWordChar: Pred = cp => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || isDigit(cp) || cp === 0x5f;
const isSpace: Pred = cp =>
	(cp >= 0x09 && cp <= 0x0d) ||
	cp === 0x20 ||
	cp === 0xa0 ||
	cp === 0x1680 ||
	(cp >= 0x2000 && cp <= 0x200a) ||
	cp === 0x2028 ||
	cp === 0x2029 ||
	cp === 0x202f ||
	cp === 0x205f ||
	cp === 0x3000 ||
	cp === 0xfeff;
const isDot: Pred = cp => cp !== 0x0a && cp !== 0x0d && cp !== 0x2028 && cp !== 0x2029;

const caseCache = new Map<number, [number, number]>();

/** [lowercase, uppercase] of a code point, itself where the mapping is not one code point. */
function caseVariants(cp: number): [number, number] {
	if (cp < 0x80) {
		if (cp >= 0x41 && cp <= 0x5a) return [cp + 32, cp];
		if (cp >= 0x61 && cp <= 0x7a) return [cp, cp - 32];
		return [cp, cp];
	}
	let v = caseCache.get(cp);
	if (!v) {
		const ch = String.fromCodePoint(cp);
		const lower = ch.toLowerCase();
		const upper = ch.toUpperCase();
		const single = (s: string) => (s.length === ch.length || [...s].length === 1 ? s.codePointAt(0)! : cp);
		v = [single(lower), single(upper)];
		if (caseCache.size < 10_000) caseCache.set(cp, v);
	}
	return v;
}

/** Wraps a membership test so it ignores case; `negate` applies after folding, as in JavaScript. */
function classPred(member: Pred, icase: boolean, negate: boolean): Pred {
	const test: Pred = icase
		? cp => {
				if (member(cp)) return true;
				const [lower, upper] = caseVariants(cp);
				return member(lower) || member(upper);
			}
		: member;
	const ascii = new Uint8Array(128);
	for (let c = 0; c < 128; c++) ascii[c] = test(c) !== negate ? 1 : 0;
	return cp => (cp < 128 ? ascii[cp] === 1 : test(cp) !== negate);
}

type ClassItem = {cp: number} | {pred: Pred};

class Parser {
	private pos = 0;

	constructor(
		private readonly src: string,
		private readonly icase: boolean,
	) {}

	parse(): Node {
		const node = this.parseAlt();
		if (this.pos < this.src.length) throw new Unsupported(`unexpected "${this.src[this.pos]}"`);
		return node;
	}

	private peek(offset = 0): string {
		return this.src[this.pos + offset] ?? '';
	}

	private parseAlt(): Node {
		const items = [this.parseSeq()];
		while (this.peek() === '|') {
			this.pos++;
			items.push(this.parseSeq());
		}
		return items.length === 1 ? items[0] : {t: 'alt', items};
	}

	private parseSeq(): Node {
		const items: Node[] = [];
		while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
			items.push(this.parseTerm());
		}
		if (items.length === 0) return {t: 'empty'};
		return items.length === 1 ? items[0] : {t: 'seq', items};
	}

	private parseTerm(): Node {
		const atom = this.parseAtom();
		const q = this.parseQuantifier();
		if (!q) return atom;
		if (atom.t === 'assert') throw new Unsupported('an anchor or word boundary cannot be repeated');
		return {t: 'repeat', node: atom, min: q.min, max: q.max};
	}

	private parseQuantifier(): {min: number; max: number} | undefined {
		const c = this.peek();
		let q: {min: number; max: number} | undefined;
		if (c === '*') q = {min: 0, max: Infinity};
		else if (c === '+') q = {min: 1, max: Infinity};
		else if (c === '?') q = {min: 0, max: 1};
		if (q) {
			this.pos++;
		} else if (c === '{') {
			const braces = /\{(\d+)(?:(,)(\d*))?\}/y;
			braces.lastIndex = this.pos;
			const m = braces.exec(this.src);
			if (!m) return undefined; // a literal "{"
			const min = Number(m[1]);
			const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
			if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
				throw new Unsupported(`repetition counts above ${MAX_REPEAT} aren't supported`);
			}
			q = {min, max};
			this.pos += m[0].length;
		} else {
			return undefined;
		}
		if (this.peek() === '?') this.pos++; // lazy: same set of matches
		return q;
	}

	private parseAtom(): Node {
		const c = this.peek();
		switch (c) {
			case '^':
				this.pos++;
				return {t: 'assert', kind: 'start'};
			case '$':
				this.pos++;
				return {t: 'assert', kind: 'end'};
			case '.':
				this.pos++;
				return {t: 'char', pred: isDot};
			case '(':
				return this.parseGroup();
			case '[':
				return this.parseClass();
			case '\\':
				return this.parseEscape();
			case '*':
			case '+':
			case '?':
				throw new Unsupported('nothing to repeat');
			default: {
				const cp = this.src.codePointAt(this.pos)!;
				this.pos += cp > 0xffff ? 2 : 1;
				return this.literal(cp);
			}
		}
	}

	private literal(cp: number): Node {
		if (!this.icase) return {t: 'char', pred: x => x === cp};
		const [lower, upper] = caseVariants(cp);
		// As in JavaScript without the u flag, case folding never maps between ASCII and non-ASCII.
		if (cp < 0x80) return {t: 'char', pred: x => x === lower || x === upper};
		return {
			t: 'char',
			pred: x => {
				if (x === cp || x === lower || x === upper) return true;
				if (x < 0x80) return false;
				const [l, u] = caseVariants(x);
				return l === lower || u === upper;
			},
		};
	}

	private parseGroup(): Node {
		this.pos++; // (
		if (this.peek() === '?') {
			const next = this.peek(1);
			if (next === ':') {
				this.pos += 2;
			} else if (next === '=' || next === '!' || (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!'))) {
				throw new Unsupported("lookahead and lookbehind aren't supported");
			} else if (next === '<') {
				const close = this.src.indexOf('>', this.pos);
				if (close === -1) throw new Unsupported('unterminated group name');
				this.pos = close + 1;
			} else {
				throw new Unsupported(`"(?${next}" isn't supported`);
			}
		}
		const node = this.parseAlt();
		if (this.peek() !== ')') throw new Unsupported('unterminated group');
		this.pos++;
		return node;
	}

	private parseEscape(): Node {
		this.pos++; // backslash
		const c = this.peek();
		switch (c) {
			case 'b':
				this.pos++;
				return {t: 'assert', kind: 'word'};
			case 'B':
				this.pos++;
				return {t: 'assert', kind: 'nonword'};
			case 'k':
				if (this.peek(1) === '<') throw new Unsupported("backreferences (\\k<name>) aren't supported");
				break;
			default:
				if (c >= '1' && c <= '9') throw new Unsupported("backreferences (\\1 … \\9) aren't supported");
		}
		const item = this.escapeItem(false);
		return 'pred' in item ? {t: 'char', pred: classPred(item.pred, false, false)} : this.literal(item.cp);
	}

	/** An escape after its backslash, as a single character or a class; `inClass` selects `\b` = backspace. */
	private escapeItem(inClass: boolean): ClassItem {
		const c = this.peek();
		if (c === '') throw new Unsupported('"\\" at end of pattern');
		this.pos++;
		switch (c) {
			case 'd':
				return {pred: isDigit};
			case 'D':
				return {pred: cp => !isDigit(cp)};
			case 'w':
				return {pred: isWordChar};
			case 'W':
				return {pred: cp => !isWordChar(cp)};
			case 's':
				return {pred: isSpace};
			case 'S':
				return {pred: cp => !isSpace(cp)};
			case 't':
				return {cp: 0x09};
			case 'n':
				return {cp: 0x0a};
			case 'r':
				return {cp: 0x0d};
			case 'v':
				return {cp: 0x0b};
			case 'f':
				return {cp: 0x0c};
			case 'b':
				return {cp: inClass ? 0x08 : 0x62};
			case 'c': {
				const letter = this.peek();
				if (/^[A-Za-z]$/.test(letter)) {
					this.pos++;
					return {cp: letter.charCodeAt(0) % 32};
				}
				this.pos--; // Annex B: "\c" not followed by a letter is a literal backslash
				return {cp: 0x5c};
			}
			case 'x': {
				const hex = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos, this.pos + 2));
				if (!hex) return {cp: 0x78};
				this.pos += 2;
				return {cp: parseInt(hex[0], 16)};
			}
			case 'u': {
				const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.pos, this.pos + 8));
				if (braced && parseInt(braced[1], 16) <= 0x10ffff) {
					this.pos += braced[0].length;
					return {cp: parseInt(braced[1], 16)};
				}
				const hex = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos, this.pos + 4));
				if (!hex) return {cp: 0x75};
				this.pos += 4;
				return {cp: parseInt(hex[0], 16)};
			}
			case '0': {
				// \0 is NUL; Annex B reads following octal digits as an octal escape.
				const oct = /^[0-7]{0,2}/.exec(this.src.slice(this.pos, this.pos + 2))![0];
				this.pos += oct.length;
				return {cp: oct === '' ? 0 : parseInt(oct, 8)};
			}
			default: {
				if (inClass && c >= '1' && c <= '7') {
					const oct = /^[0-7]{0,2}/.exec(this.src.slice(this.pos, this.pos + 2))![0];
					const value = parseInt(c + oct, 8);
					if (value <= 0o377) {
						this.pos += oct.length;
						return {cp: value};
					}
					return {cp: parseInt(c, 8)};
				}
				this.pos--;
				const cp = this.src.codePointAt(this.pos)!;
				this.pos += cp > 0xffff ? 2 : 1;
				return {cp}; // identity escape: \. \/ \\ \- ...
			}
		}
	}

	private classItem(): ClassItem {
		if (this.peek() === '\\') {
			this.pos++;
			return this.escapeItem(true);
		}
		const cp = this.src.codePointAt(this.pos)!;
		this.pos += cp > 0xffff ? 2 : 1;
		return {cp};
	}

	private parseClass(): Node {
		this.pos++; // [
		let negate = false;
		if (this.peek() === '^') {
			negate = true;
			this.pos++;
		}
		const ranges: number[] = [];
		const preds: Pred[] = [];
		while (this.peek() !== ']') {
			if (this.pos >= this.src.length) throw new Unsupported('unterminated character class');
			const first = this.classItem();
			if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
				const save = this.pos;
				this.pos++;
				const second = this.classItem();
				if ('cp' in first && 'cp' in second) {
					ranges.push(first.cp, second.cp);
					continue;
				}
				// Annex B: a class escape at either end makes "-" literal.
				this.pos = save;
			}
			if ('cp' in first) ranges.push(first.cp, first.cp);
			else preds.push(first.pred);
		}
		this.pos++; // ]
		const member: Pred = cp => {
			for (let i = 0; i < ranges.length; i += 2) if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
			for (const p of preds) if (p(cp)) return true;
			return false;
		};
		return {t: 'char', pred: classPred(member, this.icase, negate)};
	}
}

// ---------------------------------------------------------------------------------------
// Compiling and running

const OP_CHAR = 0;
const OP_SPLIT = 1;
const OP_JMP = 2;
const OP_ASSERT = 3;
const OP_MATCH = 4;

interface Program {
	op: Uint8Array;
	x: Int32Array;
	y: Int32Array;
	preds: Array<Pred | undefined>;
	asserts: Array<AssertKind | undefined>;
	size: number;
	/**
	 * Tests for the characters a match can start with, used to skip ahead while no thread is
	 * alive; undefined when the pattern can match the empty string (no skipping then).
	 */
	firstPreds: Pred[] | undefined;
	/** Scratch space reused by every search (matching is synchronous, never re-entrant). */
	scratch: Scratch;
}

interface Scratch {
	cPc: Int32Array;
	cStart: Int32Array;
	nPc: Int32Array;
	nStart: Int32Array;
	/** Generation in which each instruction was last added, to add it once per step. */
	mark: Int32Array;
	stack: Int32Array;
	generation: number;
}

function compile(ast: Node): Program {
	const op: number[] = [];
	const x: number[] = [];
	const y: number[] = [];
	const preds: Array<Pred | undefined> = [];
	const asserts: Array<AssertKind | undefined> = [];
	const emit = (code: number, a = 0, b = 0, pred?: Pred, kind?: AssertKind): number => {
		if (op.length >= MAX_PROGRAM) throw new Unsupported('the pattern is too large');
		op.push(code);
		x.push(a);
		y.push(b);
		preds.push(pred);
		asserts.push(kind);
		return op.length - 1;
	};
	const gen = (node: Node): void => {
		switch (node.t) {
			case 'empty':
				return;
			case 'char':
				emit(OP_CHAR, 0, 0, node.pred);
				return;
			case 'assert':
				emit(OP_ASSERT, 0, 0, undefined, node.kind);
				return;
			case 'seq':
				for (const item of node.items) gen(item);
				return;
			case 'alt': {
				const jumps: number[] = [];
				for (let i = 0; i < node.items.length; i++) {
					if (i < node.items.length - 1) {
						const split = emit(OP_SPLIT);
						x[split] = op.length;
						gen(node.items[i]);
						jumps.push(emit(OP_JMP));
						y[split] = op.length;
					} else {
						gen(node.items[i]);
					}
				}
				for (const j of jumps) x[j] = op.length;
				return;
			}
			case 'repeat': {
				for (let i = 0; i < node.min; i++) gen(node.node);
				if (node.max === Infinity) {
					const split = emit(OP_SPLIT);
					x[split] = op.length;
					gen(node.node);
					emit(OP_JMP, split);
					y[split] = op.length;
				} else {
					const splits: number[] = [];
					for (let i = node.min; i < node.max; i++) {
						const split = emit(OP_SPLIT);
						x[split] = op.length;
						splits.push(split);
						gen(node.node);
					}
					for (const s of splits) y[s] = op.length;
				}
				return;
			}
		}
	};
	gen(ast);
	emit(OP_MATCH);
	return {
		firstPreds: firstCharPreds(op, x, y, preds),
		op: Uint8Array.from(op),
		x: Int32Array.from(x),
		y: Int32Array.from(y),
		preds,
		asserts,
		size: op.length,
		scratch: {
			cPc: new Int32Array(op.length),
			cStart: new Int32Array(op.length),
			nPc: new Int32Array(op.length),
			nStart: new Int32Array(op.length),
			mark: new Int32Array(op.length).fill(-1),
			stack: new Int32Array(2 * op.length + 2),
			generation: 0,
		},
	};
}

/** The CHAR tests reachable from the start without input (asserts assumed to hold); undefined if MATCH is. */
function firstCharPreds(op: number[], x: number[], y: number[], preds: Array<Pred | undefined>): Pred[] | undefined {
	const seen = new Set<number>();
	const stack = [0];
	const out: Pred[] = [];
	while (stack.length > 0) {
		const pc = stack.pop()!;
		if (seen.has(pc)) continue;
		seen.add(pc);
		switch (op[pc]) {
			case OP_MATCH:
				return undefined;
			case OP_CHAR:
				out.push(preds[pc]!);
				break;
			case OP_JMP:
				stack.push(x[pc]);
				break;
			case OP_SPLIT:
				stack.push(x[pc], y[pc]);
				break;
			case OP_ASSERT:
				stack.push(pc + 1);
				break;
		}
	}
	return out;
}

/** First index ≥ `from` where one of `preds` accepts the code point, or -1. */
function skipTo(s: string, from: number, preds: Pred[]): number {
	for (let i = from; i < s.length; ) {
		const cp = s.codePointAt(i)!;
		for (const p of preds) if (p(cp)) return i;
		i += cp > 0xffff ? 2 : 1;
	}
	return -1;
}

function codePointBefore(s: string, i: number): number {
	if (i <= 0) return -1;
	const c = s.charCodeAt(i - 1);
	if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
		const h = s.charCodeAt(i - 2);
		if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
	}
	return c;
}

function assertHolds(kind: AssertKind, pos: number, length: number, prev: number, next: number): boolean {
	switch (kind) {
		case 'start':
			return pos === 0;
		case 'end':
			return pos === length;
		case 'word':
			return (prev >= 0 && isWordChar(prev)) !== (next >= 0 && isWordChar(next));
		case 'nonword':
			return (prev >= 0 && isWordChar(prev)) === (next >= 0 && isWordChar(next));
	}
}

/**
 * Runs the program over `s` from `from`. With `firstOnly`, returns [−1, −1] at the first
 * match found (for `test`); otherwise the leftmost-longest match as [start, end). Breadth-first:
 * each position is visited once with at most `size` threads, so the time is
 * O((s.length − from) × size) whatever the pattern.
 */
function search(
	prog: Program,
	s: string,
	from: number,
	firstOnly: boolean,
	budget?: {left: number},
): [number, number] | undefined {
	const {op, x, y, preds, asserts, scratch} = prog;
	const {mark, stack} = scratch;
	const length = s.length;
	let {cPc, cStart, nPc, nStart} = scratch;
	let cLen = 0;
	let nLen = 0;
	if (scratch.generation > 0x3fff0000 - 2 * length) {
		mark.fill(-1);
		scratch.generation = 0;
	}
	let generation = ++scratch.generation;
	let bestStart = -1;
	let bestEnd = -1;
	let done = false;

	// Adds the thread at `pc0` (and everything reachable without consuming input) to the next list.
	const add = (pc0: number, start: number, pos: number, prev: number, next: number): void => {
		let sp = 0;
		stack[sp++] = pc0;
		while (sp > 0) {
			const pc = stack[--sp];
			if (mark[pc] === generation) continue;
			mark[pc] = generation;
			switch (op[pc]) {
				case OP_JMP:
					stack[sp++] = x[pc];
					break;
				case OP_SPLIT:
					stack[sp++] = y[pc];
					stack[sp++] = x[pc];
					break;
				case OP_ASSERT:
					if (assertHolds(asserts[pc]!, pos, length, prev, next)) stack[sp++] = pc + 1;
					break;
				case OP_MATCH:
					if (bestStart === -1 || start < bestStart || (start === bestStart && pos > bestEnd)) {
						bestStart = start;
						bestEnd = pos;
					}
					if (firstOnly) done = true;
					break;
				default:
					nPc[nLen] = pc;
					nStart[nLen] = start;
					nLen++;
			}
		}
	};

	const {firstPreds} = prog;
	let pos = from;
	if (firstPreds) {
		pos = skipTo(s, from, firstPreds);
		if (pos === -1) return undefined;
	}
	let cur = pos < length ? s.codePointAt(pos)! : -1;
	add(0, pos, pos, codePointBefore(s, pos), cur);
	for (;;) {
		if (done) break;
		const swapPc = cPc;
		cPc = nPc;
		nPc = swapPc;
		const swapStart = cStart;
		cStart = nStart;
		nStart = swapStart;
		cLen = nLen;
		nLen = 0;
		if (cLen === 0 && bestStart !== -1) break;
		if (pos >= length) break;
		if (budget && (budget.left -= cLen + 1) < 0) {
			scratch.generation = generation;
			return undefined;
		}
		const nextPos = pos + (cur > 0xffff ? 2 : 1);
		const after = nextPos < length ? s.codePointAt(nextPos)! : -1;
		generation++;
		for (let t = 0; t < cLen; t++) {
			const start = cStart[t];
			if (bestStart !== -1 && start > bestStart) break; // threads are in start order
			const pc = cPc[t];
			if (preds[pc]!(cur)) add(pc + 1, start, nextPos, cur, after);
			if (done) break;
		}
		if (done) break;
		if (bestStart !== -1) {
			pos = nextPos;
			cur = after;
		} else if (nLen === 0 && firstPreds) {
			// Nothing alive: jump to the next character a match can start with.
			const q = skipTo(s, nextPos, firstPreds);
			if (q === -1) break;
			pos = q;
			cur = s.codePointAt(q)!;
			generation++; // the failed threads above may have marked instructions in this generation
			add(0, q, q, codePointBefore(s, q), cur);
		} else {
			add(0, nextPos, nextPos, cur, after);
			pos = nextPos;
			cur = after;
		}
	}
	scratch.generation = generation;
	if (done) return [-1, -1];
	return bestStart === -1 ? undefined : [bestStart, bestEnd];
}
