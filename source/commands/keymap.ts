/**
 * The keys in effect: each command's default keys (its registry entry), with the user's keys
 * (the config's `keys`) in their place. A key bound twice where it would be looked up (in one
 * scope, or the user's key of a command under a scope that binds it first and so hides it) is
 * a problem naming both commands, and both keep their defaults.
 */
import {isKeyName} from '../input/key-names.js';
import {keyLabel} from './key-labels.js';
import type {Command, Scope} from './types.js';

export interface Keymap {
	/** The keys of a command now. */
	keysOf(command: Command): readonly string[];
	/** The keys of a command by its id now (undefined: no such command). */
	keysOfId(id: string): readonly string[] | undefined;
	/** The command a key reaches in one scope. */
	at(scope: Scope, key: string): Command | undefined;
}

export interface KeyProblem {
	/** Where in the config: `['keys', id]`. */
	path: Array<string | number>;
	message: string;
}

/** The keymap of the registry's own keys. */
export function defaultKeymap(commands: readonly Command[]): Keymap {
	return buildKeymap(commands, {}, () => []).keymap;
}

/**
 * The keymap with the user's keys. `before(scope)`: the scopes looked up ahead of it wherever
 * it is (the focused pane before `global`, a view's own keys before `view`).
 */
export function buildKeymap(
	commands: readonly Command[],
	user: Readonly<Record<string, readonly string[]>>,
	before: (scope: Scope) => readonly Scope[],
): {keymap: Keymap; problems: KeyProblem[]} {
	const byId = new Map(commands.map(c => [c.id, c]));
	const problems: KeyProblem[] = [];
	const mine = new Map<string, readonly string[]>();
	for (const [id, keys] of Object.entries(user)) {
		const command = byId.get(id);
		if (!command) continue;
		const wrong = keys.find(key => !isKeyName(key) || (key === 'ctrl-c' && command.scope !== 'global' && command.scope !== 'unreachable') || (command.scope === 'prompt' && [...key].length === 1));
		if (wrong === undefined) {
			mine.set(id, keys);
			continue;
		}
		const why = !isKeyName(wrong)
			? `${JSON.stringify(wrong)} is not a key name`
			: wrong === 'ctrl-c'
				? 'ctrl-c quits from anywhere; it cannot be bound here'
				: `${wrong} types itself in prompts and forms; give ${id} a named key (ctrl-…, a function key, an arrow)`;
		problems.push({path: ['keys', id], message: `${why}; ${id} keeps ${shownKeys(command.keys)}`});
	}
	const keysOf = (command: Command) => mine.get(command.id) ?? command.keys;
	// Until nothing clashes: each clash of a user's key sends both commands back to their defaults
	// (which may clash with another user's key in turn).
	for (;;) {
		const owners = new Map<string, Command[]>();
		for (const command of commands) for (const key of keysOf(command)) owners.set(`${command.scope}\u0000${key}`, [...(owners.get(`${command.scope}\u0000${key}`) ?? []), command]);
		const clash = findClash(commands, mine, owners, before);
		if (!clash) break;
		const [a, b, key, hidden] = clash;
		const user = mine.has(a.id) ? a : b;
		const other = user === a ? b : a;
		mine.delete(a.id);
		mine.delete(b.id);
		const where = hidden ? `${other.id} has it in ${other.scope}, which comes first where ${user.id} works (${user.scope})` : `${other.id} has it too (${other.scope})`;
		problems.push({path: ['keys', user.id], message: `${key} is bound twice: ${where}; both keep their defaults (${user.id}: ${shownKeys(user.keys)}, ${other.id}: ${shownKeys(other.keys)})`});
	}
	const index = new Map<string, Command>();
	for (const command of commands) for (const key of keysOf(command)) index.set(`${command.scope}\u0000${key}`, command);
	const keysOfId = (id: string) => {
		const command = byId.get(id);
		return command ? keysOf(command) : undefined;
	};
	return {keymap: {keysOf, keysOfId, at: (scope, key) => index.get(`${scope}\u0000${key}`)}, problems};
}

/**
 * A command's key as a message names it ("p unpauses it"): its first key in effect, or its id
 * when the user left it without keys. `registryKey` is its own key (when no keymap is set).
 */
export function keyFor(state: {keymap?: Keymap}, id: string, registryKey: string): string {
	const keys = state.keymap?.keysOfId(id) ?? [registryKey];
	return keys[0] === undefined ? id : keyLabel(keys[0]);
}

function shownKeys(keys: readonly string[]): string {
	return keys.length ? keys.join(', ') : 'no key';
}

/** The first clash a user's key makes: the two commands, the key, and whether one hides the other. */
function findClash(
	commands: readonly Command[],
	mine: ReadonlyMap<string, readonly string[]>,
	owners: ReadonlyMap<string, Command[]>,
	before: (scope: Scope) => readonly Scope[],
): [Command, Command, string, boolean] | undefined {
	for (const command of commands) {
		const keys = mine.get(command.id);
		if (!keys) continue;
		for (const key of keys) {
			const same = (owners.get(`${command.scope}\u0000${key}`) ?? []).find(c => c !== command);
			if (same) return [command, same, key, false];
			for (const scope of before(command.scope)) {
				const hider = owners.get(`${scope}\u0000${key}`)?.[0];
				if (hider) return [command, hider, key, true];
			}
		}
	}
	return undefined;
}
