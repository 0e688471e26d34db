/**
 * Pull and push from the images pane on the in-memory engine: the reference prompt, the progress
 * view, errors from the registry, Esc hiding a pull that goes on, a second pull of the same
 * reference refused, and credentials asked for, checked and kept (never shown or logged).
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {Store} from '../../source/state/store.js';
import {FakeEngine, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {dialogText, renderApp, type RenderedApp} from '../support/render-app.js';

const CTRL_U = '\u0015';
let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function world() {
	const busybox = fakeImage({repoTags: ['berth-test/busybox:latest']});
	const engine = new FakeEngine({images: [busybox]});
	return {engine, busybox};
}

/** A promise and the function that settles it. */
function gate(): {promise: Promise<void>; open: () => void} {
	let open!: () => void;
	const promise = new Promise<void>(resolve => {
		open = resolve;
	});
	return {promise, open};
}

async function openOnImages(engine: FakeEngine, onStore?: (store: Store) => void): Promise<RenderedApp> {
	const rendered = await renderApp(engine, {columns: 120, onStore});
	await rendered.waitFor('berth-test/busybox:latest');
	await rendered.press('2');
	return rendered;
}

describe('P pulls', () => {
	it('refuses a malformed reference inline, then shows per-layer progress; Esc hides the pull, which goes on; the same pull again is refused', async () => {
		const {engine} = world();
		const ref = '127.0.0.1:5000/team/app:v1';
		engine.lifecycle.remote.set(ref, [3_000_000, 1_000_000]);
		const paused = gate();
		engine.lifecycle.transferPause = paused.promise;
		app = await openOnImages(engine);
		await app.press('P');
		await app.waitFor('Pull an image');
		await app.press('Team/App', ENTER);
		await app.waitFor('repository names must be lowercase');
		expect(engine.callsTo('pull')).toEqual([]);
		await app.press(CTRL_U, ref);
		await app.waitFor(`Runs: docker pull ${ref}`);
		await app.press(ENTER);
		const progress = await app.waitFor(f => f.includes(`Pull — ${ref}`) && f.includes('downloading'));
		expect(progress).toContain('1.5MB / 3MB');
		expect(progress).toContain('Pulling: 0 of 2 layers done · 2MB of 4MB');
		expect(progress).toContain(`$ docker pull ${ref}`);
		expect(progress).not.toContain('Pulled');
		// Esc hides the view; the pane says the pull goes on, and keys still answer.
		await app.press(ESC);
		await app.waitFor(`pulling ${ref} 50%`);
		await app.press('1', '2');
		await app.waitFor(f => f.includes(`pulling ${ref} 50%`) && !f.includes(`Pull — ${ref}`));
		await app.press('P', ref, ENTER);
		await app.waitFor(`${ref} is already being pulled`);
		expect(engine.callsTo('pull')).toHaveLength(1);
		await app.press(ESC);
		// v shows it again; it ends, and the new image is listed and selected.
		await app.press('v');
		await app.waitFor(`Pull — ${ref}`);
		paused.open();
		const done = await app.waitFor(`✔ Pulled ${ref}`);
		expect(done).toContain('2 of 2 layers done');
		await app.press(ESC);
		await app.waitFor(f => f.split('\n').some(line => line.startsWith(`${ref} `)) && !f.includes(`pulling ${ref}`));
		await app.press('i');
		await app.waitFor(`Inspect — ${ref}`);
	});

	it('adds latest when no tag is given, and accepts a digest', async () => {
		const {engine} = world();
		engine.lifecycle.remote.set('app:latest', [1000]);
		app = await openOnImages(engine);
		await app.press('P', 'app', ENTER);
		await app.waitFor('✔ Pulled app:latest');
		expect(engine.callsTo('pull')[0]![1]).toBe('app:latest');
		await app.press(ESC, 'P', 'app@sha256:abc', ENTER);
		await app.waitFor('a digest is sha256: followed by 64 hex digits');
		await app.press(CTRL_U, `app@sha256:${'e'.repeat(64)}`);
		// The line is longer than the box: the digest is broken across its lines.
		await app.waitFor(f => dialogText(f).replaceAll(' ', '').includes(`Runs:dockerpullapp@sha256:${'e'.repeat(64)}`) && !f.includes('a digest is'));
	});

	it('shows the registry\'s error, never success: a missing image', async () => {
		const {engine} = world();
		app = await openOnImages(engine);
		await app.press('P', '127.0.0.1:5000/nope:v9', ENTER);
		const frame = await app.waitFor('✖ Pull failed: manifest for 127.0.0.1:5000/nope:v9 not found: manifest unknown');
		expect(frame).not.toContain('Pulled');
		await app.press(ESC);
		await app.waitFor('│ manifest for 127.0.0.1:5000/nope:v9 not found: manifest unknown');
	});
});

