/**
 * The rules an archive entry must pass before berth writes anything for it on the host. Pure:
 * names and links are judged as text, so a hostile archive is refused without touching the disk.
 *
 * - a name must stay inside the destination: no absolute path, no ".." part, no NUL;
 * - no part of a name may be longer than the host allows (255 bytes, NAME_MAX on Linux and macOS);
 * - only files, directories, symbolic links and hard links are written (no devices, fifos, …);
 * - a symbolic link must be relative and point inside the destination, judged from the
 *   directory it is in (link-rules.ts then reads it through the links already written);
 * - a hard link must name an entry of the same archive (checked against what was written).
 */
import path from 'node:path';
import type {ArchiveEntryKind} from '../lifecycle-types.js';

export type EntryVerdict =
	| {ok: true; name: string; kind: ArchiveEntryKind; linkTarget?: string}
	| {ok: false; reason: string}
	/** The archive's own root ("./"): nothing to write. */
	| {ok: 'skip'};

/** "./a//b/" → "a/b"; undefined when the name leaves the destination or is not a name at all. */
export function normaliseEntryName(name: string): string | undefined {
	if (name.includes('\0')) return undefined;
	if (name.startsWith('/')) return undefined;
	const parts: string[] = [];
	for (const part of name.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') return undefined;
		parts.push(part);
	}

	return parts.join('/');
}

/** True when a symlink at `name` (normalised) with `target` resolves inside the destination. */
export function symlinkStaysInside(name: string, target: string): boolean {
	if (!target || target.includes('\0') || path.posix.isAbsolute(target)) return false;
	const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(name), target));
	return resolved !== '..' && !resolved.startsWith('../') && !path.posix.isAbsolute(resolved);
}

/** The longest name one directory entry can have on the host, in bytes. */
const NAME_MAX = 255;

/** The first part of a normalised name longer than the host allows, if any. */
function overlongPart(name: string): string | undefined {
	return name.split('/').find(part => Buffer.byteLength(part) > NAME_MAX);
}

const refusedTypes: Record<string, string> = {
	'character-device': 'device files are not copied',
	'block-device': 'device files are not copied',
	fifo: 'fifos are not copied',
};

/** Judges one tar header (tar-stream's fields). */
export function judgeEntry(header: {name: string; type?: string | null; linkname?: string | null}): EntryVerdict {
	const name = normaliseEntryName(header.name);
	if (name === undefined) {
		return {ok: false, reason: header.name.startsWith('/') ? 'absolute path: it would land outside the destination' : 'the name leaves the destination (".." or NUL)'};
	}

	const type = header.type ?? 'file';
	if (name === '') return type === 'directory' ? {ok: 'skip'} : {ok: false, reason: 'the entry has no name'};
	const overlong = overlongPart(name);
	if (overlong !== undefined) return {ok: false, reason: `a part of the name is ${Buffer.byteLength(overlong)} bytes long: the host allows ${NAME_MAX} bytes`};
	if (type in refusedTypes) return {ok: false, reason: refusedTypes[type]!};
	if (type === 'file' || type === 'contiguous-file') return {ok: true, name, kind: 'file'};
	if (type === 'directory') return {ok: true, name, kind: 'directory'};
	if (type === 'symlink') {
		const target = header.linkname ?? '';
		if (!symlinkStaysInside(name, target)) return {ok: false, reason: `symbolic link to ${JSON.stringify(target)} points outside the destination`};
		return {ok: true, name, kind: 'symlink', linkTarget: target};
	}

	if (type === 'link') {
		const target = normaliseEntryName(header.linkname ?? '');
		if (!target) return {ok: false, reason: `hard link to ${JSON.stringify(header.linkname ?? '')} points outside the destination`};
		return {ok: true, name, kind: 'hardlink', linkTarget: target};
	}

	return {ok: false, reason: `entries of type ${type} are not copied`};
}
