/**
 * Terminal sizes and modes, with the real binary in a real pty rendered by a headless xterm:
 * 40x10 and 300x100, resizing continuously for 5 s, and NO_COLOR (no colour codes written at
 * all). (Non-TTY and TERM=dumb are in command-line.test.ts.)
 */
import {randomBytes} from 'node:crypto';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {dockerCli} from '../support/dockerd.js';
import {ENTER, ESC, TAB} from '../support/keys.js';
import type {PtyProcess} from '../support/pty.js';
import {trackResources} from '../support/names.js';
import {createContainer, fixtureImage} from './support/engine.js';
import {colourCodes, controlSequences, runBerth} from './support/terminal.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const prefix = `tm${randomBytes(3).toString('hex')}`;
let term: PtyProcess | undefined;

beforeAll(async () => {
	const docker = (...args: string[]) => dockerCli(host, args);
	for (const [suffix, command] of [['run', ['sh', '-c', 'while :; do echo tick; sleep 1; done']], ['done', ['sh', '-c', 'exit 3']]] as const) {
		resources.container(`${prefix}-${suffix}`);
		await docker('run', '-d', '--name', `${prefix}-${suffix}`, fixtureImage, ...command);
	}
	resources.container(`${prefix}-new`);
	await docker('create', '--name', `${prefix}-new`, fixtureImage, 'true');
	resources.container(`${prefix}-bad`);
	await createContainer(host, `${prefix}-bad`, {Cmd: ['/no/such/program']}, {start: false});
}, 60_000);

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

/** Whether some SGR sequence in the output sets `param` (7: inverse, the selected row). */
function setsStyle(output: string, param: number): boolean {
	return controlSequences(output).some(c => c.kind === 'csi' && c.final === 'm' && c.params.split(';').map(Number).includes(param));
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The screen is berth's frame and nothing else: no row wrapped or longer than the terminal,
 * the terminal's last row empty (berth's frame is one row shorter), the help bar just above it
 * and the status line above that, and each pane header at most once.
 */
async function expectIntact(t: PtyProcess, cols: number, rows: number): Promise<string> {
	const lines = await t.screen();
	const text = lines.join('\n');
	expect(lines).toHaveLength(rows);
	const buffer = t.terminal.buffer.active;
	for (let i = 0; i < rows; i++) {
		expect(buffer.getLine(buffer.viewportY + i)?.isWrapped, `row ${i} wrapped:\n${text}`).toBe(false);
		expect(lines[i]!.length, text).toBeLessThanOrEqual(cols);
	}
	expect(lines[rows - 1], text).toBe('');
	expect(lines[rows - 2]!.trim(), text).not.toBe('');
	// The status line keeps its counts whole; the endpoint gives way on a narrow terminal.
	expect(lines[rows - 3], text).toMatch(/^ (unix:|u[^ ]*…|\d+ running \/ ).*\d+ running \/ \d+ stopped · \d+ images?/);
	for (const header of [' 1 Containers', ' 2 Images', ' 3 Logs']) {
		expect(text.split(header).length - 1, text).toBeLessThanOrEqual(1);
	}
	return text;
}

/** expectIntact, retried for a while: on a loaded machine the last frame may still be on its way. */
async function waitIntact(t: PtyProcess, cols: number, rows: number, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await expectIntact(t, cols, rows);
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await pause(250);
		}
	}
}

describe('terminal sizes', () => {
	for (const [cols, rows] of [[40, 10], [300, 100]] as const) {
		it(`${cols}x${rows}: the frame fits, every view stays intact, keys work`, async () => {
			term = runBerth(['--host', host], {cols, rows});
			await term.waitForScreen(s => s.includes('Containers') || s.includes('containers'), 20_000);
			term.write(`/${prefix}\r`);
			await term.waitForScreen(`${prefix}`, 10_000);
			await waitIntact(term, cols, rows);
			// Each key, then the screen it leads to (or a moment, for keys that only move focus).
			const steps: Array<[string, ((s: string) => boolean) | undefined]> = [
				[TAB, undefined],
				['2', undefined],
				['3', undefined],
				['1', undefined],
				['j', undefined],
				[ENTER, s => s.includes('Details —')],
				[ESC, s => !s.includes('Details —')],
				['?', s => s.includes('Keys — Esc')],
				[ESC, s => !s.includes('Keys — Esc')],
				['a', undefined],
				['a', undefined],
			];
			for (const [key, settled] of steps) {
				term.write(key);
				if (settled) await term.waitForScreen(settled, 10_000);
				await pause(300);
				await waitIntact(term, cols, rows);
			}
			if (rows >= 30) {
				await term.waitForScreen(s => ['run', 'done', 'new', 'bad'].every(suffix => s.includes(`${prefix}-${suffix}`)), 10_000);
				await waitIntact(term, cols, rows);
			}
			term.write('q');
			expect((await term.exited).exitCode).toBe(0);
			term = undefined;
		}, 60_000);
	}

	// Found by the 300x100 test: keys typed after the first frame but before Ink had turned raw
	// mode on were echoed by the terminal; the echoed Enter moved the cursor and every later
	// frame landed one line low (two headers, stale rows). Fixed in source/terminal/screen.ts.
	it('keys typed while berth starts are not echoed onto its screen and do not shift the frame', async () => {
		for (let run = 0; run < 5; run++) {
			term = runBerth(['--host', host], {cols: 120, rows: 40});
			await term.waitForScreen('Containers', 20_000);
			term.write(`/${prefix}\r`);
			await term.waitForScreen(`filter: ${prefix}`, 10_000);
			await pause(500);
			await waitIntact(term, 120, 40);
			expect(term.output()).not.toContain(`/${prefix}\r\n`);
			term.write('q');
			expect((await term.exited).exitCode).toBe(0);
			term = undefined;
		}
	}, 120_000);

	it('resizing continuously for 5 s: no crash, and the frame is right for the final size', async () => {
		term = runBerth(['--host', host], {cols: 100, rows: 30});
		await term.waitForScreen('Containers', 20_000);
		term.write(`/${prefix}\r`);
		const started = Date.now();
		let step = 0;
		while (Date.now() - started < 5000) {
			const cols = 20 + ((step * 37) % 200);
			const rows = 6 + ((step * 17) % 60);
			term.resize(cols, rows);
			step++;
			if (step % 10 === 0) term.write(step % 20 === 0 ? 'j' : 'k');
			await pause(40);
		}
		expect(step).toBeGreaterThan(50);
		term.resize(100, 30);
		await pause(1500);
		const text = await waitIntact(term, 100, 30);
		expect(text).toContain(`${prefix}-run`);
		// Still answering keys.
		term.write('?');
		await term.waitForScreen('Quit berth', 10_000);
		term.write(ESC);
		await term.waitForScreen(s => !s.includes('Quit berth'), 10_000);
		await waitIntact(term, 100, 30);
		term.write('q');
		expect((await term.exited).exitCode).toBe(0);
		term = undefined;
	}, 60_000);
});

