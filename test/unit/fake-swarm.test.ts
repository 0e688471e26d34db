/** The in-memory engine's swarm part behaves as the real adapter does where UI tests rely on it. */
import {describe, expect, it} from 'vitest';
import type {EngineEvent} from '../../source/engine/types.js';
import {FakeEngine} from '../support/fake-engine.js';

describe('FakeEngine swarm', () => {
	it('is in no swarm at first: the role says none and the swarm calls are refused as the engine refuses them', async () => {
		const engine = new FakeEngine();
		expect(await engine.system.swarmRole()).toEqual({role: 'none', localState: 'inactive'});
		await expect(engine.services.list()).rejects.toMatchObject({code: 'server', statusCode: 503, message: expect.stringMatching(/not a swarm manager/)});
	});

	it('scales with tasks that stay pending until converge when autoConverge is off', async () => {
		const engine = new FakeEngine();
		engine.swarm.becomeManager(['a', 'b']);
		const web = engine.swarm.addService({name: 'web', replicas: 1});
		engine.swarm.autoConverge = false;
		await engine.services.scale('web', 3);
		expect((await engine.services.list())[0]).toMatchObject({replicas: 3, running: 1, desired: 3});
		engine.swarm.converge(web.id);
		expect((await engine.services.list())[0]).toMatchObject({running: 3, desired: 3});
		expect((await engine.tasks.list(web.id)).map(task => task.name)).toEqual(['web.1', 'web.2', 'web.3']);
		await expect(engine.services.scale('web', -2)).rejects.toMatchObject({code: 'bad-request'});
	});

	it('drains a node: its tasks shut down and start again on the other nodes', async () => {
		const engine = new FakeEngine();
		engine.swarm.becomeManager(['a', 'b']);
		const web = engine.swarm.addService({name: 'web', replicas: 2});
		const [a] = await engine.nodes.list();
		await engine.nodes.setAvailability(a!.id, 'drain');
		const running = (await engine.tasks.list(web.id)).filter(task => task.state === 'running');
		expect(running.map(task => [task.slot, task.node])).toEqual([[1, 'b'], [2, 'b']]);
		expect((await engine.nodes.list())[0]!.availability).toBe('drain');
	});

	it('reports service and node events only to a stream that asked for the swarm\'s', async () => {
		const engine = new FakeEngine();
		engine.swarm.becomeManager();
		engine.swarm.addService({name: 'web', replicas: 1});
		const withSwarm: EngineEvent[] = [];
		const without: EngineEvent[] = [];
		const controller = new AbortController();
		const streams = [engine.events.stream({swarm: true}, event => withSwarm.push(event), controller.signal), engine.events.stream({}, event => without.push(event), controller.signal)];
		await Promise.resolve();
		await engine.services.scale('web', 2);
		await engine.services.remove('web');
		controller.abort();
		await Promise.all(streams);
		expect(withSwarm.map(event => `${event.type} ${event.action}`)).toEqual(['service update', 'service remove']);
		expect(without).toEqual([]);
	});
});
