// Micro-benchmark: what a key costs berth in-process, now and at an older revision, side by side:
// the real <App> on the in-memory engine with 1,000 containers (50 running) and 500 tags,
// rendered by ink-testing-library at 120x40; 200 presses (↓ then ↑), each timed from the write
// to the frame it causes, and the CPU time per key. Rounds alternate between the two builds,
// each in a fresh process. Run: node bench/micro/keys.mjs [old-rev] [rounds]  (default old-rev:
// da67f20, the state before the resource model; rounds: 3). Not part of npm run bench.
import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const out = path.join(root, 'bench/out/micro-keys');
const oldRev = process.argv[2] ?? 'da67f20';
const rounds = Number(process.argv[3] ?? 3);
rmSync(out, {recursive: true, force: true});
mkdirSync(path.join(out, 'old'), {recursive: true});
execFileSync('sh', ['-c', `git archive ${oldRev} source test | tar -x -C ${path.join(out, 'old')}`], {cwd: root});

const entry = tree => `
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '${tree}/source/ui/app.js';
import {FakeEngine, fakeContainer, fakeImage} from '${tree}/test/support/fake-engine.js';
const tick = () => new Promise(resolve => setImmediate(resolve));
const containers = Array.from({length: 1000}, (_, i) => fakeContainer({name: 'c' + String(i).padStart(4, '0'), state: i < 50 ? 'running' : 'exited', status: i < 50 ? 'Up 5 minutes' : 'Exited (0) 2 hours ago'}));
const images = Array.from({length: 500}, (_, i) => fakeImage({repoTags: ['img' + i + ':1']}));
const instance = render(<App engine={new FakeEngine({containers, images})} showStats={false} now={() => new Date('2026-11-23T10:30:00')} onQuit={() => {}} />);
instance.stdout.rows = 40;
Object.defineProperty(instance.stdout, 'columns', {value: 120, configurable: true});
instance.stdout.emit('resize');
while (!String(instance.lastFrame()).includes('c0000')) await new Promise(r => setTimeout(r, 20));
await new Promise(r => setTimeout(r, 300));
const times = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < 200; i++) {
	const before = instance.frames.length;
	const t0 = performance.now();
	instance.stdin.write(i < 100 ? 'j' : 'k');
	while (instance.frames.length === before) await tick();
	times.push(performance.now() - t0);
}
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
console.log(JSON.stringify({p50: times[100], p95: times[190], cpu: (cpu.user + cpu.system) / 1000 / 200}));
process.exit(0);
`;
for (const [name, tree] of [['old', path.join(out, 'old')], ['new', root]]) {
	writeFileSync(path.join(out, `${name}.tsx`), entry(tree));
	await build({entryPoints: [path.join(out, `${name}.tsx`)], bundle: true, format: 'esm', platform: 'node', outfile: path.join(out, `${name}.mjs`), logLevel: 'error', jsx: 'automatic', packages: 'external', define: {'process.env.NODE_ENV': '"production"'}});
}
const results = {old: [], new: []};
for (let round = 0; round < rounds; round++) {
	for (const name of round % 2 === 0 ? ['new', 'old'] : ['old', 'new']) {
		const result = JSON.parse(execFileSync('node', [path.join(out, `${name}.mjs`)], {encoding: 'utf8'}));
		results[name].push(result);
		console.log(`${name.padEnd(3)} (${name === 'old' ? oldRev : 'work tree'}): key → frame p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, CPU ${result.cpu.toFixed(2)} ms per key`);
	}
}
const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const name of ['old', 'new']) {
	const r = results[name];
	console.log(`median ${name}: p50 ${median(r.map(x => x.p50)).toFixed(1)} ms, p95 ${median(r.map(x => x.p95)).toFixed(1)} ms, CPU ${median(r.map(x => x.cpu)).toFixed(2)} ms per key`);
}
