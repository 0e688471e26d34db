/**
 * What berth writes for a shell is safe in every shell (issue 18, item 2): the command log's
 * script (`w`), run under dash (Debian's /bin/sh) and under bash, with a stub `docker` first on
 * PATH that records each argv, passes every hostile word through exactly as typed, and runs
 * nothing else. The same quoting makes every CLI line berth shows or copies.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeCommandLog} from '../../source/controller/command-log-file.js';
import {cliFor, commandLine, shellQuote} from '../../source/format/cli-for.js';
import type {LoggedCommand} from '../../source/state/types.js';

/** Words a user can type into berth's forms and prompts, or a container can name (a path in its diff). */
const hostile = [
	"ML=line1\nit's; touch pwned; #",
	"it's",
	'a b',
	'$(touch pwned)',
	'`touch pwned`',
	'x; touch pwned',
	'x && touch pwned',
	'x | touch pwned',
	'-rf',
	'--privileged',
	'"double" \\back\\slash\\',
	'trailing newline\n',
	'\nleading newline',
	'tab\there',
	'escape \u001b]52;c;cHduZWQ=\u0007 and \u001b[2J',
	'carriage\rreturn',
	'delete\u007f and C1 \u009b31m',
	'unicode é ü 日本 🐳',
	'!bang !! $HOME ${HOME} *glob? [ab] ~user {a,b}',
	"'",
	"''",
	'',
	' ',
	'\\',
	'%s %b \\n \\033',
];

function shells(): string[] {
	return ['dash', 'bash'].filter(shell => spawnSync(shell, ['-c', 'true']).status === 0);
}

let root: string;
beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'berth-script-'));
	// dash is Debian's /bin/sh; the test means nothing without it (test/setup-and-test.sh installs it).
	expect(shells()).toEqual(['dash', 'bash']);
});
afterAll(() => {
	rmSync(root, {recursive: true, force: true});
});

/** A stub `docker` that writes each argv (NUL-separated) to its own numbered file in `record`. */
function stubDocker(dir: string, record: string): void {
	mkdirSync(dir, {recursive: true});
	mkdirSync(record, {recursive: true});
	const stub = path.join(dir, 'docker');
	writeFileSync(stub, `#!/bin/sh\nn=$(ls "${record}" | wc -l)\nprintf '%s\\0' docker "$@" > "${record}/$(printf '%04d' "$n")"\n`);
	chmodSync(stub, 0o755);
}

function recorded(record: string): string[][] {
	return readdirSync(record)
		.sort()
		.map(file => readFileSync(path.join(record, file), 'utf8').split('\0').slice(0, -1));
}

/** Runs `script` with `shell` in a fresh directory; returns each docker argv and what the directory holds after. */
function runScript(shell: string, script: string, name: string) {
	const base = path.join(root, `${shell}-${name}`);
	const cwd = path.join(base, 'cwd');
	const bin = path.join(base, 'bin');
	const record = path.join(base, 'record');
	mkdirSync(cwd, {recursive: true});
	stubDocker(bin, record);
	const result = spawnSync(shell, [script], {cwd, env: {PATH: `${bin}:/usr/bin:/bin`, HOME: cwd, LC_ALL: 'C.UTF-8'}, encoding: 'utf8'});
	return {status: result.status, stderr: result.stderr, argv: recorded(record), left: readdirSync(cwd)};
}

const entry = (cli: string, message?: string): LoggedCommand => ({id: 1, at: Date.UTC(2026, 10, 23, 10, 30), cli, result: message ? 'error' : 'ok', message});

describe('the command log script (w)', () => {
	const cases: Array<{words: string[]; cli: string}> = [
		...hostile.map(word => ({words: ['docker', 'exec', 'web', 'echo', word], cli: commandLine(['docker', 'exec', 'web', 'echo', word])})),
		{
			words: ['docker', 'run', '-d', '--name', 'web', '-e', hostile[0]!, '-e', 'PASS_THROUGH', 'busybox', 'sh', '-c', 'echo "$ML"; touch pwned'],
			cli: cliFor.run('busybox', {name: 'web', cmd: ['sh', '-c', 'echo "$ML"; touch pwned'], ports: [], env: [hostile[0]!, 'PASS_THROUGH'], binds: []}),
		},
		{words: ['docker', 'cp', 'web:/tmp/$(touch pwned)\n`x`', '/tmp/out dir'], cli: cliFor.copyFrom('web', '/tmp/$(touch pwned)\n`x`', '/tmp/out dir')},
		{words: ['docker', 'commit', '-m', "it's\u001b[31m red; touch pwned", 'web', 'shop/web:snap'], cli: cliFor.commit('web', {repo: 'shop/web', tag: 'snap', comment: "it's\u001b[31m red; touch pwned"})},
		{words: ['docker', 'context', 'use', "ctx'; touch pwned; '"], cli: cliFor.contextUse("ctx'; touch pwned; '")},
	];

	for (const shell of ['dash', 'bash']) {
		it(`${shell}: every docker argv is exactly what was typed, and nothing else runs`, async () => {
			const dir = path.join(root, `${shell}-written`);
			mkdirSync(dir, {recursive: true});
			// An outcome message can hold anything the engine said: it stays inside its comment.
			const entries = [...cases.map(c => entry(c.cli)), entry('docker stop web', "refused\ntouch pwned\r\n$(touch pwned)\u001b[2J")];
			const script = await writeCommandLog(entries, dir, new Date('2026-11-23T10:30:00'));
			const run = runScript(shell, script, 'written');
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
			expect(run.left).toEqual([]);
			expect(run.argv).toEqual([...cases.map(c => c.words), ['docker', 'stop', 'web']]);
		});
	}

	it('the script is plain text: no control character but the newline, so cat or a pager shows it as it is', async () => {
		const dir = path.join(root, 'plain');
		mkdirSync(dir, {recursive: true});
		const script = await writeCommandLog(cases.map(c => entry(c.cli, 'x\u001b]0;title\u0007')), dir, new Date('2026-11-23T10:30:00'));
		const text = readFileSync(script, 'utf8');
		expect(text.startsWith('#!/bin/sh\n')).toBe(true);
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		// POSIX sh quoting only: no bash/zsh $'…'.
		expect(text).not.toContain("$'");
	});
});

describe('shellQuote: one quoting for every CLI line on screen, in the clipboard and in the script', () => {
	for (const shell of ['dash', 'bash']) {
		it(`${shell} reads each word back exactly`, () => {
			for (const word of hostile) {
				const out = execFileSync(shell, ['-c', `printf '%s\\0' ${shellQuote(word)}`], {encoding: 'utf8', env: {PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8'}});
				expect(out, JSON.stringify(word)).toBe(`${word}\0`);
			}
		});
	}

	it('writes no $\'…\' and no raw control character but the newline', () => {
		for (const word of hostile) {
			const quoted = shellQuote(word);
			expect(quoted).not.toMatch(/^\$'|[^"]\$'/);
			expect(quoted).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		}
		expect(shellQuote('busybox:latest')).toBe('busybox:latest');
		expect(shellQuote("it's")).toBe("'it'\\''s'");
		expect(shellQuote('')).toBe("''");
	});
});
