/** The results table (terminal and Markdown), results.json and bench/RESULTS.md. */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const fmt = (value, digits = 0) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : value === Number.POSITIVE_INFINITY ? '∞' : 'n/a');

/**
 * Rows of the table: {scenario, metric, value (number), shown (text), target (text),
 * pass (true/false/undefined for information), over (how far off, text)}.
 */
/** {name: figures} of the peers from a start-up scenario's {programs} (berth left out). */
function peerFigures(programs, key) {
	return Object.fromEntries(Object.entries(programs ?? {}).filter(([name]) => name !== 'berth').map(([name, p]) => [name, p.failed ? p : {[key]: p[key]}]));
}

export function tableRows(results, opts) {
	const rows = [];
	const add = (scenario, metric, value, shown, target, check, over) => {
		const pass = check === undefined || value === undefined || Number.isNaN(value) ? undefined : check(value);
		rows.push({scenario, metric, value, shown, target: target ?? '', pass, over: pass === false ? over?.(value) : undefined});
	};
	/** Rows for each peer's figure and berth's ratio to it; `lowerIsBetter` figures only. */
	const peerRows = (scenario, metric, berthValue, peers, key, unit, digits = 0, ratioTarget) => {
		for (const [name, figures] of Object.entries(peers ?? {})) {
			if (!figures || figures.failed) {
				add(scenario, `${name}: ${metric}`, undefined, `n/a (${String(figures?.failed ?? 'not measured').slice(0, 80)})`);
				continue;
			}
			const value = figures[key];
			add(scenario, `${name}: ${metric}`, value, `${fmt(value, digits)}${unit}`);
			const ratio = berthValue / value;
			const target = ratioTarget?.[name];
			add(scenario, `ratio berth / ${name}: ${metric}`, ratio, fmt(ratio, 2), target === undefined ? undefined : `≤ ${fmt(target, 1)}`, target === undefined ? undefined : v => v <= target, v => `${fmt(v / target, 1)}x the target`);
		}
	};
	const s = results.startup;
	if (s) {
		add('1 startup', 'berth: spawn → first frame listing containers', s.berthMs, `${fmt(s.berthMs)} ms`);
		add('1 startup', '`docker ps -a`', s.psMs, `${fmt(s.psMs)} ms`);
		add('1 startup', '`docker images`', s.imagesMs, `${fmt(s.imagesMs)} ms`);
		add('1 startup', 'ratio berth / ps -a', s.ratioPs, fmt(s.ratioPs, 2), '≤ 2.0', v => v <= 2, v => `${fmt(v / 2, 1)}x the target (${fmt(s.berthMs - (2 * s.psMs))} ms too slow)`);
		add('1 startup', 'ratio berth / (ps -a + images)', s.ratioSum, fmt(s.ratioSum, 2));
		peerRows('1 startup', 'first frame', s.berthMs, peerFigures(s.programs, 'firstFrameMs'), 'firstFrameMs', ' ms');
	}
	const sm = results['startup-small'];
	if (sm) {
		add('1b small', 'berth: spawn → first frame (about 10 containers)', sm.berthMs, `${fmt(sm.berthMs)} ms`, '≤ 350 ms', v => v <= 350, v => `${fmt(v - 350)} ms over`);
		add('1b small', '`docker ps -a`', sm.psMs, `${fmt(sm.psMs)} ms`);
		add('1b small', 'ratio berth / ps -a', sm.ratioPs, fmt(sm.ratioPs, 2));
		peerRows('1b small', 'first frame', sm.berthMs, peerFigures(sm.programs, 'firstFrameMs'), 'firstFrameMs', ' ms', 0, {lazydocker: 2});
	}
	for (const [key, scenario] of [['keys', '2 keys'], ['keys-loaded', '2b keys, loaded']]) {
		const k = results[key];
		if (!k) continue;
		const loaded = k.busyLoops ? ` (${k.busyLoops} busy loops)` : '';
		add(scenario, `key → new selection on screen, p50${loaded}`, k.p50, `${fmt(k.p50, 1)} ms`);
		add(scenario, '↓ key → new selection on screen, p95', k.downP95, `${fmt(k.downP95, 1)} ms (scrolling ${fmt(k.downScrollingP95, 1)})`, '≤ 30 ms', v => v <= 30, v => `${fmt(v - 30, 1)} ms over`);
		add(scenario, '↑ key → new selection on screen, p95', k.upP95, `${fmt(k.upP95, 1)} ms (scrolling ${fmt(k.upScrollingP95, 1)})`, '≤ 30 ms', v => v <= 30, v => `${fmt(v - 30, 1)} ms over`);
		add(scenario, 'bytes per key press (mean)', k.bytesMean, `${fmt(k.bytesMean)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over (${fmt(v / 600, 1)}x)`);
		add(scenario, 'bytes per press, selection moves within the window (median)', k.bytesInWindow, `${fmt(k.bytesInWindow)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over`);
		add(scenario, 'bytes per press, window scrolls (median)', k.bytesScrolling, `${fmt(k.bytesScrolling)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over (${fmt(v / 600, 1)}x)`);
		peerRows(scenario, '↓ p95', k.downP95, k.peers, 'downP95', ' ms', 1);
		peerRows(scenario, '↑ p95', k.upP95, k.peers, 'upP95', ' ms', 1);
	}
	const i = results.idle;
	if (i) {
		const per10 = opts.idleSeconds / 10;
		add('3 idle', `stats on: bytes written in ${opts.idleSeconds} s`, i.bytes, `${fmt(i.bytes)} B`);
		add('3 idle', 'stats on: bytes that changed nothing on screen', i.invisibleBytes, `${fmt(i.invisibleBytes)} B`, '0 B', v => v === 0, v => `${fmt(v)} B`);
		add('3 idle', `stats on: CPU seconds in ${opts.idleSeconds} s`, i.cpuSeconds, `${fmt(i.cpuSeconds, 3)} s`, `≤ ${fmt(0.1 * per10, 2)} s`, v => v <= 0.1 * per10, v => `${fmt(v - (0.1 * per10), 3)} s over (${fmt(v / (0.1 * per10), 1)}x)`);
		const off = i.statsOff;
		if (off && !off.failed) {
			add('3 idle', `stats off (${i.statsOffFlag}): bytes written in ${opts.idleSeconds} s`, off.bytes, `${fmt(off.bytes)} B`, '0 B', v => v === 0, v => `${fmt(v)} B written`);
			add('3 idle', `stats off: CPU seconds in ${opts.idleSeconds} s`, off.cpuSeconds, `${fmt(off.cpuSeconds, 3)} s`, `≤ ${fmt(0.02 * per10, 2)} s`, v => v <= 0.02 * per10, v => `${fmt(v - (0.02 * per10), 3)} s over (${fmt(v / (0.02 * per10), 1)}x)`);
		} else if (off) {
			add('3 idle', `stats off (${i.statsOffFlag})`, undefined, `not measured: ${String(off.failed).slice(0, 100)}`);
		}
		peerRows('3 idle', `bytes in ${opts.idleSeconds} s`, i.bytes, i.peers, 'bytes', ' B');
		peerRows('3 idle', `CPU seconds in ${opts.idleSeconds} s`, i.cpuSeconds, i.peers, 'cpuSeconds', ' s', 3);
	}
	const c = results.churn;
	if (c) {
		add('4 churn', 'start/stop per second the engine achieves without berth (asked: 20)', c.engineAloneRate, `${fmt(c.engineAloneRate, 1)} /s`);
		add('4 churn', 'start/stop per second achieved with berth running (asked: 20)', c.rate, `${fmt(c.rate, 1)} /s`);
		add('4 churn', `CPU seconds (${opts.churnSeconds} s of churn)`, c.cpuSeconds, `${fmt(c.cpuSeconds, 2)} s`);
		add('4 churn', `bytes written (${opts.churnSeconds} s of churn)`, c.bytes, `${fmt(c.bytes / 1024)} KiB`);
		add('4 churn', 'last change → final state on screen', c.finalShownMs, `${fmt(c.finalShownMs)} ms (worst ${fmt(c.finalShownMaxMs)})`, '≤ 1000 ms', v => v <= 1000, v => `${fmt(v - 1000)} ms over`);
	}
	const f = results.flood;
	if (f) {
		add('5 flood', 'lines per second, measured on the engine (asked: 20,000)', f.engineRate, `${fmt(f.engineRate)} /s`);
		const behindS = f.linesShownBehind !== undefined && f.engineRate ? f.linesShownBehind / f.engineRate : undefined;
		add('5 flood', `logs pane behind the engine at ${opts.floodSeconds} s`, behindS, `${fmt(behindS, 1)} s (${fmt(f.linesShownBehind)} lines)`);
		add('5 flood', 'key → new selection on screen, p50', f.p50, `${fmt(f.p50, 1)} ms`);
		add('5 flood', 'key → new selection on screen, p95', f.p95, `${fmt(f.p95, 1)} ms`, '≤ 50 ms', v => v <= 50, v => `${fmt(v - 50, 1)} ms over`);
		add('5 flood', 'RSS at 10 s', f.rssAt10MB, `${fmt(f.rssAt10MB, 1)} MB`);
		add('5 flood', `RSS at ${opts.floodSeconds} s`, f.rssAt60MB, `${fmt(f.rssAt60MB, 1)} MB`);
		add('5 flood', `RSS growth 10 s → ${opts.floodSeconds} s`, f.rssGrowthMB, `${fmt(f.rssGrowthMB, 1)} MB`, '≤ 20 MB', v => v <= 20, v => `${fmt(v - 20, 1)} MB over`);
		const floodLimit = 2.5 * (opts.floodSeconds / 10);
		add('5 flood', `CPU seconds (${opts.floodSeconds} s)`, f.cpuSeconds, `${fmt(f.cpuSeconds, 1)} s`, `≤ ${fmt(floodLimit, 1)} s`, v => v <= floodLimit, v => `${fmt(v / floodLimit, 1)}x the target`);
	}
	const pr = results.progress;
	if (pr) {
		add('7 progress', `image pushed and pulled: ${fmt(pr.layers)} layers, ${fmt(pr.totalMB)} MB, proxy cap ${fmt(pr.capMBps, 1)} MB/s; build: ${fmt(pr.buildLines)} lines`, undefined, '');
		for (const kind of ['push', 'pull', 'build']) {
			const k = pr[kind];
			if (!k) continue;
			add('7 progress', `${kind}: redraws per second, first ${fmt(k.passiveS)} s on screen (median; max)`, k.redrawsMedian, `${fmt(k.redrawsMedian)} /s (max ${fmt(k.redrawsMax)})`, '≤ 12 /s (about 10)', v => v <= 12, v => `${fmt(v - 12)} /s over`);
			add('7 progress', `${kind}: key → scrolled view on screen, p50 (${fmt(k.presses)} keys, ${fmt(k.missed)} missed)`, k.p50, `${fmt(k.p50, 1)} ms`);
			add('7 progress', `${kind}: key → scrolled view on screen, p95`, k.p95, `${fmt(k.p95, 1)} ms`, '≤ 50 ms', v => v <= 50, v => `${fmt(v - 50, 1)} ms over`);
			add('7 progress', `${kind}: CPU seconds while on screen (${fmt(k.streamingS, 1)} s)`, k.cpuSeconds, `${fmt(k.cpuSeconds, 2)} s`);
			add('7 progress', `${kind}: start key → outcome on screen`, k.ok ? 1 : 0, `${fmt(k.durationS, 1)} s${k.ok ? '' : ` (${String(k.outcome).slice(0, 60) || 'no outcome'})`}`, 'succeeds', v => v === 1, () => `no success: ${String(k.outcome).slice(0, 80) || 'no outcome'}`);
		}
	}
	const pa = results.paste;
	if (pa) {
		add('8 paste', `100 KB bracketed paste into the E prompt → on screen (${fmt(pa.rounds)} pastes; max)`, pa.pasteMedian, `${fmt(pa.pasteMedian, 1)} ms (max ${fmt(pa.pasteMax, 1)})`, '≤ 100 ms', v => v <= 100, v => `${fmt(v - 100, 1)} ms over`);
		add('8 paste', 'next key (Backspace, then a letter) → on screen (max)', pa.keyMedian, `${fmt(pa.keyMedian, 1)} ms (max ${fmt(pa.keyMax, 1)})`, '≤ 50 ms', v => v <= 50, v => `${fmt(v - 50, 1)} ms over`);
		add('8 paste', 'CPU seconds, paste and the two keys', pa.cpuMedian, `${fmt(pa.cpuMedian, 3)} s`);
		add('8 paste', 'the prompt says the paste was cut (16,384 characters kept)', pa.cutSaid ? 1 : 0, pa.cutSaid ? 'yes' : 'no', 'yes', v => v === 1, () => 'no message');
	}
	if (results.crashes) {
		const own = results.crashes.filter(c => (c.program ?? 'berth') === 'berth').length;
		add('all', 'times berth exited by itself', own, String(own), '0', v => v === 0, v => `${v} crash(es): see crashes in results.json`);
	}
	if (s) add('6 memory', 'RSS after startup at scale', s.rssAfterStartupMB, `${fmt(s.rssAfterStartupMB, 1)} MB`, '≤ 80 MB', v => v <= 80, v => `${fmt(v - 80, 1)} MB over`);
	if (s) peerRows('6 memory', 'RSS after startup at scale', s.rssAfterStartupMB, peerFigures(s.programs, 'rssMB'), 'rssMB', ' MB', 1);
	const m = results.memory;
	if (m) {
		add('6 memory', `RSS before / after ${opts.memoryMinutes} min of churn`, m.rssEndMB, `${fmt(m.rssBeforeMB, 1)} → ${fmt(m.rssEndMB, 1)} MB (max ${fmt(m.rssMaxMB, 1)})`);
		add('6 memory', `RSS growth over ${opts.memoryMinutes} min of churn`, m.growthMB, `${fmt(m.growthMB, 1)} MB`);
		add('6 memory', `RSS growth from minute 1 to minute ${opts.memoryMinutes} (flat)`, m.growthAfter1MinMB, `${fmt(m.growthAfter1MinMB, 1)} MB`, '≤ 5 MB', v => v <= 5, v => `${fmt(v - 5, 1)} MB over`);
	}
	return rows;
}

