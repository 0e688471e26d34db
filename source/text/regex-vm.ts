/**
 * Runs a compiled program (regex-program.ts) over a string breadth-first, as a Pike VM: every
 * position is visited once with at most one thread per instruction, so a search costs
 * O(length × program size) whatever the pattern, and never backtracks.
 *
 * A search can be stopped and resumed: `step(budget)` does at most about `budget.left` units
 * of work (one unit per thread stepped or instruction followed; the one character in progress
 * may overrun by up to twice the program size) and returns false when the budget ran out
 * first. The state lives in the Vm object, so the caller can yield to the event loop and go
 * on later; this is what keeps a search over a long log from freezing berth.
 */
import {isWordChar} from './regex-chars.js';
import type {AssertKind} from './regex-parser.js';
import {OP_ASSERT, OP_JMP, OP_MATCH, OP_SPLIT, type Program} from './regex-program.js';

/** Work allowed; `step` takes from `left`. */
export interface Budget {
	left: number;
}

const SKIP = 0;
const RUN = 1;
const DONE = 2;

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

/** One search at a time over a program; reuse it for the next (its arrays are kept). */
export class Vm {
	/** After a finished search: [start, end) of the leftmost-longest match, [-1, -1] for "found" in first-only mode, or undefined. */
	match: [number, number] | undefined;
	private cPc: Int32Array;
	private cStart: Int32Array;
	private nPc: Int32Array;
	private nStart: Int32Array;
	private nLen = 0;
	/** Generation in which each instruction was last added, to add it once per position. */
	private readonly mark: Int32Array;
	private readonly stack: Int32Array;
	private generation = 0;
	private s = '';
	private pos = 0;
	private cur = -1;
	private phase = DONE;
	private firstOnly = false;
	private bestStart = -1;
	private bestEnd = -1;
	private found = false;
	/** Work done by `add` since the last budget check. */
	private work = 0;
	private readonly op: Uint8Array;
	private readonly x: Int32Array;
	private readonly y: Int32Array;
	private readonly asserts: Program['asserts'];

	constructor(private readonly prog: Program) {
		const n = prog.size;
		this.op = prog.op;
		this.x = prog.x;
		this.y = prog.y;
		this.asserts = prog.asserts;
		this.cPc = new Int32Array(n);
		this.cStart = new Int32Array(n);
		this.nPc = new Int32Array(n);
		this.nStart = new Int32Array(n);
		this.mark = new Int32Array(n).fill(-1);
		this.stack = new Int32Array(2 * n + 2);
	}

	/** Starts a search of `s` from index `from`; `firstOnly` stops at the first match found (for a yes/no test). */
	begin(s: string, from: number, firstOnly: boolean): void {
		if (this.generation > 0x3fff0000 - 2 * s.length) {
			this.mark.fill(-1);
			this.generation = 0;
		}
		this.s = s;
		this.pos = from;
		this.firstOnly = firstOnly;
		this.bestStart = -1;
		this.bestEnd = -1;
		this.found = false;
		this.match = undefined;
		this.nLen = 0;
		this.phase = SKIP;
	}

