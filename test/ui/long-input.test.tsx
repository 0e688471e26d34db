/**
 * No input freezes berth: a 100 KB paste into a prompt is cut to what the prompt takes (and the
 * status line says so), is drawn as the window around the cursor, and the keys after it (in the
 * same read or later ones) answer: text goes into the prompt, Ctrl-C quits. A prefilled value is
 * replaced by the first key typed. Every chunk here is one write, as a terminal sends it.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {TerminalControl} from '../../source/controller/controller.js';
import {busyMs} from '../../source/input/busy-watch.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {BACKSPACE, CTRL_C, ENTER, ESC} from '../support/keys.js';
import {dialogText, renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const PASTE_START = '\u001B[200~';
const PASTE_END = '\u001B[201~';

function world() {
	const image = fakeImage({repoTags: ['berth-test/busybox:latest']});
	const api = fakeContainer({name: 'api', imageId: image.id});
	const engine = new FakeEngine({containers: [api], images: [image]});
	return {engine, api};
}

/** A terminal that hands a session over and gives it back when the test ends it. */
const terminal: TerminalControl = {
	async handover(session) {
		await session.done;
		return {};
	},
	bracketedPaste() {},
};

/** "w0 w1 w2 …", `length` characters. */
function words(length: number): string {
	let text = '';
	for (let i = 0; text.length < length; i++) text += `w${i} `;
	return text.slice(0, length);
}

/** The prompt's input line (after "> "), as drawn, without the padding after it. */
function promptLine(frame: string): string {
	const line = frame.split('\n').find(l => l.includes('│ > ')) ?? '';
	return line.slice(line.indexOf('│ > ') + 4).replace(/\s*│.*$/, '');
}

/** The command the E prompt ran (the argv given to the engine), once it ran. */
async function ranCommand(engine: FakeEngine): Promise<string[]> {
	await app!.waitFor(() => engine.callsTo('execInteractive').length > 0);
	const cmd = engine.callsTo('execInteractive')[0]![2] as string[];
	engine.sessions[0]?.end({exitCode: 0});
	return cmd;
}

async function openExec(engine: FakeEngine) {
	app = await renderApp(engine, {terminal});
	await app.waitFor('api');
	await app.press('E');
	await app.waitFor('Run a command in api');
}

describe('a prefilled value', () => {
	it('E: the sh it offers is replaced by the first key: "ls -l" and Enter in one write run exactly ls -l', async () => {
		const {engine} = world();
		await openExec(engine);
		expect(promptLine(app!.lastFrame())).toBe('sh');
		await app!.press(`ls -l${ENTER}`);
		expect(await ranCommand(engine)).toEqual(['ls', '-l']);
	});

	it('E: an editing key first keeps it: Backspace, then "h -c true" gives sh -c true', async () => {
		const {engine} = world();
		await openExec(engine);
		await app!.press(`${BACKSPACE}h -c true${ENTER}`);
		expect(await ranCommand(engine)).toEqual(['sh', '-c', 'true']);
	});

	it('the commit prompt: a reference typed at once replaces the suggested one', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('c');
		await app.waitFor('Commit api to repository:tag');
		await app.press(`shop/api:v2${ENTER}`);
		await app.waitFor('Committed api → shop/api:v2');
	});
});