const verdict = pass => (pass === undefined ? '' : pass ? 'pass' : 'FAIL');

export function textTable(rows) {
	const header = ['scenario', 'metric', 'median', 'target', 'result'];
	const body = rows.map(r => [r.scenario, r.metric.replaceAll('`', ''), r.shown, r.target, verdict(r.pass)]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map(row => row[i].length)));
	const line = cells => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
	return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(rows) {
	const lines = ['| Scenario | Metric | Median | Target | Result |', '| --- | --- | --- | --- | --- |'];
	for (const r of rows) lines.push(`| ${r.scenario} | ${r.metric} | ${r.shown} | ${r.target} | ${r.pass === undefined ? '' : r.pass ? 'pass' : `**FAIL**: ${r.over ?? ''}`} |`);
	return lines.join('\n');
}

export function writeJson(file, data) {
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, `${JSON.stringify(data, (key, value) => (value instanceof Set ? [...value] : value instanceof Map ? Object.fromEntries(value) : value), 2)}\n`);
}

const start = '<!-- bench:start (generated by `npm run bench`; edit outside these markers) -->';
const end = '<!-- bench:end -->';

/** Rewrites the generated part of RESULTS.md, keeping what is written around it. */
/** One line on how busy the machine was during each scenario. */
export function loadLine(results) {
	const parts = Object.entries(results)
		.filter(([, r]) => r?.machineLoad)
		.map(([name, r]) => `${name} ${r.machineLoad.loadavg1Before.toFixed(1)}→${r.machineLoad.loadavg1After.toFixed(1)}, ${fmt((r.machineLoad.allCoresBusy ?? Number.NaN) * 100)}% busy`);
	return parts.length ? `Machine load per scenario (1-min load average before→after; share of all cores busy, berth, the engine and the bench included): ${parts.join('; ')}.` : '';
}

