/**
 * Every key of a read is handled, in order: the chunks here are written in one write each, as a
 * slow ssh link, key repeat or a fast typist deliver them.
 */
import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, DOWN, ENTER, ESC, TAB, UP} from '../support/keys.js';
import {renderApp, sleep, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const HOME = '\u001B[H';
const END = '\u001B[F';
const DELETE = '\u001B[3~';
const CTRL = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);

function world() {
	const image = fakeImage({repoTags: ['berth-test/busybox:latest']});
	const api = fakeContainer({name: 'api', imageId: image.id});
	const db = fakeContainer({name: 'db', imageId: image.id});
	const web = fakeContainer({name: 'web', imageId: image.id});
	const engine = new FakeEngine({containers: [api, db, web], images: [image]});
	return {engine, api, db, web};
}

/** The prompt's input line (after "> "), with the cursor cell as it is drawn. */
function promptLine(frame: string): string | undefined {
	const line = frame.split('\n').find(l => l.includes('│ > '));
	return line?.slice(line.indexOf('│ > ') + 4).replace(/\s*│.*$/, '');
}

describe('keys that arrive together', () => {
	it('three Backspaces in one read delete three characters; 30 clear the commit prompt', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('c');
		await app.waitFor('Commit api to repository:tag');
		const prefilled = promptLine(app.lastFrame())!;
		expect(prefilled).toMatch(/^api:snapshot-\d{8}-\d{4}$/);
		await app.press(BACKSPACE.repeat(3));
		await app.waitFor(f => promptLine(f) === prefilled.slice(0, -3));
		await app.press(BACKSPACE.repeat(30));
		await app.waitFor(f => promptLine(f) === '');
		await app.press(`shop/api:v2${ENTER}`);
		await app.waitFor('Committed api → shop/api:v2');
	});

	it('Backspace Backspace Enter in the E prompt does not run the prefilled sh', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('E');
		await app.waitFor('Run a command in api');
		await app.press(`${BACKSPACE}${BACKSPACE}${ENTER}`);
		await app.waitFor('Type a command, e.g. sh');
		expect(engine.callsTo('execInteractive')).toHaveLength(0);
	});

	it('Tab Tab on the main screen moves two panes; Tab Tab in the run form moves two fields', async () => {
		const {engine} = world();
		app = await renderApp(engine, {rows: 24});
		await app.waitFor('[1 containers]');
		await app.press(TAB + TAB);
		await app.waitFor('[3 logs]');
		await app.press(`2r`);
		await app.waitFor('Run a container from berth-test/busybox:latest');
		await app.press(`web2${TAB}${TAB}8080:80${TAB}${TAB}/srv:/data`);
		const frame = await app.waitFor(f => f.includes('Binds    /srv:/data'));
		expect(frame).toMatch(/Name\s+web2\s/);
		expect(frame).toMatch(/Ports\s+8080:80\s/);
		expect(frame).toMatch(/Command\s+\(empty: the image's/);
	});

	it('a key right after Esc is that key; arrows mixed with letters move in order', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		// Esc (closes nothing here) then j: db is selected.
		await app.press(`${ESC}j`);
		await app.waitFor(f => /Logs\s+db/.test(f));
		await app.press(`${DOWN}${UP}${DOWN}`);
		await app.waitFor(f => /Logs\s+web/.test(f));
		// A filter typed, then Esc and a key in one read: the filter is cleared and k moves up.
		await app.press(`/web${ENTER}`);
		await app.waitFor('filter: web');
		await app.press(`${ESC}k`);
		await app.waitFor(f => !f.includes('filter: web') && /Logs\s+db/.test(f));
	});

	it('a dialog opened by a key sees the keys after it in the same read', async () => {
		const {engine, api} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('Ky');
		await app.waitFor('Killed api');
		expect(engine.callsTo('killContainer')).toEqual([['killContainer', api.id, 'SIGKILL']]);
		// n in the same read as K cancels; nothing else happens. (db sorts first once api exited.)
		await app.waitFor(f => /exited \(137\)\s+api/.test(f));
		await app.press('gKnj');
		await app.waitFor('Cancelled; nothing was changed');
		await sleep(20);
		expect(engine.callsTo('killContainer')).toHaveLength(1);
	});
});

describe('prompts are line editors', () => {
	it('moves the cursor with ←/→, Home/End and Ctrl-A/Ctrl-E, and edits where it is', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('c');
		await app.waitFor('Commit api');
		await app.press(`${CTRL('u')}${CTRL('k')}shop:v1`);
		await app.waitFor(f => promptLine(f) === 'shop:v1');
		// Home, then type at the start; End, then type at the end.
		await app.press(`${HOME}my/${END}0`);
		await app.waitFor(f => promptLine(f) === 'my/shop:v10');
		// Ctrl-A, → →, Delete the "/": "myshop:v10"; ← at the start does nothing.
		await app.press(`${CTRL('a')}${LEFT}${RIGHT}${RIGHT}${DELETE}`);
		await app.waitFor(f => promptLine(f) === 'myshop:v10');
		// Ctrl-E, Backspace: "myshop:v1"; Ctrl-A Ctrl-K clears from the cursor to the end.
		await app.press(`${CTRL('e')}${BACKSPACE}`);
		await app.waitFor(f => promptLine(f) === 'myshop:v1');
		await app.press(`${CTRL('a')}${RIGHT.repeat(6)}${CTRL('k')}`);
		await app.waitFor(f => promptLine(f) === 'myshop');
		await app.press(`:a b${CTRL('w')}`);
		await app.waitFor(f => promptLine(f) === 'myshop:a');
		await app.press(`${CTRL('w')}`);
		await app.waitFor(f => promptLine(f) === '');
	});

	it('draws the cursor where it is (an inverse cell), not always at the end', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		const level = chalk.level;
		chalk.level = 1;
		try {
			await app.press('c', `${CTRL('u')}abcd${LEFT}${LEFT}`);
			await app.waitFor(f => promptLine(f) === 'abcd');
			// The frame with its styles has the inverse cell on the "c".
			expect(app.frames.at(-1)!).toMatch(/ab\u001B\[7mc\u001B\[27md/);
			await app.press(END);
			await app.waitFor(() => /abcd\u001B\[7m \u001B\[27m/.test(app!.frames.at(-1)!));
		} finally {
			chalk.level = level;
		}
	});

	it('inserts a bracketed paste literally: its Enter, Esc and letters are text, not keys', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('/');
		await app.press(`\u001B[200~we\r${ESC}[Bb\u001B[201~`);
		// The paste's Enter and Esc did not end the filter: it holds "we" and "b" (controls dropped).
		await app.waitFor(f => /\/we \[Bb/.test(f));
		expect(engine.callsTo('stopContainer')).toHaveLength(0);
		await app.press(ESC);
		// Outside a prompt a paste does nothing at all (here: "s" would stop a container).
		await app.press('\u001B[200~sKd\u001B[201~');
		await sleep(30);
		expect(engine.calls.filter(([m]) => /stop|kill|remove/.test(m))).toHaveLength(0);
		expect(app.lastFrame()).not.toContain('Kill container');
	});
});
