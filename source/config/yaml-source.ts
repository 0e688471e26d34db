/**
 * A config file's text as YAML, with positions: its value, the errors that kept it from being
 * read, and where each key and value of it is (line and column, 1-based) for the messages.
 */
import {isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node} from 'yaml';
import type {PositionIndex} from './positions.js';

export interface YamlSource {
	/** The document as plain data (null for an empty file); undefined when it could not be read. */
	value: unknown;
	/** Why it could not be read, each where the reader stopped. */
	errors: Array<{line: number; column: number; message: string}>;
	positions: PositionIndex;
}

/** Aliases a file may expand (a "billion laughs" file is refused, not expanded). */
const maxAliasCount = 100;

export function readYaml(text: string): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const at = (offset: number): [number, number] => {
		const {line, col} = lineCounter.linePos(offset);
		return [line, col];
	};
	const errors = doc.errors.map(error => {
		const [line, column] = at(error.pos[0]);
		return {line, column, message: error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')};
	});
	let value: unknown;
	if (errors.length === 0) {
		try {
			value = doc.toJS({maxAliasCount});
		} catch (error) {
			errors.push({line: 1, column: 1, message: error instanceof Error ? error.message : String(error)});
		}
	}
	const positions: PositionIndex = {};
	const walk = (node: unknown, path: Array<string | number>, keyNode?: Node) => {
		const range = (node as Node | undefined)?.range;
		const place = range ? at(range[0]) : undefined;
		const keyRange = keyNode?.range;
		if (place) positions[JSON.stringify(path)] = keyRange ? [...place, ...at(keyRange[0])] : place;
		else if (keyRange) positions[JSON.stringify(path)] = at(keyRange[0]);
		if (isMap(node)) {
			for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)], pair.key as Node);
		} else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
	};
	if (errors.length === 0) walk(doc.contents, []);
	return {value, errors, positions};
}
