/**
 * 7. Progress (issue 12: pull, push and build progress redraw at most about ten times a second
 * and keep key p95 under 50 ms while they stream). One berth, driven by its keys as a user would,
 * streams three jobs on the private engine, each for about `progressSeconds`:
 *
 * - push (`p` on the image row, selected by the images pane's filter `/`): an image of
 *   `progressLayers` layers of random bytes (lib/progress-fixtures.mjs) to a private registry
 *   behind a bandwidth-capped proxy (lib/throttle-proxy.mjs), the cap set so the transfer lasts;
 * - pull (`P`, the reference typed in its prompt) of the same image back, after `docker rmi`;
 * - build (`B`, its form: context, Dockerfile, tag) of a Dockerfile whose RUN prints 20 lines a
 *   second.
 *
 * Each from the moment its view is on screen until its outcome is (the view's ✔/✖ line, or the
 * status line's message once the view's top is scrolled off screen): first
 * `progressPassiveSeconds` without keys, where berth's writes are grouped into frames (chunks
 * parsed less than 8 ms apart) and the frames that changed the emulated screen are counted per
 * whole second (median and max: the redraw rate the progress alone causes; berth passes progress
 * on at most every 100 ms, so a rate under 10 is the engine's: it reports a push's bytes less
 * often than a pull's, the lower the cap the rarer); then timed keys until the job ends. CPU
 * seconds (utime + stime) over the whole window.
 *
 * Keys: the view's own scrolling (not Esc and the list's ↓/↑ behind it), because its effect is
 * on screen at once, the view stays in front, and the key then competes with the very frames the
 * issue is about (the latency of a view redrawn ten times a second):
 * - pull and push: ↓ then ↑ (cycles of up to 10, never past the end: the cycle is the number of
 *   layer rows below the screen minus one, read before the first key; 50 layers make the view
 *   taller than the 40-row screen). Seen when the first layer row on screen moved (its row or its
 *   layer id changed); the layers keep their order, their text changes with the bytes.
 * - build: one untimed ↑ (it leaves "following", after which new lines no longer move the
 *   window), then cycles of 10 ↑ and 10 ↓ (the end grows 20 lines a second, so ↓ never reaches
 *   it and the window never follows again). Seen when the title's "lines A-B" changed.
 * A key is written 50 ms after the previous one at the earliest (no wait for silence: the view
 * never is). The press during which the outcome appeared is dropped (its layout change is not
 * the key's). Esc closes each view before the next job.
 */
import {timedPress} from '../lib/drive.mjs';
import {prepareProgress} from '../lib/progress-fixtures.mjs';
import {cpuSeconds} from '../lib/proc.mjs';
import {max, median, now, p95, sleep} from '../lib/stats.mjs';

const ESC = '\u001B';
const ENTER = '\r';
const TAB = '\t';
const CTRL_U = '\u0015';
/** Chunks parsed at most this far apart (ms) are one frame. */
const frameGapMs = 8;
const layerRow = /^ {2}([\da-f]{12}) {2}/;

/** Every frame berth writes from now on: {at, changed (the screen's text changed), chunks}. */
function recordFrames(berth) {
	const frames = [];
	let last = berth.screen.lines().join('\n');
	let lastAt = Number.NEGATIVE_INFINITY;
	let current;
	const stop = berth.onParsed(at => {
		const text = berth.screen.lines().join('\n');
		const changed = text !== last;
		last = text;
		if (current && at - lastAt <= frameGapMs) {
			current.changed ||= changed;
			current.chunks++;
		} else {
			current = {at, changed, chunks: 1};
			frames.push(current);
		}
		lastAt = at;
	});
	return {frames, stop};
}

/** Frames that changed the screen in each whole second of [from, to). */
function perSecond(frames, from, to) {
	const seconds = Math.floor((to - from) / 1000);
	const counts = Array.from({length: seconds}, () => 0);
	for (const frame of frames) {
		const s = Math.floor((frame.at - from) / 1000);
		if (frame.changed && s >= 0 && s < seconds) counts[s]++;
	}
	return counts;
}

/** The first layer row on screen, as "row:id" (it moves when the view scrolls). */
function layerPosition(lines) {
	for (let y = 0; y < lines.length; y++) {
		const match = layerRow.exec(lines[y]);
		if (match) return `${y}:${match[1]}`;
	}
	return '';
}

/** Layer rows below the screen (the view at its top): "Layers (N)" less the rows shown. */
function layersBelow(lines) {
	const heading = lines.map(line => /^Layers \((\d+)\)/.exec(line)).find(Boolean);
	return heading ? Number(heading[1]) - lines.filter(line => layerRow.test(line)).length : 0;
}

