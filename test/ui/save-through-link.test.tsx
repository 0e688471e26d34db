/**
 * Saving the log never writes through a symbolic link unasked: the dialog names the file the
 * link leads to, n leaves it alone, y replaces that file (mode 0600) and keeps the link.
 */
import {lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {ENTER} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('saving the log to a symbolic link', () => {
	it('names the link target, keeps it on n, replaces it on y and keeps the link', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'berth-link-'));
		const target = path.join(dir, 'precious.txt');
		writeFileSync(target, 'keep me');
		symlinkSync(target, path.join(dir, 'out.log'));
		const api = fakeContainer({name: 'api'});
		const engine = new FakeEngine({containers: [api]});
		engine.pushLog(api.id, ['one', 'two']);
		app = await renderApp(engine, {cwd: dir});
		await app.waitFor('two');
		await app.press('3S', `\u0015out.log${ENTER}`);
		const frame = (await app.waitFor('is a link to')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain(`out.log is a link to ${target}`);
		await app.press('n');
		await app.waitFor('Cancelled; nothing was changed');
		expect(readFileSync(target, 'utf8')).toBe('keep me');
		await app.press('S', `\u0015out.log${ENTER}`);
		await app.waitFor('is a link to');
		await app.press('y');
		await app.waitFor('Saved 2 lines (8 bytes) to out.log');
		expect(readFileSync(target, 'utf8')).toBe('one\ntwo\n');
		expect(lstatSync(path.join(dir, 'out.log')).isSymbolicLink()).toBe(true);
		expect(statSync(target).mode & 0o777).toBe(0o600);
	});
});
