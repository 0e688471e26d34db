/** Tag (t) and build (B) from the images pane on the in-memory engine. */
import {afterEach, describe, expect, it} from 'vitest';
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
	const other = fakeImage({repoTags: ['zzz/other:1']});
	return {engine: new FakeEngine({images: [busybox, other]}), busybox};
}

async function openOnImages(engine: FakeEngine, cwd = '/work/project'): Promise<RenderedApp> {
	const rendered = await renderApp(engine, {columns: 120, cwd});
	await rendered.waitFor('berth-test/busybox:latest');
	await rendered.press('2');
	return rendered;
}

describe('t tags', () => {
	it('refuses an invalid tag inline, tags, lists the new tag and selects it', async () => {
		const {engine, busybox} = world();
		app = await openOnImages(engine);
		await app.press('t');
		await app.waitFor('Tag berth-test/busybox:latest as');
		expect(app.lastFrame()).toMatch(/> New tag +berth-test\/busybox:latest/);
		await app.press(CTRL_U, 'Bad:Tag', ENTER);
		await app.waitFor('repository names must be lowercase');
		await app.press(CTRL_U, 'mine/app:v2');
		await app.waitFor('Runs: docker tag berth-test/busybox:latest mine/app:v2');
		await app.press(ENTER);
		await app.waitFor('Tagged berth-test/busybox:latest as mine/app:v2');
		expect(engine.callsTo('tagImage')).toEqual([['tagImage', 'berth-test/busybox:latest', 'mine/app', 'v2']]);
		await app.waitFor(f => /^mine\/app:v2 /m.test(f));
		// The new row is the selected one: rmi names it.
		await app.press('d');
		await app.waitFor(`Remove image mine/app:v2 (${busybox.id.slice(7, 19)})?`);
		await app.press('n');
	});
});

describe('B builds', () => {
	it('sends the form as build options, streams sanitised output, and selects the new image', async () => {
		const {engine} = world();
		engine.lifecycle.buildOutput = [
			{kind: 'step', text: 'Step 1/3 : FROM berth-test/busybox:latest', step: {index: 1, total: 3, instruction: 'FROM berth-test/busybox:latest'}},
			{kind: 'step', text: 'Step 2/3 : RUN printf', step: {index: 2, total: 3, instruction: 'RUN printf'}},
			{kind: 'output', text: '\u001b]0;pwned\u0007\u001b[31mcoloured\u001b[0m output\u001b[2J'},
			{kind: 'cache', text: ' ---> Using cache'},
			{kind: 'step', text: 'Step 3/3 : CMD ["sh"]', step: {index: 3, total: 3, instruction: 'CMD ["sh"]'}},
		];
		let release!: () => void;
		engine.lifecycle.buildPause = new Promise(resolve => {
			release = resolve;
		});
		app = await openOnImages(engine);
		await app.press('B');
		await app.waitFor('Build an image');
		expect(dialogText(app.lastFrame())).toContain('Runs: DOCKER_BUILDKIT=0 docker build -f /work/project/Dockerfile /work/project');
		await app.press(CTRL_U, 'ctx', TAB, TAB, 'built/app:v1', TAB, "VERSION=1.2 NOTE='two words' HTTP_PROXY");
		await app.waitFor(f => dialogText(f).includes("--build-arg 'NOTE=two words'"));
		await app.press(ENTER);
		const live = await app.waitFor('coloured output');
		expect(live).toContain('Build — built/app:v1');
		expect(live).toContain('Building — step 3/3: CMD ["sh"]');
		expect(live).toContain('Step 2/3 : RUN printf');
		expect(live).toContain('---> Using cache');
		for (const frame of app.frames) expect(frame).not.toContain('pwned');
		const [, options] = engine.callsTo('build')[0]!;
		expect(options).toEqual({contextDir: '/work/project/ctx', dockerfile: 'Dockerfile', tags: ['built/app:v1'], buildArgs: {VERSION: '1.2', NOTE: 'two words', HTTP_PROXY: undefined}});
		// Esc hides it; the pane says a build is running; v shows it again.
		await app.press(ESC);
		await app.waitFor('building built/app:v1 (step 3/3)');
		await app.press('v');
		await app.waitFor('Build — built/app:v1');
		release();
		await app.waitFor(f => /✔ Built [\da-f]{12} as built\/app:v1/.test(f));
		await app.press(ESC);
		await app.waitFor(f => /^built\/app:v1 /m.test(f) && !f.includes('building'));
		await app.press('d');
		await app.waitFor('Remove image built/app:v1');
		await app.press('n');
	});

	it('shows the failing step and the engine\'s message; a field the engine cannot take is refused in the form', async () => {
		const {engine} = world();
		engine.lifecycle.buildOutput = [
			{kind: 'step', text: 'Step 1/2 : FROM berth-test/busybox:latest', step: {index: 1, total: 2, instruction: 'FROM berth-test/busybox:latest'}},
			{kind: 'step', text: 'Step 2/2 : RUN exit 3', step: {index: 2, total: 2, instruction: 'RUN exit 3'}},
			{kind: 'error', text: "The command '/bin/sh -c exit 3' returned a non-zero code: 3"},
		];
		app = await openOnImages(engine);
		await app.press('B', TAB, TAB, 'Bad Tag', ENTER);
		await app.waitFor("tag: a reference can't contain spaces");
		await app.press(CTRL_U, TAB, '1BAD=x', ENTER);
		await app.waitFor('args: "1BAD=x": a build argument is NAME=value');
		expect(engine.callsTo('build')).toEqual([]);
		await app.press(CTRL_U, ENTER);
		const failed = await app.waitFor('✖ Build failed at step 2/2: RUN exit 3');
		expect(failed).toContain("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
		expect(failed).not.toContain('✔');
		await app.press(ESC);
		// The status line: the reason first, then the step (the whole text is in the command log).
		await app.waitFor("│ The command '/bin/sh -c exit 3' returned a non-zero code: 3 — build of");
		expect(engine.imageRows).toHaveLength(2);
	});

	it('follows the end of long output until scrolled up; G follows again', async () => {
		const {engine} = world();
		engine.lifecycle.buildOutput = [
			{kind: 'step', text: 'Step 1/1 : RUN seq', step: {index: 1, total: 1, instruction: 'RUN seq'}},
			...Array.from({length: 200}, (_, i) => ({kind: 'output' as const, text: `line-${i + 1}-end`})),
		];
		app = await openOnImages(engine);
		await app.press('B', ENTER);
		await app.waitFor(f => f.includes('line-200-end') && f.includes('(following)'));
		await app.press('k', 'k', 'k');
		await app.waitFor(f => !f.includes('line-200-end') && f.includes('line-197-end') && !f.includes('(following)'));
		await app.press('g');
		await app.waitFor(f => f.includes('Step 1/1 : RUN seq') && f.includes('line-1-end'));
		await app.press('G');
		await app.waitFor(f => f.includes('line-200-end') && f.includes('(following)'));
	});
});
