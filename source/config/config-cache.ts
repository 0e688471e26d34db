/**
 * A config file that was read and found valid is kept, as plain data with its positions, in
 * `$XDG_CACHE_HOME/berth` (default `~/.cache/berth`), under a hash of its text and of the
 * schema: the next start with the same file reads that instead of loading the YAML reader and
 * the validator (about 15 ms on a cold start here; the cached file takes well under 1 ms). A
 * file with problems is read afresh every time. Anything wrong with the cache only costs that.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {schemaId} from './generated/schema-id.js';
import type {PositionIndex} from './positions.js';

export interface CachedConfig {
	value: unknown;
	positions: PositionIndex;
}

function cacheFile(text: string, env: NodeJS.ProcessEnv, homedir: string): string | undefined {
	if (env['BERTH_CODE_CACHE'] === 'off') return undefined;
	// The XDG base directory rules: a relative XDG_CACHE_HOME is ignored.
	const xdg = env['XDG_CACHE_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : homedir ? path.join(homedir, '.cache') : '';
	if (!path.isAbsolute(base)) return undefined;
	const key = createHash('sha1').update(schemaId).update('\0').update(text).digest('hex').slice(0, 20);
	return path.join(base, 'berth', `config-${key}.json`);
}

export function readCachedConfig(text: string, env: NodeJS.ProcessEnv, homedir: string): CachedConfig | undefined {
	const file = cacheFile(text, env, homedir);
	if (!file) return undefined;
	try {
		const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedConfig;
		return cached && typeof cached === 'object' && 'value' in cached && cached.positions && typeof cached.positions === 'object' ? cached : undefined;
	} catch {
		return undefined;
	}
}

export function writeCachedConfig(text: string, cached: CachedConfig, env: NodeJS.ProcessEnv, homedir: string): void {
	const file = cacheFile(text, env, homedir);
	if (!file) return;
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(cached), {mode: 0o600});
		renameSync(temporary, file);
		// One file is kept: the others are of files since edited.
		for (const name of readdirSync(path.dirname(file))) {
			if (/^config-[0-9a-f]+\.json(\.\d+\.tmp)?$/.test(name) && name !== path.basename(file)) rmSync(path.join(path.dirname(file), name), {force: true});
		}
	} catch {
		// Read-only or full disk: read afresh next time.
	}
}
