/**
 * After any exit path the terminal is restored. berth runs in a real pty under a shell that
 * records the terminal modes (`stty -a`) before and after it, so the test can compare them;
 * the headless terminal emulator that renders the session says whether the main screen is back
 * and the cursor visible.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {berthCli, cursorVisible, runShell, waitForChild} from './support/terminal.js';

const host = inject('dockerHost');
let term: PtyProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
	if (dir) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

/** The mode flags of `stty -a` (speed and size lines dropped), e.g. ["-parenb", "cs8", "echo", ...]. */
function modes(sttyOutput: string): string[] {
	return sttyOutput
		.split('\n')
		.filter(line => !/speed|rows|columns|intr|eof|swtch|lnext|min =/.test(line))
		.join(' ')
		.split(/[\s;]+/)
		.filter(Boolean)
		.sort();
}

interface Outcome {
	code: number;
	before: string[];
	after: string[];
	stderr: string;
	term: PtyProcess;
}

/** Runs berth under `sh`, lets `act` end it, and returns what the shell saw afterwards. */
async function runAndEnd(act: (berthPid: number, t: PtyProcess) => Promise<void> | void, env: Record<string, string> = {}): Promise<Outcome> {
	dir = mkdtempSync('/tmp/berth-exit-');
	const file = (name: string) => path.join(dir!, name);
	const script = [
		`stty -a > ${file('before')}`,
		`${process.execPath} ${berthCli} --host ${host} 2> ${file('stderr')}`,
		`echo $? > ${file('code')}`,
		`stty -a > ${file('after')}`,
		'echo BERTH-SHELL-DONE',
		'sleep 30',
	].join('; ');
	term = runShell(script, {cols: 100, rows: 30, env});
	const berthPid = await waitForChild(term.pid, 'cli.js');
	await term.waitForScreen(s => s.includes('Engine '), 20_000);
	await act(berthPid, term);
	await term.waitForScreen('BERTH-SHELL-DONE', 20_000);
	return {
		code: Number(readFileSync(file('code'), 'utf8').trim()),
		before: modes(readFileSync(file('before'), 'utf8')),
		after: modes(readFileSync(file('after'), 'utf8')),
		// Ink's cursor helper (restore-cursor) shows the cursor on stderr at exit; that is not a message.
		stderr: readFileSync(file('stderr'), 'utf8').replaceAll('\u001B[?25h', ''),
		term,
	};
}

function expectRestored(outcome: Outcome): void {
	// The same terminal modes as before berth started: raw mode off, echo and canonical input on.
	expect(outcome.after).toEqual(outcome.before);
	expect(outcome.after).toContain('echo');
	expect(outcome.after).toContain('icanon');
	expect(outcome.after).not.toContain('-echo');
	expect(outcome.after).not.toContain('-icanon');
	// The main screen is back, with the cursor visible.
	expect(outcome.term.terminal.buffer.active.type).toBe('normal');
	expect(cursorVisible(outcome.term)).toBe(true);
	const out = outcome.term.output();
	expect(out.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(out.lastIndexOf('\u001B[?1049h'));
}

describe('the terminal is restored after every exit path', () => {
	it('q', async () => {
		const outcome = await runAndEnd((_pid, t) => t.write('q'));
		expect(outcome.code).toBe(0);
		expectRestored(outcome);
		expect(outcome.stderr).toBe('');
	}, 60_000);

	it('Ctrl-C', async () => {
		const outcome = await runAndEnd((_pid, t) => t.write('\u0003'));
		expect([0, 130]).toContain(outcome.code);
		expectRestored(outcome);
		expect(outcome.stderr).toBe('');
	}, 60_000);

	it('SIGTERM', async () => {
		const outcome = await runAndEnd(pid => process.kill(pid, 'SIGTERM'));
		expect(outcome.code).toBe(143);
		expectRestored(outcome);
		expect(outcome.stderr).toBe('');
	}, 60_000);

	it('SIGHUP (an ssh session that drops)', async () => {
		const outcome = await runAndEnd(pid => process.kill(pid, 'SIGHUP'));
		expect(outcome.code).toBe(129);
		expectRestored(outcome);
		expect(outcome.stderr).toBe('');
	}, 60_000);

	it('an uncaught exception (test-only hook BERTH_TEST_CRASH_AFTER_MS)', async () => {
		const outcome = await runAndEnd(() => undefined, {BERTH_TEST_CRASH_AFTER_MS: '2500'});
		expect(outcome.code).toBe(1);
		expectRestored(outcome);
		expect(outcome.stderr).toMatch(/^berth: unexpected error: Error: test-only crash/);
	}, 60_000);

	it('an error while rendering (test-only hook BERTH_TEST_CRASH_IN_RENDER_AFTER_MS)', async () => {
		const outcome = await runAndEnd(() => undefined, {BERTH_TEST_CRASH_IN_RENDER_AFTER_MS: '2500'});
		expect(outcome.code).not.toBe(0);
		expectRestored(outcome);
		expect(outcome.stderr).toMatch(/test-only crash while rendering/);
	}, 60_000);
});
