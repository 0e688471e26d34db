/**
 * Hostile output: containers whose labels, environment, command and log lines carry escape
 * sequences (OSC 52 clipboard writes, OSC 0/2 titles, OSC 8 hyperlinks, CSI cursor moves,
 * screen clears and mode changes, DCS, C1 controls raw and UTF-8 encoded, lone ESC, backspaces,
 * carriage returns, NUL, invalid UTF-8, a 100 KB line), and engine error messages that echo
 * them. The real binary runs in a pty; the test checks every byte it wrote (none of those
 * sequences may reach the terminal) and the screen a real terminal emulator shows.
 */
import {randomBytes} from 'node:crypto';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {ENTER, ESC, PAGE_DOWN} from '../support/keys.js';
import {trackResources} from '../support/names.js';
import type {PtyProcess} from '../support/pty.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {renderApp} from '../support/render-app.js';
import {api, createContainer} from './support/engine.js';
import {controlSequences, decodeStrict, foreignControls, runBerth} from './support/terminal.js';

const host = inject('dockerHost');
const resources = trackResources(host);
let term: PtyProcess | undefined;

afterEach(async () => {
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
});
afterAll(async () => {
	await resources.cleanup();
});

/** Every kind of hostile sequence, as JavaScript text (what JSON carries to the engine). */
const evil = {
	osc52: '\u001B]52;c;cHduZWQ=\u0007',
	title: '\u001B]0;PWNED-TITLE\u0007\u001B]2;PWNED-2\u001B\\',
	link: '\u001B]8;;http://evil.example/\u001B\\click-me\u001B]8;;\u001B\\',
	csi: '\u001B[2J\u001B[H\u001B[31337C\u001B[55;155Hmoved\u001B[?1049l\u001B[?25h\u001B[6n\u001B[3;3r\u001Bc\u001B[?1000h',
	dcs: '\u001BP1$r0m\u001B\\\u001BPq#0;2;0;0;0#0~~@@vv@@~~$-\u001B\\',
	c1: '\u009B31m\u009D0;c1\u0007\u0090dcs\u009C\u0085',
	lone: 'a\u001B b\b\b\bXYZ\r over\u001B',
	nul: 'a\u0000b',
	// Over 100 KB.
	long: `${'\u001B[2J\u001B]0;T\u0007ABCDEFGHIJ0123456789012345678901234567890123'.repeat(2000)}`,
};

/** The same as log lines, written by busybox printf (octal escapes; raw C1 and invalid UTF-8 bytes too). */
const logScript = String.raw`p() { printf "$@"; }
p 'L01 \033]52;c;cHduZWQ=\007 L01-END\n'
p 'L02 \033]0;PWNED-TITLE\007\033]2;PWNED-2\033\\ L02-END\n'
p 'L03 \033]8;;http://evil.example/\033\\click-me\033]8;;\033\\ L03-END\n'
p 'L04 \033[2J\033[H\033[31337C\033[55;155Hmoved\033[?1049l\033[?25h\033[6n\033[3;3r\033c\033[?1000h L04-END\n'
p 'L05 \033P1$r0m\033\\\033Pq#0;2;0;0;0#0~~@@vv@@~~$-\033\\ L05-END\n'
p 'L06 \23331m\2350;c1\007\220dcs\234\205 L06-END\n'
p 'L07 \302\23332m\302\2350;t\007\302\205 L07-END\n'
p 'L08 a\033 b\010\010\010XYZ\r over'; p '\000'; p 'nul\033 L08-END\n'
p 'L09 \377\376\300\200\355\240\200 L09-END\n'
p 'L10 '; i=0; while [ $i -lt 2300 ]; do p '\033[2J\033]0;T\007ABCDEFGHIJ012345678901234567890123'; i=$((i+1)); done; p ' L10-END\n'
exec sleep 100000`;

const labels = Object.fromEntries(Object.entries(evil).map(([k, v]) => [`evil.${k}`, `<${v}>`]));
const env = Object.entries(evil).filter(([k]) => k !== 'nul').map(([k, v]) => `EVIL_${k.toUpperCase()}=<${v}>`);

/** Checks the bytes berth wrote: valid UTF-8, and no control sequence its own renderer does not use. */
function assertCleanBytes(output: string): void {
	const text = decodeStrict(output);
	const foreign = foreignControls(text);
	expect(foreign.map(c => JSON.stringify('text' in c ? c.text : String.fromCharCode(c.code)))).toEqual([]);
	// (The words inside the sequences, such as PWNED, may show as text: the command of a
	// container whose script prints them is displayed as it is, backslashes and all.)
	const sequences = ['\u001B]', '\u001BP', '\u001B_', '\u001B^', '\u001BX', '\u0007', '\u0000', '\b', '\u001B[6n', '\u001Bc', '\u001B[31337C', '\u001B[55;155H', '\u001B[3;3r', '\u001B[?1000h'];
	for (const forbidden of sequences) {
		expect(text.includes(forbidden), `berth wrote ${JSON.stringify(forbidden)}`).toBe(false);
	}
	expect(/[\u0080-\u009F]/.test(text), 'berth wrote a C1 control').toBe(false);
}

