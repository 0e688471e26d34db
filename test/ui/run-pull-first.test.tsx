/**
 * The run form's pull first, on the in-memory engine: an image that is not here is offered for
 * a pull, as docker run does, and that pull is the images pane's P (progress view, credentials
 * when the registry asks), after which the run goes ahead; without credentials nothing runs.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const CTRL_U = '\u0015';

function world() {
	const image = fakeImage({repoTags: ['shop/api:1.4']});
	const engine = new FakeEngine({containers: [fakeContainer({name: 'a1', imageId: image.id, image: 'shop/api:1.4'})], images: [image]});
	return {engine};
}

describe('pull first', () => {
	it('an image that is not here is offered for a pull first, as docker run does: P\'s pull (progress view, credentials when asked), then the run', async () => {
		const {engine} = world();
		const registry = '127.0.0.1:5003';
		const ref = `${registry}/team/remote`;
		engine.lifecycle.remote.set(`${ref}:latest`, [1000, 2000]);
		engine.lifecycle.protectedRegistries.set(registry, {username: 'u', password: 'pass-word'});
		let open!: () => void;
		engine.lifecycle.transferPause = new Promise(resolve => {
			open = resolve;
		});
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2R');
		await app.waitFor('Run a container (docker run)');
		await app.press(`${CTRL_U}${ref}${ENTER}`);
		const offer = await app.waitFor(`${ref} is not here. Pull it first?`);
		expect(offer).toContain(`docker pull ${ref}:latest`);
		await app.press('y');
		await app.waitFor(`Log in to ${registry} to pull ${ref}:latest`);
		await app.press('u', TAB, 'pass-word', ENTER);
		const progress = await app.waitFor(f => f.includes(`Pull — ${ref}:latest`) && f.includes('downloading'));
		expect(progress).toContain('0 of 2 layers done');
		expect(engine.callsTo('runContainer')).toHaveLength(0);
		open();
		await app.waitFor(`Started`);
		expect(engine.callsTo('pull').map(call => call[1])).toEqual([`${ref}:latest`, `${ref}:latest`]);
		expect(engine.callsTo('runContainer')[0]![1]).toBe(ref);
	});

	it('no credentials for the pull first: nothing is run', async () => {
		const {engine} = world();
		engine.lifecycle.remote.set('127.0.0.1:5003/team/remote:latest', [1000]);
		engine.lifecycle.protectedRegistries.set('127.0.0.1:5003', {username: 'u', password: 'p'});
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2R');
		await app.waitFor('Run a container (docker run)');
		await app.press(`${CTRL_U}127.0.0.1:5003/team/remote${ENTER}`);
		await app.waitFor('Pull it first?');
		await app.press('y');
		await app.waitFor('Log in to 127.0.0.1:5003');
		await app.press(ESC);
		await app.waitFor('No credentials given: pull 127.0.0.1:5003/team/remote:latest');
		// The same image pulled later by P does not start the run that was given up.
		engine.lifecycle.protectedRegistries.clear();
		await app.press('P', '127.0.0.1:5003/team/remote', ENTER);
		await app.waitFor('✔ Pulled 127.0.0.1:5003/team/remote:latest');
		expect(engine.callsTo('runContainer')).toHaveLength(0);
	});
});