describe('NO_COLOR', () => {
	/** Shows running, exited and created rows, an error status and the help overlay. */
	async function tour(t: PtyProcess): Promise<void> {
		await t.waitForScreen('Engine ', 20_000);
		t.write(`/${prefix}\r`);
		await t.waitForScreen(`${prefix}-new`, 15_000);
		t.write('?');
		await t.waitForScreen('Quit berth', 10_000);
		t.write(ESC);
		await t.waitForScreen(s => !s.includes('Quit berth'), 10_000);
		// Select the container whose command does not exist and start it: an error in red, normally.
		t.write(ESC);
		await t.waitForScreen(s => !s.includes('filter:'), 10_000);
		t.write(`/${prefix}-bad\r`);
		await t.waitForScreen(s => new RegExp(`Logs\\s+${prefix}-bad`).test(s), 10_000);
		t.write('u');
		await t.waitForScreen(s => s.includes('│ /no/such/program: stat /no/such/program: no such file or directory'), 20_000);
	}

	/** The details view (Enter) and an image's history view (2, Enter): tables. */
	async function views(t: PtyProcess): Promise<void> {
		t.write(ENTER);
		await t.waitForScreen(s => s.includes('Details —') && s.includes('Summary'), 10_000);
		t.write(ESC);
		await pause(300);
		t.write('2');
		await pause(300);
		t.write(ENTER);
		await t.waitForScreen('History —', 10_000);
		await pause(800);
		t.write(ESC);
		await pause(300);
	}

	async function quit(t: PtyProcess): Promise<void> {
		t.write('q');
		expect((await t.exited).exitCode).toBe(0);
	}

	it('with NO_COLOR=1 berth writes no colour codes at all on the main screen, in messages and in the help (inverse and bold are styles, not colours)', async () => {
		term = runBerth(['--host', host], {cols: 120, rows: 40, env: {NO_COLOR: '1'}});
		await tour(term);
		await quit(term);
		expect(colourCodes(term.output())).toEqual([]);
		// The selected row is still marked: inverse video is a style, not a colour.
		expect(setsStyle(term.output(), 7)).toBe(true);
		term = undefined;
	}, 90_000);

	// BUG (source/ui/kv-table.tsx, the lead's file): FittedTable renders ink-table's <Table>
	// without a `header` component, and ink-table's default header is bold *blue* whatever
	// NO_COLOR says, so the details, history and top views write ESC[34m ... ESC[39m. Fix: pass
	// header={({children}) => <Text bold color={tone('accent')}>{children}</Text>}.
	it('with NO_COLOR=1 the details and history views write no colour codes either', async () => {
		term = runBerth(['--host', host], {cols: 120, rows: 40, env: {NO_COLOR: '1'}});
		await tour(term);
		await views(term);
		await quit(term);
		expect(colourCodes(term.output())).toEqual([]);
		term = undefined;
	}, 90_000);

	// This control found a bug: cli.tsx set CI=false to keep Ink out of its CI mode, and chalk
	// switches colours and styles off whenever CI is present, so berth drew no colour and no
	// selection highlight at all. It runs with CI=true in the environment, as on a CI runner.
	it('(control) without NO_COLOR the same tour writes colour codes, so the checks above can see them; CI in the environment does not change that', async () => {
		term = runBerth(['--host', host], {cols: 120, rows: 40, env: {CI: 'true'}});
		await tour(term);
		await views(term);
		await quit(term);
		expect(colourCodes(term.output()).length).toBeGreaterThan(0);
		expect(setsStyle(term.output(), 7)).toBe(true);
		term = undefined;
	}, 90_000);
});
