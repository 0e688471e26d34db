#!/usr/bin/env node
/**
 * berth's performance benchmark: `npm run bench` (builds, then runs this).
 *
 * Starts a private dockerd (test/support/dockerd.ts), creates 1,000 containers and 500 image
 * tags, runs the built berth (`node dist/cli.js`) in a real pty at 120x40 (test/support/pty.ts)
 * through eight scenarios, prints one table and writes bench/out/results.json; a full run also
 * rewrites the generated part of bench/RESULTS.md. Everything it started is stopped and removed
 * at the end, also on Ctrl-C. See bench/README.md.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {launchBerth} from './lib/berth.mjs';
import {counts, createFixtures, createSmallFixtures, engineClient, fixtureNames, killAll, smallCounts} from './lib/fixtures.mjs';
import {launchProgram} from './lib/program.mjs';
import {berthAdapter, parsePeers} from './lib/peers/index.mjs';
import {describeMachine} from './lib/machine.mjs';
import {loadLine, tableRows, textTable, writeJson, writeResultsMd} from './lib/report.mjs';
import {benchDir, loadDockerd, loadPty, outDir, repoRoot} from './lib/support.mjs';
import {systemCpu} from './lib/proc.mjs';
import {now} from './lib/stats.mjs';
import {churn, memory} from './scenarios/churn.mjs';
import {flood} from './scenarios/flood.mjs';
import {idle} from './scenarios/idle.mjs';
import {paste} from './scenarios/paste.mjs';
import {progress} from './scenarios/progress.mjs';
import {keys, keysLoaded} from './scenarios/keys.mjs';
import {startup, startupSmall} from './scenarios/startup.mjs';

/** The peers' HOME (their configuration and state files), removed at the end. */
const peerHome = path.join(outDir, 'peer-home');
/**
 * berth's code cache (source/cli/loader.ts) for this run: made anew by the first launch (a
 * warm-up in every scenario), so no figure depends on what an earlier run left in ~/.cache.
 */
const berthCache = path.join(outDir, 'berth-cache');
rmSync(berthCache, {recursive: true, force: true});

const scenarioNames = ['startup', 'startup-small', 'keys', 'keys-loaded', 'idle', 'churn', 'flood', 'progress', 'paste', 'memory'];

const usage = `Usage: npm run bench [-- options]     (or: node bench/run.mjs [options] after npm run build)

  --quick               short durations and few repetitions, for development (no RESULTS.md)
  --peer NAME=PATH      also measure another TUI (repeatable): lazydocker, dry and dockly have
                        adapters (bench/lib/peers/); PATH is its executable (dockly: its index.js).
                        Peers run in startup, startup-small, keys, keys-loaded and idle, interleaved
                        with berth on the same engine and pty size; berth's ratio to each is reported
  --key-warmup N        untimed ↓ then ↑ presses before the timed ones (default 40; quick 10)
  --load N              busy loops during keys-loaded (default: the number of cores; 0 skips it)
  --stats-off-flag FLAG berth's flag that starts it with the stats columns off (default --no-stats;
                        "" skips the stats-off idle; a berth that refuses the flag is left out)
  --only LIST           comma-separated scenarios: ${scenarioNames.join(',')}
  --runs N              repetitions of keys, idle and churn (default 3; quick 1)
  --memory-minutes N    length of the memory churn (default 10; quick 1)
  --cli PATH            the berth entry point to run (default dist/cli.js)
  --engine HOST         reuse an engine prepared by an earlier --keep run (unix://...)
  --small-engine HOST   reuse the small engine of an earlier --keep run (else a new one is made)
  --keep                leave the private engine and its fixtures running at the end
  --node-flags FLAGS    extra node flags for berth, space-separated (e.g. "--max-semi-space-size=1")
  --profile             run berth with --cpu-prof: one profile per launch in bench/out/profiles/
                        (summarise one with: node bench/profile-top.mjs FILE); skews the figures
  --write-md / --no-write-md   force or skip rewriting bench/RESULTS.md (default: only full runs)
  --help`;

const {values: args} = parseArgs({
	options: {
		quick: {type: 'boolean', default: false},
		peer: {type: 'string', multiple: true},
		load: {type: 'string'},
		'key-warmup': {type: 'string'},
		'stats-off-flag': {type: 'string'},
		'small-engine': {type: 'string'},
		only: {type: 'string'},
		runs: {type: 'string'},
		'memory-minutes': {type: 'string'},
		cli: {type: 'string'},
		engine: {type: 'string'},
		keep: {type: 'boolean', default: false},
		profile: {type: 'boolean', default: false},
		'node-flags': {type: 'string'},
		'write-md': {type: 'boolean'},
		'no-write-md': {type: 'boolean'},
		help: {type: 'boolean', default: false},
	},
});
if (args.help) {
	console.log(usage);
	process.exit(0);
}

