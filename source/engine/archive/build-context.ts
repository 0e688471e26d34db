/**
 * The build context as the docker CLI sends it: a tar of the context directory without what
 * `.dockerignore` excludes (matched by @balena/dockerignore, a port of Docker's own matcher),
 * packed by tar-fs (the two packages dockerode builds its contexts with; loaded when a build
 * starts). As the CLI does:
 *
 * - `.dockerignore` and the Dockerfile are sent even when a pattern excludes them;
 * - an excluded directory is still walked when an exception ("!dir/keep") may match inside it
 *   (berth then sends the directory's own entry too, which the CLI leaves out: harmless);
 * - a Dockerfile outside the context goes in under a private name;
 * - symbolic links are sent as links, never followed: a link pointing out of the context sends
 *   its target's path, not its content;
 * - owners are root (the builder ignores them for COPY without --chown).
 *
 * Sockets, fifos and devices are left out and named in the summary. The bytes to send are counted
 * first (a walk of lstat calls with the same rules, nothing read), so the upload shows a percentage.
 */
import {randomBytes} from 'node:crypto';
import {lstatSync, type Stats} from 'node:fs';
import {lstat, readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Pack} from 'tar-stream';
import type {BuildContextSummary, CopyProgress} from '../lifecycle-types.js';
import {ArchiveError} from './archive-error.js';
import {countBytes, countingStream} from './byte-count.js';
import {loadDockerignore, loadTarFs} from './lazy-modules.js';

export interface PackedContext {
	/** The tar, to send as the request body. */
	stream: NodeJS.ReadableStream;
	/** Bytes of file contents it carries (counted before packing). */
	total: number;
	/** The Dockerfile's name inside the tar. */
	dockerfile: string;
	/** Settles when everything is packed: what was sent, or why packing failed. */
	done: Promise<BuildContextSummary>;
}

/** .dockerignore lines as Docker reads them: comments and blanks dropped, trimmed, cleaned, no leading "/". */
export function parseDockerignore(text: string): string[] {
	const patterns: string[] = [];
	for (const [index, raw] of text.split(/\r?\n/).entries()) {
		const line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
		if (line.startsWith('#')) continue;
		let pattern = line.trim();
		if (!pattern) continue;
		const invert = pattern.startsWith('!');
		if (invert) pattern = pattern.slice(1).trim();
		if (pattern) {
			pattern = path.posix.normalize(pattern).replace(/(?<=.)\/$/, '');
			if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
		}

		patterns.push(invert ? `!${pattern}` : pattern);
	}

	return patterns;
}

/** Where the Dockerfile is: its name in the tar, and its host path when it lies outside the context. */
export function locateDockerfile(contextDir: string, dockerfile?: string): {inContext?: string; outside?: string} {
	const absolute = path.resolve(contextDir, dockerfile ?? 'Dockerfile');
	const relative = path.relative(contextDir, absolute);
	if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return {inContext: relative.split(path.sep).join('/')};
	return {outside: absolute};
}

export async function packBuildContext(contextDir: string, dockerfile?: string, onProgress?: (progress: CopyProgress) => void): Promise<PackedContext> {
	const root = path.resolve(contextDir);
	const rootStat = await lstat(root).catch((error: NodeJS.ErrnoException) => {
		throw new ArchiveError(`cannot use ${root} as the build context: ${error.code === 'ENOENT' ? 'no such directory' : error.message}`, {cause: error});
	});
	if (!rootStat.isDirectory()) throw new ArchiveError(`the build context ${root} is not a directory`);

	const located = locateDockerfile(root, dockerfile);
	const dockerfilePath = located.outside ?? path.join(root, located.inContext!);
	let dockerfileContent: Buffer | undefined;
	try {
		const stat = await lstat(dockerfilePath);
		if (!stat.isFile() && !stat.isSymbolicLink()) throw new ArchiveError(`the Dockerfile ${dockerfilePath} is not a file`);
		if (located.outside) dockerfileContent = await readFile(dockerfilePath);
	} catch (error) {
		if (error instanceof ArchiveError) throw error;
		throw new ArchiveError(`cannot read the Dockerfile ${dockerfilePath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {cause: error});
	}

	const patterns = await readFile(path.join(root, '.dockerignore'), 'utf8').then(parseDockerignore, () => [] as string[]);
	const dockerignore = await loadDockerignore();
	const tarFs = await loadTarFs();
	const matcher = dockerignore({ignorecase: false}).add(patterns);
	// The CLI's TrimBuildFilesFromExcludes: these two are always sent.
	if (matcher.ignores('.dockerignore')) matcher.add('!.dockerignore');
	if (located.inContext && matcher.ignores(located.inContext)) matcher.add(`!${located.inContext}`);
	const exceptions = patterns.filter(pattern => pattern.startsWith('!')).map(pattern => pattern.slice(1));

	const summary: BuildContextSummary = {files: 0, directories: 0, symlinks: 0, bytes: 0, ignored: 0, skipped: []};
	const inTar = located.inContext ?? `.dockerfile.${randomBytes(10).toString('hex')}`;
	let settle!: {resolve: (summary: BuildContextSummary) => void; reject: (error: Error) => void};
	const done = new Promise<BuildContextSummary>((resolve, reject) => {
		settle = {resolve, reject};
	});
	done.catch(() => {});

	/** Why the walk leaves a path out, or undefined. */
	const leaveOut = (absolute: string, stat: Stats): 'ignored' | 'skipped' | undefined => {
		const relative = path.relative(root, absolute).split(path.sep).join('/');
		if (matcher.ignores(relative)) {
			const walkInto = stat.isDirectory() && exceptions.some(exception => `${exception}/`.startsWith(`${relative}/`));
			if (!walkInto) return 'ignored';
		}

		return stat.isFile() || stat.isDirectory() || stat.isSymbolicLink() ? undefined : 'skipped';
	};

	const ignore = (absolute: string): boolean => {
		let stat: Stats;
		try {
			stat = lstatSync(absolute);
		} catch {
			return false; // tar-fs reports it
		}

		const why = leaveOut(absolute, stat);
		if (why === 'ignored') summary.ignored++;
		else if (why === 'skipped') summary.skipped.push(path.relative(root, absolute).split(path.sep).join('/'));
		return why !== undefined;
	};

	const total = countBytes(root, (absolute, stat) => leaveOut(absolute, stat) !== undefined) + (dockerfileContent?.length ?? 0);
	const progress: CopyProgress = {bytes: 0, total, entries: 0};

	const pack = tarFs.pack(root, {
		ignore,
		strict: true,
		finalize: false,
		map(header) {
			Object.assign(header, {uid: 0, gid: 0, uname: '', gname: ''});
			if (header.type === 'file') {
				summary.files++;
				summary.bytes += header.size;
			} else if (header.type === 'directory' && header.name !== '.') {
				summary.directories++;
			} else if (header.type === 'symlink') {
				summary.symlinks++;
			}

			progress.entries++;
			progress.current = header.name;
			return header;
		},
		mapStream: countingStream(progress, onProgress),
		finish(finished: Pack) {
			if (dockerfileContent) {
				finished.entry({name: inTar, size: dockerfileContent.length, mode: 0o644, mtime: new Date(), uid: 0, gid: 0}, dockerfileContent);
				progress.bytes += dockerfileContent.length;
				onProgress?.({...progress});
			}

			finished.finalize();
			settle.resolve(summary);
		},
	}) as unknown as Pack;
	pack.on('error', (error: Error) => {
		settle.reject(new ArchiveError(`cannot pack the build context: ${error.message}`, {cause: error}));
	});

	return {stream: pack, total, dockerfile: inTar, done};
}
