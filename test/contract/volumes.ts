/** The contract of `engine.volumes`: the same checks against the fake and the real engine (world.ts). */
import {afterEach, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {sleeper, type World} from './world.js';

export function volumeChecks(world: () => World): void {
	afterEach(async () => world().cleanup());

	it('volumes: creates one with driver, options and labels; lists and inspects it as made', async () => {
		const {engine, name, track} = world();
		const volume = name('vol');
		track('volume', volume);
		const created = await engine.volumes.create({name: volume, driver: 'local', driverOptions: {type: 'tmpfs', device: 'tmpfs'}, labels: {'berth.test': 'yes'}});
		expect(created).toMatchObject({name: volume, driver: 'local', labels: {'berth.test': 'yes'}, options: {type: 'tmpfs', device: 'tmpfs'}, anonymous: false});
		const row = (await engine.volumes.list()).find(entry => entry.name === volume);
		expect(row).toMatchObject({id: volume, name: volume, driver: 'local', scope: 'local', labels: {'berth.test': 'yes'}});
		expect(row!.mountpoint).not.toBe('');
		expect(row!.created).toMatch(/^\d{4}-\d\d-\d\dT/);
		const details = await engine.volumes.inspect(volume);
		expect(details).toMatchObject({name: volume, driver: 'local', labels: {'berth.test': 'yes'}});
		expect(await engine.volumes.usedBy(volume)).toEqual([]);
	});

	it('volumes: one in use says so with the container, even with force; once the container is gone it goes', async () => {
		const {engine, image, name, track} = world();
		const volume = name('used');
		track('volume', volume);
		const container = await engine.containers.run(image, {...sleeper([`${volume}:/data`]), name: name('user')});
		track('container', container);
		const users = await engine.volumes.usedBy(volume);
		expect(users).toHaveLength(1);
		expect(users[0]).toMatchObject({id: container, destination: '/data', readOnly: false, state: 'running'});
		const row = (await engine.volumes.list()).find(entry => entry.name === volume);
		expect(row?.refCount).toBe(1);
		for (const force of [false, true]) {
			const refusal = await engine.volumes.remove(volume, {force}).catch((error: unknown) => error);
			expect(refusal).toBeInstanceOf(EngineError);
			expect((refusal as EngineError).code).toBe('conflict');
			expect((refusal as EngineError).message).toMatch(/in use/);
			expect((refusal as EngineError).message).toContain(container.slice(0, 12));
		}

		await engine.containers.remove(container, {force: true});
		await engine.volumes.remove(volume);
		expect((await engine.volumes.list()).some(entry => entry.name === volume)).toBe(false);
		const gone = await engine.volumes.inspect(volume).catch((error: unknown) => error);
		expect((gone as EngineError).code).toBe('not-found');
	});

	it('volumes: the prune preview names the unused volume, not the used one, and the prune removes what it named', async () => {
		const {engine, image, name, track} = world();
		const unused = name('unused');
		const used = name('kept');
		track('volume', unused);
		track('volume', used);
		await engine.volumes.create({name: unused});
		track('container', await engine.containers.run(image, {...sleeper([`${used}:/data`]), name: name('keeper')}));
		const plan = await engine.volumes.previewPrune();
		const planned = plan.items.map(item => item.name);
		expect(planned).toContain(unused);
		expect(planned).not.toContain(used);
		const report = await engine.volumes.prune();
		expect(report.removed.map(item => item.name)).toContain(unused);
		expect(report.removed.map(item => item.name)).not.toContain(used);
		const names = (await engine.volumes.list()).map(entry => entry.name);
		expect(names).toContain(used);
		expect(names).not.toContain(unused);
	});
}
