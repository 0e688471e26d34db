/**
 * A command that cannot apply to the selection is not offered: the help bar leaves it out, the
 * key says why on the status line, and the `?` overlay gives the reason beside it.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const helpBar = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('e and E on a container that is not running', () => {
	it('are not in the help bar, say why when pressed, and the overlay names the reason', async () => {
		const stopped = fakeContainer({name: 'a-stopped', state: 'exited', status: 'Exited (0) 2 minutes ago'});
		const engine = new FakeEngine({containers: [stopped]});
		app = await renderApp(engine, {rows: 200});
		await app.waitFor('a-stopped');
		expect(helpBar(app.lastFrame())).not.toContain('e shell');
		await app.press('e');
		await app.waitFor('a-stopped is not running: u starts it');
		await app.press('E');
		await sleep(20);
		expect(app.lastFrame()).not.toContain('Run a command in a-stopped');
		expect(app.lastFrame()).toContain('a-stopped is not running: u starts it');
		expect(engine.callsTo('execInteractive')).toHaveLength(0);
		await app.press('?');
		const overlay = await app.waitFor('Keys — Esc/q/? closes');
		const shell = overlay.split('\n').findIndex(l => l.includes('Open a shell in the container'));
		expect(overlay.split('\n').slice(shell, shell + 3).join(' ')).toMatch(/now: a-stopped is not running: u starts it/);
	});

	it('a paused one says p unpauses it; a running one offers them', async () => {
		const paused = fakeContainer({name: 'b-paused', state: 'paused', status: 'Up 5 minutes (Paused)'});
		const running = fakeContainer({name: 'c-running'});
		app = await renderApp(new FakeEngine({containers: [paused, running]}), {columns: 200});
		await app.waitFor('b-paused');
		await app.press('e');
		await app.waitFor('b-paused is paused: p unpauses it');
		await app.press('j');
		await app.waitFor(f => helpBar(f).includes('e shell'));
	});
});
