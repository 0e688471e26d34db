/** The multi-engine routes every kind generically (hosts/routes.ts): volumes and networks need no forwarders of their own. */
import {describe, expect, it} from 'vitest';
import {createMultiEngine} from '../../source/engine/hosts/multi-engine.js';
import type {EngineError} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';

async function twoHosts() {
	const alpha = new FakeEngine({containers: [fakeContainer({name: 'web'})]});
	const beta = new FakeEngine({containers: [fakeContainer({name: 'db'})]});
	alpha.volumeStore.add({name: 'data', size: 10});
	beta.volumeStore.add({name: 'data', size: 20});
	const multi = createMultiEngine([{name: 'alpha', engine: alpha}, {name: 'beta', engine: beta}]);
	await multi.system.info();
	return {alpha, beta, multi};
}

describe('multi-engine: volumes and networks by the generic route', () => {
	it('lists every host\'s volumes, each with its host and a qualified id; a call with one goes to its host', async () => {
		const {alpha, beta, multi} = await twoHosts();
		const rows = await multi.volumes.list();
		expect(rows.map(row => [row.id, row.name, row.host, row.size])).toEqual([['data@alpha', 'data', 'alpha', 10], ['data@beta', 'data', 'beta', 20]]);
		await multi.volumes.remove('data@beta');
		expect(beta.volumeStore.rows).toEqual([]);
		expect(alpha.volumeStore.rows.map(volume => volume.name)).toEqual(['data']);
		expect((await multi.volumes.inspect('data@alpha')).id).toBe('data@alpha');
	});

	it('qualifies the container ids a volume\'s users and a network\'s endpoints carry, and unqualifies every id sent to a host', async () => {
		const {alpha, multi} = await twoHosts();
		const web = alpha.containerRows[0]!;
		alpha.mounts.set(web.id, [{type: 'volume', name: 'data', destination: '/data'}]);
		expect((await multi.volumes.usedBy('data@alpha')).map(user => user.id)).toEqual([`${web.id}@alpha`]);
		const network = await multi.networks.create({name: 'backend'});
		expect(network).toMatch(/@alpha$/);
		await multi.networks.connect(network, `${web.id}@alpha`, {aliases: ['web']});
		expect(alpha.callsTo('connectNetwork')).toEqual([['connectNetwork', network.replace(/@alpha$/, ''), web.id, {aliases: ['web']}]]);
		const listed = (await multi.networks.list()).find(row => row.id === network);
		expect(listed?.host).toBe('alpha');
		expect(listed?.containers.map(endpoint => endpoint.id)).toEqual([`${web.id}@alpha`]);
	});

	it('finds an unqualified id on the host whose last list has it, and says not found for one no host has', async () => {
		const {beta, multi} = await twoHosts();
		beta.volumeStore.add({name: 'only-beta'});
		await multi.volumes.list();
		await multi.volumes.remove('only-beta');
		expect(beta.volumeStore.rows.map(volume => volume.name)).toEqual(['data']);
		const missing = await multi.volumes.remove('nowhere').catch((error: unknown) => error);
		expect((missing as EngineError).code).toBe('not-found');
	});
});
