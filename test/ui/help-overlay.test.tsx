/** The `?` overlay: every key of the command registry, wrapped to the terminal. */
import {afterEach, describe, expect, it} from 'vitest';
import {commands as keymap, scopeTitles} from '../../source/commands/registry.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {ESC} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const engine = () => new FakeEngine({containers: [fakeContainer({name: 'hlp-box'})]});

describe('the help overlay', () => {
	it('? lists every key from the command registry', async () => {
		app = await renderApp(engine(), {rows: 280});
		await app.waitFor('hlp-box');
		await app.press('?');
		const frame = await app.waitFor('Keys — Esc/q/? closes');
		for (const binding of keymap.filter(b => b.keys.length > 0)) expect(frame).toContain(binding.description);
		await app.press(ESC);
		await app.waitFor(f => f.includes('hlp-box') && !f.includes('Keys — Esc'));
	});

	it('? at 80 columns wraps what does not fit: every scope title and description reads in full', async () => {
		app = await renderApp(engine(), {rows: 400, columns: 80});
		await app.waitFor('hlp-box');
		await app.press('?');
		const frame = await app.waitFor('Keys — Esc/q/? closes');
		expect(Math.max(...frame.split('\n').map(line => line.trimEnd().length))).toBeLessThanOrEqual(80);
		// The overlay's lines joined as one text: a wrapped sentence reads as it was written.
		const text = frame.split('\n').map(line => line.trim()).join(' ').replaceAll(/\s+/g, ' ');
		for (const [, title] of scopeTitles) expect(text).toContain(title);
		for (const binding of keymap.filter(b => b.keys.length > 0)) expect(text).toContain(binding.description.replaceAll(/\s+/g, ' '));
	});
});
