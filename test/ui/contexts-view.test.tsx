/** The contexts view (`0`) on an in-memory list of contexts: g/G and Home/End go to the first and last. */
import {afterEach, describe, expect, it} from 'vitest';
import type {ContextsSource} from '../../source/commands/command-services.js';
import type {ContextRow} from '../../source/state/contexts-types.js';
import type {Store} from '../../source/state/store.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const HOME = '\u001B[H';
const END = '\u001B[F';

function contexts(count: number): ContextsSource {
	const rows: ContextRow[] = Array.from({length: count}, (_, i) => ({
		name: `ctx-${String(i).padStart(2, '0')}`,
		description: '',
		endpoint: `unix:///tmp/ctx-${i}.sock`,
		current: i === 0,
		inUse: i === 0,
		check: {state: 'checking'},
	}));
	return {list: () => ({rows, problems: []}), check: () => undefined, switchTo: () => undefined, use: name => `Now the CLI's current context: ${name}`};
}

describe('the contexts view', () => {
	it('G and End go to the last context, g and Home to the first', async () => {
		let store: Store | undefined;
		app = await renderApp(new FakeEngine({containers: [fakeContainer({name: 'a1'})]}), {
			rows: 40,
			contexts: contexts(60),
			onStore: s => {
				store = s;
			},
		});
		await app.waitFor('a1');
		await app.press('0');
		await app.waitFor('ctx-00');
		// The selection (drawn inverse, which the plain frame does not show).
		const selected = () => {
			const modal = store!.getState().modal;
			return modal?.kind === 'contexts' ? modal.selected : undefined;
		};
		expect(selected()).toBe(0);
		await app.press('G');
		await app.waitFor('ctx-59');
		expect(selected()).toBe(59);
		await app.press('g');
		await app.waitFor(f => f.includes('ctx-00') && !f.includes('ctx-59'));
		expect(selected()).toBe(0);
		await app.press(END);
		await app.waitFor('ctx-59');
		expect(selected()).toBe(59);
		await app.press(HOME);
		await app.waitFor(f => f.includes('ctx-00') && !f.includes('ctx-59'));
		expect(selected()).toBe(0);
	});
});
