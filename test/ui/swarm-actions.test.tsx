/**
 * The Swarm view's actions on the in-memory engine: scale (the prompt refuses what is not a
 * replica count, then the count is followed until the service converges), force update,
 * rollback and rm of a service, drain / pause / activate of a node — each asks first with No
 * the default — and an engine refusal shown in the engine's words with nothing changed.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine} from '../support/fake-engine.js';
import {BACKSPACE, ENTER, ESC, TAB} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function swarmWorld() {
	const engine = new FakeEngine();
	engine.swarm.becomeManager(['node-1', 'node-2']);
	const agent = engine.swarm.addService({name: 'agent', mode: 'global'});
	const web = engine.swarm.addService({name: 'web', replicas: 2});
	return {engine, web, agent};
}

/** Opens the view with web (the second service) selected. */
async function openOnWeb(engine: FakeEngine, rows = 40): Promise<RenderedApp> {
	const rendered = await renderApp(engine, {rows});
	await rendered.press('4');
	await rendered.waitFor('Tasks of agent');
	await rendered.press('j');
	await rendered.waitFor('Tasks of web  2 tasks');
	return rendered;
}

const webRow = (frame: string) => frame.split('\n').find(l => /^web\s/.test(l)) ?? '';
const nodeRow = (frame: string, name: string) => frame.split('\n').find(l => l.startsWith(`${name} `)) ?? '';
const dialogOpen = (frame: string) => frame.includes('y yes   n/Esc no (default)');

describe('scale', () => {
	it('asks for the count (the current one offered), refuses what is not a count with the reason, then follows it to convergence', async () => {
		const {engine, web} = swarmWorld();
		engine.swarm.autoConverge = false;
		app = await openOnWeb(engine);
		await app.press('s');
		let frame = await app.waitFor('Scale web to how many replicas?');
		expect(frame).toMatch(/> 2/);
		await app.press(`${BACKSPACE}x${ENTER}`);
		await app.waitFor('Not a replica count: x — type a whole number, 0 or more');
		await app.press(`${BACKSPACE}-1${ENTER}`);
		await app.waitFor('Not a replica count: -1');
		await app.press(`${BACKSPACE}${BACKSPACE}${ENTER}`);
		await app.waitFor('Type the number of replicas (0 or more)');
		await app.press(`2${ENTER}`);
		await app.waitFor('web has 2 replicas already');
		expect(engine.callsTo('scaleService')).toHaveLength(0);

		// While the engine works on it the row says so.
		engine.hold('scaleService');
		await app.press(`${BACKSPACE}4${ENTER}`);
		await app.waitFor(f => webRow(f).includes('scaling…'));
		engine.release('scaleService');
		frame = await app.waitFor(f => /web\s+replicated\s+2\/4/.test(f));
		expect(webRow(frame)).toContain('scaling to 4…');
		expect(engine.callsTo('scaleService')).toEqual([['scaleService', web.id, 4]]);
		// The new tasks are pending until the engine gets them running; the view keeps reading.
		await app.waitFor(f => /\n3\s+node-1\s+Running\s+Pending/.test(f));
		engine.swarm.converge(web.id);
		frame = await app.waitFor('web has converged: 4/4 running', 8000);
		expect(webRow(frame)).toMatch(/web\s+replicated\s+4\/4/);
		expect(webRow(frame)).not.toContain('scaling');
		// The command log has the CLI line.
		await app.press(':');
		await app.waitFor('docker service scale web=4');
	});

	it('refuses a global service with the reason before asking', async () => {
		const {engine} = swarmWorld();
		app = await renderApp(engine, {rows: 40});
		await app.press('4');
		await app.waitFor('Tasks of agent');
		await app.press('s');
		const frame = await app.waitFor('agent is a global service: one task per node, nothing to scale');
		expect(frame).not.toContain('how many replicas');
		expect(engine.callsTo('scaleService')).toHaveLength(0);
	});
});

