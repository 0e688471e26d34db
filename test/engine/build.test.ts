/** build (classic builder), image inspect and layers against the real engine. */
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {BuildError, EngineError, type BuildLine, type CopyProgress} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const fixture = 'berth-test/busybox:latest';
const SECRET = 'SECRET-OUTSIDE-THE-CONTEXT-7f3a';

let top: string;
let context: string;
/** Every build here labels its images with this, so intermediate images can be removed too. */
let label: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-build-'));
	context = path.join(top, 'context');
	mkdirSync(context);
	label = uniqueName('build');
});

afterEach(async () => {
	rmSync(top, {recursive: true, force: true});
	await resources.cleanup();
	const leftovers = await dockerCli(host, ['images', '-a', '-q', '--filter', `label=berth.test=${label}`]);
	const ids = [...new Set(leftovers.split('\n').filter(Boolean))];
	if (ids.length > 0) await dockerCli(host, ['rmi', '-f', ...ids]);
});

function write(relative: string, content: string): void {
	mkdirSync(path.dirname(path.join(context, relative)), {recursive: true});
	writeFileSync(path.join(context, relative), content);
}

function dockerfile(...instructions: string[]): string {
	return [`FROM ${fixture}`, `LABEL berth.test=${label}`, ...instructions].join('\n') + '\n';
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	const error = await promise.then(() => undefined, (failure: unknown) => failure);
	expect(error).toBeInstanceOf(EngineError);
	return error as EngineError;
}

