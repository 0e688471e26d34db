/**
 * The engine feed's timing on the in-memory engine with fake timers: bursts coalesced, a
 * minimum gap between fetches, never two at once, lists that lag their events fetched again,
 * retries while the engine is away and reconnects with `since`.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {EngineError, type ContainerSummary} from '../../source/engine/types.js';
import type {Action} from '../../source/state/types.js';
import {coalesceMs, minRefreshGapMs, retryMs, safetyPollMs, startEngineFeed, type EngineFeed} from '../../source/state/engine-feed.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';

let feed: EngineFeed | undefined;

beforeEach(() => {
	vi.useFakeTimers({now: 1_800_000_000_000});
});

afterEach(() => {
	feed?.stop();
	feed = undefined;
	vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Starts the feed on `engine` and records what it dispatches and when each list was asked for. */
async function open(engine: FakeEngine) {
	const actions: Action[] = [];
	const lists: Array<{at: number; ids?: string[]}> = [];
	const list = engine.containers.list.bind(engine);
	engine.containers.list = async options => {
		lists.push({at: Date.now(), ids: options?.ids});
		return list(options);
	};
	feed = startEngineFeed(engine);
	feed.attach(action => actions.push(action));
	// Past the minimum gap after the first list, so the tests' first events are not held by it.
	await advance(minRefreshGapMs);
	const snapshots = () => actions.filter((a): a is Extract<Action, {type: 'snapshot'}> => a.type === 'snapshot');
	return {
		actions,
		lists,
		snapshots,
		/** The rows of the latest snapshot, as "name state". */
		shown: () => (snapshots().at(-1)?.containers ?? []).map(c => `${c.name} ${c.state}`).sort(),
		engineRows: () => engine.containerRows.map(c => `${c.name} ${c.state}`).sort(),
	};
}

const exited = (code: number): Partial<ContainerSummary> => ({state: 'exited', status: `Exited (${code}) Less than a second ago`, exitCode: code});

