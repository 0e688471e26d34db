/** The build context berth sends, and the classic builder's output as lines. */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {packBuildContext, parseDockerignore} from '../../source/engine/archive/build-context.js';
import {BuildOutputParser} from '../../source/engine/images/build-output.js';
import {resolveBuildArgs} from '../../source/engine/images/build.js';
import {readTar} from '../support/tar.js';

let top: string;
let context: string;

beforeEach(() => {
	top = mkdtempSync(path.join(tmpdir(), 'berth-context-'));
	context = path.join(top, 'ctx');
	mkdirSync(context);
});

afterEach(() => {
	rmSync(top, {recursive: true, force: true});
});

function write(relative: string, content = relative): void {
	mkdirSync(path.dirname(path.join(context, relative)), {recursive: true});
	writeFileSync(path.join(context, relative), content);
}

async function sent(dockerfile?: string) {
	const packed = await packBuildContext(context, dockerfile);
	const chunks: Buffer[] = [];
	const ended = new Promise(resolve => {
		packed.stream.on('end', resolve);
	});
	packed.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	const summary = await packed.done;
	await ended;
	const entries = await readTar(Buffer.concat(chunks));
	return {packed, summary, entries, names: entries.map(entry => entry.name.replace(/\/$/, '')).filter(name => name !== '.').sort()};
}

describe('parseDockerignore', () => {
	it('reads patterns as Docker does', () => {
		expect(parseDockerignore('\uFEFF# comment\n  *.log  \n\n!keep.log\n/abs/path\nsub/../other/\n! spaced\n')).toEqual(['*.log', '!keep.log', 'abs/path', 'other', '!spaced']);
	});
});

describe('packBuildContext', () => {
	it('leaves out what .dockerignore excludes, keeps exceptions, and always sends the Dockerfile and .dockerignore', async () => {
		write('Dockerfile', 'FROM scratch\n');
		write('.dockerignore', '*.log\n!keep.log\nsecret\nbuild\n!build/keep\nDockerfile\n.dockerignore\n');
		write('app.txt');
		write('debug.log');
		write('keep.log');
		write('secret/key');
		write('build/drop');
		write('build/keep');
		write('src/main.c');
		const {summary, names} = await sent();
		expect(names).toEqual(['.dockerignore', 'Dockerfile', 'app.txt', 'build', 'build/keep', 'keep.log', 'src', 'src/main.c']);
		expect(summary).toMatchObject({files: 6, directories: 2, symlinks: 0, ignored: 3, skipped: []});
	});

	it('sends a symlink as a link, never what it points to outside the context', async () => {
		writeFileSync(path.join(top, 'outside-secret.txt'), 'TOP-SECRET-CONTENT');
		write('Dockerfile', 'FROM scratch\n');
		symlinkSync(path.join(top, 'outside-secret.txt'), path.join(context, 'absolute-link'));
		symlinkSync('../outside-secret.txt', path.join(context, 'relative-link'));
		symlinkSync(top, path.join(context, 'dir-link'));
		const {entries, summary} = await sent();
		expect(entries.filter(entry => entry.type === 'symlink').map(entry => [entry.name, entry.linkname]).sort()).toEqual([
			['absolute-link', path.join(top, 'outside-secret.txt')],
			['dir-link', top],
			['relative-link', '../outside-secret.txt'],
		]);
		expect(entries.some(entry => entry.content.includes('TOP-SECRET'))).toBe(false);
		expect(summary.symlinks).toBe(3);
	});

	it('leaves out sockets, fifos and devices and names them', async () => {
		write('Dockerfile');
		execFileSync('mkfifo', [path.join(context, 'pipe')]);
		const {names, summary} = await sent();
		expect(names).toEqual(['Dockerfile']);
		expect(summary.skipped).toEqual(['pipe']);
	});

	it('sends a Dockerfile from outside the context under a private name, and one inside under its path', async () => {
		write('app.txt');
		writeFileSync(path.join(top, 'Other.Dockerfile'), 'FROM scratch\nCOPY app.txt /\n');
		const outside = await sent(path.join(top, 'Other.Dockerfile'));
		expect(outside.packed.dockerfile).toMatch(/^\.dockerfile\.[\da-f]{20}$/);
		expect(outside.entries.find(entry => entry.name === outside.packed.dockerfile)?.content).toBe('FROM scratch\nCOPY app.txt /\n');

		write('docker/Dockerfile.dev', 'FROM scratch\n');
		const inside = await sent('docker/Dockerfile.dev');
		expect(inside.packed.dockerfile).toBe('docker/Dockerfile.dev');
	});

	it('refuses a missing context or Dockerfile with a plain reason', async () => {
		await expect(packBuildContext(path.join(top, 'nope'))).rejects.toThrow(/no such directory/);
		await expect(packBuildContext(context)).rejects.toThrow(/cannot read the Dockerfile .*Dockerfile: no such file/);
	});
});

