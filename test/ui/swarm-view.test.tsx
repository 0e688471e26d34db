/**
 * The Swarm view (`4`) on the in-memory engine: what the three parts list, that a worker or an
 * engine in no swarm gets one line and no reads, moving between and within the parts, inspect
 * tables, the merged service log, and that it fits 80x24 and 120x40.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine} from '../support/fake-engine.js';
import {ESC, PAGE_DOWN, TAB} from '../support/keys.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';
import {stringWidth} from '../../source/text/width.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** A manager of two nodes with a replicated service (one failed task in its history) and a global one. */
function swarmWorld() {
	const engine = new FakeEngine();
	engine.swarm.becomeManager(['node-1', 'node-2']);
	engine.swarm.nodes[1]!.labels = {zone: 'b', ssd: ''};
	const web = engine.swarm.addService({name: 'web', replicas: 2, ports: [{protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress'}]});
	const agent = engine.swarm.addService({name: 'agent', mode: 'global', image: 'berth-test/agent:2'});
	const at = '2026-11-23T10:00:00Z';
	engine.swarm.tasks.push({
		id: 'deadtask0000000000000000x', serviceId: web.id, name: 'web.1', slot: 1, nodeId: engine.swarm.nodes[0]!.id, node: 'node-1', desiredState: 'shutdown',
		state: 'failed', message: 'started', error: 'task: non-zero exit (137)', stateSince: at, createdAt: '2026-01-01T00:00:00Z', updatedAt: at, image: 'berth-test/busybox:latest', exitCode: 137,
	});
	return {engine, web, agent};
}

const swarmCalls = (engine: FakeEngine) => ['listServices', 'listNodes', 'listTasks', 'inspectService', 'inspectNode'].flatMap(m => engine.callsTo(m)).length;
const swarmStreams = (engine: FakeEngine) => engine.callsTo('streamEvents').filter(c => (c[1] as {swarm?: boolean}).swarm === true).length;

/** The frame's lines that hold `text`. */
const linesWith = (frame: string, text: string) => frame.split('\n').filter(l => l.includes(text));

describe('the Swarm view on a manager', () => {
	it('lists services (mode, replicas, image, ports), the selected one’s tasks (slot, node, states, error, age) and the nodes', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.waitFor('1 Containers');
		// Closed, it costs nothing.
		expect(engine.callsTo('swarmRole')).toHaveLength(0);
		await app.press('4');
		let frame = await app.waitFor('Tasks of agent');
		expect(frame).toContain('Swarm — manager node-1');
		const agentRow = linesWith(frame, 'berth-test/agent:2')[0]!;
		expect(agentRow).toMatch(/agent\s+global\s+2\/2\s+berth-test\/agent:2/);
		const webRow = linesWith(frame, '*:8080->80/tcp')[0]!;
		expect(webRow).toMatch(/web\s+replicated\s+2\/2\s+berth-test\/busybox:latest\s+\*:8080->80\/tcp/);
		// Global tasks: one per node.
		expect(frame).toMatch(/-\s+node-1\s+Running\s+Running/);
		expect(frame).toMatch(/-\s+node-2\s+Running\s+Running/);
		// Nodes: hostname (* this engine), status, availability, manager status, engine version, labels.
		expect(linesWith(frame, 'node-1 *')[0]).toMatch(/node-1 \*\s+Ready\s+Active\s+Leader\s+99\.0\.0-fake/);
		expect(linesWith(frame, 'zone=b')[0]).toMatch(/node-2\s+Ready\s+Active\s+99\.0\.0-fake\s+ssd, zone=b/);

		// j: web, and its tasks: the slots, the failed older task of slot 1 after its newest, with its error.
		await app.press('j');
		frame = await app.waitFor('3 tasks, 2 running');
		expect(frame).toContain('Tasks of web');
		expect(frame).toMatch(/\n1\s+node-1\s+Running\s+Running\s+\d+s/);
		expect(frame).toMatch(/\n \\_ 1\s+node-1\s+Shutdown\s+Failed\s+\S+\s+task: non-zero exit \(137\)/);
		expect(frame).toMatch(/\n2\s+node-2\s+Running\s+Running/);
	});

	it('Tab and Shift-Tab move between the parts, j/k g/G within one; Esc closes and the reads stop', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.waitFor('1 Containers');
		await app.press('4');
		await app.waitFor('Tasks of agent');
		// Nodes part (Tab Tab), last node; inspect shows which one is selected.
		await app.press(`${TAB}${TAB}Gi`);
		await app.waitFor('Node — node-2');
		await app.press(ESC);
		// Shift-Tab Shift-Tab: back to services; G: web; i: inspect web.
		await app.press('\u001B[Z\u001B[ZGi');
		await app.waitFor('Service — web');
		await app.press(`${ESC}gi`);
		await app.waitFor('Service — agent');
		await app.press(ESC);
		await app.waitFor('Tasks of agent');
		expect(swarmStreams(engine)).toBe(1);
		await app.press(ESC);
		await app.waitFor('1 Containers');
		const reads = swarmCalls(engine);
		// A change now reaches nobody: no stream is open, nothing is read.
		engine.swarm.addService({name: 'late'});
		engine.emit({type: 'service', action: 'create', id: 'late', attributes: {name: 'late'}});
		await sleep(300);
		expect(swarmCalls(engine)).toBe(reads);
	});

	it('a service event brings the lists up to date', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of agent');
		const made = engine.swarm.addService({name: 'cache', replicas: 1});
		engine.emit({type: 'service', action: 'create', id: made.id, attributes: {name: 'cache'}});
		await app.waitFor(f => /cache\s+replicated\s+1\/1/.test(f));
	});

	it('i shows a service and a node in tables', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of agent');
		await app.press('j', 'i');
		let frame = await app.waitFor('Restart policy');
		expect(frame).toContain('Service — web');
		expect(frame).toMatch(/│ Mode\s+│ replicated \(2 replicas\)/);
		expect(frame).toMatch(/│ Image\s+│ berth-test\/busybox:latest/);
		// One PgDn lands, pressed as soon as the tables show (the view measures itself as it draws).
		await app.press(PAGE_DOWN);
		frame = await app.waitFor('Update policy');
		expect(frame).toMatch(/│ 8080\s+│ 80\s+│ tcp\s+│ ingress/);
		expect(engine.callsTo('inspectService')).toHaveLength(1);
		// PgDn in the same read as `i`, before the node's details have arrived: it is kept, not lost.
		await app.press(`${ESC}${TAB}${TAB}i${PAGE_DOWN}`);
		frame = await app.waitFor('json-file');
		expect(frame).toContain('Node — node-1');
		expect(frame).toMatch(/│ Log\s+│ json-file/);
		// Scrolled to the end: the Summary title went off the top.
		expect(frame).not.toContain('Summary');
	});

	it('l shows the service log merged across its tasks, prefixed task.id@node, hostile text neutralised, live', async () => {
		const {engine, web} = swarmWorld();
		const [one, two] = engine.swarm.tasks.filter(t => t.serviceId === web.id && t.desiredState === 'running');
		engine.swarm.pushServiceLog(web.id, [
			{text: 'hello from one', taskId: one!.id},
			{text: 'hello from two', taskId: two!.id},
			{text: '\u001B]52;c;ZXZpbA==\u0007\u001B[2Jevil \u001B[31mred\u202Eright', taskId: two!.id, stream: 'stderr'},
		]);
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of agent');
		await app.press('jl');
		const frame = await app.waitFor('hello from two');
		expect(frame).toContain('docker service logs -f --tail 200 -t web');
		expect(frame).toMatch(new RegExp(`web\\.1\\.${one!.id.slice(0, 12)}@node-1 \\| hello from one`));
		expect(frame).toMatch(new RegExp(`web\\.2\\.${two!.id.slice(0, 12)}@node-2 \\| hello from two`));
		const hostile = linesWith(frame, 'evil')[0]!;
		expect(hostile).toContain('evil red');
		expect(hostile).not.toContain('ZXZpbA');
		expect(frame).not.toContain('\u001B');
		expect(frame).not.toContain('\u202E');
		// Live: a line written now shows.
		engine.swarm.pushServiceLog(web.id, [{text: 'later line', taskId: one!.id}]);
		await app.waitFor('later line');
		// Esc: back to the Swarm view, and the stream has ended.
		await app.press(ESC);
		await app.waitFor('Tasks of web');
		expect((engine.swarm as unknown as {logSubscribers: Set<unknown>}).logSubscribers.size).toBe(0);
	});
});

