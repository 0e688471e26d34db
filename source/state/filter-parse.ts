/**
 * The `/` filter of a list, parsed once for every kind: Docker's filter words (`status=running`,
 * `label=KEY=VALUE`, `dangling=true`, …) beside free text, separated by spaces; every word must
 * hold. A word is one of the kind's filter words when its name (before the first `=`) is; other
 * text is free text, looked for in the row's text or taken as an id prefix. A filter word the
 * kind does not take, or one with a value it cannot use, is left out and says why (shown in the
 * filter line). Pure.
 */
import type {FilterWord, Kind} from '../kinds/kind.js';

export interface ParsedFilter<Row> {
	words: Array<{word: FilterWord<Row>; value: string}>;
	/** Free text, one entry per word, lower-cased. */
	free: string[];
	/** Why a word was left out (the first such word). */
	error?: string;
}

/**
 * Parses `text` for `kind`. `others` names, for each filter word of any kind, the kinds that take
 * it: `dangling=true` typed in the containers pane says which list it filters.
 */
export function parseFilter<Row>(text: string, kind: Pick<Kind<Row>, 'words' | 'nouns'>, others: ReadonlyMap<string, readonly string[]> = new Map()): ParsedFilter<Row> {
	const parsed: ParsedFilter<Row> = {words: [], free: []};
	const refuse = (why: string) => {
		parsed.error ??= why;
	};
	for (const token of text.split(/\s+/)) {
		if (token === '') continue;
		const at = token.indexOf('=');
		const name = at > 0 ? token.slice(0, at).toLowerCase() : undefined;
		const word = name === undefined ? undefined : kind.words?.find(w => w.name === name);
		if (name !== undefined && !word && others.has(name)) {
			refuse(`${name}= filters ${others.get(name)!.join(', ')}, not ${kind.nouns}`);
			continue;
		}
		if (!word) {
			parsed.free.push(token.toLowerCase());
			continue;
		}
		const raw = token.slice(at + 1);
		const value = word.values ? raw.toLowerCase() : raw;
		if (word.values && !word.values.includes(value)) {
			refuse(value === '' ? `${name}= needs a value: ${word.values.join(', ')}` : `${name}=${raw}: ${name} is one of ${word.values.join(', ')}`);
			continue;
		}
		const problem = word.check?.(value);
		if (problem) {
			refuse(problem);
			continue;
		}
		parsed.words.push({word, value});
	}
	return parsed;
}

/** Whether an id (with or without `sha256:`) starts with what was typed, as the CLI takes short ids. */
function idStarts(id: string, typed: string): boolean {
	return /^[0-9a-f]+$/.test(typed) && id.replace('sha256:', '').startsWith(typed);
}

/** The rows a parsed filter keeps (all of them when it is empty), in their order. */
export function filterRows<Row>(rows: readonly Row[], kind: Pick<Kind<Row>, 'text' | 'idPrefix'>, parsed: ParsedFilter<Row>): readonly Row[] {
	if (parsed.words.length === 0 && parsed.free.length === 0) return rows;
	return rows.filter(row => {
		for (const {word, value} of parsed.words) if (!word.matches(row, value)) return false;
		if (parsed.free.length === 0) return true;
		const text = kind.text(row).toLowerCase();
		const id = kind.idPrefix?.(row);
		return parsed.free.every(free => text.includes(free) || (id !== undefined && idStarts(id, free)));
	});
}
