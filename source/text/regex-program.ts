/**
 * Compiles a syntax tree (regex-parser.ts) to the instructions regex-vm.ts runs: a Thompson
 * NFA as a program of CHAR, SPLIT, JMP, ASSERT and MATCH instructions.
 *
 * The program's size bounds the work per character of input: the VM keeps at most one thread
 * per instruction, so one character costs at most about twice the size. MAX_PROGRAM is chosen
 * so that one character's work, which cannot be split, is tiny next to a search slice, and so
 * a whole screen of long lines can be searched in the background in reasonable time; a larger
 * pattern is refused before anything is built ("pattern too large (N states; at most M)").
 */
import type {Pred} from './regex-chars.js';
import {Unsupported, type AssertKind, type Node} from './regex-parser.js';

/**
 * Largest compiled program accepted, in instructions ("states"). One character of input costs
 * at most about 1.5–2 × this in VM steps, ~15–20 ns each (bench/micro/matcher.mjs): at 1,000
 * states the worst pattern costs ~4 ms on a 200-character line and ~45 ms on a 2,049-character
 * one (searched in slices), and the one step that cannot be split is ~0.04 ms. Everyday
 * patterns are far smaller (`[0-9a-f]{64}` is 65); `/(.?){1000}x/` (2,002) and
 * `/(a{0,1000}){9}b/` (18,002) are refused.
 */
export const MAX_PROGRAM = 1_000;

export const OP_CHAR = 0;
export const OP_SPLIT = 1;
export const OP_JMP = 2;
export const OP_ASSERT = 3;
export const OP_MATCH = 4;

export interface Program {
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
}

/** Instructions `node` compiles to (a float: counts can be astronomically large). */
export function programSize(node: Node): number {
	switch (node.t) {
		case 'empty':
			return 0;
		case 'char':
		case 'assert':
			return 1;
		case 'seq':
			return node.items.reduce((sum, item) => sum + programSize(item), 0);
		case 'alt':
			return node.items.reduce((sum, item) => sum + programSize(item), 0) + 2 * (node.items.length - 1);
		case 'repeat': {
			const inner = programSize(node.node);
			return node.min * inner + (node.max === Infinity ? inner + 2 : (node.max - node.min) * (inner + 1));
		}
	}
}

/** The program for `ast`; throws Unsupported when it would exceed `limit` instructions. */
export function compile(ast: Node, limit = MAX_PROGRAM): Program {
	const size = programSize(ast) + 1;
	if (size > limit) throw new Unsupported(`pattern too large (${size > 1e9 ? 'over a billion' : size.toLocaleString('en-US')} states; at most ${limit.toLocaleString('en-US')})`);
	const op: number[] = [];
	const x: number[] = [];
	const y: number[] = [];
	const preds: Array<Pred | undefined> = [];
	const asserts: Array<AssertKind | undefined> = [];
	const emit = (code: number, a = 0, b = 0, pred?: Pred, kind?: AssertKind): number => {
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
