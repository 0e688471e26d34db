/**
 * The names keys have (decode-keys.ts gives them; the command registry and the config's `keys`
 * use them): one printable character as typed (`j`, `K`, `?`), or a named key.
 */

/** Keys with a name, as the decoder names them. */
export const namedKeys: readonly string[] = [
	'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'insert', 'delete',
	'tab', 'shift-tab', 'enter', 'escape', 'space', 'backspace',
	...Array.from({length: 12}, (_, i) => `f${i + 1}`),
	// Ctrl and a letter, but those the terminal sends as another key: Ctrl-H is Backspace,
	// Ctrl-I Tab, Ctrl-J and Ctrl-M Enter.
	...[...'abcdefgklnopqrstuvwxyz'].map(letter => `ctrl-${letter}`),
];

const named = new Set(namedKeys);

/**
 * One printable character: ASCII but space (`space`), or any character past the C1 controls
 * (one code point, so an emoji is one key).
 */
const printable = /^(?:[!-~]|[^\u0000-\u00a0])$/u;

export function isKeyName(name: string): boolean {
	return named.has(name) || printable.test(name);
}

/**
 * The same set as a JSON Schema pattern (for the config's schema, and so for editors): a
 * function key may be written `F2` as well (normalised by `normaliseKeyName`).
 */
export const keyNamePattern = `^(?:${[...namedKeys.filter(n => !/^f\d/.test(n)), '[fF](?:[1-9]|1[0-2])'].join('|')}|[!-~]|[^\\u0000-\\u00a0])$`;

/** The decoder's name for a key as a config may write it (`F2` → `f2`). */
export function normaliseKeyName(name: string): string {
	return /^F(?:[1-9]|1[0-2])$/.test(name) ? name.toLowerCase() : name;
}
