/**
 * While berth's UI runs nothing but its frames reaches the terminal: Node warnings, console
 * output and stray stderr writes are caught (source/cli/stray-output.ts). The built binary in a
 * real pty; a test-only hook (BERTH_TEST_STRAY_OUTPUT_AFTER_MS) writes the ways libraries do.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {waitFor} from '../support/names.js';
import {runBerth} from './support/terminal.js';

const host = inject('dockerHost');
let scratch: string;
let term: PtyProcess | undefined;

beforeAll(() => {
	scratch = mkdtempSync('/tmp/berth-stray-');
});

afterEach(async () => {
	if (term) {
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
	}
});

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

describe('nothing but berth reaches the terminal (warnings and stray writes are caught)', () => {
	const stray = /MaxListenersExceeded|Warning|test-only|DEP0000/;

	it('an engine unreachable long enough for a dozen retries: no Node warning on the screen (a listener leak once printed MaxListenersExceededWarning after 11)', async () => {
		const missing = path.join(scratch, 'nothing-here.sock');
		term = runBerth(['--host', `unix://${missing}`], {cols: 120, rows: 30, env: {BERTH_TEST_STRAY_OUTPUT_AFTER_MS: '1000'}});
		await term.waitForScreen(screen => /attempt (1[3-9]|[2-9]\d)\b/.test(screen), 90_000);
		const output = term.output();
		expect(output).not.toMatch(stray);
		expect((await term.screen()).join('\n')).not.toMatch(stray);
		term.write('q');
		expect((await term.exited).exitCode).toBe(0);
		term = undefined;
	}, 120_000);

	it('with BERTH_DEBUG_LOG the stray output goes to that file, and still not to the terminal', async () => {
		const log = path.join(scratch, 'debug.log');
		term = runBerth(['--host', host], {cols: 120, rows: 30, env: {BERTH_TEST_STRAY_OUTPUT_AFTER_MS: '500', BERTH_DEBUG_LOG: log}});
		await term.waitForScreen(s => s.includes('Engine '), 20_000);
		const written = await waitFor(() => {
			const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
			return text.includes('test-only stderr write') ? text : undefined;
		}, 'the debug log', 15_000);
		for (const line of ['warning: Warning: test-only warning (BERTH_TEST_STRAY_OUTPUT_AFTER_MS)', 'warning: DeprecationWarning: test-only deprecation', 'console: test-only console.error', 'console: test-only console.log', 'stderr: test-only stderr write']) {
			expect(written).toContain(line);
		}
		expect(term.output()).not.toMatch(stray);
		term.write('q');
		expect((await term.exited).exitCode).toBe(0);
		term = undefined;
	}, 60_000);
});
