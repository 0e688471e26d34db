/** The contract of `engine.networks`: the same checks against the fake and the real engine (world.ts). */
import {afterEach, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {sleeper, type World} from './world.js';

export function networkChecks(world: () => World): void {
	afterEach(async () => world().cleanup());

	it('networks: the predefined ones are flagged and refused for rm', async () => {
		const {engine} = world();
		const rows = await engine.networks.list();
		const none = rows.find(row => row.name === 'none');
		expect(none).toMatchObject({predefined: true});
		expect(rows.filter(row => ['bridge', 'host', 'none'].includes(row.name)).every(row => row.predefined)).toBe(true);
		const refusal = await engine.networks.remove(none!.id).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(EngineError);
		expect((refusal as EngineError).code).toBe('forbidden');
		expect((refusal as EngineError).message).toMatch(/pre-defined/);
	});

	it('networks: creates one with a subnet, gateway, internal and labels; lists and inspects it so', async () => {
		const {engine, name, track, subnet} = world();
		const network = name('net');
		const net = subnet();
		const id = await engine.networks.create({name: network, subnet: `${net}.0/24`, gateway: `${net}.1`, internal: true, labels: {'berth.test': 'yes'}});
		track('network', id);
		const row = (await engine.networks.list()).find(entry => entry.name === network);
		expect(row).toMatchObject({id, name: network, driver: 'bridge', scope: 'local', internal: true, predefined: false, labels: {'berth.test': 'yes'}, containers: []});
		expect(row!.subnets).toEqual([{subnet: `${net}.0/24`, gateway: `${net}.1`}]);
		const details = await engine.networks.inspect(id);
		expect(details).toMatchObject({id, name: network, internal: true, subnets: [{subnet: `${net}.0/24`, gateway: `${net}.1`}]});
		const again = await engine.networks.create({name: network}).catch((error: unknown) => error);
		expect((again as EngineError).code).toBe('conflict');
	});

	it('networks: a container connected (with an alias) shows with its address; rm says it has active endpoints until it is disconnected', async () => {
		const {engine, image, name, track, subnet} = world();
		const network = name('joined');
		const net = subnet();
		const id = await engine.networks.create({name: network, subnet: `${net}.0/24`, internal: true});
		track('network', id);
		const containerName = name('member');
		const container = await engine.containers.run(image, {...sleeper(), name: containerName});
		track('container', container);
		await engine.networks.connect(id, container, {aliases: ['db']});
		const details = await engine.networks.inspect(id);
		expect(details.containers).toHaveLength(1);
		expect(details.containers[0]).toMatchObject({id: container, name: containerName});
		expect(details.containers[0]!.ipv4).toMatch(new RegExp(`^${net.replaceAll('.', '\\.')}\\.\\d+/24$`));
		const row = (await engine.networks.list()).find(entry => entry.id === id);
		expect(row!.containers).toHaveLength(1);
		expect(row!.containers[0]).toMatchObject({id: container, name: containerName});
		expect(row!.containers[0]!.ipv4).toMatch(new RegExp(`^${net.replaceAll('.', '\\.')}\\.\\d+/24$`));
		// dockerd answers 403 here (not 409): forbidden while it has containers.
		const refusal = await engine.networks.remove(id).catch((error: unknown) => error);
		expect((refusal as EngineError).code).toBe('forbidden');
		expect((refusal as EngineError).message).toMatch(/active endpoints/);
		await engine.networks.disconnect(id, container);
		expect((await engine.networks.inspect(id)).containers).toEqual([]);
		await engine.networks.remove(id);
		expect((await engine.networks.list()).some(entry => entry.id === id)).toBe(false);
	});

	it('networks: the prune preview names an unused custom network, never a predefined one or one in use', async () => {
		const {engine, image, name, track, subnet} = world();
		const unused = await engine.networks.create({name: name('spare')});
		track('network', unused);
		const busy = await engine.networks.create({name: name('busy'), subnet: `${subnet()}.0/24`, internal: true});
		track('network', busy);
		const container = await engine.containers.run(image, {...sleeper(), name: name('busy-member')});
		track('container', container);
		await engine.networks.connect(busy, container);
		const plan = await engine.networks.previewPrune();
		const ids = plan.items.map(item => item.id);
		expect(ids).toContain(unused);
		expect(ids).not.toContain(busy);
		expect(plan.items.some(item => ['bridge', 'host', 'none'].includes(item.name))).toBe(false);
		const report = await engine.networks.prune();
		expect(report.removed.map(item => item.id)).toContain(unused);
		expect((await engine.networks.list()).some(entry => entry.id === busy)).toBe(true);
	});
}
