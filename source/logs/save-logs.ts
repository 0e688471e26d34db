import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Engine, LogLine} from '../engine/types.js';
import type {LogBufferView} from './log-view.js';

/** `./<name>-<yyyymmdd-hhmmss>.log` in local time, the name made safe for a file name. */
export function defaultLogPath(name: string, date: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
	const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+/, '') || 'container';
	return `./${safe}-${stamp}.log`;
}

/** Whether saving to `file` would replace an existing file. */
export function wouldOverwrite(file: string, cwd = process.cwd()): boolean {
	return existsSync(path.resolve(cwd, file));
}

/** The buffer's lines as text, one per line, exactly as the containers wrote them (merged: "name | line"). */
export function bufferText(buffer: LogBufferView): string {
	const parts: string[] = [];
	for (let i = 0; i < buffer.length; i++) {
		const line = buffer.get(i)!;
		parts.push(line.source === undefined ? line.text : `${line.source} | ${line.text}`);
	}
	return parts.length === 0 ? '' : parts.join('\n') + '\n';
}

/** The whole log of a container from the engine (like `docker logs`), as text. */
export async function engineLogText(engine: Engine, id: string): Promise<string> {
	const lines: LogLine[] = [];
	const controller = new AbortController();
	await engine.streamLogs(id, {tail: 'all', follow: false}, batch => lines.push(...batch), controller.signal);
	return lines.length === 0 ? '' : lines.map(l => l.text).join('\n') + '\n';
}

/** Writes the text; refuses to replace a file unless `overwrite`. Returns the bytes written. */
export async function saveText(file: string, text: string, overwrite: boolean, cwd = process.cwd()): Promise<number> {
	const target = path.resolve(cwd, file);
	await writeFile(target, text, {flag: overwrite ? 'w' : 'wx'});
	return Buffer.byteLength(text);
}
