/**
 * 3. Idle: the 1,000-container fixture with its 50 running containers, nothing changing. From
 * 10 s after the first frame and 3 s without output, `idleSeconds` of bytes written and CPU seconds.
 */
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {median, now, sleep} from '../lib/stats.mjs';

async function oneRun(ctx) {
	const berth = ctx.launch('idle');
	try {
		const shownAt = await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		// Start-up's trailing work (the first stats samples, the selected container's log) is not
		// idling: measure from 10 s after the first frame, once 3 s have passed without output.
		await sleep(Math.max(0, shownAt + 10_000 - now()));
		await berth.settle(3000, 30_000);
		const startedAt = now();
		const bytes0 = berth.bytes();
		const output0 = berth.proc.output().length;
		const cpu0 = cpuSeconds(berth.pid);
		const writes = [];
		const off = berth.onParsed(at => writes.push({atS: Number(((at - startedAt) / 1000).toFixed(3)), bytes: berth.bytes() - bytes0}));
		await sleep(ctx.opts.idleSeconds * 1000);
		off();
		const bytes = berth.bytes() - bytes0;
		const cpu = cpuSeconds(berth.pid) - cpu0;
		const sample = berth.proc.output().slice(output0, output0 + 2000);
		return {
			seconds: (now() - startedAt) / 1000,
			bytes,
			cpuSeconds: cpu,
			sinceStartS: (startedAt - berth.startedAt) / 1000,
			writes,
			rssMB: rssMB(berth.pid),
			sample: JSON.stringify(sample).slice(1, -1),
		};
	} finally {
		await ctx.untrack(berth);
	}
}

export async function idle(ctx) {
	const runs = [];
	for (let run = 0; run < ctx.opts.runs; run++) {
		const result = await oneRun(ctx);
		ctx.log(`  idle run ${run + 1}: ${result.bytes} bytes in ${result.writes.length} chunks (at ${result.writes.map(w => `${w.atS}s`).join(', ') || '-'}), ${result.cpuSeconds.toFixed(3)} CPU s`);
		runs.push(result);
	}
	return {runs, bytes: median(runs.map(r => r.bytes)), cpuSeconds: median(runs.map(r => r.cpuSeconds))};
}