describe('build', () => {
	it('builds from a context with RUN, COPY, ENV, WORKDIR, EXPOSE, CMD and a build arg; .dockerignore honoured', async () => {
		write('Dockerfile', dockerfile(
			'ARG VERSION=unset',
			'ENV GREETING=hello',
			'WORKDIR /app',
			'COPY . /app/',
			'RUN echo "built $GREETING $VERSION" > /app/built.txt',
			'EXPOSE 8080/tcp',
			'CMD ["cat", "/app/built.txt"]',
		));
		write('.dockerignore', 'ignored.txt\n*.log\n');
		write('app.txt', 'app');
		write('ignored.txt', 'should not be sent');
		write('debug.log', 'should not be sent');
		write('sub/nested.txt', 'nested');
		const repo = uniqueName('built');
		resources.image(`${repo}:v1`);
		resources.image(`${repo}:latest`);
		const lines: BuildLine[] = [];
		const result = await engine.images.build({contextDir: context, tags: [`${repo}:v1`, `${repo}:latest`], buildArgs: {VERSION: '1.2.3'}}, batch => lines.push(...batch));

		expect(result.imageId).toMatch(/^sha256:[\da-f]{64}$/);
		expect(result.tags).toEqual([`${repo}:v1`, `${repo}:latest`]);
		expect(result.context).toMatchObject({files: 4, ignored: 2, skipped: []});
		const steps = lines.filter(line => line.kind === 'step');
		expect(steps.map(line => line.step!.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(steps[0]!.step).toEqual({index: 1, total: 9, instruction: `FROM ${fixture}`});
		expect(lines.some(line => line.kind === 'running')).toBe(true);
		expect(lines.find(line => line.kind === 'built')?.id).toBe(result.imageId.slice(7, 19));
		expect(lines.filter(line => line.kind === 'tagged').map(line => line.tag)).toEqual([`${repo}:v1`, `${repo}:latest`]);

		const details = await engine.images.inspect(`${repo}:v1`);
		expect(details.id).toBe(result.imageId);
		expect(details.repoTags.sort()).toEqual([`${repo}:latest`, `${repo}:v1`]);
		expect(details.config).toMatchObject({cmd: ['cat', '/app/built.txt'], workingDir: '/app', exposedPorts: ['8080/tcp'], labels: {'berth.test': label}});
		expect(details.config.env).toContain('GREETING=hello');
		expect(details).toMatchObject({os: 'linux', architecture: expect.any(String)});
		expect(details.layers.length).toBeGreaterThanOrEqual(3);
		expect((details.raw as {Id?: string}).Id).toBe(result.imageId);

		const output = await dockerCli(host, ['run', '--rm', `${repo}:v1`, 'sh', '-c', 'cat /app/built.txt; ls -a /app /app/sub']);
		expect(output).toContain('built hello 1.2.3');
		expect(output).toContain('app.txt');
		expect(output).toContain('nested.txt');
		expect(output).not.toContain('ignored.txt');
		expect(output).not.toContain('debug.log');

		const again: BuildLine[] = [];
		const cached = await engine.images.build({contextDir: context, tags: [`${repo}:v1`], buildArgs: {VERSION: '1.2.3'}}, batch => again.push(...batch));
		expect(cached.imageId).toBe(result.imageId);
		expect(again.filter(line => line.kind === 'cache').length).toBeGreaterThan(0);
	});

	it('sends a symlink that points out of the context as a link: the target\'s content never reaches the image', async () => {
		writeFileSync(path.join(top, 'secret.txt'), SECRET);
		symlinkSync(path.join(top, 'secret.txt'), path.join(context, 'absolute-leak'));
		symlinkSync('../secret.txt', path.join(context, 'relative-leak'));
		write('Dockerfile', dockerfile('COPY . /ctx/'));
		const repo = uniqueName('symlink');
		resources.image(`${repo}:v1`);
		const result = await engine.images.build({contextDir: context, tags: [`${repo}:v1`]}, () => {});
		expect(result.context.symlinks).toBe(2);

		const listing = await dockerCli(host, ['run', '--rm', `${repo}:v1`, 'ls', '-l', '/ctx']);
		expect(listing).toMatch(/absolute-leak -> \/.*secret\.txt/);
		expect(listing).toMatch(/relative-leak -> \.\.\/secret\.txt/);
		const container = resources.container(await dockerCli(host, ['create', `${repo}:v1`, 'true']));
		const filesystem = await dockerCli(host, ['export', container]);
		expect(filesystem.length).toBeGreaterThan(100_000);
		expect(filesystem).not.toContain(SECRET);
	});

	it('rejects a failing step with the engine\'s message and that step, after its output', async () => {
		write('Dockerfile', dockerfile('RUN echo about to fail; exit 3', 'CMD ["true"]'));
		const lines: BuildLine[] = [];
		const error = await rejection(engine.images.build({contextDir: context, tags: [`${uniqueName('failing')}:v1`], forceRm: true}, batch => lines.push(...batch)));
		expect(error).toBeInstanceOf(BuildError);
		expect(error.code).toBe('server');
		expect(error.message).toBe("The command '/bin/sh -c echo about to fail; exit 3' returned a non-zero code: 3");
		expect((error as BuildError).step).toEqual({index: 3, total: 4, instruction: 'RUN echo about to fail; exit 3'});
		expect(lines.some(line => line.kind === 'output' && line.text === 'about to fail')).toBe(true);
	});

	it('rejects a Dockerfile the engine cannot parse (bad-request), and a context that is not there', async () => {
		write('Dockerfile', 'FRM nothing\n');
		const parse = await rejection(engine.images.build({contextDir: context}, () => {}));
		expect(parse).toBeInstanceOf(BuildError);
		expect(parse.code).toBe('bad-request');
		expect(parse.message).toContain('unknown instruction: FRM');

		const missing = await rejection(engine.images.build({contextDir: path.join(top, 'nope')}, () => {}));
		expect(missing.code).toBe('bad-request');
		expect(missing.message).toContain('no such directory');
	});

	it('uses a Dockerfile from outside the context', async () => {
		writeFileSync(path.join(top, 'Elsewhere.Dockerfile'), dockerfile('COPY app.txt /app.txt', 'CMD ["cat", "/app.txt"]'));
		write('app.txt', 'from the context');
		const repo = uniqueName('outside-dockerfile');
		resources.image(`${repo}:v1`);
		await engine.images.build({contextDir: context, dockerfile: path.join(top, 'Elsewhere.Dockerfile'), tags: [`${repo}:v1`]}, () => {});
		expect(await dockerCli(host, ['run', '--rm', `${repo}:v1`])).toBe('from the context');
	});

	it('reports the context upload against the bytes counted first (what .dockerignore leaves out is not counted)', async () => {
		write('Dockerfile', dockerfile('COPY a.bin /a.bin'));
		writeFileSync(path.join(context, 'a.bin'), Buffer.alloc(300_000, 1));
		writeFileSync(path.join(context, 'left-out.bin'), Buffer.alloc(500_000, 2));
		write('.dockerignore', 'left-out.bin\n');
		const repo = uniqueName('upload');
		resources.image(`${repo}:v1`);
		const sent: CopyProgress[] = [];
		await engine.images.build({contextDir: context, tags: [`${repo}:v1`]}, () => {}, undefined, progress => sent.push(progress));
		const total = 300_000 + Buffer.byteLength(dockerfile('COPY a.bin /a.bin')) + Buffer.byteLength('left-out.bin\n');
		expect(sent.at(-1)).toMatchObject({bytes: total, total});
	});

	it('a cancel while the context is being sent: the engine builds nothing and keeps nothing of it', async () => {
		write('Dockerfile', dockerfile('COPY big.bin /big.bin'));
		writeFileSync(path.join(context, 'big.bin'), Buffer.alloc(64_000_000, 3));
		const repo = uniqueName('cancelled');
		resources.image(`${repo}:v1`);
		// As sets: the engine lists images made in the same second in no fixed order.
		const ids = async (args: string[]) => (await dockerCli(host, args)).split('\n').sort().join('\n');
		const imagesBefore = await ids(['images', '-a', '-q']);
		const containersBefore = await ids(['ps', '-a', '-q']);
		const controller = new AbortController();
		const error = await rejection(engine.images.build({contextDir: context, tags: [`${repo}:v1`]}, () => {}, controller.signal, progress => {
			if (progress.bytes > 8_000_000) controller.abort();
		}));
		expect(error.code).toBe('aborted');
		expect(await ids(['images', '-a', '-q'])).toBe(imagesBefore);
		expect(await ids(['ps', '-a', '-q'])).toBe(containersBefore);
	});
});

describe('image layers', () => {
	it('gives each step its layer and size, and says which layers other images share', async () => {
		write('Dockerfile', dockerfile('RUN head -c 50000 /dev/urandom > /blob', 'ENV X=1'));
		const repo = uniqueName('layers');
		resources.image(`${repo}:v1`);
		const {imageId} = await engine.images.build({contextDir: context, tags: [`${repo}:v1`]}, () => {});
		const layers = await engine.images.layers(`${repo}:v1`);
		const details = await engine.images.inspect(imageId);
		expect(layers.id).toBe(imageId);
		expect(layers.size).toBe(details.size);

		const withLayer = layers.layers.filter(layer => layer.diffId);
		expect(withLayer.map(layer => layer.diffId)).toEqual([...details.layers].reverse());
		const base = withLayer.at(-1)!;
		expect(base.sharedWith).toContain(fixture);
		const blob = layers.layers.find(layer => layer.createdBy.includes('/blob'))!;
		expect(blob.size).toBeGreaterThanOrEqual(50_000);
		expect(blob.sharedWith).toEqual([]);
		expect(layers.layers.find(layer => layer.createdBy.includes('ENV X=1'))?.diffId).toBeUndefined();
		expect(layers.sharedSize).toBe(base.size);
		expect(layers.uniqueSize).toBe(layers.size - base.size);
	});
});