const quick = args.quick;
let peers;
try {
	peers = parsePeers(args.peer);
} catch (error) {
	console.error(`bench: ${error.message}\n${usage}`);
	process.exit(2);
}
const load = Number(args.load ?? os.cpus().length);
const only = (args.only ? args.only.split(',').map(s => s.trim()) : scenarioNames).filter(name => name !== 'keys-loaded' || load > 0);
for (const name of only) {
	if (!scenarioNames.includes(name)) {
		console.error(`bench: unknown scenario ${name}\n${usage}`);
		process.exit(2);
	}
}
const opts = {
	quick,
	runs: Number(args.runs ?? (quick ? 1 : 3)),
	startupRuns: quick ? 3 : 7,
	keyPresses: quick ? 20 : 200,
	keyWarmup: Number(args['key-warmup'] ?? (quick ? 10 : 40)),
	idleSeconds: quick ? 10 : 30,
	churnSeconds: quick ? 10 : 30,
	churnRate: 20,
	floodSeconds: quick ? 15 : 60,
	// Scenario 7: each of push, pull and build streams for about this long (the proxy's cap is set
	// from it), the first progressPassiveSeconds of it without keys.
	progressSeconds: quick ? 10 : 20,
	progressPassiveSeconds: quick ? 4 : 8,
	progressLayers: 50,
	progressLayerBytes: 2_000_000,
	// Scenario 8: 100 KB pastes into the E prompt, each followed by two timed keys.
	pasteRounds: quick ? 3 : 7,
	memoryMinutes: Number(args['memory-minutes'] ?? (quick ? 1 : 10)),
	load,
	statsOffFlag: args['stats-off-flag'] ?? '--no-stats',
	peers: peers.map(p => ({name: p.name, path: p.path})),
	repoRoot,
	commandLine: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
};
const full = !quick && !args.only && opts.memoryMinutes >= 10 && !args.cli && !args.engine && !args['small-engine'] && !args.profile && !args['node-flags'];
const writeMd = args['no-write-md'] ? false : (args['write-md'] ?? full);

const benchStartedAt = now();
const stamp = () => `[${((now() - benchStartedAt) / 1000).toFixed(0).padStart(4)} s]`;
const log = message => process.stderr.write(`${stamp()} ${message}\n`);

/** Newest modification time under `dir` (files only). */
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
	}
	return latest;
}

