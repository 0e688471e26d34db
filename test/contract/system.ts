/** The contract of `engine.system` and `engine.events` for volumes and networks (world.ts). */
import {afterEach, expect, it} from 'vitest';
import type {EngineEvent} from '../../source/engine/types.js';
import type {World} from './world.js';

export function systemChecks(world: () => World): void {
	afterEach(async () => world().cleanup());

	it('system: docker info says the version, API, drivers, resources and swarm state', async () => {
		const {engine} = world();
		const details = await engine.system.details();
		expect(details.version).not.toBe('');
		expect(details.apiVersion).toMatch(/^1\.\d+$/);
		expect(details.storageDriver).not.toBe('');
		expect(details.cgroupDriver).not.toBe('');
		expect(details.loggingDriver).not.toBe('');
		expect(details.runtimes.length).toBeGreaterThan(0);
		expect(details.cpus).toBeGreaterThan(0);
		expect(details.memory).toBeGreaterThan(0);
		expect(['inactive', 'pending', 'active', 'error', 'locked']).toContain(details.swarmState);
		expect(Array.isArray(details.warnings)).toBe(true);
	});

	it('system: df counts the images, containers and volumes there are, with totals that add up', async () => {
		const {engine, name, track} = world();
		const volume = name('df');
		track('volume', volume);
		await engine.volumes.create({name: volume});
		const usage = await engine.system.diskUsage();
		expect(usage.images.length).toBe((await engine.images.list()).length);
		expect(usage.containers.length).toBe((await engine.containers.list()).length);
		expect(usage.volumes.map(row => row.name)).toContain(volume);
		for (const total of Object.values(usage.totals)) expect(total.reclaimable).toBeLessThanOrEqual(Math.max(total.size, 0));
		expect(usage.totals.volumes.count).toBe(usage.volumes.length);
	});

	it('events: a volume and a network made and removed come through the stream with type, action, actor and time', async () => {
		const {engine, name, eventually} = world();
		const seen: EngineEvent[] = [];
		const stop = new AbortController();
		const streaming = engine.events.stream({}, event => seen.push(event), stop.signal);
		const volume = name('evt');
		const network = name('evt-net');
		// The stream is open once an event made after it arrives: make volumes until one does.
		await eventually(async () => {
			await engine.volumes.create({name: volume});
			return seen.some(event => event.type === 'volume' && event.id === volume);
		}, 'the volume create event');
		await engine.volumes.remove(volume);
		const networkId = await engine.networks.create({name: network});
		await engine.networks.remove(networkId);
		await eventually(() => seen.some(event => event.type === 'network' && event.action === 'destroy' && event.id === networkId), 'the network destroy event');
		stop.abort();
		await streaming;
		const actions = seen.filter(event => event.id === volume || event.id === networkId).map(event => `${event.type} ${event.action}`);
		expect(actions).toEqual(expect.arrayContaining(['volume create', 'volume destroy', 'network create', 'network destroy']));
		const created = seen.find(event => event.type === 'network' && event.action === 'create' && event.id === networkId)!;
		expect(created.attributes['name']).toBe(network);
		expect(created.timeNano).toMatch(/^\d{19}$/);
	});
}
