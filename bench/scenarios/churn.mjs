/**
 * 4. Churn: 20 container starts/stops per second for `churnSeconds` on the 40 churn containers
 * while berth shows the 1,000-container list. berth's CPU seconds and bytes written from the
 * first operation until the screen shows the final state, and the time from the last change
 * (the last operation's API call returning) to the screen showing the final state: the
 * containers header's "N running / M total" equal to the engine's, and every container row on
 * screen with its engine state's glyph.
 *
 * 6b. Memory under churn: the same for `memoryMinutes`, with berth's RSS sampled every 5 s.
 */
import {churn as drive} from '../lib/drive.mjs';
import {engineCounts, killAll} from '../lib/fixtures.mjs';
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {max, median, now} from '../lib/stats.mjs';

const glyphOf = {running: '●', exited: '■', created: '○', paused: '‖', restarting: '↻', dead: '✖', removing: '✖'};

/** A reduced copy of what the screen says about containers. */
function snapshot(berth, at) {
	const header = berth.screen.containersHeader();
	return {
		at,
		running: header?.running,
		total: header?.total,
		rows: berth.screen.containerRows().map(row => ({glyph: row[0], name: row.slice(15).trim().split(/\s+/)[0]})),
	};
}

function shows(snap, truth) {
	if (snap.running !== truth.running || snap.total !== truth.total) return false;
	return snap.rows.every(row => {
		const state = truth.byName.get(row.name);
		return state === undefined || glyphOf[state] === row.glyph;
	});
}

/** One churn of `seconds` under a fresh berth; `sampleEveryS` adds an RSS series. */
export async function churnRun(ctx, seconds, {sampleEveryS, label = 'churn'} = {}) {
	const ids = ctx.fx.names.churn.map(name => ctx.fx.ids.get(name));
	await killAll(ctx.docker, ids);
	const berth = ctx.launch(label);
	try {
		await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		await berth.settle(2000, 20_000);
		const rssBefore = rssMB(berth.pid);
		const cpu0 = cpuSeconds(berth.pid);
		const bytes0 = berth.bytes();
		const snaps = [];
		const off = berth.onParsed(at => {
			snaps.push(snapshot(berth, at));
			if (snaps.length > 400) snaps.splice(0, 200);
		});
		const rss = [];
		let sampler;
		const churnStart = now();
		if (sampleEveryS) {
			sampler = setInterval(() => rss.push({atS: Math.round((now() - churnStart) / 1000), mb: rssMB(berth.pid)}), sampleEveryS * 1000);
		}
		const result = await drive(ctx.docker, ids, {rate: ctx.opts.churnRate, seconds});
		if (sampler) clearInterval(sampler);
		const truth = await engineCounts(ctx.docker);
		// When did the screen start showing the final state (and keep showing it)?
		let shownAt;
		for (let i = snaps.length - 1; i >= 0 && shows(snaps[i], truth); i--) shownAt = snaps[i].at;
		if (shownAt === undefined || !shows(snapshot(berth, now()), truth)) {
			try {
				shownAt = await berth.waitFor(() => shows(snapshot(berth, 0), truth), 30_000, 'the final churn state');
			} catch {
				shownAt = undefined;
			}
		}
		off();
		const cpu = cpuSeconds(berth.pid) - cpu0;
		const bytes = berth.bytes() - bytes0;
		await berth.settle(2000, 10_000);
		return {
			seconds,
			ops: result.issued,
			failed: result.failed,
			hung: result.hung,
			errors: result.errors,
			skipped: result.skipped,
			maxInFlight: result.maxInFlight,
			rate: result.rate,
			finalRunning: truth.running,
			finalShownMs: shownAt === undefined ? undefined : shownAt - result.lastDoneAt,
			cpuSeconds: cpu,
			bytes,
			rssBeforeMB: rssBefore,
			rssAfterMB: rssMB(berth.pid),
			rss,
			screen: berth.screen.lines(),
		};
	} finally {
		await ctx.untrack(berth);
		await killAll(ctx.docker, ids);
	}
}

/** The same churn with no berth running: what the engine manages on its own. */
async function engineAlone(ctx) {
	const ids = ctx.fx.names.churn.map(name => ctx.fx.ids.get(name));
	await killAll(ctx.docker, ids);
	try {
		return await drive(ctx.docker, ids, {rate: ctx.opts.churnRate, seconds: ctx.opts.churnSeconds});
	} finally {
		await killAll(ctx.docker, ids);
	}
}

export async function churn(ctx) {
	const alone = await engineAlone(ctx);
	ctx.log(`  churn without berth: ${alone.done} ops done (${alone.rate.toFixed(1)}/s, ${alone.hung} hung, max ${alone.maxInFlight} in flight)`);
	const runs = [];
	for (let run = 0; run < ctx.opts.runs; run++) {
		const result = await churnRun(ctx, ctx.opts.churnSeconds);
		ctx.log(`  churn run ${run + 1}: ${result.ops} ops (${result.rate.toFixed(1)}/s done, ${result.failed} failed, ${result.hung} hung, max ${result.maxInFlight} in flight), final state shown ${result.finalShownMs?.toFixed(0)} ms after the last change, ${result.cpuSeconds.toFixed(2)} CPU s, ${result.bytes} bytes`);
		runs.push(result);
	}
	const finals = runs.map(r => r.finalShownMs ?? Number.POSITIVE_INFINITY);
	return {
		runs,
		engineAloneRate: alone.rate,
		rate: median(runs.map(r => r.rate)),
		cpuSeconds: median(runs.map(r => r.cpuSeconds)),
		bytes: median(runs.map(r => r.bytes)),
		finalShownMs: median(finals),
		finalShownMaxMs: max(finals),
	};
}

export async function memory(ctx) {
	const seconds = ctx.opts.memoryMinutes * 60;
	ctx.log(`memory: ${ctx.opts.memoryMinutes} min of churn, RSS every 5 s`);
	const result = await churnRun(ctx, seconds, {sampleEveryS: 5, label: 'memory'});
	const at = s => result.rss.find(sample => sample.atS >= s)?.mb;
	const summary = {
		run: result,
		rssBeforeMB: result.rssBeforeMB,
		rssAt1MinMB: at(60),
		rssEndMB: result.rssAfterMB,
		rssMaxMB: max([...result.rss.map(s => s.mb), result.rssAfterMB]),
		growthMB: result.rssAfterMB - result.rssBeforeMB,
		growthAfter1MinMB: at(60) === undefined ? undefined : result.rssAfterMB - at(60),
	};
	ctx.log(`  memory: RSS ${summary.rssBeforeMB?.toFixed(1)} MB before, ${summary.rssAt1MinMB?.toFixed(1)} MB at 1 min, ${summary.rssEndMB?.toFixed(1)} MB after (max ${summary.rssMaxMB?.toFixed(1)}), ${result.ops} ops at ${result.rate.toFixed(1)}/s (${result.hung} hung), final state ${result.finalShownMs?.toFixed(0)} ms after the last change`);
	return summary;
}

