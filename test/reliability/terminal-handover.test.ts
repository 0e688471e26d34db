/**
 * The terminal is berth's again after anything else had it, and only keys act: the real binary
 * in a real pty on the real engine. Mouse reports never become keys; after a command that left
 * mouse tracking, bracketed paste, the line-drawing character set and application keys on,
 * berth resets them and draws in plain characters; attach says what it is and Ctrl-P Ctrl-Q
 * always returns, even to a container that reads no input; a command that ends by itself shows
 * its output and exit status until a key; bracketed paste is on only while a prompt is open.
 */
import {randomBytes} from 'node:crypto';
import {afterAll, afterEach, describe, expect, inject, it} from 'vitest';
import {ENTER, ESC} from '../support/keys.js';
import {trackResources} from '../support/names.js';
import type {PtyProcess} from '../support/pty.js';
import {api, createContainer} from './support/engine.js';
import {runBerth} from './support/terminal.js';

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

const prefix = `th${randomBytes(3).toString('hex')}`;
const x10 = (button: number, column: number, row: number) => `\u001B[M${String.fromCharCode(32 + button, 32 + column, 32 + row)}`;

async function state(id: string): Promise<string> {
	const response = await api(host, 'GET', `/containers/${id}/json`);
	return (response.json() as {State: {Status: string}}).State.Status;
}

async function berthOn(name: string): Promise<PtyProcess> {
	term = runBerth(['--host', host], {cols: 120, rows: 40});
	await term.waitForScreen('Engine ', 20_000);
	term.write(`/${name}\r`);
	await term.waitForScreen(s => s.includes(`filter: ${name}`) && s.includes(`● running      ${name}`), 15_000);
	return term;
}

