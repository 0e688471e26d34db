/**
 * Character tests for the regular expression engine (regex-parser.ts, regex-vm.ts): the
 * classes `\d \w \s .`, and case folding as JavaScript does it without the `u` flag.
 */

/** A test on one code point. */
export type Pred = (cp: number) => boolean;

export const isDigit: Pred = cp => cp >= 0x30 && cp <= 0x39;
export const isWordChar: Pred = cp => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || isDigit(cp) || cp === 0x5f;
export const isSpace: Pred = cp =>
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
export const isDot: Pred = cp => cp !== 0x0a && cp !== 0x0d && cp !== 0x2028 && cp !== 0x2029;

const caseCache = new Map<number, [number, number]>();

/** [lowercase, uppercase] of a code point, itself where the mapping is not one code point. */
export function caseVariants(cp: number): [number, number] {
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
export function classPred(member: Pred, icase: boolean, negate: boolean): Pred {
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