describe('a 100 KB paste', () => {
	it('is cut to what the E prompt takes, said on the status line, drawn as its end; the next keys answer', async () => {
		const {engine} = world();
		await openExec(engine);
		const text = words(100 * 1024);
		await app!.press(`${PASTE_START}${text}${PASTE_END}`);
		const frame = await app!.waitFor(f => dialogText(f).includes('Paste cut to 16,384 characters: a command line takes no more (86,016 left out)'));
		const kept = text.slice(0, 16_384);
		// The end of what was kept, after "…" (the start is off to the left), the cursor after it.
		const shown = promptLine(frame);
		expect(shown.startsWith('…')).toBe(true);
		expect(shown.length).toBeGreaterThan(60);
		expect(kept.trimEnd().endsWith(shown.slice(1))).toBe(true);
		// Backspace and a letter in one read: at the end of the line.
		await app!.press(`${BACKSPACE}X`);
		const typed = kept.slice(0, -1) + 'X';
		await app!.waitFor(f => typed.endsWith(promptLine(f).slice(1)) && promptLine(f).endsWith('X'));
		// The line is full again: one more key is refused, and said so.
		await app!.press('Y');
		await app!.waitFor(f => dialogText(f).includes('Not typed: a command line takes at most 16,384 characters'));
		expect(promptLine(app!.lastFrame()).endsWith('X')).toBe(true);
		await app!.press(ENTER);
		expect((await ranCommand(engine)).join(' ')).toBe(typed.trim());
	});

	it('in a reference prompt is cut to 512 characters', async () => {
		const {engine} = world();
		app = await renderApp(engine);
		await app.waitFor('api');
		await app.press('c');
		await app.waitFor('Commit api to repository:tag');
		await app.press(`${PASTE_START}${'a'.repeat(100 * 1024)}${PASTE_END}`);
		await app.waitFor(f => dialogText(f).includes('Paste cut to 512 characters: a reference takes no more (101,888 left out)'));
		expect(promptLine(app.lastFrame())).toMatch(/^…a{60,}$/);
	});

	it('arriving in several reads, with keys in later reads: everything goes into the prompt, in order', async () => {
		const {engine} = world();
		await openExec(engine);
		const text = words(10 * 1024);
		await app!.press(`${PASTE_START}${text.slice(0, 6000)}`);
		// The end marker split across two reads, keys after it.
		await app!.press(`${text.slice(6000)}${PASTE_END.slice(0, 4)}`);
		await app!.press(`${PASTE_END.slice(4)}xyz`);
		await app!.press(`${BACKSPACE}Q`);
		await app!.waitFor(f => promptLine(f).endsWith('xyQ'));
		await app!.press(ENTER);
		expect((await ranCommand(engine)).join(' ')).toBe(`${text}xyQ`.replace(/\s+/g, ' ').trim());
	});
});

describe('Ctrl-C always answers', () => {
	it('in the same read as a 100 KB paste', async () => {
		const {engine} = world();
		await openExec(engine);
		await app!.press(`${PASTE_START}${words(100 * 1024)}${PASTE_END}${CTRL_C}`);
		await app!.waitFor(() => app!.exited());
	});

	it('in the read after a 100 KB paste', async () => {
		const {engine} = world();
		await openExec(engine);
		await app!.press(`${PASTE_START}${words(100 * 1024)}${PASTE_END}`);
		await app!.press(CTRL_C);
		await app!.waitFor(() => app!.exited());
	});
});

describe('keys typed while berth is busy', () => {
	/** Holds the event loop for a little over the busy threshold, as a slow frame would. */
	function busyFor(ms: number) {
		const until = performance.now() + ms;
		while (performance.now() < until) {
			// Busy.
		}
	}

	it('act on the prompt they were typed at, never on the screen after it: Esc closes it, K y kill nothing', async () => {
		const {engine} = world();
		await openExec(engine);
		await app!.press(`${PASTE_START}${words(8000)}${PASTE_END}`);
		// berth reads a key and does not answer for a while; meanwhile Esc, K and y are typed.
		app!.write('a');
		busyFor(busyMs + 100);
		app!.write(`${ESC}Ky`);
		await app!.waitFor('Ignored 2 keys typed while berth was busy');
		const frame = app!.lastFrame();
		expect(frame).not.toContain('Run a command in api');
		expect(frame).not.toContain('Kill api');
		expect(engine.callsTo('killContainer')).toEqual([]);
		// berth answers again: keys are run, typed ahead as ever.
		await app!.press('Ky');
		await app!.waitFor(() => engine.callsTo('killContainer').length === 1);
	});

	it('typed at the prompt, they go into it, in order', async () => {
		const {engine} = world();
		await openExec(engine);
		app!.write('l');
		busyFor(busyMs + 100);
		app!.write('s -la');
		await app!.press(ENTER);
		expect(await ranCommand(engine)).toEqual(['ls', '-la']);
	});
});

