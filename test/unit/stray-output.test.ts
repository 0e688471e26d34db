import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {captureStrayOutput} from '../../source/cli/stray-output.js';

let restore: (() => void) | undefined;
afterEach(() => {
	restore?.();
	restore = undefined;
});

describe('stray output while the UI runs', () => {
	it('catches warnings, console output and stderr writes into the debug log, and puts everything back', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'berth-stray-'));
		try {
			const logFile = path.join(dir, 'debug.log');
			const write = process.stderr.write;
			const error = console.error;
			const warningListeners = process.listeners('warning').length;
			restore = captureStrayOutput({logFile});
			process.emitWarning('a test warning');
			await new Promise(resolve => process.nextTick(resolve));
			console.error('from console.error\nsecond line');
			console.log('from console.log');
			process.stderr.write('raw stderr\n');
			const log = readFileSync(logFile, 'utf8');
			expect(log).toContain('warning: Warning: a test warning\n');
			expect(log).toContain('console: from console.error\nsecond line\n');
			expect(log).toContain('console: from console.log\n');
			expect(log).toContain('stderr: raw stderr\n');

			restore();
			restore = undefined;
			expect(process.stderr.write).toBe(write);
			expect(console.error).toBe(error);
			expect(process.listeners('warning')).toHaveLength(warningListeners);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
