/**
 * 1. Startup at scale (and 6a: RSS after start-up). berth from spawn to the first frame that
 * lists containers, against `docker ps -a` and `docker images` timed in the same run (one run
 * of each per round, order alternating, after one warm-up of each that is not counted).
 */
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {median, now} from '../lib/stats.mjs';

async function timeCli(ctx, args) {
	const started = now();
	await ctx.dockerCli(ctx.host, args);
	return now() - started;
}

async function timeBerth(ctx) {
	const berth = ctx.launch('startup');
	try {
		const shownAt = await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		const firstFrameMs = shownAt - berth.startedAt;
		const cpuAtFirstFrame = cpuSeconds(berth.pid);
		await berth.settle(1000, 10_000);
		return {firstFrameMs, cpuAtFirstFrame, rssMB: rssMB(berth.pid), rows: berth.screen.containersHeader()?.text.trim()};
	} finally {
		await ctx.untrack(berth);
	}
}

export async function startup(ctx) {
	const rounds = ctx.opts.startupRuns;
	ctx.log(`startup: warm-up, then ${rounds} rounds of berth, docker ps -a, docker images`);
	await timeBerth(ctx);
	await timeCli(ctx, ['ps', '-a']);
	await timeCli(ctx, ['images']);
	const runs = [];
	for (let round = 0; round < rounds; round++) {
		const run = {};
		if (round % 2 === 0) {
			Object.assign(run, await timeBerth(ctx));
			run.psMs = await timeCli(ctx, ['ps', '-a']);
			run.imagesMs = await timeCli(ctx, ['images']);
		} else {
			run.psMs = await timeCli(ctx, ['ps', '-a']);
			run.imagesMs = await timeCli(ctx, ['images']);
			Object.assign(run, await timeBerth(ctx));
		}
		ctx.log(`  round ${round + 1}: berth ${run.firstFrameMs.toFixed(0)} ms, ps -a ${run.psMs.toFixed(0)} ms, images ${run.imagesMs.toFixed(0)} ms, RSS ${run.rssMB?.toFixed(1)} MB`);
		runs.push(run);
	}
	const berthMs = median(runs.map(r => r.firstFrameMs));
	const psMs = median(runs.map(r => r.psMs));
	const imagesMs = median(runs.map(r => r.imagesMs));
	return {
		runs,
		berthMs,
		psMs,
		imagesMs,
		ratioSum: berthMs / (psMs + imagesMs),
		ratioMax: berthMs / Math.max(psMs, imagesMs),
		cpuAtFirstFrame: median(runs.map(r => r.cpuAtFirstFrame)),
		rssAfterStartupMB: median(runs.map(r => r.rssMB)),
	};
}
