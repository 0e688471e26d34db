/**
 * Relative times on screen are right to the unit they show, and move only when their text
 * would change: a clock the test moves stands in for time passing.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const start = Date.parse('2026-11-23T10:00:05.500Z');

function row(frame: string, name: string): string {
	return frame.split('\n').find(l => l.includes(` ${name} `)) ?? '';
}

describe('relative times', () => {
	it('a young container ticks each second from its exact start; an image age is right to the second', async () => {
		let now = start;
		const young = fakeContainer({name: 'young', status: 'Up 4 seconds'});
		const image = fakeImage({repoTags: ['shop/api:1'], created: Math.floor(start / 1000) - 46});
		const engine = new FakeEngine({containers: [young], images: [image]});
		engine.times.set(young.id, {startedAt: new Date(start - 4000).toISOString()});
		app = await renderApp(engine, {now: () => new Date(now)});
		await app.waitFor(f => row(f, 'young').includes('Up 4 seconds'));
		expect(app.lastFrame()).toMatch(/shop\/api:1 .*\s46s\s/);
		// A minute passes: the row says so, within a second, without a new list from the engine.
		now += 60_000;
		await app.waitFor(f => row(f, 'young').includes('Up About a min'), 3000);
		await app.waitFor(f => /shop\/api:1 .*\s1m\s/.test(f), 3000);
		expect(engine.callsTo('listContainers').length).toBeLessThanOrEqual(1);
	});

	it('an idle screen of old containers writes no frame while nothing it shows changes', async () => {
		let now = start;
		const old = fakeContainer({name: 'old', status: 'Up 3 hours'});
		const engine = new FakeEngine({containers: [old], images: [fakeImage({repoTags: ['x:1'], created: Math.floor(start / 1000) - 7200})]});
		engine.times.set(old.id, {startedAt: new Date(start - 3 * 3600_000).toISOString()});
		app = await renderApp(engine, {now: () => new Date(now)});
		await app.waitFor(f => row(f, 'old').includes('Up 3 hours'));
		await sleep(500);
		const frames = app.frames.length;
		now += 20_000;
		await sleep(1500);
		expect(app.frames.length).toBe(frames);
		// Half an hour later the hour rounds up (as docker ps words it). The clock here jumps, so
		// berth's wait for that moment has not ended; anything drawn meanwhile is drawn as of now.
		now += 30 * 60_000;
		await app.press('2');
		await app.waitFor(f => row(f, 'old').includes('Up 4 hours'), 3000);
	});
});
