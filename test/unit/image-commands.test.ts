/** The images pane's lifecycle keys: the product's contract, no clashes, and what `available` hides. */
import {describe, expect, it} from 'vitest';
import {availability, barCommands, commandFor, commands} from '../../source/commands/registry.js';
import {layerOf} from '../../source/state/precedence.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {AppState} from '../../source/state/types.js';
import {fakeImage} from '../support/fake-engine.js';

const info = {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'};

function onImages(images = [fakeImage({repoTags: ['app:1']}), fakeImage({repoTags: []})]): AppState {
	let state = reducer(initialState(), {type: 'conn-up', info});
	state = reducer(state, {type: 'snapshot', containers: [], images});
	return reducer(state, {type: 'focus', pane: 'images'});
}

describe('images lifecycle commands', () => {
	it('bind the promised keys in the images pane, each once', () => {
		const state = onImages();
		const expected: Record<string, string> = {P: 'image.pull', t: 'image.tag', p: 'image.push', B: 'image.build', i: 'image.inspect', X: 'image.prune', enter: 'image.history', d: 'image.remove', r: 'image.run'};
		for (const [key, id] of Object.entries(expected)) expect(commandFor(key, state)?.id, key).toBe(id);
		const images = commands.filter(c => c.scope === 'images').flatMap(c => c.keys);
		expect(new Set(images).size).toBe(images.length);
		// The containers pane keeps its own p (pause).
		expect(commandFor('p', reducer(state, {type: 'focus', pane: 'containers'}))?.id).toBe('container.pause');
	});

	it('hide what cannot run: push without a tag, tag and inspect without an image, v with nothing to show', () => {
		const state = onImages();
		const byId = (id: string) => commands.find(c => c.id === id)!;
		expect(availability(byId('image.push'), state)).toBe(true);
		const untagged = reducer(state, {type: 'move-to', where: 'last'});
		expect(availability(byId('image.push'), untagged)).toMatch(/has no tag to push: t tags it/);
		expect(barCommands(untagged).map(c => c.id)).not.toContain('image.push');
		const empty = onImages([]);
		for (const id of ['image.tag', 'image.push', 'image.inspect', 'image.history']) expect(availability(byId(id), empty), id).toBe(false);
		for (const id of ['image.pull', 'image.build', 'image.prune']) expect(availability(byId(id), empty), id).toBe(true);
		expect(availability(byId('image.jobs'), state)).toBe(false);
	});

	it('give the forms the prompt layer and the prune and inspect views their own keys before the view keys', () => {
		let state = onImages();
		state = reducer(state, {type: 'open', modal: {kind: 'form', form: 'pull', title: 'Pull an image', verb: 'pull', fields: [{key: 'ref', label: 'Image', line: {value: '', cursor: 0}}], field: 0}});
		expect(layerOf(state)).toBe('prompt');
		expect(commandFor('P', state)).toBeUndefined();
		state = reducer(state, {type: 'open', modal: {kind: 'prune', step: 'choose', choice: 0, scroll: 0}});
		expect(layerOf(state)).toBe('view');
		expect(commandFor('enter', state)?.id).toBe('prune.enter');
		expect(commandFor('y', state)?.id).toBe('prune.yes');
		expect(availability(commandFor('y', state)!, state)).toBe(false);
		expect(commandFor('pageup', state)?.id).toBe('view.page-up');
		state = reducer(state, {type: 'open', modal: {kind: 'inspect', id: 'x', name: 'x', scroll: 0, raw: false}});
		expect(commandFor('r', state)?.id).toBe('inspect.raw');
		expect(commandFor('escape', state)?.id).toBe('inspect.close');
	});
});