describe('the Swarm view elsewhere', () => {
	it('on a worker says so in one line (whole at 80 columns) and reads nothing else', async () => {
		const engine = new FakeEngine();
		engine.swarm.membership = {role: 'worker', localState: 'active', nodeId: 'w1'};
		app = await renderApp(engine, {rows: 24, columns: 80});
		await app.waitFor('1 Containers');
		await app.press('4');
		const frame = await app.waitFor('swarm worker');
		expect(linesWith(frame, 'This engine is a swarm worker: services, tasks and nodes are read on a manager')).toHaveLength(1);
		expect(frame).not.toContain('Services');
		// Keys in it do nothing harmful and ask nothing.
		await app.press(`${TAB}jsdlDi`);
		await sleep(300);
		expect(engine.callsTo('swarmRole')).toHaveLength(1);
		expect(swarmCalls(engine)).toBe(0);
		expect(swarmStreams(engine)).toBe(0);
		// Opened again, it asks again (the engine may have joined meanwhile).
		await app.press(`${ESC}4`);
		await app.waitFor('swarm worker');
		expect(engine.callsTo('swarmRole')).toHaveLength(2);
	});

	it('on an engine in no swarm says so in one line and reads nothing else', async () => {
		const engine = new FakeEngine();
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		const frame = await app.waitFor('This engine is not in a swarm (docker swarm init makes it a manager)');
		// No parts to move between: Tab is not offered.
		expect(frame).not.toContain('next part');
		expect(frame).toContain('Esc/q back');
		await sleep(300);
		expect(swarmCalls(engine)).toBe(0);
		expect(swarmStreams(engine)).toBe(0);
	});
});

