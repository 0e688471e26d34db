import {describe, expect, it} from 'vitest';
import {keymap} from '../../source/keys/keymap.js';
import {helpBarBindings, keyNames, resolveAction} from '../../source/keys/match.js';

describe('keymap', () => {
	it('has no key bound twice within a scope', () => {
		const seen = new Set<string>();
		for (const b of keymap) {
			for (const k of b.keys) {
				const id = `${b.scope}:${k}`;
				expect(seen.has(id), `${id} bound twice`).toBe(false);
				seen.add(id);
			}
		}
	});

	it('binds the keys the product promises', () => {
		const expectAction = (key: string, pane: 'containers' | 'images' | 'logs', action: string) =>
			expect(resolveAction(key, 'panes', pane), `${key} in ${pane}`).toBe(action);
		expectAction('1', 'images', 'focus-containers');
		expectAction('2', 'containers', 'focus-images');
		expectAction('3', 'containers', 'focus-logs');
		expectAction('tab', 'containers', 'next-pane');
		expectAction('shift-tab', 'containers', 'prev-pane');
		expectAction('j', 'containers', 'down');
		expectAction('k', 'images', 'up');
		expectAction('down', 'containers', 'down');
		expectAction('pageup', 'containers', 'page-up');
		expectAction('g', 'images', 'first');
		expectAction('G', 'images', 'last');
		expectAction('/', 'containers', 'filter');
		expectAction('?', 'logs', 'help');
		expectAction('q', 'logs', 'quit');
		expectAction('u', 'containers', 'start');
		expectAction('s', 'containers', 'stop');
		expectAction('K', 'containers', 'kill');
		expectAction('r', 'containers', 'restart');
		expectAction('p', 'containers', 'pause');
		expectAction('c', 'containers', 'commit');
		expectAction('d', 'containers', 'remove');
		expectAction('a', 'containers', 'toggle-all');
		expectAction('enter', 'containers', 'details');
		expectAction('l', 'containers', 'show-logs');
		expectAction('d', 'images', 'remove-image');
		expectAction('enter', 'images', 'history');
		// Container keys do nothing in the images pane.
		expect(resolveAction('K', 'panes', 'images')).toBeUndefined();
		expect(resolveAction('s', 'panes', 'images')).toBeUndefined();
	});

	it('lets only dialog keys through while a dialog is open, with No as the safe default', () => {
		expect(resolveAction('y', 'dialog', 'containers')).toBe('confirm');
		expect(resolveAction('n', 'dialog', 'containers')).toBe('cancel');
		expect(resolveAction('escape', 'dialog', 'containers')).toBe('cancel');
		expect(resolveAction('enter', 'dialog', 'containers')).toBeUndefined();
		for (const key of ['s', 'K', 'd', 'j', 'q', 'u', 'c']) expect(resolveAction(key, 'dialog', 'containers')).toBeUndefined();
		expect(resolveAction('ctrl-c', 'dialog', 'containers')).toBe('quit');
	});

	it('turns Ink input into key names, one per character', () => {
		expect(keyNames('jjj', {})).toEqual(['j', 'j', 'j']);
		expect(keyNames('', {upArrow: true})).toEqual(['up']);
		expect(keyNames('', {tab: true, shift: true})).toEqual(['shift-tab']);
		expect(keyNames('c', {ctrl: true})).toEqual(['ctrl-c']);
		expect(keyNames('', {escape: true, meta: true})).toEqual(['escape']);
		expect(keyNames('', {delete: true})).toEqual(['backspace']);
		expect(keyNames(' ', {})).toEqual(['space']);
		expect(keyNames('\r', {return: true})).toEqual(['enter']);
	});

	it('builds the help bar of a pane from its bindings', () => {
		const labels = helpBarBindings('panes', 'containers').map(b => b.label);
		expect(labels).toEqual(expect.arrayContaining(['start', 'stop', 'kill', 'commit', 'rm', 'help', 'quit']));
		expect(helpBarBindings('panes', 'images').map(b => b.label)).not.toContain('kill');
		expect(helpBarBindings('dialog', 'containers').map(b => b.label)).toEqual(['yes', 'force', 'no']);
		expect(helpBarBindings('panes', 'logs')[0]!.label).toBe('help');
	});
});
