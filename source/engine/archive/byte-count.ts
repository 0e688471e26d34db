/**
 * What cp in and a build's context upload share for their progress: the bytes to send, counted
 * before packing (a walk of lstat calls, nothing read), and the bytes of each file as tar-fs
 * reads them.
 */
import {lstatSync, readdirSync, type Stats} from 'node:fs';
import path from 'node:path';
import {Transform} from 'node:stream';
import type {CopyProgress} from '../lifecycle-types.js';

/** The bytes of the regular files at and below `absolute`, links not followed; `leftOut` says what the walk skips. */
export function countBytes(absolute: string, leftOut: (absolute: string, stat: Stats) => boolean = () => false): number {
	let stat: Stats;
	try {
		stat = lstatSync(absolute);
	} catch {
		return 0;
	}

	if (stat.isFile()) return stat.size;
	if (!stat.isDirectory()) return 0;
	let names: string[];
	try {
		names = readdirSync(absolute);
	} catch {
		return 0;
	}

	let total = 0;
	for (const name of names) {
		const child = path.join(absolute, name);
		let childStat: Stats;
		try {
			childStat = lstatSync(child);
		} catch {
			continue;
		}

		if (!leftOut(child, childStat)) total += countBytes(child, leftOut);
	}

	return total;
}

/** tar-fs's mapStream: passes a file's bytes on, adding them to `progress` and reporting it after each piece. */
export function countingStream(progress: CopyProgress, onProgress?: (progress: CopyProgress) => void) {
	return <S extends NodeJS.ReadableStream>(stream: S): S => {
		const counted = new Transform({
			transform(chunk: Buffer, _encoding, next) {
				progress.bytes += chunk.length;
				onProgress?.({...progress});
				next(null, chunk);
			},
		});
		stream.on('error', (error: Error) => counted.destroy(error));
		return stream.pipe(counted) as unknown as S;
	};
}