/** The build view's window, "A-B" of its title's "lines A-B of N", and whether it follows. */
function buildWindow(lines) {
	const title = lines.find(line => line.startsWith(' Build — ')) ?? '';
	const match = /lines (\d+)-(\d+) of \d+( \(following\))?/.exec(title);
	return match ? {position: `${match[1]}-${match[2]}`, following: Boolean(match[3])} : {position: '', following: false};
}

async function stream(ctx, berth, job) {
	const {opts, log} = ctx;
	const lines = () => berth.screen.lines();
	const isDone = () => job.done(lines());
	const recorder = recordFrames(berth);
	const startedAt = now();
	await job.start();
	const shownAt = await berth.waitFor(() => job.shown(lines()), 60_000, `the ${job.kind} view`);
	const cpu0 = cpuSeconds(berth.pid);
	const bytes0 = berth.bytes();
	const proxy0 = job.proxyBytes?.();
	// Without keys: the redraws the progress alone causes.
	const passiveUntil = shownAt + (opts.progressPassiveSeconds * 1000);
	while (now() < passiveUntil && !isDone()) await sleep(20);
	const passiveEnd = now();
	const presses = [];
	let cycle = 0;
	if (!isDone()) {
		cycle = await job.beforeKeys();
		for (let i = 0; !isDone() && now() - shownAt < opts.progressSeconds * 4000; i++) {
			const direction = Math.floor(i / cycle) % 2 === 0 ? job.keys[0] : job.keys[1];
			const atS = (now() - shownAt) / 1000;
			const press = await timedPress(berth, berth.arrow(direction), {selection: () => job.position(lines()), firstRow: () => '', minGapMs: 50, quietMs: 0, timeoutMs: 2000});
			if (isDone()) break;
			presses.push({atS, key: direction, ...press});
		}
	}
	const keysEnd = now();
	const doneAt = await berth.waitFor(isDone, opts.progressSeconds * 6000, `the end of the ${job.kind}`);
	const cpu = cpuSeconds(berth.pid) - cpu0;
	const bytes = berth.bytes() - bytes0;
	recorder.stop();
	const passive = perSecond(recorder.frames, shownAt, passiveEnd);
	const withKeys = perSecond(recorder.frames, passiveEnd, keysEnd);
	const latencies = presses.map(p => p.latency);
	const outcome = lines().find(line => /^(✔|✖) /.test(line)) ?? lines().find(line => line.includes(' │ '))?.split(' │ ')[1]?.trim() ?? '';
	const result = {
		outcome,
		ok: /^(✔|Pushed|Pulled|Built) /.test(outcome),
		durationS: (doneAt - startedAt) / 1000,
		streamingS: (doneAt - shownAt) / 1000,
		passiveS: (passiveEnd - shownAt) / 1000,
		redrawsPerSecond: passive,
		redrawsMedian: median(passive),
		redrawsMax: max(passive),
		redrawsWithKeysPerSecond: withKeys,
		framesUnchanged: recorder.frames.filter(f => !f.changed && f.at >= shownAt && f.at < doneAt).length,
		cycle,
		presses: presses.length,
		missed: latencies.filter(l => l === undefined).length,
		p50: median(latencies),
		p95: p95(latencies),
		cpuSeconds: cpu,
		bytes,
		proxyBytes: proxy0 === undefined ? undefined : job.proxyBytes() - proxy0,
		pressLog: presses.map(p => [Number(p.atS.toFixed(2)), p.key, p.latency === undefined ? null : Number(p.latency.toFixed(1))]),
		screen: lines(),
	};
	if (result.presses === 0) log(`  ${job.kind}: warning: over before the keys (${result.streamingS.toFixed(1)} s on screen)`);
	log(`  ${job.kind}: ${result.durationS.toFixed(1)} s (${outcome.slice(0, 60)}); redraws/s median ${result.redrawsMedian} max ${result.redrawsMax} [${passive.join(' ')}]; ${result.presses} keys (cycle ${cycle}), p50 ${result.p50?.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms, ${result.missed} missed; ${cpu.toFixed(2)} CPU s`);
	// Esc hides (closes) the view; the panes are back.
	berth.write(ESC);
	await berth.waitFor(() => lines().some(line => line.startsWith(' 2 Images')), 10_000, 'the panes after Esc');
	await berth.settle(300, 3000);
	return result;
}