describe('service actions ask first, No the default', () => {
	it('F, b and d: Enter and n do nothing, y acts', async () => {
		const {engine, web} = swarmWorld();
		app = await openOnWeb(engine);
		for (const [key, title] of [
			['F', 'Force an update of web?'],
			['b', 'Roll web back to its previous spec?'],
			['d', 'Remove service web?'],
		] as const) {
			await app.press(key);
			await app.waitFor(title);
			// Enter is not yes: the dialog stays for the n that follows in the same read.
			await app.press(`${ENTER}n`);
			await app.waitFor(f => !f.includes(title) && f.includes('Cancelled; nothing was changed'));
			// Esc right after the key, in one read, closes it: the ? after it opens the help overlay,
			// which it would not do with the dialog still open.
			await app.press(`${key}${ESC}?`);
			const help = await app.waitFor('Keys — Esc/q/? closes');
			expect(dialogOpen(help), key).toBe(false);
			await app.press(ESC);
			await app.waitFor(f => !f.includes('Keys — Esc/q/? closes'));
		}
		expect(['forceUpdateService', 'rollbackService', 'removeService'].flatMap(m => engine.callsTo(m))).toHaveLength(0);

		await app.press('Fy');
		await app.waitFor('Forced an update of web');
		expect(engine.callsTo('forceUpdateService')).toEqual([['forceUpdateService', web.id]]);
		// After an update there is a spec to go back to.
		await app.press('by');
		await app.waitFor('Rolled web back');
		expect(engine.callsTo('rollbackService')).toEqual([['rollbackService', web.id]]);
		await app.press('dy');
		await app.waitFor('Removed service web');
		const frame = await app.waitFor(f => webRow(f) === '');
		expect(frame).toContain('1 service');
		await app.press(':');
		const log = await app.waitFor('docker service rm web');
		expect(log).toContain('docker service update --force web');
		expect(log).toContain('docker service rollback web');
	});

	it('an engine refusal is shown in its words, and nothing changes', async () => {
		const {engine, web} = swarmWorld();
		app = await openOnWeb(engine);
		// A service never updated has no previous spec: the engine refuses the rollback.
		await app.press('by');
		let frame = await app.waitFor('service does not have a previous spec — rollback web failed');
		expect(webRow(frame)).toMatch(/web\s+replicated\s+2\/2\s/);
		expect(webRow(frame)).not.toContain('rolling back');
		engine.fail('removeService', new EngineError('server', 'rpc error: code = Unavailable desc = the swarm has no leader'));
		await app.press('dy');
		frame = await app.waitFor('│ rpc error: code = Unavailable desc = the swarm has no leader');
		expect(webRow(frame)).toMatch(/web\s+replicated\s+2\/2\s/);
		expect(engine.swarm.services.map(s => s.summary.id)).toContain(web.id);
		await app.press(':');
		const log = await app.waitFor('docker service rm web');
		expect(log).toContain('service does not have a previous spec');
		expect(log).toContain('the swarm has no leader');
	});
});

describe('node availability asks first, No the default', () => {
	it('D, P and A: Enter and n do nothing, y acts; a refusal leaves the node as it was', async () => {
		const {engine} = swarmWorld();
		const node2 = engine.swarm.nodes[1]!;
		app = await openOnWeb(engine);
		await app.press(`${TAB}${TAB}j`);
		for (const [key, title] of [
			['D', 'Drain node node-2?'],
			['P', 'Pause node node-2?'],
		] as const) {
			await app.press(key);
			await app.waitFor(title);
			// Enter is not yes: the dialog stays for the n that follows in the same read.
			await app.press(`${ENTER}n`);
			await app.waitFor(f => !f.includes(title) && f.includes('Cancelled; nothing was changed'));
		}
		// Active already: A says so and asks nothing.
		await app.press('A');
		await app.waitFor('node-2 is active already');
		expect(engine.callsTo('setNodeAvailability')).toHaveLength(0);

		await app.press('Dy');
		await app.waitFor(f => /node-2\s+Ready\s+Drain/.test(nodeRow(f, 'node-2')) && f.includes('Node node-2 is drained'));
		// web's task on it moved to node-1 (the tasks below the services show it).
		await app.waitFor(f => /\n2\s+node-1\s+Running\s+Running/.test(f) && /\n \\_ 2\s+node-2\s+Shutdown\s+Shutdown/.test(f));
		await app.press('Py');
		await app.waitFor(f => /node-2\s+Ready\s+Pause/.test(nodeRow(f, 'node-2')));
		await app.press('A');
		await app.waitFor('Activate node node-2?');
		await app.press('n');
		await app.waitFor(f => !f.includes('Activate node node-2?') && f.includes('Cancelled; nothing was changed'));
		expect(node2.availability).toBe('pause');
		await app.press('Ay');
		await app.waitFor(f => /node-2\s+Ready\s+Active/.test(nodeRow(f, 'node-2')));
		expect(engine.callsTo('setNodeAvailability').map(c => c[2])).toEqual(['drain', 'pause', 'active']);

		engine.fail('setNodeAvailability', new EngineError('bad-request', 'node node-2 is not ready: cannot drain'));
		await app.press('Dy');
		const frame = await app.waitFor('node node-2 is not ready: cannot drain — drain node-2 failed');
		expect(nodeRow(frame, 'node-2')).toMatch(/node-2\s+Ready\s+Active/);
		expect(node2.availability).toBe('active');
		await app.press(`${TAB}:`);
		await app.waitFor('node node-2 is not ready: cannot drain');
	});
});