export function writeResultsMd(file, {rows, machine, opts, startedAt, minutes, results}) {
	const failing = rows.filter(r => r.pass === false);
	const generated = [
		start,
		'',
		`Run ${startedAt} (${minutes.toFixed(0)} min) with \`${opts.commandLine}\`: medians over ${opts.runs} runs for keys, idle and churn, ${opts.startupRuns} rounds for start-up, one run for the flood and the ${opts.memoryMinutes}-minute churn.`,
		'',
		markdownTable(rows),
		'',
		failing.length === 0 ? 'Every target is met.' : `Not met: ${failing.map(r => `${r.scenario} ${r.metric.replaceAll('`', '')} (${r.shown}; ${r.over})`).join('; ')}.`,
		'',
		'Machine and commit:',
		'',
		`- CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GB RAM, ${machine.kernel}`,
		`- Node ${machine.node}; ${machine.engine}; docker CLI ${machine.dockerCli}`,
		`- ${loadLine(results)}`,
		`- berth commit ${machine.commit}${machine.changedFiles.length ? ` (tracked files changed: ${machine.changedFiles.join(', ')})` : ''}; ran ${path.relative(opts.repoRoot, machine.cli)} built ${machine.cliBuiltAt}`,
		'',
		end,
	].join('\n');
	let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${start}\n${end}\n`;
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	text = a === -1 || b === -1 ? `${text.trimEnd()}\n\n${generated}\n` : text.slice(0, a) + generated + text.slice(b + end.length);
	writeFileSync(file, text);
}
