#!/usr/bin/env node
/**
 * Summarises V8 CPU profiles (from `node --cpu-prof`, e.g. `npm run bench -- --profile`):
 * the functions with the most self time, and self time per package.
 *
 *   node bench/profile-top.mjs bench/out/profiles/<file>.cpuprofile [--top 25]
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

const {values, positionals} = parseArgs({allowPositionals: true, options: {top: {type: 'string', default: '25'}}});
if (positionals.length === 0) {
	console.error('usage: node bench/profile-top.mjs FILE.cpuprofile [--top N]');
	process.exit(2);
}

function where(url) {
	if (!url) return '(native)';
	const file = url.replace(/^file:\/\//, '');
	const modules = file.lastIndexOf('/node_modules/');
	if (modules !== -1) {
		const rest = file.slice(modules + 14).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (file.startsWith('node:')) return 'node';
	const dist = file.indexOf('/dist/');
	return dist === -1 ? path.basename(file) : `berth ${file.slice(dist + 6)}`;
}

for (const file of positionals) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map(node => [node.id, node]));
	const self = new Map();
	const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
	// Each sample is charged its following time delta.
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i]);
		const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const frame = node.callFrame;
		const key = `${frame.functionName || '(anonymous)'}  ${where(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
		self.set(key, (self.get(key) ?? 0) + ms);
	}
	const byPackage = new Map();
	for (const [key, ms] of self) {
		const pkg = key.split('  ')[1].replace(/:\d+$/, '').replace(/^berth .*/, 'berth');
		const name = key.split('  ')[0];
		const bucket = name === '(idle)' || name === '(program)' || name === '(garbage collector)' ? name : pkg;
		byPackage.set(bucket, (byPackage.get(bucket) ?? 0) + ms);
	}
	const top = Number(values.top);
	console.log(`${file}: ${total.toFixed(0)} ms profiled`);
	console.log('\nself time by package:');
	for (const [pkg, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${pkg}`);
	console.log(`\ntop ${top} functions by self time:`);
	for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
	console.log('');
}
