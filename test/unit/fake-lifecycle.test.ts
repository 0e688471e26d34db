/** The in-memory lifecycle of FakeEngine behaves like the real one where UI tests rely on it. */
import {describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';

const plain = {cmd: [], ports: [], env: [], binds: []};

describe('FakeEngine lifecycle', () => {
	it('pulls what its registry has, with progress; refuses without credentials where the registry wants them', async () => {
		const engine = new FakeEngine();
		engine.lifecycle.remote.set('127.0.0.1:5000/app:1', [100, 50]);
		engine.lifecycle.protectedRegistries.set('127.0.0.1:5000', {username: 'u', password: 'p'});
		const error = await engine.images.pull('127.0.0.1:5000/app:1', {}, () => {}).catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).code).toBe('unauthorized');
		await engine.registry.login({serverAddress: '127.0.0.1:5000', username: 'u', password: 'p'});
		const progress: number[] = [];
		expect(await engine.images.pull('127.0.0.1:5000/app:1', {}, event => progress.push(event.current))).toMatchObject({upToDate: false});
		expect(progress).toEqual([0, 75, 150]);
		expect(await engine.images.exists('127.0.0.1:5000/app:1')).toBe(true);
		expect((await engine.images.pull('127.0.0.1:5000/app', {}, () => {}).catch((failure: EngineError) => failure) as EngineError).code).toBe('not-found');
		expect(engine.callsTo('login')[0]).toEqual(['login', {serverAddress: '127.0.0.1:5000', username: 'u', password: '***'}]);
	});

	it('previews exactly what it then prunes, and removes it', async () => {
		const used = fakeImage({repoTags: ['used:1']});
		const engine = new FakeEngine({images: [used, fakeImage({repoTags: []})], containers: [fakeContainer({name: 'up', imageId: used.id}), fakeContainer({name: 'down', state: 'exited', imageId: used.id})]});
		const plan = await engine.system.previewPrune(['containers', 'unused-images']);
		expect(plan.counts).toMatchObject({container: 1, image: 1});
		const report = await engine.system.prune(['containers', 'unused-images']);
		expect(report.removed).toEqual(plan.items);
		expect(engine.containerRows.map(container => container.name)).toEqual(['up']);
		expect(engine.imageRows.map(image => image.repoTags)).toEqual([['used:1']]);
	});

	it('creates, runs attached and renames with the engine\'s errors', async () => {
		const engine = new FakeEngine({images: [fakeImage({repoTags: ['berth-test/busybox:latest']})]});
		const id = await engine.containers.create('berth-test/busybox:latest', {...plain, name: 'one'});
		expect(engine.containerRows.find(container => container.id === id)?.state).toBe('created');
		engine.lifecycle.runOutput = [{stream: 'stdout', text: 'hi'}];
		engine.lifecycle.runExitCode = 3;
		const lines: string[] = [];
		expect(await engine.containers.runAttached('berth-test/busybox:latest', {...plain, autoRemove: true}, batch => lines.push(...batch.map(line => line.text)))).toMatchObject({exitCode: 3, removed: true});
		expect(lines).toEqual(['hi']);
		await engine.containers.create('berth-test/busybox:latest', {...plain, name: 'two'});
		expect((await engine.containers.rename(id, 'two').catch((failure: EngineError) => failure) as EngineError).code).toBe('conflict');
		await engine.containers.rename(id, 'three');
		expect(engine.containerRows.find(container => container.id === id)?.name).toBe('three');
	});
});