describe('resolveBuildArgs', () => {
	it('takes a bare NAME from the environment, as --build-arg NAME does, and drops it when unset', () => {
		expect(resolveBuildArgs({A: '1', FROM_ENV: undefined, UNSET: undefined}, {FROM_ENV: 'env-value'})).toEqual({A: '1', FROM_ENV: 'env-value'});
	});
});

describe('BuildOutputParser', () => {
	it('joins the stream, splits lines and classifies them with their step', () => {
		const parser = new BuildOutputParser();
		const lines = [
			{stream: 'Step 1/3 : FROM base'},
			{stream: '\n'},
			{stream: ' ---> 0e0d4b4deea4\n'},
			{stream: 'Step 2/3 : RUN echo out'},
			{stream: '\n ---> Running in 2f9e4dc9ff25\n'},
			{stream: 'out\n'},
			{stream: 'Removing intermediate container 2f9e4dc9ff25\n ---> f0c40aba9b50\n'},
			{stream: 'Step 3/3 : ENV A=1\n ---> Using cache\n ---> 01714a2c3c32\n'},
			{aux: {ID: 'sha256:01714a2c3c32c6dd22733f2ea894247779049f17ea7091997b030c382884e5e8'}},
			{stream: 'Successfully built 01714a2c3c32\n'},
			{stream: 'Successfully tagged x:1\n'},
		].flatMap(message => parser.push(message));
		expect(lines.map(line => [line.kind, line.step?.index, line.id ?? line.tag])).toEqual([
			['step', 1, undefined],
			['layer', 1, '0e0d4b4deea4'],
			['step', 2, undefined],
			['running', 2, '2f9e4dc9ff25'],
			['output', 2, undefined],
			['removing', 2, '2f9e4dc9ff25'],
			['layer', 2, 'f0c40aba9b50'],
			['step', 3, undefined],
			['cache', 3, undefined],
			['layer', 3, '01714a2c3c32'],
			['built', 3, '01714a2c3c32'],
			['tagged', 3, 'x:1'],
		]);
		expect(lines[2]!.step).toEqual({index: 2, total: 3, instruction: 'RUN echo out'});
		expect(parser.imageId).toBe('sha256:01714a2c3c32c6dd22733f2ea894247779049f17ea7091997b030c382884e5e8');
	});

	it('keeps the error and the step it happened in, and the output before it', () => {
		const parser = new BuildOutputParser();
		parser.push({stream: 'Step 4/4 : RUN false\n'});
		const last = parser.push({stream: 'partial line without newline'});
		expect(last).toEqual([]);
		const atError = parser.push({errorDetail: {code: 1, message: "The command '/bin/sh -c false' returned a non-zero code: 1"}, error: 'ignored'});
		expect(atError.map(line => line.text)).toEqual(['partial line without newline']);
		expect(parser.error).toBe("The command '/bin/sh -c false' returned a non-zero code: 1");
		expect(parser.step).toEqual({index: 4, total: 4, instruction: 'RUN false'});
	});

	it('shows base image pull statuses, not their byte counts', () => {
		const parser = new BuildOutputParser();
		expect(parser.push({status: 'Pulling from bb', id: 'v1'})).toMatchObject([{kind: 'output', text: 'v1: Pulling from bb'}]);
		expect(parser.push({status: 'Downloading', progressDetail: {current: 5, total: 10}, id: 'abc'})).toEqual([]);
	});
});
