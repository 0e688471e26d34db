import {describe, expect, it} from 'vitest';
import {barCommands, commandFor, commands, layerOf} from '../../source/commands/registry.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {AppState, Pane} from '../../source/state/types.js';
import {fakeContainer} from '../support/fake-engine.js';

function withPane(pane: Pane, state: AppState = initialState()): AppState {
	return reducer(state, {type: 'focus', pane});
}

const up = (state: AppState): AppState => reducer(state, {type: 'conn-up', info: {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'}});

describe('command registry', () => {
	it('has unique ids and no key bound twice within a scope', () => {
		const ids = new Set<string>();
		const seen = new Set<string>();
		for (const c of commands) {
			expect(ids.has(c.id), `${c.id} twice`).toBe(false);
			ids.add(c.id);
			for (const k of c.keys) {
				const id = `${c.scope}:${k}`;
				expect(seen.has(id), `${id} bound twice`).toBe(false);
				seen.add(id);
			}
		}
	});

	it('has descriptions that fit the help overlay at 100 columns', () => {
		for (const c of commands) expect(c.description.length, c.id).toBeLessThanOrEqual(80);
	});

	it('binds the keys the product promises', () => {
		const expectCommand = (key: string, pane: Pane, id: string) => expect(commandFor(key, up(withPane(pane)))?.id, `${key} in ${pane}`).toBe(id);
		expectCommand('1', 'images', 'app.focus-containers');
		expectCommand('2', 'containers', 'app.focus-images');
		expectCommand('3', 'containers', 'app.focus-logs');
		expectCommand('tab', 'containers', 'app.next-pane');
		expectCommand('shift-tab', 'containers', 'app.prev-pane');
		expectCommand('j', 'containers', 'nav.down');
		expectCommand('k', 'images', 'nav.up');
		expectCommand('down', 'containers', 'nav.down');
		expectCommand('pageup', 'containers', 'nav.page-up');
		expectCommand('g', 'images', 'nav.first');
		expectCommand('G', 'images', 'nav.last');
		expectCommand('/', 'containers', 'app.filter');
		expectCommand('?', 'logs', 'app.help');
		expectCommand('q', 'logs', 'app.quit');
		expectCommand('u', 'containers', 'container.start');
		expectCommand('s', 'containers', 'container.stop');
		expectCommand('K', 'containers', 'container.kill');
		expectCommand('r', 'containers', 'container.restart');
		expectCommand('p', 'containers', 'container.pause');
		expectCommand('c', 'containers', 'container.commit');
		expectCommand('d', 'containers', 'container.remove');
		expectCommand('a', 'containers', 'container.toggle-all');
		expectCommand('enter', 'containers', 'container.details');
		expectCommand('l', 'containers', 'container.logs');
		expectCommand('d', 'images', 'image.remove');
		expectCommand('enter', 'images', 'image.history');
		expectCommand('j', 'logs', 'logs.down');
		// Container keys do nothing in the images pane.
		expect(commandFor('K', up(withPane('images')))).toBeUndefined();
		expect(commandFor('s', up(withPane('images')))).toBeUndefined();
	});

	it('lets only dialog keys through while a dialog is open, with No as the safe default', () => {
		const c = fakeContainer({name: 'a'});
		let state = up(reducer(initialState(), {type: 'snapshot', containers: [c], images: []}));
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.kill', target: {kind: 'container', id: c.id, name: 'a'}, title: 'Kill?', body: [], forceOffered: false}});
		expect(layerOf(state)).toBe('dialog');
		expect(commandFor('y', state)?.id).toBe('dialog.yes');
		expect(commandFor('n', state)?.id).toBe('dialog.cancel');
		expect(commandFor('escape', state)?.id).toBe('dialog.cancel');
		expect(commandFor('enter', state)).toBeUndefined();
		for (const key of ['s', 'K', 'd', 'j', 'q', 'u', 'c']) expect(commandFor(key, state)).toBeUndefined();
		expect(commandFor('ctrl-c', state)?.id).toBe('app.quit');
	});

	it('builds the help bar from what is available now', () => {
		const running = fakeContainer({name: 'run'});
		const stopped = fakeContainer({name: 'off', state: 'exited'});
		let state = up(reducer(initialState(), {type: 'snapshot', containers: [running, stopped], images: []}));
		const labels = () => barCommands(state).map(c => c.label);
		// A running container: stop and kill, not start.
		expect(labels()).toEqual(expect.arrayContaining(['stop', 'kill', 'commit', 'rm', 'help', 'quit']));
		expect(labels()).not.toContain('start');
		state = reducer(state, {type: 'move', delta: 1});
		expect(labels()).toContain('start');
		expect(labels()).not.toContain('kill');
		expect(barCommands(withPane('images', state)).map(c => c.label)).not.toContain('kill');
		expect(barCommands(withPane('logs', state))[0]!.id).toBe('app.help');
		// The kill dialog offers y and n, no force; after a refusal, only f and n.
		const target = {kind: 'container' as const, id: running.id, name: 'run'};
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.remove', target, title: 'Remove?', body: [], forceOffered: false}});
		expect(labels()).toEqual(['yes', 'no (default)']);
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.remove', target, title: 'Refused', body: [], forceOffered: true}});
		expect(labels()).toEqual(['force', 'no (default)']);
	});

	it('shows only quit on the unreachable screen', () => {
		const state = reducer(initialState(), {type: 'conn-down', error: Object.assign(new Error('gone'), {code: 'unreachable'}) as never, now: 0});
		expect(barCommands(state).map(c => c.id)).toEqual(['unreachable.quit']);
		expect(commandFor('s', state)).toBeUndefined();
		expect(commandFor('?', state)).toBeUndefined();
	});
});
