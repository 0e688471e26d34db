/**
 * A config file's text as YAML, with positions: its value, the errors that kept it from being
 * read, and where any key or value of it is (line and column, 1-based) for the messages.
 */
import {isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node} from 'yaml';
import type {ConfigPath} from './config-types.js';

export interface Position {
	line: number;
	column: number;
}

export interface YamlSource {
	/** The document as plain data (null for an empty file); undefined when it could not be read. */
	value: unknown;
	/** Why it could not be read, each where the reader stopped. */
	errors: Array<Position & {message: string}>;
	/** Where a value is (`key`: where its key is, for a key that should not be there). */
	locate(path: ConfigPath, key?: boolean): Position;
}

/** Aliases a file may expand (a "billion laughs" file is refused, not expanded). */
const maxAliasCount = 100;

export function readYaml(text: string): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const at = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line, column: col};
	};
	const errors = doc.errors.map(error => ({...at(error.pos[0]), message: error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}));
	let value: unknown;
	if (errors.length === 0) {
		try {
			value = doc.toJS({maxAliasCount});
		} catch (error) {
			errors.push({line: 1, column: 1, message: error instanceof Error ? error.message : String(error)});
		}
	}
	const locate = (path: ConfigPath, key = false): Position => {
		let node: unknown = doc.contents;
		let found: Position = node && (node as Node).range ? at((node as Node).range![0]) : {line: 1, column: 1};
		for (const [i, step] of path.entries()) {
			const last = i === path.length - 1;
			if (isMap(node)) {
				const pair = node.items.find(item => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
				if (!pair) break;
				const keyNode = pair.key as Node;
				if (last && key) return keyNode.range ? at(keyNode.range[0]) : found;
				node = pair.value ?? keyNode;
			} else if (isSeq(node) && typeof step === 'number') {
				node = node.items[step];
			} else break;
			const range = (node as Node | undefined)?.range;
			if (!range) break;
			found = at(range[0]);
		}
		return found;
	};
	return {value, errors, locate};
}
