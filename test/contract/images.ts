/** The contract of `engine.images` where the fake had drifted: rmi of a tag (the same checks against the fake and dockerd: world.ts). */
import {afterEach, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {sleeper, type World} from './world.js';

export function imageChecks(world: () => World): void {
	afterEach(async () => world().cleanup());

	it('images: rmi of one of an image\'s tags untags it even while a container uses the image; its last tag is refused (must force)', async () => {
		const {engine, image, name, track} = world();
		const container = await engine.containers.run(image, {...sleeper(), name: name('user')});
		track('container', container);
		// An image of its own (a commit of the container), used by a container of its own.
		const repo = name('img');
		const id = await engine.containers.commit(container, {repo, tag: 'one'});
		track('image', id);
		const user = await engine.containers.run(`${repo}:one`, {...sleeper(), name: name('user')});
		track('container', user);
		await engine.images.tag(`${repo}:one`, repo, 'two');

		// One of two tags: untagged, though a container uses the image.
		await engine.images.remove(`${repo}:two`);
		const after = (await engine.images.list()).find(row => row.id === id);
		expect(after?.repoTags).toEqual([`${repo}:one`]);

		// The last tag: refused while the container uses it.
		const refusal = await engine.images.remove(`${repo}:one`).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(EngineError);
		expect((refusal as EngineError).code).toBe('conflict');
		expect((refusal as EngineError).message).toMatch(/unable to remove repository reference .* \(must force\) - container [0-9a-f]{12} is using its referenced image/);
		expect((await engine.images.list()).find(row => row.id === id)?.repoTags).toEqual([`${repo}:one`]);
	});
}