/**
 * The screen's frame is where berth puts it: the first pane's header on the first row, the
 * status line and the help bar at the bottom of berth's frame (one row above the terminal's
 * last, which berth leaves empty), and no row longer than the terminal.
 */
function assertIntact(lines: string[], cols: number, endpoint: string): void {
	const flat = lines.join('\n');
	expect(lines[0], flat).toMatch(/^ [12] (Containers|Images)|^ (Details|History) — /);
	// The status line: the endpoint (or as much of it as the last action's outcome leaves), then the counts.
	expect(lines.at(-3), flat).toMatch(new RegExp(`^ (${endpoint.slice(0, 12)}|\\d+ running / )`));
	expect(lines.at(-3), flat).toMatch(/\d+ running \/ \d+ stopped · \d+ images?/);
	// The help bar: the keys of the pane or the view.
	expect(lines.at(-2), flat).toMatch(/^ \? help|^ Esc/);
	expect(lines.at(-1), flat).toBe('');
	for (const line of lines) expect(line.length).toBeLessThanOrEqual(cols);
}

describe('the byte checker', () => {
	it("finds each hostile sequence when it is written raw, and passes what berth's renderer writes", () => {
		for (const raw of Object.values(evil)) expect(foreignControls(raw).length, JSON.stringify(raw.slice(0, 40))).toBeGreaterThan(0);
		const own =
			'\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l\u001B[?2026h\u001B[3A\u001B[2K\u001B[1mbold\u001B[22m\u001B[7m x \u001B[27m\r\n\u001B[E\u001B[G' +
			'\u001B[12;40H\u001B[0;7;31mrow\u001B[0m\u001B[K\u001B[5;14r\u001B[14;1H\n\u001B[r\u001B[5;14r\u001B[5;1H\u001BM\u001B[r\u001B[?2026l\u001B[?25h\u001B[?1049l';
		expect(foreignControls(own)).toEqual([]);
	});
});

