/**
 * Pulls, pushes and builds can be stopped from their views (`x`, named in the help bar), and a
 * build shows its context upload (bytes, percent, a bar) before the builder's output.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeImage} from '../support/fake-engine.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

const CTRL_U = '\u0015';
let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function openOnImages(engine: FakeEngine): Promise<RenderedApp> {
	const rendered = await renderApp(engine, {columns: 120, cwd: '/work/project'});
	await rendered.waitFor('berth-test/busybox:latest');
	await rendered.press('2');
	return rendered;
}

describe('x in the view of work that takes a while', () => {
	it('cancels a pull part-way: the engine call is aborted and the view says so', async () => {
		const engine = new FakeEngine({images: [fakeImage({repoTags: ['berth-test/busybox:latest']})]});
		const ref = '127.0.0.1:5000/team/app:v1';
		engine.lifecycle.remote.set(ref, [3_000_000]);
		engine.lifecycle.transferPause = new Promise(() => {});
		app = await openOnImages(engine);
		await app.press('P', ref, ENTER);
		const running = await app.waitFor(f => f.includes(`Pull — ${ref}`) && f.includes('downloading'));
		expect(running).toContain('x cancel');
		await app.press('x');
		const cancelled = await app.waitFor('✖ Pull cancelled');
		expect(cancelled).not.toContain('x cancel');
		await app.press(ESC);
		await app.waitFor(f => f.includes(`Pull of ${ref} cancelled`) && !f.includes(`pulling ${ref}`));
		await app.press(':');
		await app.waitFor('Cancelled');
	});

	it('shows a build\'s context upload with its progress, and cancels it there: the engine gets none of it', async () => {
		const engine = new FakeEngine({images: [fakeImage({repoTags: ['berth-test/busybox:latest']})]});
		engine.hold('build.upload');
		app = await openOnImages(engine);
		await app.press('B');
		await app.waitFor('Build an image');
		await app.press(CTRL_U, 'ctx', TAB, TAB, 'built/app:v1', ENTER);
		const sending = await app.waitFor('Sending the build context: 2MB of 8MB · 25%');
		expect(sending).toMatch(/█+░+/);
		expect(sending).toContain('x cancel');
		await app.press('x');
		await app.waitFor('✖ Build cancelled while its context was being sent: the engine got none of it');
		expect(engine.imageRows.some(image => image.repoTags.includes('built/app:v1'))).toBe(false);
	});
});
