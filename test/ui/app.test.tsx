import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, CTRL_C, DOWN, ENTER, ESC, SHIFT_TAB, TAB, UP} from '../support/keys.js';
import {startEngineFeed} from '../../source/state/engine-feed.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function world() {
	const busyboxId = 'sha256:' + 'b'.repeat(64);
	const web = fakeContainer({name: 'web', imageId: busyboxId, ports: [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'}]});
	const db = fakeContainer({name: 'db', imageId: busyboxId});
	const old = fakeContainer({name: 'aaa-old', state: 'exited', status: 'Exited (137) 2 hours ago', exitCode: 137});
	const fresh = fakeContainer({name: 'fresh', state: 'created', status: 'Created'});
	const busybox = fakeImage({id: busyboxId, repoTags: ['berth-test/busybox:latest', 'berth-test/busybox:v1']});
	const dangling = fakeImage({repoTags: []});
	const engine = new FakeEngine({containers: [web, old, db, fresh], images: [busybox, dangling]});
	return {engine, web, db, old, fresh, busybox, dangling};
}

/** Lines of the containers list, in screen order (rows start with a state glyph). */
function containerRows(frame: string): string[] {
	return frame.split('\n').filter(l => /^[●‖↻■○✖]/u.test(l));
}

describe('the main screen', () => {
	it('shows the containers in its very first frame when the feed started before the UI has them', async () => {
		const {engine} = world();
		const feed = startEngineFeed(engine);
		await feed.ready;
		app = await renderApp(engine, {feed});
		expect(app.frames[0]).toContain('aaa-old');
		expect(app.frames.some(f => f.includes('Loading'))).toBe(false);
		// Still live: an event after the UI attached reaches the screen.
		const late = fakeContainer({name: 'late-comer'});
		engine.containerRows.push(late);
		engine.emit({type: 'container', action: 'create', id: late.id});
		await app.waitFor('late-comer');
		feed.stop();
	});

	it('lists containers running first then by name, images per tag, and the status line', async () => {
		const {engine} = world();
		// 120 columns: room for every column (at 100 the ports, the least important, go).
		app = await renderApp(engine, {columns: 120});
		const frame = await app.waitFor('aaa-old');
		const rows = containerRows(frame).map(l => l.split(/\s+/).find(w => ['web', 'db', 'aaa-old', 'fresh'].includes(w)));
		expect(rows).toEqual(['db', 'web', 'aaa-old', 'fresh']);
		expect(frame).toContain('exited (137)');
		expect(frame).toContain('8080->80/tcp');
		expect(frame).toContain('berth-test/busybox:latest');
		expect(frame).toContain('berth-test/busybox:v1');
		expect(frame).toContain('<none>');
		expect(frame).toContain('unix:///fake/docker.sock');
		expect(frame).toContain('Engine 99.0.0-fake');
		expect(frame).toMatch(/2 running \/ 2 stopped · 2 images/);
	});

	it('moves with j/k and arrows, and keeps the selection on the same container when the list re-sorts', async () => {
		const {engine, web, db} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('j');
		// The selected container is the one whose logs are shown.
		await app.waitFor(f => /Logs\s+web/.test(f));
		await app.press(DOWN, UP, 'k');
		await app.waitFor(f => /Logs\s+db/.test(f));
		await app.press('j');
		await app.waitFor(f => /Logs\s+web/.test(f));
		// db stops: web moves to the top of the order, and stays selected.
		await engine.containers.stop(db.id);
		await app.waitFor(f => containerRows(f)[0]!.includes('web'));
		expect(app.lastFrame()).toMatch(/Logs\s+web/);
		// s acts on web, not on whatever row is now second.
		await app.press('s');
		await app.waitFor('Stopped web');
		expect(engine.callsTo('stopContainer').map(c => c[1])).toEqual([db.id, web.id]);
	});

	it('moves focus with number keys, Tab and Shift-Tab', async () => {
		const {engine} = world();
		app = await renderApp(engine, {rows: 24});
		await app.waitFor('aaa-old');
		expect(app.lastFrame()).toContain('[1 containers]');
		await app.press('2');
		await app.waitFor('[2 images]');
		await app.press(TAB);
		await app.waitFor('[3 logs]');
		await app.press(TAB);
		await app.waitFor('[1 containers]');
		await app.press(SHIFT_TAB);
		await app.waitFor('[3 logs]');
		await app.press('1');
		await app.waitFor('[1 containers]');
	});

	it('at 80x24-style heights shows one pane at a time; at 40 rows all three', async () => {
		const {engine} = world();
		app = await renderApp(engine, {rows: 40});
		const tall = await app.waitFor('aaa-old');
		expect(tall).toMatch(/1 Containers/);
		expect(tall).toMatch(/2 Images/);
		expect(tall).toMatch(/3 Logs/);
		app.unmount();
		app = await renderApp(engine, {rows: 24});
		const short = await app.waitFor('aaa-old');
		expect(short).toMatch(/1 Containers/);
		expect(short).not.toMatch(/2 Images\s+\d/);
		await app.press('2');
		await app.waitFor(f => /2 Images\s+\d/.test(f));
	});
});

describe('container actions', () => {
	it('s stops without asking; u starts; r restarts; p pauses and unpauses', async () => {
		const {engine, db, old} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('s');
		await app.waitFor('Stopped db');
		expect(engine.callsTo('stopContainer')).toEqual([['stopContainer', db.id, undefined]]);
		await app.waitFor(f => f.includes('exited (143)'));
		await app.press('u');
		await app.waitFor('Started db');
		await app.waitFor(f => /● running\s+db/.test(f));
		await app.press('r');
		await app.waitFor('Restarted db');
		await app.press('p');
		await app.waitFor('Paused db');
		await app.waitFor(f => /‖ paused\s+db/.test(f));
		await app.press('p');
		await app.waitFor('Unpaused db');
		await app.waitFor(f => /● running\s+db/.test(f));
		// u on a running container does not call the engine.
		await app.press('u');
		await app.waitFor('db is already running');
		expect(engine.callsTo('startContainer')).toHaveLength(1);
		expect(engine.callsTo('restartContainer')).toEqual([['restartContainer', db.id]]);
		void old;
	});

	it('K asks first, defaults to no, and kills only on y', async () => {
		const {engine, db} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('K');
		let frame = await app.waitFor('Kill container db');
		expect(frame).toContain('SIGKILL');
		// Keys typed behind the dialog do not reach the list or run actions.
		await app.press('j', 's', 'd', ENTER, 'x');
		frame = app.lastFrame();
		expect(frame).toContain('Kill container db');
		expect(engine.callsTo('stopContainer')).toHaveLength(0);
		await app.press('n');
		await app.waitFor('Cancelled; nothing was changed');
		expect(engine.callsTo('killContainer')).toHaveLength(0);
		await app.press('K');
		await app.waitFor('Kill container db');
		await app.press(ESC);
		await app.waitFor(f => !f.includes('Kill container db'));
		expect(engine.callsTo('killContainer')).toHaveLength(0);
		await app.press('K', 'y');
		await app.waitFor('Killed db');
		expect(engine.callsTo('killContainer')).toEqual([['killContainer', db.id, 'SIGKILL']]);
	});

	it('a confirm for one container never acts on another, and closes with a note when it disappears', async () => {
		const {engine, db, web} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('K');
		await app.waitFor('Kill container db');
		// Outside berth, db is removed while the dialog is open.
		engine.containerRows = engine.containerRows.filter(c => c.id !== db.id);
		engine.emit({type: 'container', action: 'destroy', id: db.id, attributes: {}});
		await app.waitFor('db was removed outside berth; nothing was done');
		await app.press('y');
		await sleep(50);
		expect(engine.callsTo('killContainer')).toHaveLength(0);
		// The selection moved to a neighbour.
		await app.waitFor(f => /Logs\s+web/.test(f));
		void web;
	});

	it('d on a running container asks once, offering force: y (which the engine would refuse) does nothing, f removes it', async () => {
		const {engine, db} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('d');
		const frame = await app.waitFor('Remove container db');
		expect(frame).toContain('It is running: f removes it by force');
		expect(frame).toContain('f force');
		await app.press('y');
		await sleep(20);
		expect(engine.callsTo('removeContainer')).toHaveLength(0);
		await app.press('f');
		await app.waitFor('Removed container db');
		expect(engine.callsTo('removeContainer')).toEqual([['removeContainer', db.id, {force: true}]]);
		await app.waitFor(f => containerRows(f).every(l => !/\bdb\b/.test(l)));
	});

	it('c commits to the prefilled repository:tag, refuses invalid references inline, and the image appears', async () => {
		const {engine, db} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('c');
		await app.waitFor('db:snapshot-20261123-1030');
		// Clear the prefilled text and type an invalid reference.
		for (let i = 0; i < 30; i++) await app.press(BACKSPACE);
		await app.press('B', 'a', 'd', ':', 'x', ENTER);
		const frame = await app.waitFor('lowercase');
		expect(frame).toContain('Commit db to repository:tag');
		expect(engine.callsTo('commitContainer')).toHaveLength(0);
		for (let i = 0; i < 10; i++) await app.press(BACKSPACE);
		await app.press('myapp:v2');
		await app.press(ENTER);
		await app.waitFor('Committed db → myapp:v2');
		expect(engine.callsTo('commitContainer')).toEqual([['commitContainer', db.id, {repo: 'myapp', tag: 'v2'}]]);
		await app.waitFor('myapp:v2 ');
	});

	it('Enter shows the inspect summary in tables and Esc returns', async () => {
		const {engine} = world();
		engine.containerRows[0]!.labels = {'com.example.team': 'payments'};
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press(ENTER);
		const frame = await app.waitFor('Restart policy');
		expect(frame).toContain('Details');
		expect(frame).toContain('Command');
		expect(frame).toMatch(/│\s*Field\s*│\s*Value/);
		await app.press(ESC);
		await app.waitFor('aaa-old');
	});

	it('a toggles running only', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('a');
		const frame = await app.waitFor('running only');
		expect(containerRows(frame)).toHaveLength(2);
		await app.press('a');
		await app.waitFor(f => containerRows(f).length === 4);
	});
});

describe('filter, help and quit', () => {
	it('/ filters the focused list; Enter keeps the filter, Esc clears it', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('/', 'w', 'e');
		let frame = await app.waitFor(f => containerRows(f).length === 1);
		expect(containerRows(frame)[0]).toContain('web');
		await app.press(ENTER);
		// Keys act again after Enter (j does not type into the filter).
		await app.press('j');
		frame = app.lastFrame();
		expect(frame).toContain('filter: we');
		await app.press(ESC);
		await app.waitFor(f => containerRows(f).length === 4);
		// Regex metacharacters are plain text.
		await app.press('/', '(', '.', '*');
		await app.waitFor('No container matches the filter');
		await app.press(ESC);
	});

	it('q quits, and so does Ctrl-C', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('q');
		expect(app.exited()).toBe(true);
		app.unmount();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press(CTRL_C);
		expect(app.exited()).toBe(true);
	});

	it('q while an action runs says so first; a second q quits', async () => {
		const {engine} = world();
		engine.hold('stopContainer');
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('s');
		await app.waitFor('stopping…');
		await app.press('q');
		await app.waitFor('Still running: ');
		expect(app.exited()).toBe(false);
		await app.press('q');
		expect(app.exited()).toBe(true);
		engine.release('stopContainer');
	});
});

