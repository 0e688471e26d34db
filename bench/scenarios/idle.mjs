/**
 * 3. Idle: the 1,000-container fixture with its 50 running containers, nothing changing. From
 * 10 s after the first frame and 3 s without output (at most 30 s), `idleSeconds` of bytes
 * written and CPU seconds. Measured for berth with its stats columns on (as it starts), berth
 * started with them off (`--stats-off-flag`, default `--no-stats`; left out, with the reason,
 * when berth refuses the flag) and each peer; the runs interleave (run 1 of each, then run 2,
 * the order rotating).
 *
 * Every chunk written is also checked against the screen: bytes that changed no character on
 * it ("bytes without a visible change", e.g. a figure rewritten with the same value) are
 * counted apart, since the only bytes an idle screen should write are changed figures.
 */
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {median, now, sleep} from '../lib/stats.mjs';

async function oneRun(ctx, variant) {
	const handle = ctx.start(variant.program, variant.label, {args: variant.args});
	try {
		let shownAt;
		const shown = handle.waitFor(() => variant.program.adapter.firstFrame(handle.screen), variant.program.adapter.firstFrameTimeoutMs ?? 30_000, 'the first container row');
		shown.catch(() => {});
		try {
			// A program that refuses its command line exits before any frame.
			shownAt = await Promise.race([shown, handle.proc.exited.then(() => undefined)]);
		} catch (error) {
			return {failed: String(error?.message ?? error).split('\n')[0]};
		}
		// Give an exit just after the first frame a moment to be seen.
		await sleep(300);
		const exit = handle.crashed();
		if (exit || shownAt === undefined) {
			// berth refusing the stats-off flag is not a crash (a berth without it yet).
			handle.exitExpected = variant.key === 'berthStatsOff';
			return {failed: `exited with code ${exit?.exitCode} after ${exit?.afterS} s: ${exit?.outputTail.slice(-300)}`, exited: true};
		}
		// Start-up's trailing work (the first stats samples, the selected container's log) is not
		// idling: measure from 10 s after the first frame, once 3 s have passed without output.
		await sleep(Math.max(0, shownAt + 10_000 - now()));
		await handle.settle(3000, 30_000);
		const startedAt = now();
		const bytes0 = handle.bytes();
		const output0 = handle.proc.output().length;
		const cpu0 = cpuSeconds(handle.pid);
		const writes = [];
		let text = handle.screen.lines().join('\n');
		let invisible = 0;
		const off = handle.onParsed((at, length) => {
			const next = handle.screen.lines().join('\n');
			if (next === text) invisible += length;
			text = next;
			writes.push({atS: Number(((at - startedAt) / 1000).toFixed(3)), bytes: length});
		});
		await sleep(ctx.opts.idleSeconds * 1000);
		off();
		const bytes = handle.bytes() - bytes0;
		const cpu = cpuSeconds(handle.pid) - cpu0;
		const sample = handle.proc.output().slice(output0, output0 + 2000);
		return {
			seconds: (now() - startedAt) / 1000,
			bytes,
			invisibleBytes: invisible,
			cpuSeconds: cpu,
			sinceStartS: (startedAt - handle.startedAt) / 1000,
			writes,
			rssMB: rssMB(handle.pid),
			sample: JSON.stringify(sample).slice(1, -1),
		};
	} finally {
		await ctx.untrack(handle);
	}
}

function summary(runs) {
	const ok = runs.filter(r => !r.failed);
	if (ok.length === 0) return {runs, failed: runs[0]?.failed};
	return {
		runs,
		bytes: median(ok.map(r => r.bytes)),
		invisibleBytes: median(ok.map(r => r.invisibleBytes)),
		cpuSeconds: median(ok.map(r => r.cpuSeconds)),
	};
}

export async function idle(ctx) {
	const [berth, ...peers] = ctx.programs;
	const variants = [
		{key: 'berth', program: berth, label: 'idle', args: []},
		...(ctx.opts.statsOffFlag ? [{key: 'berthStatsOff', program: berth, label: 'idle-stats-off', args: [ctx.opts.statsOffFlag]}] : []),
		...peers.map(program => ({key: program.name, program, label: `idle-${program.name}`, args: []})),
	];
	const runs = Object.fromEntries(variants.map(v => [v.key, []]));
	const skipped = new Set();
	for (let run = 0; run < ctx.opts.runs; run++) {
		const order = variants.map((_, i) => variants[(i + run) % variants.length]);
		for (const variant of order) {
			if (skipped.has(variant.key)) continue;
			const result = await oneRun(ctx, variant);
			runs[variant.key].push(result);
			if (result.failed) {
				// A flag berth does not know yet makes it exit at once: no point in asking again.
				if (result.exited) skipped.add(variant.key);
				ctx.log(`  idle ${variant.label} run ${run + 1}: ${result.failed}${skipped.has(variant.key) ? ' (left out of the next runs)' : ''}`);
				if (variant.key === 'berth') throw new Error(`idle: berth failed: ${result.failed}`);
				continue;
			}
			ctx.log(`  idle ${variant.label} run ${run + 1}: ${result.bytes} bytes (${result.invisibleBytes} without a visible change) in ${result.writes.length} chunks (at ${result.writes.map(w => `${w.atS}s`).join(', ') || '-'}), ${result.cpuSeconds.toFixed(3)} CPU s`);
		}
	}
	const figures = Object.fromEntries(variants.map(v => [v.key, summary(runs[v.key])]));
	const main = figures.berth;
	return {
		...main,
		statsOffFlag: ctx.opts.statsOffFlag,
		statsOff: figures.berthStatsOff,
		peers: Object.fromEntries(peers.map(p => [p.name, figures[p.name]])),
	};
}
