/** The machine, engine and commit a run happened on. */
import {execFileSync} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import {repoRoot} from './support.mjs';

function run(command, args, options = {}) {
	try {
		return execFileSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], cwd: repoRoot, ...options}).trim();
	} catch {
		return undefined;
	}
}

export async function describeMachine(docker, host, cli) {
	let cpu = os.cpus()[0]?.model;
	try {
		cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
	} catch {
		// Not Linux.
	}
	const version = await docker.version();
	// Read-only git queries: the commit, and whether tracked files differ from it.
	const commit = run('git', ['rev-parse', '--short', 'HEAD']);
	// The bench's own files do not change what is measured: only changes elsewhere make it dirty.
	const changed = (run('git', ['status', '--porcelain', '--untracked-files=no']) ?? '')
		.split('\n')
		.filter(line => line.trim() && !line.slice(3).startsWith('bench/'))
		.join('\n');
	let cliBuiltAt;
	try {
		cliBuiltAt = statSync(cli).mtime.toISOString();
	} catch {
		// Missing.
	}
	return {
		cpu,
		cores: os.cpus().length,
		ramGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
		kernel: `${os.type()} ${os.release()}`,
		node: process.version,
		engine: `Docker Engine ${version.Version} (API ${version.ApiVersion}), private daemon ${host}`,
		dockerCli: run('docker', ['version', '--format', '{{.Client.Version}}'], {env: {...process.env, DOCKER_HOST: host}}),
		commit: commit === undefined ? 'unknown' : `${commit}${changed ? '-dirty' : ''}`,
		changedFiles: changed ? changed.split('\n').map(line => line.slice(3)) : [],
		cli,
		cliBuiltAt,
	};
}
