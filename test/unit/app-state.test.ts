import {describe, expect, it} from 'vitest';
import {lineAtEnd} from '../../source/input/line-editor.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {sortContainers} from '../../source/kinds/containers.js';
import {imageRowsOf} from '../../source/kinds/images.js';
import {allContainers, selectedContainer, visibleContainers} from '../../source/state/selectors.js';
import type {AppState} from '../../source/state/types.js';
import {fakeContainer, fakeImage} from '../support/fake-engine.js';

const snapshot = (state: AppState, containers = [...allContainers(state)], images: ReturnType<typeof fakeImage>[] = []) =>
	reducer(state, {type: 'snapshot', containers, images});

describe('app state', () => {
	it('sorts running (and paused/restarting) first, then by name, then id', () => {
		const list = [
			fakeContainer({name: 'b', state: 'exited'}),
			fakeContainer({name: 'z', state: 'running'}),
			fakeContainer({name: 'a', state: 'created'}),
			fakeContainer({name: 'm', state: 'paused'}),
		];
		expect(sortContainers(list).map(c => c.name)).toEqual(['m', 'z', 'a', 'b']);
	});

	it('keeps the selection on the same id when the order changes', () => {
		const a = fakeContainer({name: 'a'});
		const b = fakeContainer({name: 'b'});
		let state = snapshot(initialState(), [a, b]);
		state = reducer(state, {type: 'move', delta: 1});
		expect(selectedContainer(state)?.name).toBe('b');
		state = snapshot(state, [{...a, state: 'exited'}, b]);
		expect(visibleContainers(state).map(c => c.name)).toEqual(['b', 'a']);
		expect(selectedContainer(state)?.name).toBe('b');
	});

	it('moves the selection to a neighbour when the selected container disappears', () => {
		const list = ['a', 'b', 'c'].map(name => fakeContainer({name}));
		let state = snapshot(initialState(), list);
		state = reducer(state, {type: 'move', delta: 1});
		state = snapshot(state, [list[0]!, list[2]!]);
		expect(selectedContainer(state)?.name).toBe('c');
		state = snapshot(state, [list[0]!]);
		expect(selectedContainer(state)?.name).toBe('a');
	});

	it('clamps moves at the ends and pages', () => {
		const list = ['a', 'b', 'c', 'd'].map(name => fakeContainer({name}));
		let state = snapshot(initialState(), list);
		state = reducer(state, {type: 'move', delta: -5});
		expect(selectedContainer(state)?.name).toBe('a');
		state = reducer(state, {type: 'move', delta: 10});
		expect(selectedContainer(state)?.name).toBe('d');
		state = reducer(state, {type: 'move-to', where: 'first'});
		expect(selectedContainer(state)?.name).toBe('a');
	});

	it('closes a confirm whose container vanished, with a note, and drops its busy mark', () => {
		const a = fakeContainer({name: 'a'});
		let state = snapshot(initialState(), [a]);
		state = reducer(state, {type: 'busy', id: a.id, label: 'stopping…'});
		state = reducer(state, {
			type: 'open',
			modal: {kind: 'confirm', command: 'container.kill', target: {kind: 'container', id: a.id, name: 'a'}, title: 'Kill a?', body: [], forceOffered: false},
		});
		state = snapshot(state, []);
		expect(state.modal).toBeUndefined();
		expect(state.status?.text).toContain('a was removed outside berth');
		expect(state.busy).toEqual({});
	});

	it('filters by substring, treating regex characters literally', () => {
		const list = [fakeContainer({name: 'web.1'}), fakeContainer({name: 'web21'})];
		let state = snapshot(initialState(), list);
		state = reducer(state, {type: 'filter-start'});
		state = reducer(state, {type: 'filter-line', line: lineAtEnd('web.')});
		expect(visibleContainers(state).map(c => c.name)).toEqual(['web.1']);
		state = reducer(state, {type: 'filter-clear'});
		expect(visibleContainers(state)).toHaveLength(2);
	});

	it('shows one image row per tag, dangling as one row, and counts containers per image', () => {
		const image = fakeImage({repoTags: ['b:1', 'a:2']});
		const dangling = fakeImage({repoTags: []});
		const c = fakeContainer({name: 'x', imageId: image.id});
		const rows = imageRowsOf([dangling, image], [c]);
		expect(rows.map(r => r.ref)).toEqual(['a:2', 'b:1', undefined]);
		expect(rows[0]!.image.containers).toBe(1);
		expect(rows[2]!.image.containers).toBe(0);
	});

	it('toggle-all hides stopped containers and reselects a visible one', () => {
		const run = fakeContainer({name: 'r'});
		const stopped = fakeContainer({name: 's', state: 'exited'});
		let state = snapshot(initialState(), [run, stopped]);
		state = reducer(state, {type: 'move', delta: 1});
		expect(selectedContainer(state)?.name).toBe('s');
		state = reducer(state, {type: 'toggle-all'});
		expect(visibleContainers(state).map(c => c.name)).toEqual(['r']);
		expect(selectedContainer(state)?.name).toBe('r');
	});
});
