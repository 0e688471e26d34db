/**
 * The command log is a record (issue 18, item 1): each entry keeps its own result across context
 * switches, the view scrolls with every key the help offers and draws each entry whole, and
 * `docker context use` (`u` in the contexts view) is an entry. Driven as a user would, on the
 * in-memory engine, with a contexts source that switches the way cli.tsx does (a new engine and
 * a new App, the command log carried over).
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import chalk from 'chalk';
import {afterEach, describe, expect, it, onTestFinished} from 'vitest';
import type {ContextsSource} from '../../source/commands/command-services.js';
import {EngineError} from '../../source/engine/types.js';
import type {CarriedState, ContextRow} from '../../source/state/contexts-types.js';
import {App} from '../../source/ui/app.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {ENTER, ESC, PAGE_DOWN, PAGE_UP} from '../support/keys.js';
import {macrotask, plain, sleep} from '../support/render-app.js';
import {escapeWaitMs} from '../../source/input/key-reader.js';

const HOME = '\u001B[H';
const END = '\u001B[F';

function contextRow(name: string, inUse: boolean): ContextRow {
	return {name, description: '', endpoint: `unix:///fake/${name}.sock`, current: inUse, inUse, check: {state: 'up', version: '99.0'}};
}

/** berth on context "one", switchable to "two" as cli.tsx switches: a new engine and App, the log carried. */
async function switchable(engines: Record<string, FakeEngine>, options: {rows?: number; cwd?: string; useFails?: string} = {}) {
	let shown = 'one';
	let generation = 0;
	let carried: CarriedState | undefined;
	const used: string[] = [];
	const source: ContextsSource = {
		list: () => ({rows: Object.keys(engines).map(name => contextRow(name, name === shown)), problems: []}),
		check() {},
		use(name) {
			if (options.useFails) throw new Error(options.useFails);
			used.push(name);
			return `${name} is now the docker CLI's current context`;
		},
		switchTo(names, carry, note) {
			shown = names[0]!;
			generation++;
			carried = {...carry, status: {tone: 'ok', text: note ? `${note}; showing ${shown}` : `Showing ${shown}`, at: Date.now()}};
			instance.rerender(element());
		},
	};
	const element = () => (
		<App key={generation} engine={engines[shown]!} carried={carried} contexts={source} cwd={options.cwd} now={() => new Date('2026-11-23T10:30:00')} />
	);
	const instance = render(element());
	const stdout = instance.stdout as unknown as NodeJS.EventEmitter & {rows?: number};
	stdout.rows = options.rows ?? 40;
	stdout.emit('resize');
	await macrotask();
	const lastFrame = () => plain(instance.lastFrame());
	return {
		instance,
		used,
		lastFrame,
		async press(keys: string) {
			instance.stdin.write(keys);
			await macrotask();
			await macrotask();
			if (keys.endsWith(ESC)) await sleep(escapeWaitMs + 10);
			await macrotask();
		},
		async waitFor(predicate: string | ((frame: string) => boolean), timeout = 3000) {
			const test = typeof predicate === 'string' ? (f: string) => f.includes(predicate) : predicate;
			const deadline = Date.now() + timeout;
			for (;;) {
				const frame = lastFrame();
				if (test(frame)) return frame;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(predicate)}; last frame:\n${frame}`);
				await sleep(20);
			}
		},
	};
}

type App = Awaited<ReturnType<typeof switchable>>;
let app: App | undefined;
afterEach(() => {
	app?.instance.unmount();
	app = undefined;
});

function world() {
	const a1 = fakeContainer({name: 'a1'});
	const b2 = fakeContainer({name: 'b2'});
	const x9 = fakeContainer({name: 'x9'});
	const one = new FakeEngine({containers: [a1, b2]});
	const two = new FakeEngine({containers: [x9]});
	one.fail('killContainer', new EngineError('conflict', 'Container b2 is not running'));
	return {one, two};
}

/** On "one": stop a1 (succeeds) and kill b2 (refused); then a switch to "two". */
async function twoEntriesThenSwitch(ui: App) {
	await ui.waitFor('a1');
	await ui.press('s');
	await ui.waitFor('Stopped a1');
	// b2 by name (a1 exited moves down the list when the engine's list says so).
	await ui.press(`/b2${ENTER}`);
	await ui.waitFor('1 of 2 shown');
	await ui.press('Ky');
	await ui.waitFor('Container b2 is not running');
	await ui.press('0');
	await ui.waitFor('Docker contexts');
	await ui.press(`j${ENTER}`);
	await ui.waitFor(f => f.includes('x9') && !f.includes('a1'));
}

/** Each entry's two lines as the view draws them: [command line, outcome line]. */
function entriesOf(frame: string): Array<[string, string]> {
	const lines = frame.split('\n');
	const start = lines.findIndex(l => l.includes('Command log —'));
	const body = lines.slice(start + 1, start + 1 + 2 * 30);
	const result: Array<[string, string]> = [];
	for (let i = 0; i + 1 < body.length; i += 2) {
		if (!/^ [✓✗…] /.test(body[i]!)) break;
		result.push([body[i]!.trim(), body[i + 1]!.trim()]);
	}
	return result;
}

describe('the command log across a context switch', () => {
	it('keeps each entry\'s result: later actions on the new engine change none of the earlier entries', async () => {
		const {one, two} = world();
		const cwd = mkdtempSync(path.join(tmpdir(), 'berth-record-'));
		app = await switchable({one, two}, {cwd});
		await twoEntriesThenSwitch(app);
		// Pause and unpause x9 on the new engine.
		await app.press('p');
		await app.waitFor(f => f.includes('Paused x9') && f.includes('‖ paused'));
		await app.press('p');
		await app.waitFor(f => f.includes('Unpaused x9') && f.includes('● running'));
		await app.press(':');
		const frame = await app.waitFor('Command log — 4 this session');
		const entries = entriesOf(frame);
		expect(entries.map(([line]) => line.replace(/\d\d:\d\d:\d\d {2}/, ''))).toEqual(['✓ docker stop a1', '✗ docker kill b2', '✓ docker pause x9', '✓ docker unpause x9']);
		expect(entries.map(([, outcome]) => outcome)).toEqual(['Stopped a1', 'Container b2 is not running', 'Paused x9', 'Unpaused x9']);
		// The written script says the same.
		await app.press('w');
		await app.waitFor('Wrote the command log to');
		const text = readFileSync(path.join(cwd, readdirSync(cwd)[0]!), 'utf8');
		expect(text).toMatch(/ ok: Stopped a1\ndocker stop a1\n/);
		expect(text).toMatch(/ error: Container b2 is not running\ndocker kill b2\n/);
		expect(text).toMatch(/ ok: Paused x9\ndocker pause x9\n/);
		expect(text).toMatch(/ ok: Unpaused x9\ndocker unpause x9\n/);
	});
});

describe('scrolling the command log', () => {
	/** Two entries before a switch and ten after (pause and unpause x9 in turn). */
	async function twelveEntries(rows: number) {
		const {one, two} = world();
		const ui = await switchable({one, two}, {rows});
		await twoEntriesThenSwitch(ui);
		for (let i = 0; i < 10; i++) {
			await ui.press('p');
			await ui.waitFor(f => (i % 2 === 0 ? f.includes('Paused x9') && f.includes('‖ paused') : f.includes('Unpaused x9') && f.includes('● running')));
		}
		await ui.press(':');
		await ui.waitFor('Command log — 12 this session');
		return ui;
	}
	const expected: Array<[string, string]> = [
		['docker stop a1', 'Stopped a1'],
		['docker kill b2', 'Container b2 is not running'],
		...Array.from({length: 10}, (_, i): [string, string] => (i % 2 === 0 ? ['docker pause x9', 'Paused x9'] : ['docker unpause x9', 'Unpaused x9'])),
	];
	/** The frame shows a run of consecutive entries, each with its own command line and outcome. */
	function checkWhole(frame: string): number {
		const shown = entriesOf(frame).map(([line, outcome]): [string, string] => [line.replace(/^[✓✗…] \d\d:\d\d:\d\d {2}/, ''), outcome]);
		expect(shown.length).toBeGreaterThan(0);
		const first = expected.findIndex((_, i) => expected.slice(i, i + shown.length).every((e, j) => e[0] === shown[j]![0] && e[1] === shown[j]![1]));
		expect(first, `entries shown whole and in order:\n${frame}`).toBeGreaterThanOrEqual(0);
		return first;
	}

	it('k back to the first entry and j forward draw every entry whole (its command line and its own outcome)', async () => {
		app = await twelveEntries(24);
		checkWhole(app.lastFrame());
		for (let i = 0; i < 12; i++) {
			await app.press('k');
			checkWhole(app.lastFrame());
		}
		expect(checkWhole(app.lastFrame())).toBe(0);
		for (let i = 0; i < 12; i++) {
			await app.press('j');
			checkWhole(app.lastFrame());
		}
	});

	it('g, G, Home, End, PgUp and PgDn move through the log, as the help says', async () => {
		// Colours on, for the selected entry's inverse.
		const level = chalk.level;
		chalk.level = 1;
		onTestFinished(() => {
			chalk.level = level;
		});
		app = await twelveEntries(24);
		/** The selected entry (drawn inverse) by its place in the log, and the first one shown. */
		const where = () => {
			const raw = app!.instance.lastFrame()!.split('\n');
			const start = raw.findIndex(l => plain(l).includes('Command log —'));
			const at = raw.findIndex((l, i) => i > start && l.includes('\u001B[7m'));
			return {selected: checkWhole(app!.lastFrame()) + (at - start - 1) / 2, top: checkWhole(app!.lastFrame())};
		};
		// The view shows 10 entries at 24 rows; it opens on the last.
		expect(where()).toEqual({selected: 11, top: 2});
		await app.press('g');
		expect(where()).toEqual({selected: 0, top: 0});
		await app.press('G');
		expect(where()).toEqual({selected: 11, top: 2});
		await app.press(HOME);
		expect(where()).toEqual({selected: 0, top: 0});
		await app.press(END);
		expect(where()).toEqual({selected: 11, top: 2});
		// A page is the 10 entries on screen; the window moves only as far as the selection needs.
		await app.press(PAGE_UP);
		expect(where()).toEqual({selected: 1, top: 1});
		await app.press(PAGE_UP);
		expect(where()).toEqual({selected: 0, top: 0});
		await app.press(PAGE_DOWN);
		expect(where()).toEqual({selected: 10, top: 1});
		await app.press(PAGE_DOWN);
		expect(where()).toEqual({selected: 11, top: 2});
		// k within the window moves the selection, not the window.
		await app.press('kkk');
		expect(where()).toEqual({selected: 8, top: 2});
	});
});

describe('u in the contexts view', () => {
	it('is an entry: docker context use NAME, with how it went', async () => {
		const {one, two} = world();
		app = await switchable({one, two});
		await app.waitFor('a1');
		await app.press('0');
		await app.waitFor('Docker contexts');
		await app.press('ju');
		await app.waitFor("two is now the docker CLI's current context");
		expect(app.used).toEqual(['two']);
		await app.press(':');
		const frame = await app.waitFor('Command log — 1 this session');
		expect(entriesOf(frame)).toEqual([[expect.stringMatching(/^✓ \d\d:\d\d:\d\d {2}docker context use two$/), "two is now the docker CLI's current context"]]);
	});

	it('a refusal is an entry too, with the reason', async () => {
		const {one, two} = world();
		app = await switchable({one, two}, {useFails: 'EACCES: permission denied, open config.json'});
		await app.waitFor('a1');
		await app.press('0');
		await app.waitFor('Docker contexts');
		await app.press('ju');
		await app.waitFor('permission denied');
		await app.press(`${ESC}`);
		await app.press(':');
		const frame = await app.waitFor('Command log — 1 this session');
		expect(entriesOf(frame)).toEqual([[expect.stringMatching(/^✗ \d\d:\d\d:\d\d {2}docker context use two$/), 'EACCES: permission denied, open config.json']]);
	});
});
