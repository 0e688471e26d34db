/**
 * Bad command lines and environments: one line on stderr naming the problem, exit status 2,
 * never a stack trace, and nothing written to the terminal. The built binary, as users run it.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {PtyProcess} from '../support/pty.js';
import {assertBuilt, berthCli, controlSequences, runShell} from './support/terminal.js';

const host = inject('dockerHost');
let home: string;

beforeAll(() => {
	assertBuilt();
	home = mkdtempSync('/tmp/berth-cli-');
	mkdirSync(path.join(home, 'bad'));
	writeFileSync(path.join(home, 'bad', 'config.json'), '{"currentContext": "prod",');
	mkdirSync(path.join(home, 'ghost'));
	writeFileSync(path.join(home, 'ghost', 'config.json'), '{"currentContext": "ghost"}');
	mkdirSync(path.join(home, 'empty'));
});
afterAll(() => {
	rmSync(home, {recursive: true, force: true});
});

/** Runs berth without a terminal (pipes), with a clean Docker environment plus `env`. */
function berth(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [berthCli, ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'], HOME: home, DOCKER_CONFIG: path.join(home, 'empty'), TERM: 'xterm-256color', ...env},
		timeout: 30_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function expectOneLineError(result: {status: number | null; stdout: string; stderr: string}, pattern: RegExp): void {
	expect(result.status, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(/^berth: [^\n]+\n$/);
	expect(result.stderr).toMatch(pattern);
	expect(result.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
}

describe('command-line errors: one line, exit 2, no stack trace', () => {
	const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
		['an unknown flag', ['--bogus'], {}, /unknown flag --bogus/],
		['an unknown short flag', ['-x'], {}, /unknown flag -x/],
		['an unknown flag with a value', ['--colour=always'], {}, /unknown flag --colour=always/],
		['a stray argument', ['ps'], {}, /unexpected argument "ps"/],
		['--host without a value', ['--host'], {}, /--host needs a value/],
		['--host given twice', ['--host', 'unix:///a', '--host', 'unix:///b'], {}, /--host can only be set once/],
		['a value for the --all switch', ['--all=maybe'], {}, /--all takes no value/],
		['the --all switch given twice', ['--all', '--all'], {}, /the flag --all can only be set once \(given as --all --all/],
		['--all and --no-all together', ['--all', '--no-all'], {}, /the flag --all can only be set once/],
		['--host with an unsupported scheme', ['--host', 'ftp://example.com'], {}, /Unsupported Docker endpoint "ftp:\/\/example\.com" \(from --host\): use unix:\/\/, tcp:\/\/ or ssh:\/\//],
		['--host with http://', ['--host', 'http://example.com:2375'], {}, /Unsupported Docker endpoint/],
		['DOCKER_HOST with an unsupported scheme', [], {DOCKER_HOST: 'npipe:////./pipe/docker_engine'}, /Unsupported Docker endpoint .* \(from DOCKER_HOST\)/],
		['--host with bad percent-encoding in the ssh user', ['--host', 'ssh://%E0%A4%A@host'], {}, /Invalid Docker endpoint "ssh:\/\/%E0%A4%A@host" \(from --host\): the user or host name is not valid percent-encoding/],
		['DOCKER_HOST with bad percent-encoding in the ssh user', [], {DOCKER_HOST: 'ssh://%E0%A4%A@host'}, /\(from DOCKER_HOST\): the user or host name is not valid percent-encoding/],
		['an ssh user that decodes to an option', ['--host', 'ssh://%2DoProxyCommand=x@host'], {}, /host and user names cannot start with "-"/],
		['--host and --context together', ['--host', 'unix:///a', '--context', 'b'], {}, /either --host or --context, not both/],
		['a context that does not exist (--context)', ['--context', 'nope'], {}, /Docker context "nope" \(from --context\) does not exist; see "docker context ls"/],
		['a context that does not exist (DOCKER_CONTEXT)', [], {DOCKER_CONTEXT: 'nope'}, /Docker context "nope" \(from DOCKER_CONTEXT\) does not exist/],
		['a current context in config.json that does not exist', [], {DOCKER_CONFIG: '<home>/ghost'}, /Docker context "ghost" \(from config\.json\) does not exist/],
		['a malformed ~/.docker/config.json', [], {DOCKER_CONFIG: '<home>/bad'}, /config\.json is not valid JSON; fix or remove it/],
	];
	for (const [what, args, env, pattern] of cases) {
		it(what, () => {
			const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('<home>', home)]));
			expectOneLineError(berth(args, resolved), pattern);
		});
	}

	it('--help and --version still work, with exit 0', () => {
		const help = berth(['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('Usage');
		// The order the engine is found in, as the README states it: --context beats DOCKER_HOST.
		expect(help.stdout.replaceAll(/\s+/g, ' ')).toContain('--host, --context, DOCKER_HOST, DOCKER_CONTEXT, the current context');
		const version = berth(['--version']);
		expect(version.status).toBe(0);
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});
});

describe('without a usable terminal berth says it needs one and exits 2, writing nothing to the terminal', () => {
	let term: PtyProcess | undefined;
	const run = async (script: string, env: Record<string, string | undefined> = {}) => {
		term = runShell(`${script}; echo "BERTH-RC=$?"; sleep 30`, {cols: 100, rows: 20, env});
		const screen = await term.waitForScreen(s => /BERTH-RC=\d+/.test(s), 20_000);
		const output = term.output();
		term.kill('SIGKILL');
		await term.exited;
		term = undefined;
		return {screen, output, rc: Number(/BERTH-RC=(\d+)/.exec(screen)![1])};
	};
	const cli = `${process.execPath} ${berthCli} --host ${host}`;

	it('stdin and stdout not a TTY (pipes)', () => {
		expectOneLineError(berth(['--host', host]), /needs an interactive terminal \(stdin and stdout must be a TTY\)/);
	});

	it('stdin not a TTY (< /dev/null) in a terminal', async () => {
		const {screen, output, rc} = await run(`${cli} < /dev/null`);
		expect(rc).toBe(2);
		expect(screen).toContain('berth: needs an interactive terminal');
		expect(controlSequences(output).filter(c => c.kind !== 'c0')).toEqual([]);
	}, 30_000);

	it('stdout not a TTY (piped into cat) in a terminal', async () => {
		const {screen, output} = await run(`${cli} | cat; exit_code=$?`);
		expect(screen).toContain('berth: needs an interactive terminal');
		expect(controlSequences(output).filter(c => c.kind !== 'c0')).toEqual([]);
	}, 30_000);

	it('TERM=dumb: refuses with a one-line message (a dumb terminal cannot move the cursor)', async () => {
		const {screen, output, rc} = await run(`TERM=dumb ${cli}`);
		expect(rc).toBe(2);
		expect(screen.replaceAll(/\s+/g, ' ')).toContain('berth: TERM=dumb: this terminal cannot move the cursor, which berth needs; run it in a full terminal (e.g. TERM=xterm-256color)');
		expect(controlSequences(output).filter(c => c.kind !== 'c0')).toEqual([]);
	}, 30_000);
});
