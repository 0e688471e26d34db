/**
 * `y` and `Y` in the command log (issue 18, item 8): `y` says what it sent to the terminal's
 * clipboard, or inside a tmux that drops it, that nothing was sent and how to allow it; `Y`
 * writes the line to a file of the user's only (0600), never through a link, and says where.
 */
import {lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {TerminalControl} from '../../source/controller/controller.js';
import {sendToClipboard, type TmuxClipboard} from '../../source/terminal/clipboard.js';
import {FakeEngine, fakeContainer} from '../support/fake-engine.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The real clipboard code, writing to a list instead of the terminal; tmux as given. */
function terminal(env: Record<string, string>, tmux?: TmuxClipboard) {
	const written: string[] = [];
	const control: TerminalControl = {
		handover: async () => ({}),
		bracketedPaste() {},
		clipboard: text => sendToClipboard(text, {env, write: bytes => written.push(bytes), tmux: async () => tmux}),
	};
	return {control, written};
}

/** berth with one action in its log (stop web), the log open on it. */
async function withOneEntry(control?: TerminalControl, cwd?: string) {
	const engine = new FakeEngine({containers: [fakeContainer({name: 'web'})]});
	const ui = await renderApp(engine, {terminal: control, cwd, columns: 160});
	await ui.waitFor('web');
	await ui.press('s');
	await ui.waitFor('Stopped web');
	await ui.press(':');
	await ui.waitFor('Command log — 1 this session');
	return ui;
}

describe('y: the clipboard', () => {
	it('says what was sent (OSC 52, how many bytes) and how to write a file instead, never that it was copied', async () => {
		const {control, written} = terminal({});
		app = await withOneEntry(control);
		await app.press('y');
		const frame = await app.waitFor("Sent to the terminal's clipboard (OSC 52), 15 bytes; Y writes a file");
		expect(frame).not.toContain('Copied');
		expect(written).toEqual([`\u001B]52;c;${Buffer.from('docker stop web').toString('base64')}\u0007`]);
	});

	it('inside a tmux that drops it: sends nothing, says so and how to allow it', async () => {
		const {control, written} = terminal({TMUX: '/tmp/tmux-0/default,1,0'}, {setClipboard: 'external', passthrough: false});
		app = await withOneEntry(control);
		await app.press('y');
		await app.waitFor('│ Not sent: tmux needs `set -g set-clipboard on` (set-clipboard is external); Y writes a file');
		expect(written).toEqual([]);
	});
});

describe('Y: the line to a file', () => {
	it('writes the selected line to a new file of the user\'s only and says where; a link in its place is not followed', async () => {
		const cwd = mkdtempSync(path.join(tmpdir(), 'berth-clip-'));
		// A link where the file would go (the name has the time in it: the tests' clock is fixed).
		const elsewhere = path.join(cwd, 'elsewhere.txt');
		writeFileSync(elsewhere, 'untouched\n');
		symlinkSync(elsewhere, path.join(cwd, 'berth-line-20261123-103000.txt'));
		app = await withOneEntry(undefined, cwd);
		await app.press('Y');
		const frame = await app.waitFor('Wrote the line to');
		const file = path.join(cwd, 'berth-line-20261123-103000-2.txt');
		expect(frame).toContain(`Wrote the line to ${file} (mode 0600)`);
		expect(readFileSync(file, 'utf8')).toBe('docker stop web\n');
		expect(lstatSync(file).isFile()).toBe(true);
		expect(lstatSync(file).mode & 0o777).toBe(0o600);
		expect(readFileSync(elsewhere, 'utf8')).toBe('untouched\n');
		expect(readlinkSync(path.join(cwd, 'berth-line-20261123-103000.txt'))).toBe(elsewhere);
		expect(readdirSync(cwd).sort()).toEqual(['berth-line-20261123-103000-2.txt', 'berth-line-20261123-103000.txt', 'elsewhere.txt']);
	});
});
