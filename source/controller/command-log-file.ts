/**
 * The command log as a file: a shell script of comments (when, how it went) and the docker CLI
 * lines, so it can be read, or run again line by line. Written whole to a temporary file and
 * renamed into place, readable by the user only.
 */
import {randomBytes} from 'node:crypto';
import {rename, writeFile} from 'node:fs/promises';
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

/** `./berth-commands-<yyyymmdd-hhmmss>.sh` in `cwd`; returns the path written. */
export async function writeCommandLog(entries: readonly LoggedCommand[], cwd: string, now: Date): Promise<string> {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	const file = path.resolve(cwd, `berth-commands-${stamp}.sh`);
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
	await writeFile(temporary, commandLogText(entries), {mode: 0o600, flag: 'wx'});
	await rename(temporary, file);
	return file;
}
