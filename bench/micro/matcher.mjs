// Micro-benchmark for the log search's regular expressions: berth's matcher now (resumable
// Pike VM), berth's matcher before (git show <rev>:source/text/matcher.ts), and re2js when it
// can be imported (not a dependency: `npm install --no-save re2js`, or RE2JS=/path/to/re2js/build/index.js).
// Run: node bench/micro/matcher.mjs [old-rev]   (default old-rev: 9eaff5c)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'berth-matcher-'));
writeFileSync(path.join(dir, 'old-matcher.ts'), execFileSync('git', ['show', `${process.argv[2] ?? '9eaff5c'}:source/text/matcher.ts`], {cwd: root}));
const bundle = async (entry, out) => {
	await build({entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: path.join(dir, out), logLevel: 'warning'});
	return import(path.join(dir, out));
};
const now = await bundle(path.join(root, 'source/text/matcher.ts'), 'new.mjs');
const old = await bundle(path.join(dir, 'old-matcher.ts'), 'old.mjs');
let re2js;
try {
	const t = performance.now();
	re2js = (await import(process.env.RE2JS ?? 're2js')).RE2JS;
	console.log(`re2js: import ${(performance.now() - t).toFixed(1)} ms`);
} catch {
	console.log('re2js: not installed, skipped');
}

function median(f, reps = 5) {
	const times = [];
	for (let r = 0; r < reps; r++) {
		const t = performance.now();
		f();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(reps / 2)];
}

let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const words = ['GET', '/api/v1/users', '200', 'POST', 'error', 'timeout', 'connection', 'from', '10.0.0.1', 'took', '12ms', 'INFO', 'WARN', 'user=alice', 'id=42'];
const lines = Array.from({length: 5000}, (_, i) => `2026-11-23T10:00:${String(i % 60).padStart(2, '0')}.123Z ` + Array.from({length: 8 + Math.floor(rnd() * 20)}, () => words[Math.floor(rnd() * words.length)]).join(' '));

console.log('\n5,000 typical log lines, test() each (median ms):');
const rows = [];
for (const pattern of ['/error/', '/timeout|refused/', '/\\d+ms/', '/user=\\w+ id=4\\d/', '/^2026.*error.*timeout/', '/ERROR/i', '/(GET|POST) \\/api\\/v\\d\\/\\w+/', '/(.?){1000}x/']) {
	const a = now.compileMatcher(pattern);
	const b = old.compileMatcher(pattern);
	const body = pattern.slice(1, pattern.lastIndexOf('/'));
	const re = re2js?.compile(body, pattern.endsWith('/i') ? re2js.CASE_INSENSITIVE : 0);
	const row = {pattern};
	// A pattern berth refuses (too many states) has no matcher to time: say why instead.
	row['berth now'] = a.ok === false ? a.error : median(() => lines.forEach(l => a.test(l))).toFixed(1);
	row['berth before'] = b.ok === false ? b.error : median(() => lines.forEach(l => b.test(l))).toFixed(1);
	if (re) row.re2js = median(() => lines.forEach(l => re.test(l))).toFixed(1);
	rows.push(row);
}
console.table(rows);

// Cost of one work unit (the budget's unit) on the worst patterns, to size the budgets.
console.log('\nns per work unit, and the longest one-line call of each engine:');
const units = [];
const L = 32768;
const ab = 'c' + Array.from({length: L}, () => (rnd() < 0.5 ? 'a' : 'b')).join('');
for (const [pattern, text] of [['/(.?){1000}x/', 'y'.repeat(L)], ['/a.{999}c/', ab], ['/a[ab]{200}c/', ab], ['/(a|aa)*c/', 'a'.repeat(L)], ['/error/', lines.join(' ').slice(0, L)]]) {
	const m = now.compileMatcher(pattern);
	if (!m.ok) {
		units.push({pattern, 'berth now': m.error});
		continue;
	}
	const scanner = m.scanner();
	let work = 0;
	const ms = median(() => {
		scanner.start(text);
		const budget = {left: 1e15};
		scanner.resume(budget);
		work = 1e15 - budget.left;
	}, 3);
	const body = pattern.slice(1, -1);
	const re = re2js?.compile(body);
	units.push({
		pattern,
		'line chars': text.length,
		'work units': work,
		'berth ms (whole line, sliced in use)': ms.toFixed(1),
		'ns/unit': ((ms * 1e6) / work).toFixed(1),
		're2js ms (one call, cannot be sliced)': re ? median(() => re.test(text), 3).toFixed(1) : '-',
	});
}
console.table(units);
