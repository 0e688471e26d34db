/**
 * The resource model, for a kind declared here and nowhere else (a stand-in for volumes): its
 * rows come from the feed's snapshot, and the selection (kept on its row, or its neighbour),
 * the window, the filter with Docker's words, the sort, the marks and the bulk targets (with
 * each row's host) all work from its declaration alone.
 */
import {describe, expect, it} from 'vitest';
import {registerKind} from '../../source/kinds/all-kinds.js';
import {hostColumn} from '../../source/kinds/host-column.js';
import type {AnyKind, Kind} from '../../source/kinds/kind.js';
import {driverWord, hostWord, labelWord} from '../../source/kinds/words.js';
import {bulkRows} from '../../source/commands/registry.js';
import type {Command} from '../../source/commands/types.js';
import {listOf, parsedFilter, selectedRow, shownRows} from '../../source/state/lists.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {listRows} from '../../source/state/selectors.js';
import type {Action, AppState} from '../../source/state/types.js';

interface Volume {
	name: string;
	driver: string;
	size: number;
	labels: Record<string, string>;
	host?: string;
}

const kind: Kind<Volume> = {
	name: 'test-volumes',
	title: 'Volumes',
	noun: 'volume',
	nouns: 'volumes',
	key: v => (v.host ? `${v.name}@${v.host}` : v.name),
	label: v => v.name,
	host: v => v.host,
	feed: {list: async () => [], events: ['volume']},
	place: {pane: {key: '9', slot: 'middle'}},
	columns: [hostColumn<Volume>(v => v.host), {id: 'name', title: 'NAME', min: 8, cell: v => v.name}, {id: 'driver', title: 'DRIVER', width: 8, cell: v => v.driver}],
	text: v => `${v.name} ${v.driver}`,
	words: [driverWord(v => v.driver), labelWord(v => v.labels), hostWord(v => v.host)],
	sort: [
		{id: 'name', label: 'name'},
		{id: 'size', label: 'size', compare: (a, b) => b.size - a.size},
	],
	markable: true,
	groupByHost: true,
	header: (_state, all) => ({lead: [`${all.length} volumes`]}),
	empty: (_state, filtered) => (filtered ? 'No volume matches the filter' : 'No volumes'),
};
registerKind(kind as AnyKind);

const volume = (name: string, partial: Partial<Volume> = {}): Volume => ({name, driver: 'local', size: 1, labels: {}, ...partial});
const rows = (list: Volume[]): Action => ({type: 'snapshot', containers: [], images: [], lists: {'test-volumes': list}});
const apply = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const names = (state: AppState) => shownRows(state, kind).map(v => v.name);
const selected = (state: AppState) => selectedRow(state, kind)?.name;

function base(list: Volume[] = [volume('a'), volume('b', {size: 3}), volume('c', {size: 2})]): AppState {
	return apply(initialState({columns: 120, rows: 40}), {type: 'focus', pane: 'test-volumes'}, rows(list));
}

