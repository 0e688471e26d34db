#!/usr/bin/env node
/**
 * How many ssh processes berth starts in a minute of use over an ssh:// endpoint, and how many
 * ssh connections (logins) the server sees. `npm run build && node bench/ssh-processes.mjs`
 * (`--cli PATH` runs another build, `--seconds N` another length).
 *
 * Starts a private dockerd and the test sshd (test/support/sshd.ts: Debian's openssh-server on
 * 127.0.0.1, its own keys and client config; an `ssh` on PATH that notes each start), makes 8
 * containers that log a line a second, then runs berth in a pty on ssh://root@127.0.0.1:PORT
 * for the minute: start-up, ↓ every 4 s (the logs pane follows another container each time),
 * the details view for 5 s, a stop. Counts every ssh berth started (by kind) and the logins in
 * sshd's log; after berth quits, lists ssh processes of this run still alive.
 */
import {spawnSync} from 'node:child_process';
import {parseArgs} from 'node:util';
import {launchBerth} from './lib/berth.mjs';
import {loadDockerd, loadPty, loadSshd, repoRoot} from './lib/support.mjs';
import {sleep} from './lib/stats.mjs';
import path from 'node:path';

const {values} = parseArgs({options: {cli: {type: 'string'}, seconds: {type: 'string', default: '60'}}});
const cli = values.cli ? path.resolve(values.cli) : path.join(repoRoot, 'dist', 'cli.js');
const seconds = Number(values.seconds);

const {startPrivateDockerd, ensureFixtureImage, dockerCli} = await loadDockerd();
const {spawnPty} = await loadPty();
const {startSshd} = await loadSshd();

const dockerd = await startPrivateDockerd();
let sshd;
let berth;
try {
	await ensureFixtureImage(dockerd.host);
	for (let i = 0; i < 8; i++) {
		await dockerCli(dockerd.host, ['run', '-d', '--name', `ssh-bench-${i}`, '--stop-timeout', '1', 'berth-test/busybox:latest', 'sh', '-c', `while true; do echo tick ${i}; sleep 1; done`]);
	}
	sshd = await startSshd({dockerHost: dockerd.host});
	const client = sshd.client();
	const env = client.env();
	berth = launchBerth(spawnPty, sshd.url, {cli, env: {PATH: env.PATH}});
	const started = Date.now();
	await berth.proc.waitForScreen('ssh-bench-', 30_000);
	const at = ms => sleep(Math.max(0, started + ms - Date.now()));
	const down = '\u001B[B';
	for (let i = 1; i <= 8; i++) {
		await at(i * 4000);
		berth.proc.write(down);
	}
	const seen = {};
	await at(34_000);
	berth.proc.write('\r');
	// The details view shows the container's inspect summary (its command line among it).
	seen.details = Boolean(await berth.proc.waitForScreen('while true', 5000).catch(() => false));
	await at(39_000);
	berth.proc.write('\u001B');
	await at(42_000);
	berth.proc.write('s');
	seen.stopped = Boolean(await berth.proc.waitForScreen(screen => /Stopped ssh-bench-/.test(screen), 15_000).catch(() => false));
	await at(seconds * 1000);
	const starts = client.starts();
	const kinds = {};
	for (const line of starts) {
		const kind = line.includes(' -G ') || line.startsWith('-G') ? 'config probe (-G)'
			: line.includes(' -O ') ? 'control (-O)'
			: line.includes('-N') ? 'master (-N)'
			: line.includes('dial-stdio') ? (line.includes('ControlPath=') || line.includes(' -S ') ? 'dial-stdio through the master' : 'dial-stdio, own connection')
			: 'other';
		kinds[kind] = (kinds[kind] ?? 0) + 1;
	}
	const logins = sshd.logins();
	berth.proc.write('q');
	await Promise.race([berth.proc.exited, sleep(10_000)]);
	await sleep(2000);
	const left = spawnSync('ps', ['-eo', 'pid,args'], {encoding: 'utf8'}).stdout.split('\n').filter(l => l.includes(client.binDir.replace(/\/bin$/, '')) || (l.includes('ssh') && l.includes(`-p ${sshd.port}`)));
	console.log(JSON.stringify({cli, seconds, seen, sshStarts: starts.length, kinds, sshdLogins: logins, leftAfterQuit: left}, null, 2));
} finally {
	berth?.proc.kill();
	await sshd?.stop();
	await dockerd.stop();
}
