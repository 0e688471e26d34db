/**
 * Every action type of the reducer, each with what it must change (and leave alone).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {lineAtEnd} from '../../source/input/line-editor.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {allContainers, selectedContainer, selectedImageRow, visibleContainers} from '../../source/state/selectors.js';
import type {Action, AppState} from '../../source/state/types.js';
import {fakeContainer, fakeImage} from '../support/fake-engine.js';

const info = {version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64'};
const a = fakeContainer({name: 'a'});
const b = fakeContainer({name: 'b'});
const off = fakeContainer({name: 'off', state: 'exited', status: 'Exited (0) 1 second ago'});
const image = fakeImage({repoTags: ['x:1', 'x:2']});

function base(): AppState {
	let s = initialState({columns: 120, rows: 40});
	s = reducer(s, {type: 'conn-up', info});
	return reducer(s, {type: 'snapshot', containers: [a, b, off], images: [image], at: 1000});
}

const apply = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const covered = new Set<string>();
const test = (type: Action['type'], name: string, body: () => void) => {
	covered.add(type);
	it(`${type}: ${name}`, body);
};

describe('the reducer', () => {
	test('conn-up', 'the connection is up with the engine info', () => {
		expect(reducer(initialState(), {type: 'conn-up', info}).conn).toEqual({kind: 'up', info});
	});
	test('conn-down', 'counts attempts and keeps when it went down', () => {
		const error = new EngineError('unreachable', 'gone');
		const s = apply(initialState(), {type: 'conn-down', error, now: 5}, {type: 'conn-down', error, now: 9});
		expect(s.conn).toMatchObject({kind: 'down', attempts: 2, since: 5});
	});
	test('snapshot', 'sorts, keeps listing times per entry, drops marks and busy rows of gone containers', () => {
		let s = apply(base(), {type: 'mark', key: b.id}, {type: 'busy', id: b.id, label: 'stopping…'});
		s = reducer(s, {type: 'snapshot', containers: [a, off], images: [image], at: 2000});
		expect(allContainers(s).map(c => c.name)).toEqual(['a', 'off']);
		expect(s.lists.containers!.marked).toEqual({});
		expect(s.busy).toEqual({});
		// a is the same object as before: still as of the first listing.
		expect(s.listedAt[a.id]).toBe(1000);
		s = reducer(s, {type: 'snapshot', containers: [{...a, status: 'Up 2 seconds'}, off], images: [image], at: 3000});
		expect(s.listedAt[a.id]).toBe(3000);
	});
	test('resize', 'changes the size (and so the pages); the same size changes nothing', () => {
		const s = base();
		expect(reducer(s, {type: 'resize', columns: 120, rows: 40})).toBe(s);
		expect(reducer(s, {type: 'resize', columns: 80, rows: 24}).size).toEqual({columns: 80, rows: 24});
	});
	test('focus', 'moves the focus and ends filter editing', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'focus', pane: 'logs'});
		expect(s.focus).toBe('logs');
		expect(s.filterEdit).toBeUndefined();
	});
	test('cycle-focus', 'goes round the panes both ways', () => {
		expect(apply(base(), {type: 'cycle-focus', delta: -1}).focus).toBe('logs');
		expect(apply(base(), {type: 'cycle-focus', delta: 1}, {type: 'cycle-focus', delta: 1}).focus).toBe('logs');
	});
	test('move', 'moves the selection, clamped', () => {
		expect(selectedContainer(apply(base(), {type: 'move', delta: 1}))?.name).toBe('b');
		expect(selectedContainer(apply(base(), {type: 'move', delta: 99}))?.name).toBe('off');
	});
	test('move-to', 'goes to the first and last rows', () => {
		expect(selectedContainer(apply(base(), {type: 'move-to', where: 'last'}))?.name).toBe('off');
		expect(selectedContainer(apply(base(), {type: 'move-to', where: 'last'}, {type: 'move-to', where: 'first'}))?.name).toBe('a');
	});
	test('select', 'selects a row by id', () => {
		expect(selectedContainer(reducer(base(), {type: 'select', list: 'containers', key: off.id}))?.name).toBe('off');
	});
	test('toggle-all', 'shows running ones only, reselecting a visible one', () => {
		const s = apply(base(), {type: 'select', list: 'containers', key: off.id}, {type: 'toggle-all'});
		expect(visibleContainers(s).map(c => c.name)).toEqual(['a', 'b']);
		expect(selectedContainer(s)?.name).toBe('b');
	});
	test('toggle-stats', 'turns the stats columns off and drops the samples', () => {
		const s = apply(base(), {type: 'stats', stats: {[a.id]: {cpuPercent: 1} as never}}, {type: 'toggle-stats'});
		expect(s.showStats).toBe(false);
		expect(s.stats).toEqual({});
	});
	test('filter-start', 'edits the focused pane filter from what is there', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('b')}, {type: 'filter-commit'}, {type: 'filter-start'});
		expect(s.filterEdit).toEqual({pane: 'containers', line: lineAtEnd('b')});
	});
	test('filter-line', 'filters as it is typed and reselects', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('of')});
		expect(visibleContainers(s).map(c => c.name)).toEqual(['off']);
		expect(selectedContainer(s)?.name).toBe('off');
	});
	test('filter-commit', 'keeps the filter, stops editing', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('of')}, {type: 'filter-commit'});
		expect(s.filterEdit).toBeUndefined();
		expect(s.lists.containers!.filter).toBe('of');
	});
	test('filter-clear', 'clears the filter', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('of')}, {type: 'filter-clear'});
		expect(s.lists.containers!.filter).toBe('');
		expect(visibleContainers(s)).toHaveLength(3);
	});
	test('open', 'opens a modal and ends filter editing', () => {
		const s = apply(base(), {type: 'filter-start'}, {type: 'open', modal: {kind: 'help', scroll: 0}});
		expect(s.modal?.kind).toBe('help');
		expect(s.filterEdit).toBeUndefined();
	});
	test('close', 'closes the modal', () => {
		expect(apply(base(), {type: 'open', modal: {kind: 'help', scroll: 0}}, {type: 'close'}).modal).toBeUndefined();
	});
	test('scroll-modal', 'scrolls a view, never above the top', () => {
		const s = apply(base(), {type: 'open', modal: {kind: 'help', scroll: 0}}, {type: 'scroll-modal', delta: 3}, {type: 'scroll-modal', delta: -10});
		expect(s.modal).toMatchObject({scroll: 0});
	});
	test('modal-extent', 'stops scrolling at the end of what the view holds', () => {
		const s = apply(base(), {type: 'open', modal: {kind: 'help', scroll: 0}}, {type: 'modal-extent', lines: 50}, {type: 'scroll-modal', delta: 1000});
		// 40 rows: 39 for berth, 36 for the view's body below its title.
		expect(s.modal).toMatchObject({scroll: 50 - 36});
	});
	test('follow-extent', 'a live view says what it holds; scrolled back it stays on its lines as more come', () => {
		const output = {kind: 'output' as const, id: 'o', title: 't', tail: {follow: true as const}, version: 0};
		let s = apply(base(), {type: 'open', modal: output}, {type: 'follow-extent', first: 0, total: 100, rows: 20}, {type: 'scroll-modal', delta: -3});
		expect(s.modal).toMatchObject({tail: {follow: false, end: 97}, seen: {first: 0, total: 100, rows: 20}});
		s = apply(s, {type: 'follow-extent', first: 5, total: 130, rows: 20}, {type: 'scroll-modal', delta: 1});
		expect(s.modal).toMatchObject({tail: {follow: false, end: 98}});
		expect(apply(s, {type: 'scroll-modal', delta: Number.MAX_SAFE_INTEGER}).modal).toMatchObject({tail: {follow: true}});
	});
	test('prompt-line', 'replaces the prompt line and its error', () => {
		const target = {kind: 'container' as const, id: a.id, name: 'a'};
		const s = apply(base(), {type: 'open', modal: {kind: 'prompt', purpose: 'commit', target, line: lineAtEnd('x')}}, {type: 'prompt-line', line: lineAtEnd('y'), error: 'bad'});
		expect(s.modal).toMatchObject({line: lineAtEnd('y'), error: 'bad'});
	});
	test('prompt-scope', 'switches the save prompt between buffer and engine', () => {
		const target = {kind: 'container' as const, id: a.id, name: 'a'};
		const s = apply(base(), {type: 'open', modal: {kind: 'prompt', purpose: 'save-logs', target, line: lineAtEnd('f'), scope: 'buffer'}}, {type: 'prompt-scope'});
		expect(s.modal).toMatchObject({scope: 'engine'});
	});
	const form = (): Action => ({
		type: 'open',
		modal: {kind: 'form', form: 'run', title: 'Run', verb: 'run', field: 0, fields: [{key: 'name', label: 'Name', line: lineAtEnd('')}, {key: 'rm', label: '--rm', line: lineAtEnd('no'), choices: ['no', 'yes']}]},
	});
	test('form-line', 'replaces the focused field only', () => {
		const s = apply(base(), form(), {type: 'form-line', line: lineAtEnd('web')});
		expect(s.modal?.kind === 'form' && s.modal.fields.map(f => f.line.value)).toEqual(['web', 'no']);
	});
	test('form-field', 'moves to a field with an error', () => {
		const s = apply(base(), form(), {type: 'form-field', field: 1, error: 'oops'});
		expect(s.modal).toMatchObject({field: 1, error: 'oops'});
	});
	test('form-pending', 'marks the form as waiting for the engine, then back with its reason', () => {
		const s = apply(base(), form(), {type: 'form-pending', pending: true}, {type: 'form-pending', pending: false, error: 'in use'});
		expect(s.modal).toMatchObject({pending: false, error: 'in use'});
	});
	test('form-hint', "replaces a field's hint", () => {
		const s = apply(base(), form(), {type: 'form-hint', key: 'name', hint: '(the engine picks one)'});
		expect(s.modal?.kind === 'form' && s.modal.fields[0]!.hint).toBe('(the engine picks one)');
	});
	test('view-filter', 'edits and keeps the diff view filter, back to the top', () => {
		const s = apply(base(), {type: 'open', modal: {kind: 'diff', id: a.id, scroll: 4, filter: ''}}, {type: 'view-filter', edit: lineAtEnd('etc')}, {type: 'view-filter', edit: undefined});
		expect(s.modal).toMatchObject({filter: 'etc', scroll: 0, edit: undefined});
	});
	test('output', 'moves the output view on, and says how it ended', () => {
		const s = apply(base(), {type: 'open', modal: {kind: 'output', id: 'run-1', title: 't', scroll: 0, follow: true, version: 0}}, {type: 'output', id: 'run-1', version: 3, done: {ok: false, text: 'exit 3'}}, {type: 'output', id: 'other', version: 9});
		expect(s.modal).toMatchObject({version: 3, done: {ok: false, text: 'exit 3'}});
	});
	test('commands-select', 'moves within the command log', () => {
		let s = apply(base(), {type: 'log-add', entry: {at: 0, cli: 'docker stop a', result: 'ok'}}, {type: 'log-add', entry: {at: 0, cli: 'docker kill b', result: 'running'}});
		s = apply(s, {type: 'open', modal: {kind: 'commands', scroll: 0, selected: 1}}, {type: 'commands-select', delta: -5});
		expect(s.modal).toMatchObject({selected: 0});
	});
	const contextRow = (name: string) => ({name, description: '', endpoint: `unix:///${name}.sock`, current: false, inUse: false, check: {state: 'checking' as const}});
	const contexts = () => apply(base(), {type: 'open', modal: {kind: 'contexts', rows: [contextRow('a'), contextRow('b'), contextRow('c')], selected: 0, marked: {}, problems: []}});
	test('contexts-select', 'moves within the contexts, never past the ends', () => {
		expect(apply(contexts(), {type: 'contexts-select', delta: 5}).modal).toMatchObject({selected: 2});
		expect(apply(contexts(), {type: 'contexts-select', delta: 1}, {type: 'contexts-select', delta: -3}).modal).toMatchObject({selected: 0});
	});
	test('contexts-mark', 'marks the selected context and moves on; again unmarks it', () => {
		const once = apply(contexts(), {type: 'contexts-mark'}, {type: 'contexts-mark'});
		expect(once.modal).toMatchObject({marked: {a: true, b: true}, selected: 2});
		const undone = apply(once, {type: 'contexts-select', delta: -1}, {type: 'contexts-mark'});
		expect(undone.modal).toMatchObject({marked: {a: true}});
	});
	test('context-check', 'records whether a context answers', () => {
		const s = apply(contexts(), {type: 'context-check', name: 'b', check: {state: 'down', error: 'refused'}});
		expect(s.modal?.kind === 'contexts' && s.modal.rows.map(r => r.check.state)).toEqual(['checking', 'down', 'checking']);
	});
	test('hosts', 'keeps each host\'s state (several hosts)', () => {
		const hosts = [{name: 'a', endpoint: 'unix:///a', state: 'up' as const, since: 0}, {name: 'b', endpoint: 'unix:///b', state: 'down' as const, error: 'gone', since: 0}];
		expect(apply(base(), {type: 'hosts', hosts}).hosts).toEqual(hosts);
	});
	test('log-add', 'appends to the command log, numbering each entry one past the last (a carried log included)', () => {
		expect(apply(base(), {type: 'log-add', entry: {at: 0, cli: 'docker stop a', result: 'running'}}).commandLog).toEqual([{id: 1, at: 0, cli: 'docker stop a', result: 'running'}]);
		// After a context switch the log comes along whole: new entries never take an old id.
		const carried = {...base(), commandLog: [{id: 1, at: 0, cli: 'docker stop a', result: 'ok' as const}, {id: 2, at: 0, cli: 'docker kill b', result: 'error' as const}]};
		const s = apply(carried, {type: 'log-add', entry: {at: 1, cli: 'docker pause c', result: 'running'}}, {type: 'log-update', id: 3, result: 'ok', message: 'Paused c'});
		expect(s.commandLog.map(e => [e.id, e.result, e.message])).toEqual([[1, 'ok', undefined], [2, 'error', undefined], [3, 'ok', 'Paused c']]);
		// Past the log's capacity the oldest go; the numbering goes on.
		let full = base();
		for (let i = 0; i < 501; i++) full = apply(full, {type: 'log-add', entry: {at: i, cli: `docker stop c${i}`, result: 'ok'}});
		expect(full.commandLog).toHaveLength(500);
		expect(full.commandLog[0]!.id).toBe(2);
		expect(apply(full, {type: 'log-add', entry: {at: 0, cli: 'x', result: 'ok'}}).commandLog.at(-1)!.id).toBe(502);
	});
	test('log-update', 'records how an entry went', () => {
		const s = apply(base(), {type: 'log-add', entry: {at: 0, cli: 'docker stop a', result: 'running'}}, {type: 'log-update', id: 1, result: 'error', message: 'No such container'});
		expect(s.commandLog[0]).toMatchObject({result: 'error', message: 'No such container'});
	});
	test('busy', 'marks and unmarks a row', () => {
		expect(apply(base(), {type: 'busy', id: a.id, label: 'stopping…'}).busy).toEqual({[a.id]: 'stopping…'});
		expect(apply(base(), {type: 'busy', id: a.id, label: 'stopping…'}, {type: 'busy', id: a.id}).busy).toEqual({});
	});
	test('status', 'sets and clears the message', () => {
		expect(apply(base(), {type: 'status', status: {tone: 'ok', text: 'done'}}).status?.text).toBe('done');
		expect(apply(base(), {type: 'status', status: {tone: 'ok', text: 'done'}}, {type: 'status'}).status).toBeUndefined();
	});
	test('mark', 'marks and unmarks', () => {
		expect(apply(base(), {type: 'mark', key: a.id}).lists.containers!.marked).toEqual({[a.id]: true});
		expect(apply(base(), {type: 'mark', key: a.id}, {type: 'mark', key: a.id}).lists.containers!.marked).toEqual({});
	});
	test('clear-marks', 'clears every mark', () => {
		expect(apply(base(), {type: 'mark', key: a.id}, {type: 'mark', key: b.id}, {type: 'clear-marks'}).lists.containers!.marked).toEqual({});
	});
	test('sort-next', 'cycles the sort keys', () => {
		expect(apply(base(), {type: 'sort-next'}).lists.containers!.sort).toEqual({key: 'name', reverse: false});
	});
	test('sort-reverse', 'reverses the order', () => {
		const s = apply(base(), {type: 'sort-next'}, {type: 'sort-reverse'});
		expect(visibleContainers(s).map(c => c.name)).toEqual(['off', 'b', 'a']);
	});
	test('stats', 'keeps the state when the samples are the same objects', () => {
		const sample = {cpuPercent: 1} as never;
		const s = apply(base(), {type: 'stats', stats: {[a.id]: sample}});
		expect(reducer(s, {type: 'stats', stats: {[a.id]: sample}})).toBe(s);
	});
	test('clock', 'moves the clock (and only when it changed)', () => {
		const s = reducer(base(), {type: 'clock', now: 5000});
		expect(s.clock).toBe(5000);
		expect(reducer(s, {type: 'clock', now: 5000})).toBe(s);
	});
	test('times', "keeps a container's exact times", () => {
		expect(reducer(base(), {type: 'times', id: a.id, times: {state: 'running', startedAt: 1}}).times[a.id]).toEqual({state: 'running', startedAt: 1});
	});
	test('logs-toggle', 'toggles timestamps, wrap and grep mode', () => {
		expect(apply(base(), {type: 'logs-toggle', what: 'wrap'}).logs.wrap).toBe(true);
	});
	test('logs-since', 'steps since, clamped', () => {
		expect(apply(base(), {type: 'logs-since', delta: -1}, {type: 'logs-since', delta: -1}).logs.since).toBe('1h');
		expect(apply(base(), {type: 'logs-since', delta: 1}).logs.since).toBe('all');
	});
	test('logs-tail', 'steps tail, clamped', () => {
		expect(apply(base(), {type: 'logs-tail', delta: 1}).logs.tail).toBe(500);
		expect(apply(base(), {type: 'logs-tail', delta: -1}, {type: 'logs-tail', delta: -1}).logs.tail).toBe(100);
	});
	test('merge', 'shows several containers merged, and back', () => {
		expect(apply(base(), {type: 'merge', merged: {ids: [a.id, b.id], title: 'm'}}).logs.merged?.ids).toEqual([a.id, b.id]);
		expect(apply(base(), {type: 'merge', merged: {ids: [a.id], title: 'm'}}, {type: 'merge'}).logs.merged).toBeUndefined();
	});
	const restarted = (keepPlace = false): Action => ({type: 'logs-restarted', generation: 1, keepPlace, targets: [{id: a.id, name: 'a'}]});
	const lines = (total: number, dropped = 0): Action => ({type: 'logs-stream', generation: 1, version: 1, total, dropped, state: 'streaming'});
	test('logs-restarted', 'starts a new run: targets, counts and matches reset; the place kept only when asked', () => {
		const s = apply(base(), restarted(), lines(100), {type: 'logs-scroll', delta: -10}, restarted(true));
		expect(s.logs).toMatchObject({generation: 1, total: 0, matches: [], targets: [{id: a.id, name: 'a'}]});
		expect(s.logs.scroll.follow).toBe(false);
		expect(apply(s, restarted(false)).logs.scroll).toEqual({follow: true});
	});
	test('logs-stream', 'takes the counts of the current run only', () => {
		const s = apply(base(), restarted(), lines(42, 2), {type: 'logs-stream', generation: 7, version: 9, total: 1, dropped: 0, state: 'ended'});
		expect(s.logs).toMatchObject({total: 42, dropped: 2, streamState: 'streaming'});
	});
	test('logs-scroll', 'scrolls by lines, parks, and follows again at the end', () => {
		let s = apply(base(), restarted(), lines(100), {type: 'logs-scroll', delta: -10});
		expect(s.logs.scroll).toEqual({follow: false, end: 90});
		s = apply(s, {type: 'logs-scroll', delta: 10});
		expect(s.logs.scroll).toEqual({follow: true});
		expect(apply(s, {type: 'logs-scroll', delta: 'first'}).logs.scroll.follow).toBe(false);
	});
	test('logs-scroll-to', 'parks at a line (never before the first page)', () => {
		expect(apply(base(), restarted(), lines(100), {type: 'logs-scroll-to', end: 50}).logs.scroll).toEqual({follow: false, end: 50});
	});
	test('logs-matches', 'takes the matches and the search error, dropping a current match that is gone', () => {
		const s = apply(base(), restarted(), lines(100), {type: 'logs-matches', matches: [3, 9], searched: false});
		expect(s.logs).toMatchObject({matches: [3, 9], searched: false});
		expect(apply(s, {type: 'logs-matches', matches: [], searched: true, error: 'pattern too large'}).logs.searchError).toBe('pattern too large');
	});
	test('logs-jump', 'jumps between matches and says where it is', () => {
		let s = apply(base(), {type: 'filter-start'}, {type: 'focus', pane: 'logs'}, {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('x')}, {type: 'filter-commit'});
		s = apply(s, restarted(), lines(100), {type: 'logs-matches', matches: [10, 50, 90], searched: true}, {type: 'logs-jump', direction: -1});
		expect(s.logs.current).toBe(90);
		expect(s.status?.text).toBe('match 3 of 3');
		s = reducer(s, {type: 'logs-jump', direction: 1});
		expect(s.logs.current).toBe(10);
		expect(s.status?.text).toBe('match 1 of 3');
	});
	test('logs-matches', 'a jump asked for before the search found anything is made when the matches arrive', () => {
		let s = apply(base(), restarted(), lines(100), {type: 'focus', pane: 'logs'}, {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('x')});
		// The new pattern's matches are not known yet: the old ones are gone, the search is not done.
		expect(s.logs).toMatchObject({matches: [], searched: false});
		s = apply(s, {type: 'filter-commit'}, {type: 'logs-jump', direction: -1});
		expect(s.logs.pendingJump).toBe(-1);
		expect(s.status?.text).toBe('No match yet for x (still searching)');
		s = apply(s, {type: 'logs-matches', matches: [10, 50], searched: false});
		expect(s.logs.current).toBe(50);
		expect(s.logs.pendingJump).toBeUndefined();
		expect(s.status?.text).toBe('match 2 of 2 so far');
	});
	test('logs-jump', 'from the live end, before the stream has reported its count, goes to the last match', () => {
		// The stream reports at most every 50 ms; a search reads the buffer, so it can find lines
		// the state's count does not hold yet (a search typed right after lines arrived).
		let s = apply(base(), {type: 'focus', pane: 'logs'}, {type: 'filter-start'}, {type: 'filter-line', line: lineAtEnd('alpha')}, {type: 'filter-commit'});
		s = apply(s, restarted(), {type: 'logs-matches', matches: [0, 2], searched: true}, {type: 'logs-jump', direction: -1});
		expect(s.logs.total).toBe(0);
		expect(s.logs.current).toBe(2);
		expect(s.status?.text).toBe('match 2 of 2');
		expect(s.logs.scroll).toEqual({follow: true});
	});

	it('has a test for every action type the reducer handles', () => {
		const source = ['state/reducer.ts', 'state/logs-reducer.ts', 'state/modal-reducer.ts'].map(f => readFileSync(new URL(`../../source/${f}`, import.meta.url), 'utf8')).join('\n');
		const handled = new Set([...source.matchAll(/case '([a-z-]+)':/g)].map(m => m[1]!));
		expect([...handled].filter(t => !covered.has(t as Action['type'])).sort()).toEqual([]);
		expect(selectedImageRow(base())?.ref).toBe('x:1');
	});
});
