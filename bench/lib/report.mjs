/** The results table (terminal and Markdown), results.json and bench/RESULTS.md. */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const fmt = (value, digits = 0) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : value === Number.POSITIVE_INFINITY ? '∞' : 'n/a');

/**
 * Rows of the table: {scenario, metric, value (number), shown (text), target (text),
 * pass (true/false/undefined for information), over (how far off, text)}.
 */
export function tableRows(results, opts) {
	const rows = [];
	const add = (scenario, metric, value, shown, target, check, over) => {
		const pass = check === undefined || value === undefined || Number.isNaN(value) ? undefined : check(value);
		rows.push({scenario, metric, value, shown, target: target ?? '', pass, over: pass === false ? over?.(value) : undefined});
	};
	const s = results.startup;
	if (s) {
		add('1 startup', 'berth: spawn → first frame listing containers', s.berthMs, `${fmt(s.berthMs)} ms`);
		add('1 startup', '`docker ps -a`', s.psMs, `${fmt(s.psMs)} ms`);
		add('1 startup', '`docker images`', s.imagesMs, `${fmt(s.imagesMs)} ms`);
		add('1 startup', 'ratio berth / (ps -a + images)', s.ratioSum, fmt(s.ratioSum, 2), '≤ 2.0', v => v <= 2, v => `${fmt(v / 2, 1)}x the target (${fmt(s.berthMs - (2 * (s.psMs + s.imagesMs)))} ms too slow)`);
		add('1 startup', 'ratio berth / max(ps -a, images)', s.ratioMax, fmt(s.ratioMax, 2));
	}
	const k = results.keys;
	if (k) {
		add('2 keys', 'key → new selection on screen, p50', k.p50, `${fmt(k.p50, 1)} ms`);
		add('2 keys', 'key → new selection on screen, p95', k.p95, `${fmt(k.p95, 1)} ms`, '≤ 30 ms', v => v <= 30, v => `${fmt(v - 30, 1)} ms over`);
		add('2 keys', 'bytes per key press (mean)', k.bytesMean, `${fmt(k.bytesMean)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over (${fmt(v / 600, 1)}x)`);
		add('2 keys', 'bytes per press, selection moves within the window (median)', k.bytesInWindow, `${fmt(k.bytesInWindow)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over`);
		add('2 keys', 'bytes per press, window scrolls (median)', k.bytesScrolling, `${fmt(k.bytesScrolling)} B`, '≤ 600 B', v => v <= 600, v => `${fmt(v - 600)} B over (${fmt(v / 600, 1)}x)`);
	}
	const i = results.idle;
	if (i) {
		add('3 idle', `bytes written in ${opts.idleSeconds} s`, i.bytes, `${fmt(i.bytes)} B`, '0 B', v => v === 0, v => `${fmt(v)} B written`);
		const limit = 0.15 * (opts.idleSeconds / 30);
		add('3 idle', `CPU seconds in ${opts.idleSeconds} s`, i.cpuSeconds, `${fmt(i.cpuSeconds, 3)} s`, `≤ ${fmt(limit, 3)} s`, v => v <= limit, v => `${fmt(v - limit, 3)} s over (${fmt(v / limit, 1)}x)`);
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
		add('5 flood', 'key → new selection on screen, p95', f.p95, `${fmt(f.p95, 1)} ms`, '≤ 100 ms', v => v <= 100, v => `${fmt(v - 100, 1)} ms over`);
		add('5 flood', 'RSS at 10 s', f.rssAt10MB, `${fmt(f.rssAt10MB, 1)} MB`);
		add('5 flood', `RSS at ${opts.floodSeconds} s`, f.rssAt60MB, `${fmt(f.rssAt60MB, 1)} MB`);
		add('5 flood', `RSS growth 10 s → ${opts.floodSeconds} s`, f.rssGrowthMB, `${fmt(f.rssGrowthMB, 1)} MB`, '≤ 20 MB', v => v <= 20, v => `${fmt(v - 20, 1)} MB over`);
		add('5 flood', `CPU seconds (${opts.floodSeconds} s)`, f.cpuSeconds, `${fmt(f.cpuSeconds, 1)} s`);
	}
	if (results.crashes) add('all', 'times berth exited by itself', results.crashes.length, String(results.crashes.length), '0', v => v === 0, v => `${v} crash(es): see crashes in results.json`);
	if (s) add('6 memory', 'RSS after startup at scale', s.rssAfterStartupMB, `${fmt(s.rssAfterStartupMB, 1)} MB`, '≤ 90 MB', v => v <= 90, v => `${fmt(v - 90, 1)} MB over`);
	const m = results.memory;
	if (m) {
		add('6 memory', `RSS before / after ${opts.memoryMinutes} min of churn`, m.rssEndMB, `${fmt(m.rssBeforeMB, 1)} → ${fmt(m.rssEndMB, 1)} MB (max ${fmt(m.rssMaxMB, 1)})`);
		add('6 memory', `RSS growth over ${opts.memoryMinutes} min of churn`, m.growthMB, `${fmt(m.growthMB, 1)} MB`, '≤ 10 MB', v => v <= 10, v => `${fmt(v - 10, 1)} MB over`);
		add('6 memory', `RSS growth from minute 1 to minute ${opts.memoryMinutes}`, m.growthAfter1MinMB, `${fmt(m.growthAfter1MinMB, 1)} MB`);
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
