/**
 * A docker credential helper for tests: `docker-credential-<name>` in a temp directory, answering
 * `get` from a table (registry → username and secret) as real helpers do, and "credentials not
 * found in native keychain" (exit 1) otherwise. Put `dir` first on PATH to use it.
 */
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export interface CredentialHelperStub {
	dir: string;
	/** PATH with the stub's directory first. */
	path: string;
	/** Every registry the helper was asked about, in order. */
	asked(): string[];
	remove(): void;
}

export function makeCredentialHelper(name: string, table: Record<string, {username: string; secret: string}>): CredentialHelperStub {
	const dir = mkdtempSync(path.join(tmpdir(), 'berth-credhelper-'));
	const log = path.join(dir, 'asked.log');
	writeFileSync(log, '');
	const cases = Object.entries(table)
		.map(([registry, entry]) => `\t${shellWord(registry)}) printf '%s' ${shellWord(JSON.stringify({ServerURL: registry, Username: entry.username, Secret: entry.secret}))} ;;`)
		.join('\n');
	const script = `#!/bin/sh
[ "$1" = get ] || { echo "unsupported: $1"; exit 1; }
server=$(cat)
printf '%s\\n' "$server" >> ${shellWord(log)}
case "$server" in
${cases}
	*) echo "credentials not found in native keychain"; exit 1 ;;
esac
`;
	const file = path.join(dir, `docker-credential-${name}`);
	writeFileSync(file, script);
	chmodSync(file, 0o755);
	return {
		dir,
		path: `${dir}:${process.env.PATH ?? ''}`,
		asked: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
		remove: () => rmSync(dir, {recursive: true, force: true}),
	};
}

function shellWord(text: string): string {
	return `'${text.replaceAll("'", "'\\''")}'`;
}

export interface HangingHelperStub {
	/** PATH with the stub's directory first. */
	path: string;
	/** The pid of the child the helper started (`sleep 1000 &`), once it has started it. */
	childPid(): number | undefined;
	remove(): void;
}

/** `docker-credential-<name>` that never answers: it starts a child of its own (`sleep 1000 &`) and waits for it. */
export function makeHangingHelper(name: string): HangingHelperStub {
	const dir = mkdtempSync(path.join(tmpdir(), 'berth-credhelper-'));
	const pidFile = path.join(dir, 'child.pid');
	const file = path.join(dir, `docker-credential-${name}`);
	writeFileSync(file, `#!/bin/sh\nsleep 1000 &\necho $! > ${shellWord(pidFile)}\nwait\n`);
	chmodSync(file, 0o755);
	return {
		path: `${dir}:${process.env.PATH ?? ''}`,
		childPid() {
			try {
				return Number(readFileSync(pidFile, 'utf8').trim()) || undefined;
			} catch {
				return undefined;
			}
		},
		remove: () => rmSync(dir, {recursive: true, force: true}),
	};
}
