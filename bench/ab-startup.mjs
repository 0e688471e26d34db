#!/usr/bin/env node
/**
 * Side-by-side start-up comparison of berth variants (builds, node flags, caches): each variant
 * is a command line; they run interleaved (round 1: A B C, round 2: B C A, ...) in a 120x40 pty
 * against one engine, and the time from spawn to the first frame that shows a container row is
 * reported per variant (median, min, max). For deciding between start-up changes on a machine
 * that is not quiet: every variant sees the same load, in turns.
 *
 *   node bench/ab-startup.mjs --engine unix:///tmp/bd-XXXX/docker.sock --rounds 15 \
 *     --variant "base=node dist/cli.js" --variant "other=node /tmp/other/dist/cli.js"
 *
 * Without --engine it starts a small private engine (10 containers, bench/lib/fixtures.mjs)
 * and removes it at the end. A variant's command is split on spaces; `{home}` in it is replaced
 * by a fresh empty directory per launch (for cold-cache runs: "HOME={home}" as an env prefix).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createSmallFixtures, engineClient, killAll} from './lib/fixtures.mjs';
import {nameRows} from './lib/peers/screen-rows.mjs';
import {launchProgram} from './lib/program.mjs';
import {cpuSeconds, rssMB} from './lib/proc.mjs';
import {median, sleep} from './lib/stats.mjs';
import {loadDockerd, loadPty, repoRoot} from './lib/support.mjs';

const {values: args} = parseArgs({
	options: {
		engine: {type: 'string'},
		variant: {type: 'string', multiple: true},
		rounds: {type: 'string', default: '10'},
		'warm-up': {type: 'string', default: '1'},
		help: {type: 'boolean', default: false},
	},
});
if (args.help || !args.variant?.length) {
	console.log('usage: node bench/ab-startup.mjs [--engine unix://SOCK] [--rounds N] [--warm-up N] --variant "NAME=COMMAND" ...');
	process.exit(args.help ? 0 : 2);
}

const variants = args.variant.map(spec => {
	const at = spec.indexOf('=');
	const words = spec.slice(at + 1).trim().split(/\s+/);
	const env = {};
	while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
		const [key, ...value] = words.shift().split('=');
		env[key] = value.join('=');
	}
	return {name: spec.slice(0, at), file: words[0] === 'node' ? process.execPath : words[0], args: words.slice(1), env};
});

const {spawnPty} = await loadPty();
let daemon;
let host = args.engine;
if (!host) {
	const {startPrivateDockerd, ensureFixtureImage} = await loadDockerd();
	daemon = await startPrivateDockerd();
	host = daemon.host;
	await ensureFixtureImage(host);
	await createSmallFixtures(engineClient(host));
}

/** berth's container rows start with a state glyph; any program's show a fixture name. */
const shows = screen => nameRows(screen).length > 0;

async function once(variant) {
	const home = mkdtempSync(path.join(os.tmpdir(), 'berth-ab-'));
	const fill = value => value.replaceAll('{home}', home);
	const env = Object.fromEntries(Object.entries(variant.env).map(([k, v]) => [k, fill(v)]));
	const handle = launchProgram(spawnPty, host, {file: variant.file, args: variant.args.map(fill), env, cwd: repoRoot});
	try {
		const at = await handle.waitFor(() => shows(handle.screen), 30_000, `${variant.name}'s first container row`);
		const cpu = cpuSeconds(handle.pid);
		await handle.settle(300, 3000);
		return {ms: at - handle.startedAt, cpu, rss: rssMB(handle.pid)};
	} finally {
		await handle.stop();
		rmSync(home, {recursive: true, force: true});
	}
}

const results = Object.fromEntries(variants.map(v => [v.name, []]));
try {
	for (let i = 0; i < Number(args['warm-up']); i++) for (const variant of variants) await once(variant);
	const rounds = Number(args.rounds);
	for (let round = 0; round < rounds; round++) {
		const order = variants.map((_, i) => variants[(i + round) % variants.length]);
		const line = [];
		for (const variant of order) {
			const result = await once(variant);
			results[variant.name].push(result);
			line.push(`${variant.name} ${result.ms.toFixed(0)}`);
			await sleep(100);
		}
		process.stderr.write(`round ${round + 1}: ${line.join(', ')} (load ${os.loadavg()[0].toFixed(1)})\n`);
	}
	console.log(`\nfirst frame with a container row, ${rounds} interleaved rounds, engine ${host}:`);
	const base = median(results[variants[0].name].map(r => r.ms));
	for (const variant of variants) {
		const list = results[variant.name];
		const ms = list.map(r => r.ms);
		const m = median(ms);
		console.log(`  ${variant.name.padEnd(16)} median ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}; ${(m / base).toFixed(2)}x ${variants[0].name}); CPU at first frame ${median(list.map(r => r.cpu)).toFixed(2)} s; RSS ${median(list.map(r => r.rss)).toFixed(1)} MB`);
	}
} finally {
	if (daemon) {
		try {
			const docker = engineClient(host);
			await killAll(docker, (await docker.listContainers()).map(c => c.Id));
		} catch {
			// Gone already.
		}
		await daemon.stop();
	}
	process.exit(process.exitCode ?? 0);
}
