/**
 * Live output views (a service's log, an attached run's output, the build's output, like the
 * logs pane) follow their end until scrolled back; scrolled back, they stay on the lines shown
 * while more arrive, and G follows again. One scroll-and-follow model for all of them.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The numbers of the `line N` lines on screen. */
const numbers = (frame: string) => [...frame.matchAll(/\| line (\d+)$/gm)].map(m => Number(m[1]));

describe('a service log scrolled back', () => {
	it('stays on its lines while more arrive; G follows the end again', async () => {
		const engine = new FakeEngine();
		engine.swarm.becomeManager(['node-1']);
		const web = engine.swarm.addService({name: 'web', replicas: 1});
		engine.swarm.pushServiceLog(web.id, Array.from({length: 100}, (_, i) => ({text: `line ${i + 1}`})));
		app = await renderApp(engine, {rows: 30});
		await app.press('4');
		await app.waitFor('Tasks of web');
		await app.press('l');
		await app.waitFor(f => numbers(f).at(-1) === 100);
		await app.press('kkkkk');
		let frame = await app.waitFor(f => numbers(f).at(-1) === 95);
		const shown = numbers(frame);
		// More lines while it is scrolled back: it stays where it is...
		engine.swarm.pushServiceLog(web.id, [{text: 'line 101'}, {text: 'line 102'}, {text: 'line 103'}]);
		// ...and one more line back is the line before (not three lines nearer the end).
		await app.press('k');
		frame = await app.waitFor(f => numbers(f).at(-1) === shown.at(-1)! - 1);
		expect(numbers(frame)[0]).toBe(shown[0]! - 1);
		await app.press('G');
		await app.waitFor(f => numbers(f).at(-1) === 103);
	});
});
