/**
 * TEST-ONLY and benchmark hooks, loaded by cli.tsx only when one of their variables (below) is
 * set; not for users.
 *
 * - BERTH_TEST_CRASH_AFTER_MS (test/reliability/exit-restore.test.ts): an uncaught exception N ms
 *   after the start, from a timer; BERTH_TEST_CRASH_IN_RENDER_AFTER_MS: an error while rendering,
 *   that React cannot recover from. The tests check that the terminal is restored.
 * - BERTH_TEST_STRAY_OUTPUT_AFTER_MS (test/reliability/stray-output.test.ts): N ms after the start,
 *   writes to the terminal the ways libraries do (a warning, console output, a raw stderr write);
 *   the test checks that none of it reaches the screen.
 * - BERTH_DEBUG_MEMORY_FILE (the benchmark): process.memoryUsage() appended to the file every
 *   second; with BERTH_DEBUG_MEMORY_GC=1 after a full collection (heapUsed is then what is live:
 *   a leak shows as a rising line).
 */
import {appendFileSync} from 'node:fs';
import v8 from 'node:v8';
import {runInNewContext} from 'node:vm';
import React, {type ReactNode} from 'react';

const positive = (value: string | undefined) => {
	const n = Number(value ?? '');
	return n > 0 ? n : undefined;
};

/** Starts the hooks the environment asks for; returns what to wrap the App in. */
export function startTestHooks(env: NodeJS.ProcessEnv): (props: {children: ReactNode}) => React.JSX.Element {
	const crashMs = positive(env['BERTH_TEST_CRASH_AFTER_MS']);
	if (crashMs) {
		setTimeout(() => {
			throw new Error('test-only crash (BERTH_TEST_CRASH_AFTER_MS)');
		}, crashMs);
	}
	const strayMs = positive(env['BERTH_TEST_STRAY_OUTPUT_AFTER_MS']);
	if (strayMs) {
		setTimeout(() => {
			process.emitWarning('test-only warning (BERTH_TEST_STRAY_OUTPUT_AFTER_MS)');
			process.emitWarning('test-only deprecation', 'DeprecationWarning', 'DEP0000');
			console.error('test-only console.error');
			console.log('test-only console.log');
			process.stderr.write('test-only stderr write\n');
		}, strayMs);
	}
	const memoryLog = env['BERTH_DEBUG_MEMORY_FILE'];
	if (memoryLog) {
		let collect: (() => void) | undefined;
		if (env['BERTH_DEBUG_MEMORY_GC'] === '1') {
			v8.setFlagsFromString('--expose-gc');
			collect = runInNewContext('gc') as () => void;
		}
		setInterval(() => {
			collect?.();
			appendFileSync(memoryLog, `${JSON.stringify({t: Date.now(), ...process.memoryUsage()})}\n`);
		}, 1000).unref();
	}
	const renderCrashMs = positive(env['BERTH_TEST_CRASH_IN_RENDER_AFTER_MS']);
	return function TestRenderCrash({children}: {children: ReactNode}) {
		const [crash, setCrash] = React.useState(false);
		React.useEffect(() => {
			if (!renderCrashMs) return;
			const timer = setTimeout(() => setCrash(true), renderCrashMs);
			return () => clearTimeout(timer);
		}, []);
		if (crash) throw new Error('test-only crash while rendering (BERTH_TEST_CRASH_IN_RENDER_AFTER_MS)');
		return <>{children}</>;
	};
}
