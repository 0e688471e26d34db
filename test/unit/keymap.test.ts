import {describe, expect, it} from 'vitest';
import {commandSettings} from '../../source/commands/config-keys.js';
import {keyTableMarkdown} from '../../source/commands/key-table.js';
import {buildKeymap} from '../../source/commands/keymap.js';
import {barCommands, commandFor, commands, scopesBefore, scopesOf} from '../../source/commands/registry.js';
import {defaultConfig} from '../../source/config/load-config.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {AppState, Modal, Pane} from '../../source/state/types.js';
import {helpLines, keyHints} from '../../source/ui/key-hints.js';
import {fakeContainer} from '../support/fake-engine.js';

/** The keymap and problems for the user's keys (as the config's `keys` holds them). */
const keysFor = (user: Record<string, string[]>) => buildKeymap(commands, user, scopesBefore);
const byId = (id: string) => commands.find(c => c.id === id)!;
const up = (state: AppState): AppState => reducer(state, {type: 'conn-up', info: {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'}});
const inPane = (pane: Pane, user: Record<string, string[]> = {}): AppState => ({...up(reducer(initialState(), {type: 'focus', pane})), keymap: keysFor(user).keymap});

describe('the keymap in effect', () => {
	it("puts the user's keys in place of the defaults: the new key runs the command, the replaced one nothing", () => {
		const {keymap, problems} = keysFor({'container.stop': ['x', 'ctrl-s'], 'app.quit': ['Q']});
		expect(problems).toEqual([]);
		expect(keymap.keysOf(byId('container.stop'))).toEqual(['x', 'ctrl-s']);
		const state = inPane('containers', {'container.stop': ['x', 'ctrl-s'], 'app.quit': ['Q']});
		expect(commandFor('x', state)?.id).toBe('container.stop');
		expect(commandFor('ctrl-s', state)?.id).toBe('container.stop');
		expect(commandFor('s', state)).toBeUndefined();
		expect(commandFor('Q', state)?.id).toBe('app.quit');
		expect(commandFor('q', state)).toBeUndefined();
		// Ctrl-C still quits from anywhere.
		expect(commandFor('ctrl-c', state)?.id).toBe('app.quit');
	});

	it('a key bound twice in one scope, by a user key landing on another command\'s default: an error naming both, and both keep their defaults', () => {
		const {keymap, problems} = keysFor({'container.stop': ['K']});
		expect(problems).toEqual([
			{path: ['keys', 'container.stop'], message: 'K is bound twice: container.kill has it too (containers); both keep their defaults (container.stop: s, container.kill: K)'},
		]);
		expect(keymap.keysOf(byId('container.stop'))).toEqual(['s']);
		expect(keymap.keysOf(byId('container.kill'))).toEqual(['K']);
	});

	it('two user keys on one key: both named, both back to their defaults; the rest of the user\'s keys stay', () => {
		const {keymap, problems} = keysFor({'container.stop': ['x'], 'container.kill': ['x'], 'container.restart': ['R']});
		expect(problems.map(p => p.message)).toEqual(['x is bound twice: container.kill has it too (containers); both keep their defaults (container.stop: s, container.kill: K)']);
		expect(keymap.keysOf(byId('container.stop'))).toEqual(['s']);
		expect(keymap.keysOf(byId('container.kill'))).toEqual(['K']);
		expect(keymap.keysOf(byId('container.restart'))).toEqual(['R']);
	});

	it('a user key under a scope that binds it first (a pane before everywhere, a view\'s own keys before the views\' common ones) is an error too', () => {
		const {keymap, problems} = keysFor({'app.filter': ['s'], 'view.close': ['r']});
		expect(problems.map(p => p.message).sort()).toEqual([
			'r is bound twice: inspect.raw has it in inspect, which comes first where view.close works (view); both keep their defaults (view.close: escape, q, inspect.raw: r)',
			's is bound twice: container.stop has it in containers, which comes first where app.filter works (global); both keep their defaults (app.filter: /, container.stop: s)',
		]);
		expect(keymap.keysOf(byId('app.filter'))).toEqual(['/']);
	});

	it('sends a command back to its default, and then a user key that lands on that default goes back too', () => {
		// stop takes K (kill's): both back; restart took s, stop's default, which stop has again.
		const {keymap, problems} = keysFor({'container.stop': ['K'], 'container.restart': ['s']});
		expect(problems).toHaveLength(2);
		expect(problems[1]!.message).toMatch(/^s is bound twice: .*container\.stop/);
		expect(keymap.keysOf(byId('container.restart'))).toEqual(['r']);
		expect(keymap.keysOf(byId('container.stop'))).toEqual(['s']);
	});

	it('refuses ctrl-c for anything but quitting, and a printable key in prompts (it types itself)', () => {
		const {keymap, problems} = keysFor({'container.stop': ['ctrl-c'], 'edit.home': ['h'], 'edit.end': ['ctrl-l']});
		expect(problems.map(p => p.message)).toEqual([
			'ctrl-c quits from anywhere; it cannot be bound here; container.stop keeps s',
			'h types itself in prompts and forms; give edit.home a named key (ctrl-…, a function key, an arrow); edit.home keeps home, ctrl-a',
		]);
		expect(keymap.keysOf(byId('edit.end'))).toEqual(['ctrl-l']);
	});

	it('lets a command have no key ([]): not in the help bar, the overlay or the key table, and the key does nothing', () => {
		const state = inPane('containers', {'app.next-pane': []});
		expect(barCommands(state).map(c => c.id)).not.toContain('app.next-pane');
		expect(commandFor('tab', state)).toBeUndefined();
		expect(helpLines(200, new Map(), state.keymap).map(l => l.text).join('\n')).not.toContain('Focus the next pane');
		expect(keyTableMarkdown(state.keymap)).toContain('| Everywhere | (none) | `app.next-pane` | Focus the next pane |');
	});

	it('shows the keys in effect, never the replaced defaults, in the help bar, the ? overlay and the key table', () => {
		const user = {'container.stop': ['x'], 'app.help': ['f1']};
		const state = {...up(reducer(initialState(), {type: 'snapshot', containers: [fakeContainer({name: 'web'})], images: []})), keymap: keysFor(user).keymap};
		const bar = keyHints(state);
		expect(bar).toContain('x stop');
		expect(bar).toContain('F1 help');
		expect(bar).not.toContain('s stop');
		const overlay = helpLines(200, new Map(), state.keymap).map(l => l.text);
		expect(overlay).toContain(`  ${'x'.padEnd(16)} Stop: SIGTERM, then SIGKILL after the grace period`);
		expect(overlay).toContain(`  ${'F1'.padEnd(16)} Show every key`);
		const table = keyTableMarkdown(state.keymap);
		expect(table).toContain('| Containers pane | x | `container.stop` | Stop: SIGTERM, then SIGKILL after the grace period |');
		expect(table).not.toContain('| Containers pane | s | `container.stop`');
	});

	it("names the keys in effect in the messages that name a key (a paused container's, the grep hint, quitting while busy)", () => {
		const stateWith = (user: Record<string, string[]>) => ({...inPane('logs', user)});
		const grep = byId('logs.grep');
		expect(grep.available!(stateWith({'logs.search': ['ctrl-f'], 'logs.grep': ['F']}))).toBe('Search first (Ctrl-F), then F shows only the matching lines');
		expect(grep.available!(stateWith({}))).toBe('Search first (/), then f shows only the matching lines');
		const showCopy = byId('container.show-copy');
		expect(showCopy.available!(stateWith({'container.copy-out': ['ctrl-o'], 'container.copy-in': ['ctrl-y']}))).toBe('No copy yet: Ctrl-O copies out of a container, Ctrl-Y into one');
	});

	it('reports the readOnly.allow entries that are not exec or attach commands or custom commands', () => {
		const config = {...defaultConfig(), readOnly: {enabled: true, allow: ['container.exec', 'container.stop', 'container.logs', 'tail log', 'nothing.here']}, customCommands: {containers: [{name: 'tail log', command: 'x', mode: 'output' as const, confirm: false}]}};
		expect(commandSettings(config).problems).toEqual([
			{path: ['readOnly', 'allow', 1], message: 'container.stop changes the engine: read-only mode never allows it'},
			{path: ['readOnly', 'allow', 2], message: 'container.logs only looks: read-only mode leaves it on already'},
			{path: ['readOnly', 'allow', 4], message: 'no exec or attach command has the id "nothing.here", and no custom command that name (allowed: container.shell, container.exec, container.attach, or a custom command\'s name)'},
		]);
	});

	it('knows which scopes are looked up first: every order scopesOf gives agrees with scopesBefore', () => {
		const states: AppState[] = [
			...(['containers', 'images', 'logs'] as Pane[]).map(p => inPane(p)),
			...(['diff', 'commands', 'output', 'inspect', 'prune', 'transfer', 'build', 'copy', 'service-logs', 'details'] as Array<Modal['kind']>).map(kind => ({...inPane('containers'), modal: {kind} as Modal})),
			...(['services', 'tasks', 'nodes'] as const).map(part => ({...inPane('containers'), swarm: {part} as AppState['swarm']})),
		];
		for (const state of states) {
			const scopes = scopesOf(state);
			scopes.forEach((scope, i) => expect(scopesBefore(scope), `${scopes.join(' > ')}`).toEqual(expect.arrayContaining(scopes.slice(0, i))));
		}
	});
});
