/**
 * Pure key handling: turns what Ink's useInput reports into key names, and key names into
 * actions through the keymap table, honouring which layer (dialog, prompt, view, panes) has
 * the keyboard.
 */
import {keymap, type ActionName, type Binding, type KeyName, type Scope} from './keymap.js';

/** The subset of Ink's `Key` that berth reads. */
export interface InkKey {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
	meta?: boolean;
}

/**
 * Key names for one input event. Ink delivers characters that arrived in one read as one
 * string ("jjj" when a key repeats over a slow link), so printable input yields one name per
 * character.
 */
export function keyNames(input: string, key: InkKey): KeyName[] {
	if (key.ctrl && input === 'c') return ['ctrl-c'];
	if (key.upArrow) return ['up'];
	if (key.downArrow) return ['down'];
	if (key.leftArrow) return ['left'];
	if (key.rightArrow) return ['right'];
	if (key.pageUp) return ['pageup'];
	if (key.pageDown) return ['pagedown'];
	if (key.home) return ['home'];
	if (key.end) return ['end'];
	if (key.tab) return [key.shift ? 'shift-tab' : 'tab'];
	if (key.return) return ['enter'];
	if (key.backspace || key.delete) return ['backspace'];
	if (key.escape && input === '') return ['escape'];
	if (key.ctrl) return [`ctrl-${input}`];
	if (key.meta) return [];
	const names: KeyName[] = [];
	for (const ch of input) {
		if (ch === '\r' || ch === '\n') names.push('enter');
		else if (ch === ' ') names.push('space');
		else if (ch >= ' ' && ch !== '\u007f') names.push(ch);
	}
	return names;
}

/** Who has the keyboard, from the top of the stack down. */
export type Layer = 'dialog' | 'prompt' | 'help' | 'view' | 'panes';

export type Pane = 'containers' | 'images' | 'logs';

const byScope = new Map<Scope, Binding[]>();
for (const binding of keymap) {
	const list = byScope.get(binding.scope) ?? [];
	list.push(binding);
	byScope.set(binding.scope, list);
}

function find(scope: Scope, name: KeyName): ActionName | undefined {
	return byScope.get(scope)?.find(b => b.keys.includes(name))?.action;
}

/** The scopes consulted, in order, for a layer and focused pane. */
export function scopesFor(layer: Layer, pane: Pane): Scope[] {
	switch (layer) {
		case 'dialog':
			return ['dialog'];
		case 'prompt':
			return ['prompt'];
		case 'help':
		case 'view':
			return ['view'];
		case 'panes':
			return [pane, 'global'];
	}
}

/**
 * The action a key triggers, or undefined. Ctrl-C quits from every layer; in a dialog or a
 * prompt nothing else leaks to the panes behind it.
 */
export function resolveAction(name: KeyName, layer: Layer, pane: Pane): ActionName | undefined {
	if (name === 'ctrl-c') return 'quit';
	for (const scope of scopesFor(layer, pane)) {
		const action = find(scope, name);
		if (action) return action;
	}
	if (layer === 'help' && name === '?') return 'close';
	return undefined;
}

/** Bindings for the help bar of a layer and pane: the scoped ones first, then global ones. */
export function helpBarBindings(layer: Layer, pane: Pane): Binding[] {
	const scopes = scopesFor(layer, pane);
	const seen = new Set<string>();
	const result: Binding[] = [];
	for (const scope of scopes) {
		for (const binding of byScope.get(scope) ?? []) {
			if (!binding.bar) continue;
			const key = binding.label;
			if (seen.has(key)) continue;
			seen.add(key);
			result.push(binding);
		}
	}
	// `?` first: when the bar is cut short on a narrow terminal, the way to every key still shows.
	return result.sort((a, b) => Number(b.action === 'help') - Number(a.action === 'help'));
}
