// Micro-benchmark: text/width.ts (string-width with an ASCII fast path and a bounded cache)
// against berth's former own width table (git show <rev>:source/text/width.ts) and bare
// string-width. Run: node bench/micro/width.mjs [old-rev]   (default old-rev: 9eaff5c)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {build} from 'esbuild';
import stringWidth from 'string-width';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'berth-width-'));
const oldRev = process.argv[2] ?? '9eaff5c';
writeFileSync(path.join(dir, 'width.ts'), execFileSync('git', ['show', `${oldRev}:source/text/width.ts`], {cwd: root}));
writeFileSync(path.join(dir, 'sanitize.ts'), execFileSync('git', ['show', `${oldRev}:source/text/sanitize.ts`], {cwd: root}));
const bundle = async (entry, out) => {
	await build({entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: path.join(dir, out), logLevel: 'warning'});
	return import(path.join(dir, out));
};
const current = await bundle(path.join(root, 'source/text/width.ts'), 'new.mjs');
const old = await bundle(path.join(dir, 'width.ts'), 'old.mjs');
const currentSanitize = await bundle(path.join(root, 'source/text/sanitize.ts'), 'new-sanitize.mjs');
const oldSanitize = await bundle(path.join(dir, 'sanitize.ts'), 'old-sanitize.mjs');

// What a frame measures: mostly ASCII cells, some status glyphs and names in other scripts.
const hot = [
	'web-frontend-1', 'Up 3 minutes (healthy)', 'busybox:latest', '0.0.0.0:8080->80/tcp', '12.3%', '48.2 MiB',
	'● running', '■ exited (0)', '✓ marked', 'Exited (137) 2 seconds ago …', '日本語のコンテナ', '䷀䷁䷂-hexagrams',
	'family-👨‍👩‍👧-zwj', 'क्षत्रिय-राजा', 'می‌خواهم', '🐳 whale', '│ db │ from db',
];
const frame = Array.from({length: 40 * 8}, (_, i) => hot[i % hot.length]);
const cold = Array.from({length: 20_000}, (_, i) => (i % 4 === 0 ? `ログ行 ${i} ✓ done` : `log line ${i} GET /api/v1/users 200`));

function median(f, reps = 9) {
	const times = [];
	for (let r = 0; r < reps; r++) {
		const t = performance.now();
		f();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(reps / 2)];
}
const rows = [];
for (const [name, fn] of [['berth old table', old.stringWidth], ['string-width (bare)', stringWidth], ['berth now (string-width + fast path + cache)', current.stringWidth]]) {
	let sink = 0;
	const hotMs = median(() => {
		for (let f = 0; f < 100; f++) for (const s of frame) sink += fn(s);
	});
	const coldMs = median(() => {
		for (const s of cold) sink += fn(s);
	}, 5);
	rows.push({name, '100 frames of 320 cells (ms)': hotMs.toFixed(2), '20,000 distinct log lines (ms)': coldMs.toFixed(2), sink: sink > 0});
}
console.table(rows);

// Long log lines (32 KB, as the logs pane shows them): sanitising once, and cutting to a row.
const long = {
	'CJK': '日本語のログ行'.repeat(4682),
	'combining marks': 'e\u0301'.repeat(16384),
	'emoji and ZWJ': '👨\u200d👩\u200d👧 ok '.repeat(2730),
};
const longRows = [];
for (const [name, text] of Object.entries(long)) {
	longRows.push({
		line: name,
		'sanitize before (ms)': median(() => oldSanitize.sanitizeLine(text, {maxLength: 32768}), 3).toFixed(2),
		'sanitize now (ms)': median(() => currentSanitize.sanitizeLine(text, {maxLength: 32768}), 3).toFixed(2),
		'truncate to 120, before (ms)': median(() => old.truncate(text, 120), 3).toFixed(2),
		'truncate to 120, now (ms)': median(() => current.truncate(text, 120), 3).toFixed(2),
		'string-width, whole line (ms)': median(() => stringWidth(text.slice(0, 4096)), 1).toFixed(1) + ' (first 4 KB)',
	});
}
console.table(longRows);
