/**
 * Parses the regular expressions berth accepts (see matcher.ts) into a syntax tree for
 * regex-program.ts. The syntax has been checked by `new RegExp` first; what is refused here
 * (backreferences, lookaround, counts above MAX_REPEAT) throws `Unsupported` with the reason.
 */
import {caseVariants, classPred, isDigit, isDot, isSpace, isWordChar, type Pred} from './regex-chars.js';

/** Largest `{n,m}` count accepted. */
export const MAX_REPEAT = 1000;

/** A pattern berth cannot run, with the reason. */
export class Unsupported extends Error {}

export type AssertKind = 'start' | 'end' | 'word' | 'nonword';

export type Node =
	| {t: 'char'; pred: Pred}
	| {t: 'empty'}
	| {t: 'seq'; items: Node[]}
	| {t: 'alt'; items: Node[]}
	| {t: 'repeat'; node: Node; min: number; max: number}
	| {t: 'assert'; kind: AssertKind};

type ClassItem = {cp: number} | {pred: Pred};

/** The syntax tree of `source` (a pattern without its slashes); `icase` for the `i` flag. */
export function parseRegex(source: string, icase: boolean): Node {
	return new Parser(source, icase).parse();
}

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
