/**
 * 1. Start-up at scale (and 6a: RSS after start-up), and 1b. start-up on the small engine.
 * berth (and each peer) from spawn to the first frame that lists containers, against
 * `docker ps -a` and `docker images` timed in the same rounds: one warm-up of each that is not
 * counted, then rounds of one run of each, the order rotating from round to round so that no
 * program always runs first (or right after the engine was busy with another).
 */
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {median, now} from '../lib/stats.mjs';

async function timeCli(ctx, host, args) {
	const started = now();
	await ctx.dockerCli(host, args);
	return now() - started;
}

/** One launch of `program` until its first frame with a container row; then RSS once it has been quiet for 1 s. */
async function timeProgram(ctx, program, host, label) {
	const handle = ctx.start(program, label, {host});
	try {
		const shownAt = await handle.waitFor(() => program.adapter.firstFrame(handle.screen), program.adapter.firstFrameTimeoutMs ?? 30_000, `${program.name}'s first container row`);
		const firstFrameMs = shownAt - handle.startedAt;
		const cpuAtFirstFrame = cpuSeconds(handle.pid);
		await handle.settle(1000, 10_000);
		return {firstFrameMs, cpuAtFirstFrame, rssMB: rssMB(handle.pid)};
	} finally {
		await ctx.untrack(handle);
	}
}

/** Start-up of every program on `host`, interleaved with the docker CLI; {programs: {name: {...medians, runs}}, psMs, imagesMs}. */
async function startupOn(ctx, host, label, rounds) {
	const items = [
		...ctx.programs.map(program => ({name: program.name, run: () => timeProgram(ctx, program, host, label)})),
		{name: 'ps', run: async () => ({ms: await timeCli(ctx, host, ['ps', '-a'])})},
		{name: 'images', run: async () => ({ms: await timeCli(ctx, host, ['images'])})},
	];
	const failures = new Map();
	const attempt = async item => {
		try {
			return await item.run();
		} catch (error) {
			// A peer that does not show a container row in time is reported, not fatal; berth's failure is.
			if (item.name === 'berth') throw error;
			const message = String(error?.message ?? error).split('\n')[0];
			failures.set(item.name, [...(failures.get(item.name) ?? []), message]);
			ctx.log(`  ${item.name}: ${message}`);
			return undefined;
		}
	};
	ctx.log(`${label}: warm-up, then ${rounds} rounds of ${items.map(i => (i.name === 'ps' ? 'docker ps -a' : i.name === 'images' ? 'docker images' : i.name)).join(', ')} (order rotating)`);
	for (const item of items) await attempt(item);
	const runs = Object.fromEntries(items.map(item => [item.name, []]));
	for (let round = 0; round < rounds; round++) {
		const order = items.map((_, i) => items[(i + round) % items.length]);
		const shown = [];
		for (const item of order) {
			const result = await attempt(item);
			if (!result) continue;
			runs[item.name].push(result);
			shown.push(`${item.name} ${(result.firstFrameMs ?? result.ms).toFixed(0)} ms${result.rssMB ? ` (RSS ${result.rssMB.toFixed(1)} MB)` : ''}`);
		}
		ctx.log(`  round ${round + 1}: ${shown.join(', ')}`);
	}
	const programs = {};
	for (const program of ctx.programs) {
		const list = runs[program.name];
		const failed = failures.get(program.name) ?? [];
		programs[program.name] = list.length === 0
			? {failed: failed[0] ?? 'not measured'}
			: {
				failures: failed.length,
				firstFrameMs: median(list.map(r => r.firstFrameMs)),
				cpuAtFirstFrame: median(list.map(r => r.cpuAtFirstFrame)),
				rssMB: median(list.map(r => r.rssMB)),
				runs: list,
			};
	}
	return {programs, psMs: median(runs.ps.map(r => r.ms)), imagesMs: median(runs.images.map(r => r.ms)), psRuns: runs.ps.map(r => r.ms), imagesRuns: runs.images.map(r => r.ms)};
}

/** berth's figure over each peer's, for the programs that have one. */
function ratios(programs, key) {
	const berth = programs.berth?.[key];
	return Object.fromEntries(Object.entries(programs).filter(([name, p]) => name !== 'berth' && p[key] > 0).map(([name, p]) => [name, berth / p[key]]));
}

export async function startup(ctx) {
	const result = await startupOn(ctx, ctx.host, 'startup', ctx.opts.startupRuns);
	const berth = result.programs.berth;
	return {
		...result,
		berthMs: berth.firstFrameMs,
		ratioPs: berth.firstFrameMs / result.psMs,
		ratioSum: berth.firstFrameMs / (result.psMs + result.imagesMs),
		ratioMax: berth.firstFrameMs / Math.max(result.psMs, result.imagesMs),
		cpuAtFirstFrame: berth.cpuAtFirstFrame,
		rssAfterStartupMB: berth.rssMB,
		peerRatios: ratios(result.programs, 'firstFrameMs'),
	};
}

/** 1b. The same on the small engine (about 10 containers). */
export async function startupSmall(ctx) {
	const result = await startupOn(ctx, ctx.smallHost, 'startup-small', ctx.opts.startupRuns);
	const berth = result.programs.berth;
	return {
		...result,
		berthMs: berth.firstFrameMs,
		ratioPs: berth.firstFrameMs / result.psMs,
		rssAfterStartupMB: berth.rssMB,
		peerRatios: ratios(result.programs, 'firstFrameMs'),
	};
}
