/**
 * The tar and .dockerignore packages, loaded on first use: nothing of them runs at start-up
 * (scripts/bundle.mjs keeps them out of dist/cli.js). They are CommonJS; Node hands their
 * module.exports over as the default export.
 */
import type {Ignore} from '@balena/dockerignore';
import type * as TarFs from 'tar-fs';
import type * as TarStream from 'tar-stream';

export type Dockerignore = (options?: {ignorecase?: boolean}) => Ignore;

export async function loadDockerignore(): Promise<Dockerignore> {
	const loaded = (await import('@balena/dockerignore')) as unknown as {default: Dockerignore | {default: Dockerignore}};
	return typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
}

export async function loadTarFs(): Promise<typeof TarFs> {
	const loaded = (await import('tar-fs')) as unknown as {default?: typeof TarFs} & typeof TarFs;
	return loaded.default ?? loaded;
}

export async function loadTarStream(): Promise<typeof TarStream> {
	const loaded = (await import('tar-stream')) as unknown as {default?: typeof TarStream} & typeof TarStream;
	return loaded.default ?? loaded;
}
