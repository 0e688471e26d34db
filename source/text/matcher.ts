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
 * MAX_PROGRAM instructions, see regex-program.ts). `^` and `$` match at the start and end of
 * the tested text only.
 *
 * `ranges` reports leftmost-longest matches (POSIX style) rather than JavaScript's
 * leftmost-first; for highlighting the difference does not matter. Offsets are UTF-16
 * indices into the string tested: match against the text as it is displayed (after
 * `sanitizeLine`) so ranges line up with what is drawn.
 *
 * Work is bounded, not only linear: `scanner()` tests a line in resumable slices (log-search.ts
 * searches a whole log that way, yielding between slices), and `ranges` stops at a budget.
 *
 * Why berth keeps its own engine rather than re2js (measured, bench/micro/matcher.mjs): re2js
 * is a maintained linear-time port of RE2 and on typical log patterns 2–10× faster (its DFA),
 * but a call cannot be interrupted, and where its DFA gives up it falls back to an NFA whose
 * cost on one long line is large: `/a.{999}c/` or `/a[ab]{200}c/` on one 32 KB line took
 * 0.4–2.2 s in a single call (runs on a shared, loaded machine). Keeping every key press under 50 ms needs a search that can stop
 * mid-line, which a Pike VM does naturally (its whole state is two thread lists). re2js would
 * also add 260 KB to the bundle and ~30 ms to load. The parser, compiler and VM are split into
 * regex-parser.ts, regex-program.ts and regex-vm.ts.
 */
import {compile, MAX_PROGRAM, type Program} from './regex-program.js';
import {parseRegex, Unsupported} from './regex-parser.js';
import {searchAll, Vm, type Budget} from './regex-vm.js';

export {MAX_PROGRAM} from './regex-program.js';
export type {Budget} from './regex-vm.js';



/** A compiled filter. */
export interface Matcher {
	ok: true;
	/** How the pattern is interpreted. */
	kind: 'substring' | 'regex';
	/** The pattern as given. */
	pattern: string;
	/** Whether the text contains a match, in one go (linear time). An empty pattern matches everything. */
	test(s: string): boolean;
	/**
	 * Non-empty, non-overlapping matches as [start, end) UTF-16 offsets, in order, at most
	 * `MAX_RANGES`, and those found before `budget` ran out (default: RANGES_BUDGET for this
	 * call; pass one budget to several calls to bound them together). An empty pattern gives
	 * none. For highlighting; use `test` or a scanner to decide whether a line matches.
	 */
	ranges(s: string, budget?: Budget): Array<[number, number]>;
	/** A yes/no test that can stop when its budget runs out and go on later (see LineScanner). */
	scanner(): LineScanner;
}

/** Tests one line at a time, in slices. */
export interface LineScanner {
	/** Starts testing `s` (abandoning any test in progress). */
	start(s: string): void;
	/** Goes on: whether `s` matches, or undefined when `budget.left` ran out first (call again). */
	resume(budget: Budget): boolean | undefined;
}

/** A pattern that cannot be used, with a one-line reason. */
export interface MatcherError {
	ok: false;
	error: string;
}

/** Most ranges `ranges()` returns for one string. */
export const MAX_RANGES = 256;
/**
 * Default work for one `ranges` call, in VM steps (~25 ns each, so about 5 ms). A pattern
 * whose matches are found early while other threads run on (e.g. `/(a*c)?/` on "aaaa…") makes
 * repeated searches quadratic; past the budget the ranges found so far are returned.
 */
export const RANGES_BUDGET = 200_000;

/** Work units charged for scanning `length` characters with a native (literal) search. */
export function literalCost(length: number): number {
	return 1 + (length >> 4);
}

/**
 * Compiles a filter pattern. Plain text → case-insensitive substring; `/re/` or `/re/i` →
 * linear-time regular expression (see the module comment). Returns `{ok: false, error}` for
 * an invalid regular expression ("invalid regular expression: …"), an unsupported one
 * ("unsupported regular expression: …") or one too large ("pattern too large (N states; at
 * most M)"). `maxProgram` overrides MAX_PROGRAM (tests).
 */
export function compileMatcher(pattern: string, options: {maxProgram?: number} = {}): Matcher | MatcherError {
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
		program = compile(parseRegex(body, flags === 'i'), options.maxProgram ?? MAX_PROGRAM);
	} catch (error) {
		if (error instanceof Unsupported) {
			return {ok: false, error: error.message.startsWith('pattern too large') ? error.message : `unsupported regular expression: ${error.message}`};
		}
		throw error;
	}
	let shared: Vm | undefined; // for test and ranges, which run synchronously
	const vm = () => (shared ??= new Vm(program));
	return {
		ok: true,
		kind: 'regex',
		pattern,
		test: (s: string) => searchAll(vm(), s, 0, true) !== undefined,
		ranges: (s: string, budget: Budget = {left: RANGES_BUDGET}) => {
			const out: Array<[number, number]> = [];
			const machine = vm();
			let from = 0;
			while (from <= s.length && out.length < MAX_RANGES && budget.left > 0) {
				machine.begin(s, from, false);
				if (!machine.step(budget)) break;
				const m = machine.match;
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
		scanner: () => {
			const machine = new Vm(program);
			return {
				start: (s: string) => machine.begin(s, 0, true),
				resume: (budget: Budget) => (machine.step(budget) ? machine.match !== undefined : undefined),
			};
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
	const scanner = (test: (s: string) => boolean): LineScanner => {
		let text = '';
		return {
			start: (s: string) => {
				text = s;
			},
			resume: (budget: Budget) => {
				budget.left -= literalCost(text.length);
				return test(text);
			},
		};
	};
	if (pattern === '') return {ok: true, kind: 'substring', pattern, test: () => true, ranges: () => [], scanner: () => scanner(() => true)};
	// A literal (escaped) pattern cannot backtrack; `i` folds case without changing offsets.
	const escaped = pattern.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
	const once = new RegExp(escaped, 'i');
	const all = new RegExp(escaped, 'gi');
	const test = (s: string) => once.test(s);
	return {
		ok: true,
		kind: 'substring',
		pattern,
		test,
		ranges: (s: string, budget?: Budget) => {
			if (budget) budget.left -= literalCost(s.length);
			const out: Array<[number, number]> = [];
			all.lastIndex = 0;
			let m: RegExpExecArray | null;
			while (out.length < MAX_RANGES && (m = all.exec(s)) !== null) out.push([m.index, m.index + m[0].length]);
			return out;
		},
		scanner: () => scanner(test),
	};
}

function isPairAt(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	const d = s.charCodeAt(i + 1);
	return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}
