/**
 * 2. Key latency in the 1,000-row containers list: `presses` x ↓ from the top, then as many ↑,
 * one at a time (the next key goes 50 ms after the previous one at the earliest, and only once
 * berth has been silent for 30 ms, so every byte is counted for the key that caused it).
 */
import {DOWN, UP, timedPress} from '../lib/drive.mjs';
import {mean, median, p95} from '../lib/stats.mjs';

async function oneRun(ctx) {
	const berth = ctx.launch('keys');
	try {
		await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		await berth.settle(1000, 15_000);
		const presses = [];
		for (const key of [DOWN, UP]) {
			for (let i = 0; i < ctx.opts.keyPresses; i++) presses.push({key: key === DOWN ? 'down' : 'up', ...(await timedPress(berth, key))});
		}
		const latencies = presses.map(p => p.latency);
		const moved = presses.filter(p => !p.scrolled);
		const scrolled = presses.filter(p => p.scrolled);
		return {
			presses: presses.length,
			missed: presses.filter(p => p.latency === undefined).length,
			p50: median(latencies),
			p95: p95(latencies),
			max: Math.max(...latencies.filter(l => l !== undefined)),
			bytesMean: mean(presses.map(p => p.bytes)),
			bytesMedian: median(presses.map(p => p.bytes)),
			inWindow: {count: moved.length, bytesMedian: median(moved.map(p => p.bytes)), p95: p95(moved.map(p => p.latency))},
			scrolling: {count: scrolled.length, bytesMedian: median(scrolled.map(p => p.bytes)), p95: p95(scrolled.map(p => p.latency))},
			// Every press: [key, latency ms, bytes, scrolled].
			pressLog: presses.map(p => [p.key, p.latency === undefined ? null : Number(p.latency.toFixed(1)), p.bytes, p.scrolled ? 1 : 0]),
		};
	} finally {
		await ctx.untrack(berth);
	}
}

export async function keys(ctx) {
	const runs = [];
	for (let run = 0; run < ctx.opts.runs; run++) {
		const result = await oneRun(ctx);
		ctx.log(`  keys run ${run + 1}: p50 ${result.p50?.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms, ${result.bytesMean?.toFixed(0)} B/press (in-window ${result.inWindow.bytesMedian} B x${result.inWindow.count}, scrolling ${result.scrolling.bytesMedian} B x${result.scrolling.count})`);
		runs.push(result);
	}
	return {
		runs,
		p50: median(runs.map(r => r.p50)),
		p95: median(runs.map(r => r.p95)),
		bytesMean: median(runs.map(r => r.bytesMean)),
		bytesInWindow: median(runs.map(r => r.inWindow.bytesMedian)),
		bytesScrolling: median(runs.map(r => r.scrolling.bytesMedian)),
		inWindowShare: median(runs.map(r => r.inWindow.count / r.presses)),
	};
}
