/**
 * 2. Key latency in the 1,000-row containers list: after `keyWarmup` untimed ↓ and as many ↑,
 * `presses` x ↓ from the top, then as many ↑,
 * one at a time (the next key goes 50 ms after the previous one at the earliest, and only once
 * the program has been silent for 30 ms, at most 1 s for berth and 300 ms for a peer that
 * keeps writing, so every byte is counted for the key that caused it). berth and each peer,
 * runs interleaved. With `--load N`, the scenario runs a second time with N busy loops on the
 * machine (`keysLoaded`): ↑ and ↓ under load are reported apart.
 */
import {timedPress} from '../lib/drive.mjs';
import {startLoad} from '../lib/load.mjs';
import {mean, median, p95} from '../lib/stats.mjs';

/** Presses that missed this many times in a row end the run (a program that stopped reacting). */
const giveUpAfterMisses = 10;
/**
 * A peer that answers every key but slowly (lazydocker at 1,000 containers under two busy loops:
 * several seconds a key) would hold the run for an hour; its warm-up and its timed presses each
 * stop after this long, and the figures are those of the presses it was given (the log says how
 * many). berth has no budget: all of its presses are timed.
 */
const peerWarmupBudgetMs = 30_000;
const peerPressBudgetMs = 120_000;

function directionFigures(presses) {
	const latencies = presses.map(p => p.latency);
	const moved = presses.filter(p => !p.scrolled);
	const scrolled = presses.filter(p => p.scrolled);
	return {
		count: presses.length,
		p50: median(latencies),
		p95: p95(latencies),
		inWindowP95: p95(moved.map(p => p.latency)),
		scrollingP95: p95(scrolled.map(p => p.latency)),
		scrollingCount: scrolled.length,
	};
}

async function oneRun(ctx, program, label) {
	const handle = ctx.start(program, label);
	const {adapter} = program;
	const peer = program.name !== 'berth';
	try {
		await handle.waitFor(() => adapter.firstFrame(handle.screen), adapter.firstFrameTimeoutMs ?? 30_000, `${program.name}'s first container row`);
		await adapter.focusList(handle);
		await handle.waitFor(() => adapter.selection(handle.screen) !== '', 30_000, `${program.name}'s selection`);
		await handle.settle(1000, peer ? 5000 : 15_000);
		// Untimed presses first (↓ then ↑ back to the top): the first seconds after start-up are
		// slower whatever the key (code not yet optimised, start-up garbage collected), which
		// counted against ↓ only, the direction timed first.
		const warmupUntil = peer ? Date.now() + peerWarmupBudgetMs : Infinity;
		for (const direction of ['down', 'up']) {
			for (let i = 0; i < ctx.opts.keyWarmup && Date.now() < warmupUntil; i++) {
				await timedPress(handle, handle.arrow(direction), {selection: () => adapter.selection(handle.screen), firstRow: () => adapter.firstRow(handle.screen), quietMaxMs: 300, timeoutMs: adapter.keyTimeoutMs ?? 3000});
			}
		}
		await handle.settle(1000, peer ? 5000 : 15_000);
		const presses = [];
		let misses = 0;
		let aborted = false;
		let outOfTime = false;
		const pressesUntil = peer ? Date.now() + peerPressBudgetMs : Infinity;
		for (const direction of ['down', 'up']) {
			// Half the budget for each direction, so a slow peer still gets ↑ presses timed.
			const directionUntil = direction === 'down' ? Date.now() + (pressesUntil - Date.now()) / 2 : pressesUntil;
			// ↑ goes back as far as ↓ went (fewer when ↓ ran out of time), never against the top.
			const count = direction === 'down' ? ctx.opts.keyPresses : presses.length;
			for (let i = 0; i < count && !aborted; i++) {
				if (Date.now() >= directionUntil) {
					outOfTime = true;
					break;
				}
				const press = await timedPress(handle, handle.arrow(direction), {
					selection: () => adapter.selection(handle.screen),
					firstRow: () => adapter.firstRow(handle.screen),
					quietMaxMs: peer ? 300 : 1000,
					timeoutMs: adapter.keyTimeoutMs ?? 3000,
				});
				presses.push({key: direction, ...press});
				misses = press.latency === undefined ? misses + 1 : 0;
				if (misses >= giveUpAfterMisses) aborted = true;
			}
		}
		const latencies = presses.map(p => p.latency);
		const moved = presses.filter(p => !p.scrolled);
		const scrolled = presses.filter(p => p.scrolled);
		return {
			presses: presses.length,
			missed: presses.filter(p => p.latency === undefined).length,
			aborted,
			outOfTime,
			p50: median(latencies),
			p95: p95(latencies),
			max: Math.max(...latencies.filter(l => l !== undefined)),
			down: directionFigures(presses.filter(p => p.key === 'down')),
			up: directionFigures(presses.filter(p => p.key === 'up')),
			bytesMean: mean(presses.map(p => p.bytes)),
			bytesMedian: median(presses.map(p => p.bytes)),
			inWindow: {count: moved.length, bytesMedian: median(moved.map(p => p.bytes)), p95: p95(moved.map(p => p.latency))},
			scrolling: {count: scrolled.length, bytesMedian: median(scrolled.map(p => p.bytes)), p95: p95(scrolled.map(p => p.latency))},
			// Every press: [key, latency ms, bytes, scrolled].
			pressLog: presses.map(p => [p.key, p.latency === undefined ? null : Number(p.latency.toFixed(1)), p.bytes, p.scrolled ? 1 : 0]),
		};
	} catch (error) {
		if (!peer) throw error;
		return {failed: String(error?.message ?? error).split('\n')[0]};
	} finally {
		await ctx.untrack(handle);
	}
}