describe('the terminal after anything else had it', () => {
	it('a mouse click (X10, SGR, urxvt) never acts: no stop, and in the kill dialog no yes', async () => {
		const name = `${prefix}-mouse`;
		const id = resources.container(await createContainer(host, name, {Cmd: ['sleep', '1000']}));
		const t = await berthOn(name);
		// Clicks whose bytes hold "s" (column 83) and "y" (column 89), in every report form.
		t.write(x10(0, 83, 5) + x10(3, 83, 5) + '\u001B[<0;83;5M\u001B[<0;83;5m' + '\u001B[32;115;5M');
		await new Promise(resolve => setTimeout(resolve, 800));
		expect(await state(id)).toBe('running');
		t.write('K');
		await t.waitForScreen('Kill container', 10_000);
		t.write(x10(0, 89, 12) + x10(3, 89, 12) + '\u001B[<0;89;12M');
		await new Promise(resolve => setTimeout(resolve, 800));
		expect(await t.waitForScreen('Kill container')).toContain('Kill container');
		expect(await state(id)).toBe('running');
		t.write('n');
		await t.waitForScreen('Cancelled; nothing was changed', 10_000);
	}, 90_000);

	it('after a command that leaves modes on, berth resets them and draws plain characters; the output and exit status wait for a key', async () => {
		const name = `${prefix}-modes`;
		resources.container(await createContainer(host, name, {Cmd: ['sleep', '1000']}));
		const t = await berthOn(name);
		t.write('E');
		await t.waitForScreen(`Run a command in ${name}`, 10_000);
		// The command: line drawing on, mouse tracking on, bracketed paste, application cursor keys; prints, exits 3.
		t.write(`\u0015sh -c "printf 'MODES-LEFT-ON\\\\033(0\\\\033[?1000h\\\\033[?1006h\\\\033[?2004h\\\\033[?1h\\\\033='; exit 3"${ENTER}`);
		await t.waitForScreen(s => s.includes('exit code 3') && s.includes('press any key to return to berth'), 15_000);
		const before = t.output().length;
		t.write('x');
		await t.waitForScreen(s => s.includes(`Command in ${name} ended (exit code 3)`), 15_000);
		const after = t.output().slice(before);
		for (const reset of ['\u001B[?1000l', '\u001B[?1006l', '\u001B[?2004l', '\u001B[?1l', '\u001B(B', '\u001B>']) {
			expect(after.includes(reset), `berth wrote ${JSON.stringify(reset)} after the command`).toBe(true);
		}
		// The emulator is back in ASCII: berth's own text shows as text, not line-drawing glyphs.
		const screen = await t.waitForScreen('Containers');
		expect(screen).toContain('1 Containers');
		expect(screen).not.toMatch(/[┘┐┌└┼─├┤┴┬│]{3}.*ontainers/);
		expect(t.terminal.modes.mouseTrackingMode).toBe('none');
		expect(t.terminal.modes.bracketedPasteMode).toBe(false);
		expect(t.terminal.modes.applicationCursorKeysMode).toBe(false);
	}, 90_000);

	it('E keeps every line of the output on screen, the exit line below them', async () => {
		const name = `${prefix}-lines`;
		resources.container(await createContainer(host, name, {Cmd: ['sleep', '1000']}));
		const t = await berthOn(name);
		t.write('E');
		await t.waitForScreen(`Run a command in ${name}`, 10_000);
		t.write(`\u0015sh -c "echo LINE-ONE; echo LINE-TWO; echo LINE-THREE; exit 4"${ENTER}`);
		const screen = await t.waitForScreen(s => s.includes('exit code 4') && s.includes('press any key to return to berth'), 15_000);
		const rows = screen.split('\n');
		const at = (text: string) => rows.findIndex(row => row.includes(text));
		expect(at('LINE-ONE'), screen).toBeGreaterThanOrEqual(0);
		expect(at('LINE-TWO'), screen).toBe(at('LINE-ONE') + 1);
		expect(at('LINE-THREE'), screen).toBe(at('LINE-TWO') + 1);
		expect(at('exit code 4'), screen).toBeGreaterThan(at('LINE-THREE'));
		t.write('x');
		await t.waitForScreen(`Command in ${name} ended (exit code 4)`, 15_000);
	}, 90_000);

	it('E with a command that cannot run shows the engine reason on the status line', async () => {
		const name = `${prefix}-nocmd`;
		resources.container(await createContainer(host, name, {Cmd: ['sleep', '1000']}));
		const t = await berthOn(name);
		t.write('E');
		await t.waitForScreen(`Run a command in ${name}`, 10_000);
		t.write(`\u0015nosuchcmd${ENTER}`);
		await t.waitForScreen('press any key to return to berth', 15_000);
		t.write(' ');
		const screen = await t.waitForScreen(s => /exit 12[67], /.test(s), 15_000);
		expect(screen.split('\n').at(-3)).toMatch(/exit 12[67], nosuchcmd: executable file not found/);
	}, 90_000);

	it('attach to a container started without -i says so, and Ctrl-P Ctrl-Q returns to berth', async () => {
		const name = `${prefix}-noi`;
		const id = resources.container(await createContainer(host, name, {Cmd: ['sh', '-c', 'while :; do echo tick; sleep 1; done']}));
		const t = await berthOn(name);
		t.write('A');
		await t.waitForScreen('output only', 15_000);
		expect(await t.waitForScreen('Ctrl-P Ctrl-Q returns to berth')).toContain('Ctrl-P Ctrl-Q returns to berth');
		// q, Esc and Ctrl-C reach nothing here; the detach keys do.
		t.write(`q${ESC}\u0003`);
		await new Promise(resolve => setTimeout(resolve, 500));
		t.write('\u0010\u0011');
		await t.waitForScreen(`Detached from ${name}; it keeps running`, 15_000);
		expect(await state(id)).toBe('running');
	}, 90_000);

	it('bracketed paste is on only while a prompt is open, and off when berth ends', async () => {
		const name = `${prefix}-paste`;
		resources.container(await createContainer(host, name, {Cmd: ['sleep', '1000']}));
		const t = await berthOn(name);
		// (The filter typed by berthOn opened and closed in one read: no paste mode was needed.)
		expect(t.output().lastIndexOf('\u001B[?2004l')).toBeGreaterThanOrEqual(t.output().lastIndexOf('\u001B[?2004h'));
		t.write('c');
		await t.waitForScreen(`Commit ${name}`, 10_000);
		expect(t.output().lastIndexOf('\u001B[?2004h')).toBeGreaterThan(t.output().lastIndexOf('\u001B[?2004l'));
		// A paste is text in the prompt: its Enter does not commit.
		t.write('\u0015\u001B[200~x\ry\u001B[201~');
		await t.waitForScreen('> x y', 10_000);
		t.write(`${ESC}q`);
		await t.exited;
		expect(t.output().lastIndexOf('\u001B[?2004l')).toBeGreaterThan(t.output().lastIndexOf('\u001B[?2004h'));
		term = undefined;
	}, 90_000);

	it('R interactive (-it) hands the terminal to the new container and comes back when its shell exits', async () => {
		const name = `${prefix}-it`;
		resources.container(name);
		term = runBerth(['--host', host], {cols: 120, rows: 40});
		const t = term;
		await t.waitForScreen('Engine ', 20_000);
		t.write('2/berth-test/busybox\r');
		await t.waitForScreen('filter: berth-test/busybox', 10_000);
		t.write('R');
		await t.waitForScreen('Run a container (docker run)', 10_000);
		// Name, command sh; mode interactive (→ → on the last field).
		t.write(`\t${name}\tsh\t\t\t\t\t\t\t\t\u001B[C\u001B[C\r`);
		await t.waitForScreen(s => !s.includes('Run a container'), 15_000);
		await new Promise(resolve => setTimeout(resolve, 500));
		t.write('echo INSIDE-$((6*7))\r');
		await t.waitForScreen('INSIDE-42', 15_000);
		t.write('exit\r');
		await t.waitForScreen(`Run in berth-test/busybox:latest ended (exit code 0)`, 15_000);
		expect(t.terminal.buffer.active.type).toBe('alternate');
	}, 90_000);
});

describe('docker create -it, then docker start -a -i', () => {
	it('n with the interactive mode creates a container that U starts and attaches to', async () => {
		const name = `${prefix}-cit`;
		resources.container(name);
		term = runBerth(['--host', host], {cols: 120, rows: 40});
		const t = term;
		await t.waitForScreen('Engine ', 20_000);
		t.write('2/berth-test/busybox\r');
		await t.waitForScreen('filter: berth-test/busybox', 10_000);
		t.write('n');
		await t.waitForScreen('Create a container (docker create)', 10_000);
		// Name, command sh; the mode (the last field) interactive.
		t.write(`\t${name}\tsh\t\t\t\t\t\t\t\t\u001B[C`);
		await t.waitForScreen(`Runs: docker create -it --name ${name} berth-test/busybox:latest sh`, 10_000);
		t.write('\r');
		await t.waitForScreen(`Created ${name} from berth-test/busybox:latest (not started)`, 15_000);
		t.write(`1/${name}\r`);
		await t.waitForScreen(s => s.includes(`filter: ${name}`) && s.includes(`○ created      ${name}`), 15_000);
		t.write('U');
		await new Promise(resolve => setTimeout(resolve, 500));
		t.write('echo INSIDE-$((6*7))\r');
		await t.waitForScreen('INSIDE-42', 15_000);
		t.write('exit 3\r');
		await t.waitForScreen(`Attach in ${name} ended (exit code 3)`, 15_000);
		expect(t.terminal.buffer.active.type).toBe('alternate');
	}, 90_000);
});