/** Writes `text` and waits for the screen to show `what` (a form's title, a filter). */
async function type(berth, text, test, label) {
	berth.write(text);
	await berth.waitFor(() => test(berth.screen.lines()), 10_000, label);
}

export async function progress(ctx) {
	const {opts, log} = ctx;
	const fx = await prepareProgress(ctx.host, {layers: opts.progressLayers, layerBytes: opts.progressLayerBytes, seconds: opts.progressSeconds, buildSeconds: opts.progressSeconds, log: m => log(`  ${m}`)});
	const removeCleanup = ctx.atCleanup(fx.cleanup);
	let berth;
	try {
		berth = ctx.launch('progress');
		const lines = () => berth.screen.lines();
		await berth.waitFor(() => berth.screen.containerRows().length > 0, 30_000, 'the first container row');
		await berth.settle(1000, 15_000);
		// The images pane, filtered down to the image to push (its one row, selected).
		await type(berth, '2', () => berth.screen.pane(2) !== undefined && berth.screen.selected() !== undefined, 'the images pane focused');
		await type(berth, '/', () => true, 'the filter');
		await sleep(200);
		await type(berth, `${fx.ref}${ENTER}`, l => l.some(line => line.includes(`filter: ${fx.ref}`)), 'the filter');
		await berth.waitFor(() => berth.screen.selected()?.text.includes(fx.ref), 10_000, `${fx.ref} selected`);
		await berth.settle(300, 3000);

		const transferJob = (kind, start) => ({
			kind,
			start,
			keys: ['down', 'up'],
			shown: l => l.some(line => line.startsWith(` ${kind === 'push' ? 'Push' : 'Pull'} — ${fx.ref}`)),
			// The outcome in the view (its first lines: off screen once scrolled) or on the status line.
			done: l => l.some(line => /^(✔ (Pushed|Pulled)|✖ (Push|Pull) failed)/.test(line) || line.includes(`│ ${kind === 'push' ? 'Pushed' : 'Pulled'} ${fx.ref}`) || line.includes(`│ ${kind} ${fx.ref}`)),
			position: layerPosition,
			proxyBytes: () => fx.proxy.stats().bytesUp + fx.proxy.stats().bytesDown,
			async beforeKeys() {
				const below = layersBelow(lines());
				if (below < 2) log(`  ${kind}: warning: only ${below} layer rows below the screen; ↓ may stop at the end`);
				return Math.max(1, Math.min(10, below - 1));
			},
		});
		const results = {};
		results.push = await stream(ctx, berth, transferJob('push', () => berth.write('p')));

		await fx.removeImage();
		await berth.waitFor(() => !lines().some(line => line.startsWith(`${fx.ref} `)), 15_000, `${fx.ref} gone from the list`).catch(() => undefined);
		results.pull = await stream(
			ctx,
			berth,
			transferJob('pull', async () => {
				await type(berth, 'P', l => l.some(line => line.includes('Pull an image')), 'the pull prompt');
				await sleep(100);
				berth.write(`${fx.ref}${ENTER}`);
			}),
		);
		results.pulledImage = await fx.imageExists(fx.ref);

		results.build = await stream(ctx, berth, {
			kind: 'build',
			keys: ['up', 'down'],
			async start() {
				await type(berth, 'B', l => l.some(line => line.includes('Build an image (classic builder)')), 'the build form');
				await sleep(100);
				berth.write(`${CTRL_U}${fx.context}${TAB}${TAB}${fx.buildRef}${ENTER}`);
			},
			shown: l => l.some(line => line.startsWith(' Build — ')),
			done: l => l.some(line => /^(✔ Built|✖ Build failed)/.test(line) || /│ (Built |Build of |build )/.test(line)),
			position: l => buildWindow(l).position,
			async beforeKeys() {
				// Leave "following" with one untimed ↑: from then on only the keys move the window.
				berth.write(berth.arrow('up'));
				await berth.waitFor(() => !buildWindow(lines()).following && buildWindow(lines()).position !== '', 3000, 'the build view scrolled up').catch(() => log('  build: warning: ↑ did not leave following'));
				await sleep(50);
				return 10;
			},
		});
		results.builtImage = await fx.imageExists(fx.buildRef);
		return {
			...results,
			layers: fx.layers,
			totalMB: fx.totalBytes / 1e6,
			capMBps: fx.bytesPerSecond / 1e6,
			buildLines: fx.buildLines,
		};
	} finally {
		if (berth) await ctx.untrack(berth);
		removeCleanup();
		await fx.cleanup();
	}
}