function summary(runs) {
	const ok = runs.filter(r => !r.failed);
	if (ok.length === 0) return {runs, failed: runs[0]?.failed};
	return {
		runs,
		p50: median(ok.map(r => r.p50)),
		p95: median(ok.map(r => r.p95)),
		downP95: median(ok.map(r => r.down.p95)),
		upP95: median(ok.map(r => r.up.p95)),
		downScrollingP95: median(ok.map(r => r.down.scrollingP95)),
		upScrollingP95: median(ok.map(r => r.up.scrollingP95)),
		missed: median(ok.map(r => r.missed)),
		bytesMean: median(ok.map(r => r.bytesMean)),
		bytesInWindow: median(ok.map(r => r.inWindow.bytesMedian)),
		bytesScrolling: median(ok.map(r => r.scrolling.bytesMedian)),
		inWindowShare: median(ok.map(r => r.inWindow.count / r.presses)),
	};
}

async function keysRuns(ctx, label) {
	const runs = Object.fromEntries(ctx.programs.map(p => [p.name, []]));
	for (let run = 0; run < ctx.opts.runs; run++) {
		const order = ctx.programs.map((_, i) => ctx.programs[(i + run) % ctx.programs.length]);
		for (const program of order) {
			const result = await oneRun(ctx, program, program.name === 'berth' ? label : `${label}-${program.name}`);
			runs[program.name].push(result);
			if (result.failed) {
				ctx.log(`  ${label} ${program.name} run ${run + 1}: ${result.failed}`);
				continue;
			}
			ctx.log(`  ${label} ${program.name} run ${run + 1}: p50 ${result.p50?.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms (↓ ${result.down.p95?.toFixed(1)}, ↑ ${result.up.p95?.toFixed(1)}; scrolling ↓ ${result.down.scrollingP95?.toFixed(1)} x${result.down.scrollingCount}, ↑ ${result.up.scrollingP95?.toFixed(1)} x${result.up.scrollingCount}), ${result.missed} missed${result.aborted ? ' (gave up)' : ''}${result.outOfTime ? ` (time budget: ${result.presses} of ${2 * ctx.opts.keyPresses} presses)` : ''}, ${result.bytesMean?.toFixed(0)} B/press (in-window ${result.inWindow.bytesMedian} B x${result.inWindow.count}, scrolling ${result.scrolling.bytesMedian} B x${result.scrolling.count})`);
		}
	}
	const figures = Object.fromEntries(ctx.programs.map(p => [p.name, summary(runs[p.name])]));
	return {...figures.berth, peers: Object.fromEntries(ctx.programs.slice(1).map(p => [p.name, figures[p.name]]))};
}

export async function keys(ctx) {
	return keysRuns(ctx, 'keys');
}

/** The same under `--load N` busy loops (the machine's other work is not under the bench's control; this load is). */
export async function keysLoaded(ctx) {
	const load = startLoad(ctx.opts.load);
	ctx.log(`  keys under load: ${ctx.opts.load} busy loops`);
	try {
		return {...(await keysRuns(ctx, 'keys-loaded')), busyLoops: ctx.opts.load};
	} finally {
		await load.stop();
	}
}