describe('the Swarm view when the engine changes its mind', () => {
	it('a manager demoted while the view is open: the refusal shows, then the one line', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of agent');
		engine.swarm.membership = {role: 'worker', localState: 'active', nodeId: 'w1'};
		engine.emit({type: 'node', action: 'update', id: 'w1', attributes: {name: 'node-1'}});
		await app.waitFor("Worker nodes can't be used to view or modify cluster state");
		const frame = await app.waitFor('This engine is a swarm worker', 8000);
		expect(engine.callsTo('swarmRole')).toHaveLength(2);
		// What it listed is gone, and with it the keys that acted on it: s asks nothing, d and D confirm nothing.
		expect(frame).not.toMatch(/ (s scale|d rm|l logs|i\/Enter inspect) /);
		const reads = swarmCalls(engine);
		await app.press('sdD');
		await sleep(300);
		expect(app.lastFrame()).not.toMatch(/how many replicas|Remove service|Drain/);
		expect(swarmCalls(engine)).toBe(reads);
	});

	it('a manager that refuses (no leader) is asked again in a while, not in a loop', async () => {
		const {engine} = swarmWorld();
		engine.fail('listServices', new EngineError('server', 'rpc error: code = Unknown desc = The swarm does not have a leader.', {statusCode: 503}), true);
		// Answered after a turn of the event loop, as over a socket: a loop of asking again then shows
		// as a count of calls (and not as a test that hangs on promises that never let a timer run).
		const listServices = engine.services.list.bind(engine);
		engine.services.list = async () => {
			await new Promise(resolve => setImmediate(resolve));
			return listServices();
		};
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('The swarm does not have a leader');
		await sleep(1000);
		expect(engine.callsTo('swarmRole').length).toBeLessThanOrEqual(2);
		expect(engine.callsTo('listServices').length).toBeLessThanOrEqual(2);
		// Once it answers again, the lists are back.
		engine.failures.delete('listServices');
		await app.waitFor(f => f.includes('Tasks of agent') && !f.includes('does not have a leader'), 8000);
	});
});

describe('the Swarm view fits', () => {
	for (const [columns, rows] of [
		[80, 24],
		[120, 40],
	] as const) {
		it(`at ${columns}x${rows}: all three parts show, no line is wider than the terminal`, async () => {
			const {engine} = swarmWorld();
			for (let i = 0; i < 28; i++) engine.swarm.addService({name: `svc-${String(i).padStart(2, '0')}`});
			app = await renderApp(engine, {rows, columns});
			await app.press('4');
			const frame = await app.waitFor(f => f.includes('Tasks of agent') && f.includes('node-2'));
			const lines = frame.split('\n');
			expect(lines.length).toBeLessThanOrEqual(rows);
			for (const line of lines) expect(stringWidth(line), line).toBeLessThan(columns);
			expect(frame).toMatch(/ Services\s+30 services {2}1\/30/);
			expect(frame).toContain('Nodes');
			// The list is windowed: the last service shows once selected.
			await app.press('G');
			await app.waitFor(f => f.includes('Tasks of web') && f.includes('30/30'));
		});
	}
});
