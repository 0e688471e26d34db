/**
 * Every form shows the docker command it will run, live as it is typed (r, R, n, C, I as pull,
 * tag, build and login do); the R form's command hint follows its Image field; n creates with
 * -it as R runs with it.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, SHIFT_TAB, TAB} from '../support/keys.js';
import {dialogText, renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const CTRL_U = '\u0015';
const RIGHT = '\u001B[C';

function world() {
	const api = fakeImage({repoTags: ['shop/api:1.4']});
	const worker = fakeImage({repoTags: ['shop/worker:2.1']});
	const engine = new FakeEngine({containers: [fakeContainer({name: 'a1', imageId: api.id, image: 'shop/api:1.4'})], images: [api, worker]});
	engine.lifecycle.imageDetails.set(api.id, {config: {entrypoint: [], cmd: ['serve-api', '--port', '80'], env: [], exposedPorts: [], volumes: [], workingDir: '', user: '', labels: {}, onBuild: []}});
	engine.lifecycle.imageDetails.set(worker.id, {config: {entrypoint: [], cmd: ['run-worker'], env: [], exposedPorts: [], volumes: [], workingDir: '', user: '', labels: {}, onBuild: []}});
	return {engine};
}

describe('the docker line of each form', () => {
	it('r shows docker run and follows what is typed', async () => {
		app = await renderApp(world().engine);
		await app.waitFor('a1');
		await app.press('2', 'r');
		await app.waitFor('Run a container from shop/api:1.4');
		expect(dialogText(app.lastFrame())).toContain('Runs: docker run -d shop/api:1.4');
		await app.press('web', TAB, 'sh -c "echo hi"', TAB, '8080:80');
		await app.waitFor(f => dialogText(f).includes(`Runs: docker run -d --name web -p 8080:80 shop/api:1.4 sh -c 'echo hi'`));
	});

	it('R shows docker run with its mode; n shows docker create, offers -it, and creates with it', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('a1');
		await app.press('2', 'R');
		await app.waitFor('Run a container (docker run)');
		expect(dialogText(app.lastFrame())).toContain('Runs: docker run -d shop/api:1.4');
		// Shift-Tab from the first field: the last one, the mode.
		await app.press(SHIFT_TAB, RIGHT, RIGHT);
		await app.waitFor(f => dialogText(f).includes('Runs: docker run -it shop/api:1.4'));
		await app.press('\u001B');
		await app.waitFor(f => !f.includes('Run a container (docker run)'));
		await app.press('n');
		await app.waitFor('Create a container (docker create)');
		expect(dialogText(app.lastFrame())).toContain('Runs: docker create shop/api:1.4');
		await app.press(TAB, 'box', TAB, 'sh', SHIFT_TAB, SHIFT_TAB, SHIFT_TAB, RIGHT);
		await app.waitFor(f => dialogText(f).includes('Runs: docker create -it --name box shop/api:1.4 sh'));
		await app.press(ENTER);
		await app.waitFor('Created box from shop/api:1.4');
		const [, image, options] = engine.callsTo('createContainer')[0]!;
		expect(image).toBe('shop/api:1.4');
		expect(options).toMatchObject({name: 'box', cmd: ['sh'], tty: true, openStdin: true});
	});

	it('C and I show docker cp, with the paths as typed', async () => {
		app = await renderApp(world().engine, {cwd: '/work/here'});
		await app.waitFor('a1');
		await app.press('C');
		await app.waitFor('Copy out of a1');
		await app.press('/etc/hostname');
		await app.waitFor(f => dialogText(f).includes(`Runs: docker cp a1:/etc/hostname ${process.cwd()}`));
		await app.press(TAB, CTRL_U, '/srv/out');
		await app.waitFor(f => dialogText(f).includes('Runs: docker cp a1:/etc/hostname /srv/out'));
		await app.press('\u001B');
		await app.waitFor(f => !f.includes('Copy out of a1'));
		await app.press('I');
		await app.waitFor('Copy into a1');
		await app.press('/etc/motd');
		await app.waitFor(f => dialogText(f).includes('Runs: docker cp /etc/motd a1:/tmp'));
	});

	it('a long command line takes at most three lines of the form, and says how much more there is', async () => {
		app = await renderApp(world().engine, {rows: 40});
		await app.waitFor('a1');
		await app.press('2', 'r');
		await app.waitFor('Run a container from shop/api:1.4');
		await app.press(TAB, `echo ${'word '.repeat(2000)}end`);
		const frame = await app.waitFor(f => dialogText(f).includes('more characters; the whole line goes into the command log'));
		const runs = frame.split('\n').findIndex(l => l.includes('Runs: docker run'));
		const after = frame.split('\n').slice(runs, runs + 4).join('\n');
		expect(after).toMatch(/… \(\d[\d,]* more characters; the whole line goes into the command log\)/);
		// The form's keys still show below it.
		expect(dialogText(frame)).toContain('Enter ok');
	});
});

describe("the R form's command hint", () => {
	it("follows the Image field: another image's command, or none for an image berth does not know", async () => {
		app = await renderApp(world().engine);
		await app.waitFor('a1');
		await app.press('2', 'R');
		await app.waitFor("(empty: the image's: serve-api --port 80)");
		await app.press(CTRL_U, 'shop/worker:2.1', TAB);
		await app.waitFor(f => f.includes("(empty: the image's: run-worker)") && !f.includes('serve-api'));
		await app.press(SHIFT_TAB, CTRL_U, 'not/here:1', TAB);
		await app.waitFor(f => f.includes("(empty: the image's)") && !f.includes('run-worker') && !f.includes('serve-api'));
	});
});