describe('a kind declared in one place', () => {
	it('takes its rows from the feed, shows in its slot, and keeps the selection on its row across updates', () => {
		let state = base();
		expect(listOf(state, 'test-volumes').loaded).toBe(true);
		expect(state.slots.middle).toBe('test-volumes');
		expect(names(state)).toEqual(['a', 'b', 'c']);
		state = apply(state, {type: 'move', delta: 1});
		expect(selected(state)).toBe('b');
		// A row comes before it: still b.
		state = apply(state, rows([volume('0'), volume('a'), volume('b'), volume('c')]));
		expect(selected(state)).toBe('b');
		// b goes: its neighbour (the row now at its place).
		state = apply(state, rows([volume('0'), volume('a'), volume('c')]));
		expect(selected(state)).toBe('c');
	});

	it('moves its window with the selection', () => {
		const many = Array.from({length: 60}, (_, i) => volume(`v${String(i).padStart(2, '0')}`));
		let state = base(many);
		const height = listRows(state, 'test-volumes');
		expect(height).toBeGreaterThan(0);
		state = apply(state, {type: 'move-to', where: 'last'});
		expect(listOf(state, 'test-volumes').top).toBe(60 - height);
		state = apply(state, {type: 'move-to', where: 'first'});
		expect(listOf(state, 'test-volumes').top).toBe(0);
	});

	it('filters by its Docker words and free text, every word holding, and says why a word is left out', () => {
		const list = [volume('data', {driver: 'local', labels: {team: 'pay'}}), volume('cache', {driver: 'nfs', labels: {team: 'web'}}), volume('logs', {driver: 'nfs'})];
		let state = apply(base(list), {type: 'filter-start'}, {type: 'filter-line', line: {value: 'driver=nfs', cursor: 10}});
		expect(names(state)).toEqual(['cache', 'logs']);
		state = apply(state, {type: 'filter-line', line: {value: 'driver=nfs label=team', cursor: 0}});
		expect(names(state)).toEqual(['cache']);
		state = apply(state, {type: 'filter-line', line: {value: 'label=team=pay', cursor: 0}});
		expect(names(state)).toEqual(['data']);
		state = apply(state, {type: 'filter-line', line: {value: 'cach', cursor: 0}});
		expect(names(state)).toEqual(['cache']);
		// Malformed: left out, with the reason; the rest still holds.
		state = apply(state, {type: 'filter-line', line: {value: 'label= logs', cursor: 0}});
		expect(names(state)).toEqual(['logs']);
		expect(parsedFilter(state, kind).error).toBe('label= needs a key: label=KEY or label=KEY=VALUE');
		// Another kind's word: said which list it filters.
		state = apply(state, {type: 'filter-line', line: {value: 'dangling=true', cursor: 0}});
		expect(names(state)).toEqual(['data', 'cache', 'logs']);
		expect(parsedFilter(state, kind, new Map([['dangling', ['images']]])).error).toBe('dangling= filters images, not volumes');
		state = apply(state, {type: 'filter-clear'});
		expect(names(state)).toEqual(['data', 'cache', 'logs']);
	});

	it('sorts by its keys (o), reversed (O), the selection staying on its row', () => {
		let state = apply(base(), {type: 'move', delta: 1});
		state = apply(state, {type: 'sort-next'});
		expect(names(state)).toEqual(['b', 'c', 'a']);
		expect(selected(state)).toBe('b');
		state = apply(state, {type: 'sort-reverse'});
		expect(names(state)).toEqual(['a', 'c', 'b']);
		state = apply(state, {type: 'sort-next'});
		expect(listOf(state, 'test-volumes').sort).toEqual({key: 'name', reverse: false});
		expect(names(state)).toEqual(['a', 'b', 'c']);
	});

	it('marks rows; a bulk command of the kind acts on each marked one, on its own host; marks of rows that went are dropped', () => {
		const list = [volume('a', {host: 'h1'}), volume('a', {host: 'h2'}), volume('b', {host: 'h1'})];
		let state = apply(base(list), {type: 'mark', key: 'a@h1'}, {type: 'mark', key: 'a@h2'});
		const command = {id: 'volume.remove', scope: 'test-volumes', keys: [], label: 'rm', description: '', bulk: true, run: () => undefined} satisfies Command;
		expect(bulkRows(command, state)).toEqual([
			{kind: 'volume', id: 'a@h1', name: 'a', host: 'h1'},
			{kind: 'volume', id: 'a@h2', name: 'a', host: 'h2'},
		]);
		// Another kind's command does not take this list's marks.
		expect(bulkRows({...command, scope: 'containers'}, state)).toEqual([]);
		state = apply(state, rows([volume('a', {host: 'h1'}), volume('b', {host: 'h1'})]));
		expect(listOf(state, 'test-volumes').marked).toEqual({'a@h1': true});
		state = apply(state, {type: 'clear-marks'});
		expect(listOf(state, 'test-volumes').marked).toEqual({});
	});

	it('groups rows by host when there are several, whatever the order', () => {
		const list = [volume('z', {host: 'h2', size: 9}), volume('a', {host: 'h1', size: 1}), volume('m', {host: 'h2', size: 5}), volume('b', {host: 'h1', size: 7})];
		let state = apply(base(list), {type: 'hosts', hosts: [{name: 'h1', endpoint: '', state: 'up', since: 0}, {name: 'h2', endpoint: '', state: 'up', since: 0}]}, {type: 'sort-next'});
		expect(shownRows(state, kind).map(v => `${v.host}/${v.name}`)).toEqual(['h1/b', 'h1/a', 'h2/z', 'h2/m']);
		state = apply(state, {type: 'filter-start'}, {type: 'filter-line', line: {value: 'host=h2', cursor: 0}});
		expect(names(state)).toEqual(['z', 'm']);
	});
});
