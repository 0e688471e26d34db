/**
 * Where each key and value of a config file is, as an index by path (kept with a cached
 * config, so that a problem found later can still be placed without reading the YAML again).
 */
import type {ConfigPath} from './config-types.js';

export interface Position {
	line: number;
	column: number;
}

/** By JSON path (`["keys","app.quit",1]`): the value's line and column, and its key's when it has one. */
export type PositionIndex = Record<string, [number, number] | [number, number, number, number]>;

/** Where a value is (`key`: where its key is), or its nearest enclosing value's place. */
export function locateIn(index: PositionIndex, path: ConfigPath, key = false): Position {
	for (let n = path.length; n >= 0; n--) {
		const at = index[JSON.stringify(path.slice(0, n))];
		if (!at) continue;
		if (key && n === path.length && at.length === 4) return {line: at[2], column: at[3]};
		return {line: at[0], column: at[1]};
	}
	return {line: 1, column: 1};
}