describe('images', () => {
	it('d on an image in use shows the engine reason, the containers, and offers force', async () => {
		const {engine, busybox} = world();
		// Its only tag (one of several would be untagged, in use or not, as dockerd does).
		busybox.repoTags = ['berth-test/busybox:latest'];
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('2', 'g');
		await app.press('d');
		await app.waitFor('Remove image berth-test/busybox:latest');
		await app.press('y');
		const frame = await app.waitFor('must force');
		expect(frame).toMatch(/Used by: (db, web|web, db)/);
		await app.press('n');
		await app.waitFor('Cancelled');
		expect(engine.callsTo('removeImage')).toEqual([['removeImage', 'berth-test/busybox:latest', {force: false}]]);
	});

	it('Enter shows the history', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('aaa-old');
		await app.press('2', ENTER);
		const frame = await app.waitFor('Layers (2');
		expect(frame).toContain('Imported from -');
		await app.press(ESC);
		await app.waitFor('aaa-old');
	});
});

describe('logs', () => {
	it('shows the selected container log live, marks stderr, and neutralises escape sequences', async () => {
		const {engine, db, web} = world();
		engine.pushLog(db.id, ['hello from db']);
		app = await renderApp(engine);
		await app.waitFor('hello from db');
		engine.pushLog(db.id, [
			{stream: 'stderr', text: 'boom on stderr'},
			{stream: 'stdout', text: 'evil \u001B]52;c;SGVsbG8=\u0007clip \u001B[2J\u001B]0;title\u0007 done'},
		]);
		const frame = await app.waitFor('boom on stderr');
		expect(frame).toMatch(/┃ boom on stderr/);
		expect(frame).toContain('evil clip  done');
		expect(frame).not.toContain('\u001B]');
		// Moving the selection aborts the old stream and starts the new one.
		await app.press('j');
		await app.waitFor(f => /Logs\s+web/.test(f));
		await sleep(20);
		expect(engine.logFollowers()).toEqual([web.id]);
	});
});

describe('engine unreachable', () => {
	it('shows the endpoint and cause, then comes back by itself', async () => {
		const {engine} = world();
		engine.down = new EngineError('unreachable', 'connect ECONNREFUSED /fake/docker.sock', {reason: 'refused'});
		app = await renderApp(engine);
		const frame = await app.waitFor('Cannot reach the Docker engine');
		expect(frame).toContain('unix:///fake/docker.sock');
		expect(frame).toContain('Nothing is listening on /fake/docker.sock');
		engine.down = undefined;
		await app.waitFor('aaa-old', 8000);
	}, 15_000);
});