describe('coalescing and spacing', () => {
	it('one burst of events is one fetch, of the containers it named, after the coalescing window', async () => {
		const [a, b, c] = ['a', 'b', 'c'].map(name => fakeContainer({name}));
		const engine = new FakeEngine({containers: [a!, b!, c!]});
		const view = await open(engine);
		expect(view.lists).toHaveLength(1);
		engine.change(a!.id, 'die', exited(1));
		await advance(10);
		engine.change(b!.id, 'die', exited(2));
		await advance(10);
		engine.change(c!.id, 'pause', {state: 'paused'});
		await advance(coalesceMs - 21);
		expect(view.lists).toHaveLength(1);
		await advance(1);
		expect(view.lists).toHaveLength(2);
		expect(view.lists[1]!.ids).toEqual([a!.id, b!.id, c!.id]);
		await advance(5000);
		expect(view.lists).toHaveLength(2);
		expect(view.shown()).toEqual(view.engineRows());
	});

	it(`events arriving all the time: at most one fetch per ${minRefreshGapMs} ms, and the last state shown`, async () => {
		const box = fakeContainer({name: 'busy'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		for (let i = 0; i < 40; i++) {
			engine.change(box.id, i % 2 === 0 ? 'pause' : 'unpause', {state: i % 2 === 0 ? 'paused' : 'running'});
			await advance(25);
		}
		await advance(2000);
		const starts = view.lists.slice(1).map(l => l.at);
		for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(minRefreshGapMs);
		expect(starts.length).toBeLessThanOrEqual(Math.ceil(1000 / minRefreshGapMs) + 1);
		expect(view.shown()).toEqual(['busy running']);
	});

	it('never two fetches at once: what arrives during one is fetched after it', async () => {
		const [a, b] = ['a', 'b'].map(name => fakeContainer({name}));
		const engine = new FakeEngine({containers: [a!, b!]});
		const view = await open(engine);
		engine.hold('listContainers');
		engine.change(a!.id, 'die', exited(0));
		await advance(coalesceMs);
		expect(view.lists).toHaveLength(2);
		engine.change(b!.id, 'die', exited(0));
		await advance(5000);
		expect(view.lists).toHaveLength(2);
		engine.release('listContainers');
		await advance(minRefreshGapMs);
		expect(view.lists).toHaveLength(3);
		expect(view.lists[2]!.ids).toEqual([b!.id]);
		await advance(5000);
		expect(view.shown()).toEqual(['a exited', 'b exited']);
	});

	it('nothing is dispatched when a fetch finds nothing changed', async () => {
		const box = fakeContainer({name: 'same'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		const before = view.snapshots().length;
		engine.emit({type: 'container', action: 'exec_start', id: box.id, attributes: {}});
		await advance(1000);
		expect(view.lists).toHaveLength(2);
		expect(view.snapshots()).toHaveLength(before);
	});

	it('refresh() and the safety poll fetch everything', async () => {
		const engine = new FakeEngine({containers: [fakeContainer({name: 'x'})]});
		const view = await open(engine);
		feed!.refresh();
		await advance(coalesceMs);
		expect(view.lists.map(l => l.ids)).toEqual([undefined, undefined]);
		// Changed without an event: only the poll can find it.
		engine.containerRows = [...engine.containerRows, fakeContainer({name: 'quiet'})];
		await advance(safetyPollMs);
		expect(view.shown()).toEqual(['quiet running', 'x running']);
	});
});

describe('a list older than the event that reported the change', () => {
	// The real engine's timing (test/engine/feed.test.ts): `die` comes about 45 ms after `kill`,
	// and the list shows it up to ~30 ms later.
	it('kill, then die 45 ms later, the list 30 ms behind: the container is shown exited within a second', async () => {
		const box = fakeContainer({name: 'kt'});
		const engine = new FakeEngine({containers: [box]});
		engine.lagLists(30);
		const view = await open(engine);
		engine.change(box.id, 'kill');
		await advance(45);
		engine.change(box.id, 'die', exited(137));
		await advance(1000 - 45);
		expect(view.shown()).toEqual(['kt exited']);
	});

	it('die while the fetch that kill started is in flight: shown exited within a second', async () => {
		const box = fakeContainer({name: 'kt'});
		const engine = new FakeEngine({containers: [box]});
		engine.lagLists(30);
		const view = await open(engine);
		engine.hold('listContainers');
		engine.change(box.id, 'kill');
		await advance(coalesceMs + 10);
		engine.change(box.id, 'die', exited(137));
		await advance(5);
		engine.release('listContainers');
		await advance(1000 - coalesceMs - 15);
		expect(view.shown()).toEqual(['kt exited']);
	});

	it('each kind of change, with the list half a second behind: on screen within a second of its event', async () => {
		const names = ['die', 'stop', 'pause', 'unpause', 'start', 'rename', 'destroy', 'health', 'create'];
		const boxes = names.map(name => fakeContainer({name, state: name === 'start' ? 'created' : name === 'unpause' ? 'paused' : 'running'}));
		const engine = new FakeEngine({containers: boxes});
		engine.lagLists(500);
		const view = await open(engine);
		const id = (name: string) => boxes[names.indexOf(name)]!.id;
		engine.change(id('die'), 'die', exited(0));
		engine.change(id('stop'), 'stop', exited(143));
		engine.change(id('pause'), 'pause', {state: 'paused'});
		engine.change(id('unpause'), 'unpause', {state: 'running'});
		engine.change(id('start'), 'start', {state: 'running'});
		engine.change(id('rename'), 'rename', {name: 'renamed'});
		engine.change(id('destroy'), 'destroy');
		engine.change(id('health'), 'health_status: unhealthy', {status: 'Up 1 minute (unhealthy)', health: 'unhealthy'});
		const created = fakeContainer({name: 'new'});
		engine.containerRows.push(created);
		engine.emit({type: 'container', action: 'create', id: created.id, attributes: {name: 'new'}});
		await advance(1000);
		const rows = (list: ContainerSummary[]) => list.map(c => `${c.name} ${c.state} ${c.health ?? '-'}`).sort();
		expect(rows(view.snapshots().at(-1)!.containers)).toEqual(rows(engine.containerRows));
	});

	it('a row that never matches its event is asked for a bounded number of times, then left to the safety poll', async () => {
		const box = fakeContainer({name: 'odd'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		// An engine whose list never shows the pause it reported.
		engine.emit({type: 'container', action: 'pause', id: box.id, attributes: {}});
		await advance(safetyPollMs - 1000);
		const asked = view.lists.length;
		expect(asked).toBeGreaterThan(3);
		expect(asked).toBeLessThan(12);
		await advance(2000);
		expect(view.lists.length).toBe(asked + 1);
	});
});

describe('retries and reconnects', () => {
	it(`an unreachable engine: conn-down, asked again every ${retryMs / 1000} s, and no listener piles up (no MaxListenersExceededWarning)`, async () => {
		const warnings: Error[] = [];
		const onWarning = (warning: Error) => warnings.push(warning);
		process.on('warning', onWarning);
		try {
			const engine = new FakeEngine();
			engine.down = new EngineError('unreachable', 'No Docker socket at /x', {reason: 'no-socket'});
			const view = await open(engine);
			expect(view.actions.map(a => a.type)).toEqual(['conn-down']);
			const asked = engine.callsTo('info').length;
			await advance(retryMs * 20);
			await new Promise(resolve => process.nextTick(resolve));
			expect(warnings.map(w => w.name)).not.toContain('MaxListenersExceededWarning');
			expect(engine.callsTo('info')).toHaveLength(asked + 20);
			expect(view.actions.filter(a => a.type === 'conn-down')).toHaveLength(asked + 20);

			engine.down = undefined;
			engine.containerRows = [fakeContainer({name: 'back'})];
			await advance(retryMs);
			expect(view.actions.at(-2)?.type).toBe('conn-up');
			expect(view.shown()).toEqual(['back running']);
		} finally {
			process.off('warning', onWarning);
		}
	});

	it(`info() failing for any other reason (an endpoint that is not a Docker engine): conn-down with its message, retried every ${retryMs / 1000} s`, async () => {
		const engine = new FakeEngine();
		engine.fail('info', new EngineError('not-found', 'page not found', {statusCode: 404}), true);
		const view = await open(engine);
		expect(view.actions.map(a => a.type)).toEqual(['conn-down']);
		const down = view.actions[0] as Extract<Action, {type: 'conn-down'}>;
		expect(down.error.code).toBe('unreachable');
		expect(down.error.message).toBe('page not found');
		const asked = engine.callsTo('info').length;
		await advance(retryMs * 5);
		expect(engine.callsTo('info')).toHaveLength(asked + 5);
	});

	it('the events stream ends (an engine restart): berth reconnects at once with since = the last event it saw, and lists again', async () => {
		const box = fakeContainer({name: 'r'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		engine.emit({type: 'container', action: 'exec_start', id: box.id, attributes: {}, timeNano: '1800000000123456789'});
		await advance(1000);
		const listed = view.lists.length;
		engine.endEvents();
		await advance(0);
		expect(engine.callsTo('info')).toHaveLength(2);
		expect(engine.callsTo('streamEvents').at(-1)).toEqual(['streamEvents', {since: '1800000000.123456789'}]);
		expect(view.lists.length).toBe(listed + 1);
		expect(view.lists.at(-1)!.ids).toBeUndefined();
		expect(view.actions.filter(a => a.type === 'conn-up')).toHaveLength(2);
	});

	it('the events stream breaks for another reason: reconnects after a pause, without reporting the engine down', async () => {
		const engine = new FakeEngine({containers: [fakeContainer({name: 'e'})]});
		engine.fail('streamEvents', new EngineError('server', 'events broke'));
		const view = await open(engine);
		expect(engine.callsTo('streamEvents')).toHaveLength(1);
		await advance(999 - minRefreshGapMs);
		expect(engine.callsTo('streamEvents')).toHaveLength(1);
		await advance(1);
		expect(engine.callsTo('streamEvents')).toHaveLength(2);
		expect(view.actions.some(a => a.type === 'conn-down')).toBe(false);
	});

	it('a list that fails as unreachable while the events stream is open: the engine is reported down and the stream closed', async () => {
		const box = fakeContainer({name: 'l'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		engine.fail('listContainers', new EngineError('unreachable', 'No Docker socket at /x', {reason: 'no-socket'}));
		engine.emit({type: 'container', action: 'die', id: box.id, attributes: {}});
		await advance(coalesceMs);
		expect(view.actions.at(-1)?.type).toBe('conn-down');
		// Asked again right away, found up: the list comes back.
		await advance(retryMs);
		expect(view.actions.filter(a => a.type === 'conn-up')).toHaveLength(2);
	});

	it('a list that fails for another reason is tried again after a pause, not in a tight loop', async () => {
		const box = fakeContainer({name: 's'});
		const engine = new FakeEngine({containers: [box]});
		const view = await open(engine);
		engine.fail('listContainers', new EngineError('server', 'boom'), true);
		engine.change(box.id, 'die', exited(0));
		await advance(5000);
		const failed = view.lists.length - 1;
		expect(failed).toBeGreaterThanOrEqual(3);
		expect(failed).toBeLessThanOrEqual(6);
		engine.failures.clear();
		await advance(1000);
		expect(view.shown()).toEqual(['s exited']);
		expect(view.actions.some(a => a.type === 'conn-down')).toBe(false);
	});
});

describe('before the UI attaches', () => {
	it('take() hands over what happened so far, and attach does not repeat it', async () => {
		const engine = new FakeEngine({containers: [fakeContainer({name: 'early'})]});
		feed = startEngineFeed(engine);
		await feed.ready;
		const first = feed.take();
		expect(first.map(a => a.type)).toEqual(['conn-up', 'snapshot']);
		const later: Action[] = [];
		feed.attach(action => later.push(action));
		expect(later).toEqual([]);
		engine.change(engine.containerRows[0]!.id, 'die', exited(0));
		await advance(1000);
		expect(later.map(a => a.type)).toEqual(['snapshot']);
	});
});