describe('hostile text from the engine never reaches the terminal', () => {
	const prefix = `hx${randomBytes(3).toString('hex')}`;
	const names = {log: `${prefix}-1log`, tty: `${prefix}-2tty`, cmd: `${prefix}-3cmd`, user: `${prefix}-4usr`, env: `${prefix}-5env`};

	beforeAll(async () => {
		for (const name of Object.values(names)) resources.container(name);
		await createContainer(host, names.log, {Cmd: ['sh', '-c', logScript], Labels: {...labels, 'evil.nul': `<${evil.nul}>`}, Env: env});
		await createContainer(host, names.tty, {Cmd: ['sh', '-c', logScript], Tty: true, Labels: labels});
		// Never started: pressing u makes the engine answer with an error that echoes the bytes.
		await createContainer(host, names.cmd, {Cmd: [`/${evil.title}${evil.csi}nope`], Labels: labels}, {start: false});
		await createContainer(host, names.user, {Cmd: ['true'], User: `${evil.osc52}${evil.title}`}, {start: false});
		await createContainer(host, names.env, {Cmd: ['true'], Env: [`NUL=${evil.nul}`, ...env], Labels: labels}, {start: false});
		// An image whose history carries them too: the layer's "created by" is the committed
		// container's command, and the commit message is free text.
		resources.image(`${prefix}-img:evil`);
		const commit = new URLSearchParams({container: names.cmd, repo: `${prefix}-img`, tag: 'evil', comment: `${evil.osc52}${evil.title}${evil.c1}${evil.link}`});
		const committed = await api(host, 'POST', `/commit?${commit}`);
		expect(committed.status).toBe(201);
	}, 120_000);

	it('log lines (non-TTY and TTY), labels, environment, the details view and engine error messages', async () => {
		const cols = 120;
		const rows = 40;
		term = runBerth(['--host', host], {cols, rows});
		const titles: string[] = [];
		term.terminal.onTitleChange(title => titles.push(title));
		await term.waitForScreen('Engine ', 20_000);
		term.write(`/${prefix}\r`);
		await term.waitForScreen(names.env, 15_000);

		// The non-TTY container's log: every line arrives, one row each, the frame stays put.
		let screen = await term.waitForScreen(s => s.includes('L10 ') && s.includes('L01 ') && s.includes('L09 '), 20_000);
		assertIntact(await term.screen(), cols, host);
		for (const k of [1, 2, 3, 4, 5, 6, 7, 9]) expect(screen).toMatch(new RegExp(`L0${k} .*L0${k}-END`));
		// L08's carriage return keeps only what follows it, as a terminal would show the line, and
		// "ESC SP L" is one escape sequence (ESC, intermediate, final), so its "L" goes with it.
		expect(screen).toMatch(/^ {3}overnul08-END$/m);
		expect(term.terminal.buffer.active.type).toBe('alternate');

		// Details: labels, environment and command, in a view of their own.
		term.write(ENTER);
		screen = await term.waitForScreen(s => s.includes(`Details — ${names.log}`) && s.includes('Summary'), 15_000);
		const seen = [screen];
		// Page down until the environment and labels tables have been on screen.
		for (let i = 0; i < 30 && !(seen.join('\n').includes('EVIL_OSC52') && seen.join('\n').includes('evil.csi')); i++) {
			const before = seen.at(-1)!;
			term.write(PAGE_DOWN);
			// Wait for the page to move (or for the end of the view).
			const after = await term.waitForScreen(s => s !== before, 3000).catch(async () => (await term!.screen()).join('\n'));
			assertIntact(await term.screen(), cols, host);
			seen.push(after);
		}
		// The hostile environment and labels were on screen (neutralised).
		expect(seen.join('\n')).toContain('EVIL_OSC52');
		expect(seen.join('\n')).toContain('evil.csi');
		term.write(ESC);
		await term.waitForScreen(s => !s.includes('Details —'), 10_000);

		// The TTY container's log.
		term.write('j');
		await term.waitForScreen(s => new RegExp(`Logs\\s+${names.tty}`).test(s) && s.includes('L09 '), 20_000);
		assertIntact(await term.screen(), cols, host);

		// Engine errors that echo the hostile command and user.
		term.write('j');
		await term.waitForScreen(s => new RegExp(`Logs\\s+${names.cmd}`).test(s), 10_000);
		term.write('u');
		// The status line gives the runtime's reason first: the command it could not find (the engine
		// writes its bytes as \x1b text; the command log has the engine's whole message).
		await term.waitForScreen(s => /│ \/.*PWNED-TITLE/.test(s), 20_000);
		assertIntact(await term.screen(), cols, host);
		term.write('j');
		await term.waitForScreen(s => new RegExp(`Logs\\s+${names.user}`).test(s), 10_000);
		term.write('u');
		await term.waitForScreen(s => s.includes('│ unable to find user'), 20_000);
		assertIntact(await term.screen(), cols, host);

		// The history view of the image made from the container with the hostile command.
		term.write('2');
		await term.waitForScreen(s => s.includes(`${prefix}-img:evil`), 10_000);
		term.write(`/${prefix}-img\r`);
		await term.waitForScreen(`filter: ${prefix}-img`, 10_000);
		term.write(ENTER);
		await term.waitForScreen(s => s.includes(`History — ${prefix}-img:evil`) && s.includes('nope'), 10_000);
		assertIntact(await term.screen(), cols, host);
		term.write(ESC);
		await term.waitForScreen(s => !s.includes('History —'), 10_000);
		term.write('1');
		await term.waitForScreen(s => new RegExp(`Logs\\s+${names.user}`).test(s), 10_000);

		// Details of the container whose environment holds a NUL.
		term.write('j');
		await term.waitForScreen(s => new RegExp(`Logs\\s+${names.env}`).test(s), 10_000);
		term.write(ENTER);
		await term.waitForScreen(s => s.includes(`Details — ${names.env}`) && s.includes('Summary'), 15_000);
		for (let i = 0; i < 6; i++) {
			term.write(PAGE_DOWN);
			await new Promise(resolve => setTimeout(resolve, 150));
			assertIntact(await term.screen(), cols, host);
		}
		term.write(ESC);
		await term.waitForScreen(s => !s.includes('Details —'), 10_000);

		term.write('q');
		expect((await term.exited).exitCode).toBe(0);
		assertCleanBytes(term.output());
		expect(titles).toEqual([]);
		expect(term.terminal.buffer.active.type).toBe('normal');
	}, 150_000);

	it('the engine refuses escape sequences and control characters in container names, so only labels, env, commands and logs can carry them', async () => {
		for (const bad of ['\u001B]0;x\u0007', 'a\u001B[2Jb', 'a\u0085b']) {
			const response = await api(host, 'POST', `/containers/create?name=${encodeURIComponent(bad)}`, {Image: 'berth-test/busybox:latest'});
			expect(response.status).toBe(400);
			expect(response.body).toMatch(/Invalid container name/);
		}
	});

	it('names, images and status text an engine could send (checked on the in-memory engine): sanitised in every frame', async () => {
		const engine = new FakeEngine({
			containers: [
				fakeContainer({name: `x${evil.title}${evil.csi}`, image: `img${evil.osc52}`, status: `Up ${evil.link}${evil.c1}`, labels}),
				fakeContainer({name: `y${evil.dcs}${evil.lone}`, state: 'exited', status: `Exited (1) ${evil.long.slice(0, 5000)}`}),
			],
			images: [fakeImage({repoTags: [`evil${evil.title}:latest`]})],
		});
		const app = await renderApp(engine, {rows: 40});
		try {
			// The first name with its escape sequences taken out (the CSI payload's own text stays).
			await app.waitFor('xmoved', 5000);
			await app.press(ENTER);
			await app.waitFor('Details', 5000);
			await app.press(PAGE_DOWN, PAGE_DOWN, ESC, 'j', ENTER, PAGE_DOWN, ESC, '2', ENTER, ESC);
			for (const frame of app.frames) {
				const controls = controlSequences(frame).filter(c => !(c.kind === 'csi' && c.final === 'm') && !(c.kind === 'c0' && c.code === 0x0a));
				expect(controls).toEqual([]);
				expect(frame).not.toContain('PWNED');
			}
		} finally {
			app.unmount();
		}
	});
});