/** Builds dist/ when it is missing or older than the sources. */
function ensureBuilt(cli) {
	const sourcesAt = Math.max(newest(path.join(repoRoot, 'source')), statSync(path.join(repoRoot, 'cli.tsx')).mtimeMs, statSync(path.join(repoRoot, 'tsconfig.json')).mtimeMs);
	if (existsSync(cli) && statSync(cli).mtimeMs >= sourcesAt) return;
	log('dist/ is missing or older than the sources: npm run build');
	const result = spawnSync('npm', ['run', 'build'], {cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit']});
	if (result.status !== 0 || !existsSync(cli)) {
		console.error('bench: the build failed');
		process.exit(1);
	}
}

const cli = path.resolve(args.cli ?? path.join(repoRoot, 'dist', 'cli.js'));
if (!args.cli) ensureBuilt(cli);
else if (!existsSync(cli)) {
	console.error(`bench: ${cli} does not exist`);
	process.exit(2);
}

// --- engine, fixtures, clean-up ---------------------------------------------------------------

const {startPrivateDockerd, ensureFixtureImage, dockerCli} = await loadDockerd();
const {spawnPty} = await loadPty();
const live = new Set();
let daemon;
let smallDaemon;
let docker;
let cleaning;
/** What a scenario started beside berth (a registry, a proxy, images): cleaned up first. */
const scenarioCleanups = new Set();

/**
 * Processes still naming the daemon's directory once it has stopped (containerd shims of
 * containers a wedged daemon could not stop): their children (the containers' processes), then
 * them. They were started for the bench; nothing else names that directory.
 */
function killLeftovers(dir) {
	const pids = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${dir}/`)) pids.push(Number(entry));
		} catch {
			// Gone meanwhile.
		}
	}
	if (pids.length === 0) return;
	log(`killing ${pids.length} processes left behind under ${dir}`);
	for (const pid of pids) {
		try {
			for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) process.kill(Number(child), 'SIGKILL');
		} catch {
			// Gone meanwhile.
		}
	}
	for (const pid of pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Gone meanwhile.
		}
	}
}

async function cleanup() {
	cleaning ??= (async () => {
		for (const berth of live) await berth.stop();
		live.clear();
		for (const fn of scenarioCleanups) {
			try {
				await fn();
			} catch (error) {
				log(`clean-up: ${error.message}`);
			}
		}
		scenarioCleanups.clear();
		if (daemon && !args.keep) {
			log(`stopping the private engine and removing ${daemon.dir}`);
			try {
				const running = await docker.listContainers({filters: JSON.stringify({label: ['berth.bench=1']})});
				await killAll(docker, running.map(c => c.Id));
			} catch {
				// The daemon is gone already.
			}
			await daemon.stop();
			killLeftovers(daemon.dir);
		} else if (daemon) {
			log(`kept the engine: --engine ${daemon.host} (stop it: kill $(cat ${daemon.dir}/pid); rm -rf ${daemon.dir})`);
		}
		if (smallDaemon && !args.keep) {
			log(`stopping the small engine and removing ${smallDaemon.dir}`);
			try {
				const small = engineClient(smallDaemon.host);
				await killAll(small, (await small.listContainers()).map(c => c.Id));
			} catch {
				// The daemon is gone already.
			}
			await smallDaemon.stop();
			killLeftovers(smallDaemon.dir);
		} else if (smallDaemon) {
			log(`kept the small engine: --small-engine ${smallDaemon.host} (stop it: kill $(cat ${smallDaemon.dir}/pid); rm -rf ${smallDaemon.dir})`);
		}
		rmSync(peerHome, {recursive: true, force: true});
	})();
	return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		log(`${signal}: cleaning up`);
		void cleanup().finally(() => process.exit(130));
	});
}

let host;
let fx;
try {
	if (args.engine) {
		host = args.engine;
		docker = engineClient(host);
		const list = await docker.listContainers({all: true, filters: JSON.stringify({label: ['berth.bench=1']})});
		const ids = new Map(list.map(c => [c.Names[0].replace(/^\//, ''), c.Id]));
		const names = fixtureNames();
		const missing = [names.flood, ...names.running, ...names.churn].filter(n => !ids.has(n));
		if (missing.length > 0 || ids.size !== 1000) throw new Error(`${host} does not hold the bench fixtures (${ids.size} containers; missing ${missing.length}, e.g. ${missing[0]})`);
		fx = {names, ids, seconds: 0};
		log(`reusing the engine at ${host} and its ${ids.size} fixture containers`);
		await killAll(docker, [names.flood, ...names.churn].map(n => ids.get(n)));
	} else {
		log('starting a private dockerd');
		daemon = await startPrivateDockerd();
		host = daemon.host;
		docker = engineClient(host);
		await ensureFixtureImage(host);
		fx = await createFixtures(docker, message => log(message));
		log(`fixtures ready in ${fx.seconds.toFixed(0)} s: ${Object.values(counts).slice(0, 5).reduce((a, b) => a + b, 0)} containers, ${counts.images * counts.tagsPerImage} tags`);
	}

	let smallHost = args['small-engine'];
	if (only.includes('startup-small') && !smallHost) {
		log('starting the small engine (a second private dockerd)');
		smallDaemon = await startPrivateDockerd();
		smallHost = smallDaemon.host;
		await ensureFixtureImage(smallHost);
		const small = await createSmallFixtures(engineClient(smallHost));
		log(`small engine ready in ${small.seconds.toFixed(0)} s: ${smallCounts.running + smallCounts.exited + smallCounts.created} containers, ${smallCounts.tags} tags`);
	}

	let launches = 0;
	const crashes = [];
	const machine = await describeMachine(docker, host, cli);
	machine.peers = peers.map(p => ({name: p.name, path: p.path}));
	const before = systemCpu();
	await new Promise(resolve => setTimeout(resolve, 3000));
	const after = systemCpu();
	const busy = before && after ? (after.busy - before.busy) / (after.total - before.total) : 0;
	if (busy > 0.25) log(`warning: the machine is busy before the scenarios (${(busy * 100).toFixed(0)}% of all cores over 3 s): the figures will be skewed`);
	const programs = [{name: 'berth', adapter: berthAdapter}, ...peers];
	const ctx = {
		spawnPty,
		dockerCli,
		host,
		smallHost,
		programs,
		docker,
		fx,
		cli,
		opts,
		log,
		/** Starts berth for a scenario (with --profile: under --cpu-prof) and tracks it for clean-up. */
		launch(label) {
			return ctx.start(programs[0], label);
		},
		/**
		 * Starts `program` (berth or a peer from ctx.programs) on `host` (default: the big
		 * engine) with extra `args`, tracked for clean-up; the handle carries the adapter.
		 */
		start(program, label, {host: on = host, args: extra = []} = {}) {
			if (program.name === 'berth') {
				const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(outDir, 'profiles')}`, `--cpu-prof-name=${label}-${++launches}.cpuprofile`] : [];
				if (args['node-flags']) nodeArgs.push(...args['node-flags'].split(/\s+/).filter(Boolean));
				const berth = launchBerth(spawnPty, on, {cli, nodeArgs, args: extra, env: {XDG_CACHE_HOME: berthCache}});
				berth.label = label;
				berth.program = 'berth';
				return ctx.track(berth);
			}
			const command = program.adapter.command(program.path);
			// Its own HOME: a peer's configuration and state files stay out of the user's.
			const home = path.join(peerHome, program.name);
			mkdirSync(home, {recursive: true});
			const handle = launchProgram(spawnPty, on, {file: command.file, args: [...command.args, ...extra], env: {HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_STATE_HOME: path.join(home, '.state'), XDG_CACHE_HOME: path.join(home, '.cache')}});
			handle.label = label;
			handle.program = program.name;
			return ctx.track(handle);
		},
		/** Runs `fn` at the bench's clean-up (also on Ctrl-C) unless the returned function is called first. */
		atCleanup(fn) {
			scenarioCleanups.add(fn);
			return () => scenarioCleanups.delete(fn);
		},
		track(berth) {
			live.add(berth);
			return berth;
		},
		async untrack(berth) {
			live.delete(berth);
			const crash = berth.crashed();
			if (crash && !berth.exitExpected) {
				crashes.push({program: berth.program, scenario: berth.label, ...crash});
				log(`${berth.program} exited by itself during ${berth.label} after ${crash.afterS} s (code ${crash.exitCode}${crash.signal ? `, signal ${crash.signal}` : ''}); the end of its output: ${crash.outputTail.slice(-400)}`);
			}
			await berth.stop();
		},
	};

	const results = {};
	const run = {startup, 'startup-small': startupSmall, keys, 'keys-loaded': keysLoaded, idle, churn, flood, progress, paste, memory};
	for (const name of scenarioNames) {
		if (!only.includes(name)) continue;
		log(`scenario ${name}`);
		const cpuBefore = systemCpu();
		const loadBefore = os.loadavg()[0];
		results[name] = await run[name](ctx);
		const cpuAfter = systemCpu();
		// What else the machine was doing: other work (tests, builds) skews every figure.
		results[name].machineLoad = {
			loadavg1Before: loadBefore,
			loadavg1After: os.loadavg()[0],
			allCoresBusy: cpuBefore && cpuAfter ? (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total) : undefined,
		};
		// Partial results, in case a later scenario never ends.
		writeJson(path.join(outDir, 'results.partial.json'), {opts, machine, results, crashes});
	}
	results.crashes = crashes;

	const rows = tableRows(results, opts);
	const minutes = (now() - benchStartedAt) / 60_000;
	const startedAt = new Date(Date.now() - (now() - benchStartedAt)).toISOString();
	console.log(`\nberth benchmark, ${machine.commit}, ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.engine.split(',')[0]}${quick ? ' — QUICK run (shortened)' : ''}\n`);
	console.log(textTable(rows));
	console.log(`\n${loadLine(results)}`);
	const jsonFile = path.join(outDir, 'results.json');
	writeJson(jsonFile, {startedAt, minutes, opts, machine, fixtures: {...counts, setupSeconds: fx.seconds}, rows, results});
	console.log(`\nwrote ${path.relative(repoRoot, jsonFile)}`);
	if (writeMd) {
		writeResultsMd(path.join(benchDir, 'RESULTS.md'), {rows, machine, opts, startedAt, minutes, results});
		console.log('wrote bench/RESULTS.md');
	}
} catch (error) {
	console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exitCode = 1;
} finally {
	await cleanup();
	// A kept engine's dockerd is a child of this process: exit rather than wait for it.
	process.exit(process.exitCode ?? 0);
}