describe('credentials', () => {
	it('asks when the registry refuses, masks the password, retries after a wrong one, keeps them for the session, and never shows or logs them', async () => {
		const {engine} = world();
		const registry = '127.0.0.1:5001';
		const secret = 'pw-Zq8-never-shown';
		engine.lifecycle.protectedRegistries.set(registry, {username: 'berth-user', password: secret});
		engine.lifecycle.remote.set(`${registry}/x:1`, [1000]);
		engine.lifecycle.remote.set(`${registry}/y:1`, [2000]);
		let store: Store | undefined;
		app = await openOnImages(engine, s => {
			store = s;
		});
		await app.press('P', `${registry}/x:1`, ENTER);
		const asked = await app.waitFor(`Log in to ${registry} to pull ${registry}/x:1`);
		expect(dialogText(asked)).toContain('The registry said: Head "http://127.0.0.1:5001/v2/": no basic auth credentials');
		await app.press('berth-user', TAB, 'wrong-guess', ENTER);
		await app.waitFor(f => f.includes('The registry refused these credentials: login attempt to') && f.includes('failed with status: 401 Unauthorized'));
		// The password field is empty again and has the cursor.
		expect(app.lastFrame()).toMatch(/> Password\s+ /);
		await app.press(secret);
		await app.waitFor('••••••••••••••••••');
		await app.press(ENTER);
		await app.waitFor(`✔ Pulled ${registry}/x:1`);
		// The session keeps them: another pull from that registry does not ask.
		await app.press(ESC, 'P', `${registry}/y:1`, ENTER);
		await app.waitFor(`✔ Pulled ${registry}/y:1`);
		for (const frame of app.frames) {
			expect(frame).not.toContain(secret);
			expect(frame).not.toContain('wrong-guess');
		}

		const log = store!.getState().commandLog.map(entry => `${entry.result} ${entry.cli} ${entry.message ?? ''}`);
		expect(log).toEqual([
			expect.stringMatching(new RegExp(`^error docker pull ${registry}/x:1 .*no basic auth credentials`)),
			expect.stringMatching(new RegExp(`^error docker login -u berth-user ${registry} login attempt`)),
			`ok docker login -u berth-user ${registry} Login Succeeded`,
			expect.stringMatching(new RegExp(`^ok docker pull ${registry}/x:1 Pulled`)),
			expect.stringMatching(new RegExp(`^ok docker pull ${registry}/y:1 Pulled`)),
		]);
		expect(JSON.stringify(store!.getState().commandLog)).not.toContain(secret);
	});

	it('Esc in the credentials form ends the pull as refused', async () => {
		const {engine} = world();
		engine.lifecycle.protectedRegistries.set('127.0.0.1:5001', {username: 'u', password: 'p'});
		engine.lifecycle.remote.set('127.0.0.1:5001/x:1', [1000]);
		app = await openOnImages(engine);
		await app.press('P', '127.0.0.1:5001/x:1', ENTER);
		await app.waitFor('Log in to 127.0.0.1:5001');
		await app.press(ESC);
		await app.waitFor('No credentials given: pull 127.0.0.1:5001/x:1 failed');
		expect(engine.callsTo('login')).toEqual([]);
	});
});

describe('p pushes', () => {
	it('pushes the selected tag with progress; an untagged image cannot be pushed', async () => {
		const {engine} = world();
		const tagged = fakeImage({repoTags: ['127.0.0.1:5000/team/app:v2'], size: 5_000_000});
		engine.imageRows.push(tagged, fakeImage({repoTags: []}));
		const paused = gate();
		engine.lifecycle.transferPause = paused.promise;
		app = await openOnImages(engine);
		await app.press('g');
		await app.waitFor('127.0.0.1:5000/team/app:v2');
		await app.press('p');
		const progress = await app.waitFor(f => f.includes('Push — 127.0.0.1:5000/team/app:v2') && f.includes('2.5MB / 5MB'));
		expect(progress).toContain('$ docker push 127.0.0.1:5000/team/app:v2');
		await app.press(ESC);
		await app.waitFor('pushing 127.0.0.1:5000/team/app:v2 50%');
		await app.waitFor('pushing…');
		// Once more while it runs: refused.
		await app.press('p');
		await app.waitFor('127.0.0.1:5000/team/app:v2 is already being pushed');
		paused.open();
		await app.waitFor('Pushed 127.0.0.1:5000/team/app:v2 (sha256:');
		expect(engine.callsTo('push')).toHaveLength(1);
		await app.press('G', 'p');
		await app.waitFor('has no tag to push: t tags it');
		expect(engine.callsTo('push')).toHaveLength(1);
	});

	it('asks for credentials when the registry refuses a push, and retries with them', async () => {
		const {engine} = world();
		engine.imageRows.push(fakeImage({repoTags: ['127.0.0.1:5002/team/app:v2']}));
		engine.lifecycle.protectedRegistries.set('127.0.0.1:5002', {username: 'u', password: 'pass-word'});
		app = await openOnImages(engine);
		await app.press('g', 'p');
		await app.waitFor('Log in to 127.0.0.1:5002 to push 127.0.0.1:5002/team/app:v2');
		await app.press('u', TAB, 'pass-word', ENTER);
		await app.waitFor('✔ Pushed 127.0.0.1:5002/team/app:v2');
		expect(engine.callsTo('push')).toHaveLength(2);
	});
});