	/** Goes on with the search; true once it has finished (see `match`), false when `budget` ran out first. */
	step(budget: Budget): boolean {
		const {preds, firstPreds} = this.prog;
		const s = this.s;
		const length = s.length;
		let left = budget.left;
		while (this.phase !== DONE) {
			if (left <= 0) {
				budget.left = left;
				return false;
			}
			if (this.phase === SKIP) {
				// Nothing alive: find the next position a match can start at (everywhere if the
				// pattern can match the empty string).
				let pos = this.pos;
				if (firstPreds) {
					const cost = firstPreds.length;
					let hit = false;
					while (!hit && pos < length && left > 0) {
						const cp = s.codePointAt(pos)!;
						left -= cost;
						for (let i = 0; i < cost; i++) {
							if (firstPreds[i]!(cp)) {
								hit = true;
								break;
							}
						}
						if (!hit) pos += cp > 0xffff ? 2 : 1;
					}
					this.pos = pos;
					if (!hit) {
						if (pos >= length) return this.finish(budget, left);
						continue; // out of budget: resume the skip later
					}
				}
				this.cur = pos < length ? s.codePointAt(pos)! : -1;
				this.generation++;
				this.add(0, pos, pos, codePointBefore(s, pos), this.cur);
				this.phase = RUN;
				left -= this.work;
				this.work = 0;
				continue;
			}
			// RUN: the threads in the next list are at `pos`; step them over the character there.
			if (this.found) return this.finish(budget, left);
			const cPc = this.nPc;
			const cStart = this.nStart;
			this.nPc = this.cPc;
			this.nStart = this.cStart;
			this.cPc = cPc;
			this.cStart = cStart;
			const cLen = this.nLen;
			this.nLen = 0;
			if (cLen === 0 && this.bestStart !== -1) return this.finish(budget, left);
			const pos = this.pos;
			if (pos >= length) return this.finish(budget, left);
			const cur = this.cur;
			const nextPos = pos + (cur > 0xffff ? 2 : 1);
			const after = nextPos < length ? s.codePointAt(nextPos)! : -1;
			this.generation++;
			left -= cLen + 1;
			for (let t = 0; t < cLen; t++) {
				const start = cStart[t];
				if (this.bestStart !== -1 && start > this.bestStart) break; // threads are in start order
				const pc = cPc[t];
				if (preds[pc]!(cur)) this.add(pc + 1, start, nextPos, cur, after);
				if (this.found) break;
			}
			left -= this.work;
			this.work = 0;
			if (this.found) continue;
			this.pos = nextPos;
			this.cur = after;
			if (this.bestStart === -1) {
				if (this.nLen === 0 && firstPreds) this.phase = SKIP;
				else {
					this.add(0, nextPos, nextPos, cur, after);
					left -= this.work;
					this.work = 0;
				}
			}
		}
		budget.left = left;
		return true;
	}

	private finish(budget: Budget, left: number): true {
		this.phase = DONE;
		if (this.found) this.match = [-1, -1];
		else this.match = this.bestStart === -1 ? undefined : [this.bestStart, this.bestEnd];
		this.s = '';
		budget.left = left;
		return true;
	}

	/** Adds the thread at `pc0` and everything reachable from it without input to the next list. */
	private add(pc0: number, start: number, pos: number, prev: number, next: number): void {
		const {op, x, y, mark, stack, nPc, nStart} = this;
		const generation = this.generation;
		let sp = 0;
		let work = 0;
		stack[sp++] = pc0;
		while (sp > 0) {
			const pc = stack[--sp];
			if (mark[pc] === generation) continue;
			mark[pc] = generation;
			work++;
			switch (op[pc]) {
				case OP_JMP:
					stack[sp++] = x[pc];
					break;
				case OP_SPLIT:
					stack[sp++] = y[pc];
					stack[sp++] = x[pc];
					break;
				case OP_ASSERT:
					if (assertHolds(this.asserts[pc]!, pos, this.s.length, prev, next)) stack[sp++] = pc + 1;
					break;
				case OP_MATCH:
					if (this.bestStart === -1 || start < this.bestStart || (start === this.bestStart && pos > this.bestEnd)) {
						this.bestStart = start;
						this.bestEnd = pos;
					}
					if (this.firstOnly) this.found = true;
					break;
				default:
					nPc[this.nLen] = pc;
					nStart[this.nLen] = start;
					this.nLen++;
			}
		}
		this.work += work;
	}
}

/** Runs a whole search at once (no budget): the match as `Vm.match` describes it. */
export function searchAll(vm: Vm, s: string, from: number, firstOnly: boolean): [number, number] | undefined {
	vm.begin(s, from, firstOnly);
	vm.step({left: Infinity});
	return vm.match;
}

