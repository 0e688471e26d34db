/**
 * The engine feed lists a kind that declares its own listing (kind.ts `feed`) with every full
 * list, and again — alone — when an event of its types comes; its rows reach the state.
 */
import {describe, expect, it} from 'vitest';
import type {Engine, EngineEvent} from '../../source/engine/types.js';
import {registerKind} from '../../source/kinds/all-kinds.js';
import type {AnyKind, Kind} from '../../source/kinds/kind.js';
import {FeedLists} from '../../source/state/feed-lists.js';
import {listOf} from '../../source/state/lists.js';
import {initialState, reducer} from '../../source/state/reducer.js';

let volumes = [{name: 'data'}];
const calls: string[] = [];
const kind: Kind<{name: string}> = {
	name: 'test-feed-volumes',
	title: 'Volumes',
	noun: 'volume',
	nouns: 'volumes',
	key: v => v.name,
	label: v => v.name,
	feed: {
		list: async () => {
			calls.push('volumes');
			return volumes;
		},
		events: ['volume'],
	},
	place: {pane: {key: '8', slot: 'middle'}},
	columns: [{id: 'name', title: 'NAME', cell: v => v.name}],
	text: v => v.name,
	sort: [{id: 'name', label: 'name'}],
	header: () => ({lead: []}),
	empty: () => 'No volumes',
};
registerKind(kind as AnyKind);

const engine = {
	containers: {
		list: async () => {
			calls.push('containers');
			return [];
		},
	},
	images: {
		list: async () => {
			calls.push('images');
			return [];
		},
	},
} as unknown as Engine;

const event = (type: string): EngineEvent => ({type, action: 'create', id: 'x', attributes: {}, timeNano: '1'});

describe('a kind the feed lists', () => {
	it('is listed with the full list, again alone on its events, and reaches the state', async () => {
		const lists = new FeedLists();
		await lists.fetch(engine, () => 0);
		expect(calls.sort()).toEqual(['containers', 'images', 'volumes']);
		let snapshot = lists.takeSnapshot()!;
		expect(snapshot.lists).toEqual({'test-feed-volumes': [{name: 'data'}]});
		let state = reducer(initialState(), {type: 'snapshot', ...snapshot});
		expect(listOf(state, 'test-feed-volumes').rows).toEqual([{name: 'data'}]);

		calls.length = 0;
		volumes = [{name: 'data'}, {name: 'logs'}];
		lists.noteEvent(event('volume'));
		expect(lists.hasWork(0)).toBe(true);
		await lists.fetch(engine, () => 0);
		expect(calls).toEqual(['volumes']);
		snapshot = lists.takeSnapshot()!;
		state = reducer(state, {type: 'snapshot', ...snapshot});
		expect(listOf(state, 'test-feed-volumes').rows.map(v => (v as {name: string}).name)).toEqual(['data', 'logs']);

		// An event no kind follows still asks for everything.
		calls.length = 0;
		lists.noteEvent(event('plugin'));
		await lists.fetch(engine, () => 0);
		expect(calls.sort()).toEqual(['containers', 'images', 'volumes']);
		expect(lists.takeSnapshot()).toBeUndefined();
	});
});
