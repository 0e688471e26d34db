/**
 * The command log as a file: a shell script of comments (when, how it went) and the docker CLI
 * lines, so it can be read, or run again line by line. Written whole to a temporary file and
 * renamed into place, readable by the user only. And one line of it as a file of its own (`Y`,
 * for when the clipboard does not reach the user's terminal).
 */
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {open, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoggedCommand} from '../state/types.js';

export function commandLogText(entries: readonly LoggedCommand[]): string {
	const lines = ['#!/bin/sh', '# What berth did, with the docker CLI line for each (berth ran none of these through a shell).', ''];
	for (const e of entries) {
		const outcome = (e.message ?? '').replace(/[\r\n\u0000-\u001f\u007f-\u009f]+/g, ' ');
		lines.push(`# ${new Date(e.at).toISOString()} ${e.result}${outcome ? `: ${outcome}` : ''}`, e.cli);
	}
	return lines.join('\n') + '\n';
}

function stampOf(now: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** `./berth-commands-<yyyymmdd-hhmmss>.sh` in `cwd`; returns the path written. */
export async function writeCommandLog(entries: readonly LoggedCommand[], cwd: string, now: Date): Promise<string> {
	const file = path.resolve(cwd, `berth-commands-${stampOf(now)}.sh`);
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
	await writeFile(temporary, commandLogText(entries), {mode: 0o600, flag: 'wx'});
	await rename(temporary, file);
	return file;
}

/** Created new, the user's only: fails on anything already there, a symbolic link included (never written through). */
const newFileFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * `./berth-line-<yyyymmdd-hhmmss>.txt` in `cwd` (-2, -3, … when the name is taken), holding
 * `line`; mode 0600. Returns the path written.
 */
export async function writeLineFile(line: string, cwd: string, now: Date): Promise<string> {
	const base = path.resolve(cwd, `berth-line-${stampOf(now)}`);
	for (let n = 1; ; n++) {
		const file = n === 1 ? `${base}.txt` : `${base}-${n}.txt`;
		const handle = await open(file, newFileFlags, 0o600).catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'EEXIST' && n < 100) return undefined;
			throw error;
		});
		if (!handle) continue;
		try {
			await handle.chmod(0o600);
			await handle.writeFile(`${line}\n`);
		} finally {
			await handle.close();
		}
		return file;
	}
}
