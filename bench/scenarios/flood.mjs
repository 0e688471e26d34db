/**
 * 5. Log flood: the flood container prints `floodRate` numbered lines per second (an awk loop
 * paced by /proc/uptime); berth starts with it selected (its name sorts first among the running
 * containers) and follows its log. For `floodSeconds` from the moment its lines are on screen,
 * ↓/↑ (50 down, 50 up, ...) move the selection in the images pane (focused with `2`, so the
 * log keeps following the flood), one press at least every 50 ms, timed like scenario 2.
 * berth's RSS is sampled every second. The rate is measured on the engine side: the line
 * counter at the start and at the end.
 */
import {timedPress} from '../lib/drive.mjs';
import {cpuSeconds, rssMB} from '../lib/proc.mjs';
import {median, now, p95, sleep} from '../lib/stats.mjs';

/** The flood container's line counter, from its last log line on the engine. */
async function engineCounter(docker, id) {
	const raw = await docker.getContainer(id).logs({stdout: true, stderr: false, tail: 1});
	const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : String(raw);
	const found = [...text.matchAll(/flood (\d+)/g)].at(-1);
	return found ? Number(found[1]) : undefined;
}

function screenCounter(berth) {
	let last;
	for (const line of berth.screen.lines()) {
		const match = /flood (\d+)/.exec(line);
		if (match) last = Number(match[1]);
	}
	return last;
}

export async function flood(ctx) {
	const name = ctx.fx.names.flood;
	const id = ctx.fx.ids.get(name);
	const container = ctx.docker.getContainer(id);
	await container.start();
	const berth = ctx.launch('flood');
	try {
		await berth.waitFor(() => berth.screen.lines().some(line => line.startsWith(' 3 Logs') && line.includes(name)), 30_000, 'the flood container in the logs pane');
		const t0 = await berth.waitFor(() => screenCounter(berth) !== undefined, 30_000, 'flood lines in the logs pane');
		const counter0 = await engineCounter(ctx.docker, id);
		const counter0At = now();
		const cpu0 = cpuSeconds(berth.pid);
		const bytes0 = berth.bytes();
		const rss = [];
		const sampler = setInterval(() => rss.push({atS: (now() - t0) / 1000, mb: rssMB(berth.pid)}), 1000);

		// Focus the images pane (the key press below shows whether it worked: its position moves).
		berth.write('2');
		await sleep(200);
		const presses = [];
		const end = t0 + (ctx.opts.floodSeconds * 1000);
		while (now() < end) {
			const key = berth.arrow(Math.floor(presses.length / 50) % 2 === 0 ? 'down' : 'up');
			presses.push({atS: (now() - t0) / 1000, ...(await timedPress(berth, key, {pane: 2, minGapMs: 50, quietMs: 0, timeoutMs: 5000}))});
		}
		// The last sample at the end of the window.
		await sleep(Math.max(0, end - now()));
		clearInterval(sampler);
		rss.push({atS: (now() - t0) / 1000, mb: rssMB(berth.pid)});
		const counter1 = await engineCounter(ctx.docker, id);
		const counter1At = now();
		const shown = screenCounter(berth);
		const cpu = cpuSeconds(berth.pid) - cpu0;
		const bytes = berth.bytes() - bytes0;
		const at = s => rss.find(sample => sample.atS >= s)?.mb;
		const latencies = presses.map(p => p.latency);
		const result = {
			seconds: (now() - t0) / 1000,
			engineRate: counter0 !== undefined && counter1 !== undefined ? (counter1 - counter0) / ((counter1At - counter0At) / 1000) : undefined,
			linesShownBehind: counter1 !== undefined && shown !== undefined ? counter1 - shown : undefined,
			presses: presses.length,
			missed: latencies.filter(l => l === undefined).length,
			p50: median(latencies),
			p95: p95(latencies),
			rssAt10MB: at(10),
			rssAt60MB: rss.at(-1).mb,
			rssMaxMB: Math.max(...rss.map(s => s.mb ?? 0)),
			cpuSeconds: cpu,
			bytes,
			rss: rss.map(s => ({atS: Number(s.atS.toFixed(1)), mb: s.mb})),
			screen: berth.screen.lines(),
			pressLog: presses.map(p => [Number(p.atS.toFixed(2)), p.latency === undefined ? null : Number(p.latency.toFixed(1))]),
		};
		result.rssGrowthMB = result.rssAt60MB - result.rssAt10MB;
		ctx.log(`  flood: ${result.engineRate?.toFixed(0)} lines/s on the engine, ${result.presses} presses, p50 ${result.p50?.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms, ${result.missed} missed, RSS ${result.rssAt10MB?.toFixed(1)} MB at 10 s, ${result.rssAt60MB?.toFixed(1)} MB at the end, ${cpu.toFixed(2)} CPU s, screen ${result.linesShownBehind} lines behind`);
		return result;
	} finally {
		await ctx.untrack(berth);
		try {
			await container.kill();
		} catch {
			// Already stopped.
		}
	}
}
