/**
 * `docker build` with the classic builder (POST /build, what `DOCKER_BUILDKIT=0 docker build`
 * sends): the context packed on berth's side (source/engine/archive/build-context.ts), the builder's
 * output as lines, the new image's id at the end. A failing step rejects with a BuildError
 * carrying the engine's message and that step. Intermediate containers are removed (rm=1, the
 * CLI's default); the failing step's container stays unless `forceRm`, as with the CLI.
 */
import {ArchiveError} from '../archive/archive-error.js';
import {packBuildContext} from '../archive/build-context.js';
import type {ApiClient} from '../transport/api-client.js';
import {BuildError, EngineError, type BuildLine, type BuildOptions, type BuildResult, type CopyProgress} from '../types.js';
import {BuildOutputParser} from './build-output.js';
import {contextOf} from '../transport/client-context.js';
import {encodeRegistryConfig} from './credentials.js';
import {openRequest, readJsonLines} from '../transport/stream-request.js';

/** Build args as the CLI sends them: a NAME without a value takes berth's environment, or is left out. */
export function resolveBuildArgs(args: Record<string, string | undefined> = {}, env: Record<string, string | undefined> = process.env): Record<string, string> {
	const resolved: Record<string, string> = {};
	for (const [name, value] of Object.entries(args)) {
		const actual = value ?? env[name];
		if (actual !== undefined) resolved[name] = actual;
	}

	return resolved;
}

export async function build(client: ApiClient, options: BuildOptions, onOutput: (lines: BuildLine[]) => void, signal?: AbortSignal, onUpload?: (progress: CopyProgress) => void): Promise<BuildResult> {
	const context = contextOf(client);
	let packed;
	try {
		packed = await packBuildContext(options.contextDir, options.dockerfile, onUpload);
	} catch (error) {
		if (error instanceof ArchiveError) throw new EngineError('bad-request', error.message, {cause: error});
		throw error;
	}

	const tags = options.tags ?? [];
	const headers: Record<string, string> = {'Content-Type': 'application/x-tar'};
	const saved = context.session.all();
	if (saved.length > 0) headers['X-Registry-Config'] = encodeRegistryConfig(saved);
	const parser = new BuildOutputParser();
	let packError: unknown;
	packed.done.catch((error: unknown) => {
		packError = error;
	});
	const fail = (error: unknown): never => {
		// A context that could not be read breaks the upload: say that, not "connection dropped".
		if (packError instanceof ArchiveError) throw new EngineError('bad-request', packError.message, {cause: packError});
		if (error instanceof BuildError || !(error instanceof EngineError) || error.code === 'aborted') throw error;
		throw new BuildError(error.code === 'bad-request' ? 'bad-request' : error.code, error.message, parser.step, {statusCode: error.statusCode, cause: error});
	};

	try {
		const response = await openRequest(client, {
			method: 'POST',
			path: '/build',
			query: {
				t: tags.length > 0 ? tags : undefined,
				dockerfile: packed.dockerfile,
				buildargs: resolveBuildArgs(options.buildArgs, context.processEnv),
				labels: options.labels && Object.keys(options.labels).length > 0 ? options.labels : undefined,
				target: options.target || undefined,
				nocache: options.noCache || undefined,
				pull: options.pull || undefined,
				rm: true,
				forcerm: options.forceRm || undefined,
			},
			headers,
			file: packed.stream,
			signal,
		});
		await readJsonLines(client, response, message => {
			const lines = parser.push(message);
			if (lines.length > 0) onOutput(lines);
			if (parser.error !== undefined) throw new BuildError('server', parser.error, parser.step);
		}, signal);
	} catch (error) {
		// The upload may still be going (a cancel, a refusal before the end): stop reading the context.
		(packed.stream as unknown as {destroy(): void}).destroy();
		fail(error);
	}

	const rest = parser.flush();
	if (rest.length > 0) onOutput(rest);
	if (!parser.imageId) throw new BuildError('unknown', 'The engine ended the build without naming the image it built', parser.step);
	return {imageId: parser.imageId, tags, context: await packed.done};
}
