/**
 * Prune previews against what the engine then removes. Prune removes everything unused on an
 * engine, so these run on a private dockerd of their own (not the suite's shared one).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {systemPruneTargets} from '../../source/format/prune-choices.js';
import type {Engine, PrunePlan, PruneReport, PruneTarget} from '../../source/engine/types.js';
import {dockerCli, ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from '../support/dockerd.js';

const fixture = 'berth-test/busybox:latest';
let daemon: PrivateDockerd;
let engine: Engine;
let docker: (args: string[]) => Promise<string>;
const ids: Record<string, string> = {};

/** What a plan or report names, per kind, sorted (images only untagged are listed apart). */
function summary(items: PrunePlan['items'] | PruneReport['removed']): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const item of items) (out[item.action === 'untag' ? 'untagged-image' : item.kind] ??= []).push(item.id);
	for (const list of Object.values(out)) list.sort();
	return out;
}

async function previewThenPrune(targets: PruneTarget[], labels?: string[]): Promise<{plan: PrunePlan; report: PruneReport}> {
	const plan = await engine.system.previewPrune(targets, {labels});
	const report = await engine.system.prune(targets, {labels});
	return {plan, report};
}

async function build(tag: string, dockerfile: string): Promise<string> {
	const context = mkdtempSync(path.join(tmpdir(), 'berth-prune-ctx-'));
	try {
		writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
		await dockerCli(daemon.host, ['build', '-q', '-t', tag, context], {timeoutMs: 120_000});
		return await docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
	} finally {
		rmSync(context, {recursive: true, force: true});
	}
}

beforeAll(async () => {
	daemon = await startPrivateDockerd();
	await ensureFixtureImage(daemon.host);
	engine = createDockerEngine(resolveEndpoint({host: daemon.host, env: {}, homedir: tmpdir()}));
	docker = async args => dockerCli(daemon.host, args);

	ids.fixture = await docker(['image', 'inspect', '--format', '{{.Id}}', fixture]);
	// Images: app (built on the fixture, so the fixture is its parent) used by a running
	// container; spare, tagged and unused; two commits to one tag leave the first dangling.
	ids.app = await build('app:1', `FROM ${fixture}\nRUN echo app > /app\n`);
	ids.spare = await build('spare:1', `FROM ${fixture}\nRUN head -c 30000 /dev/urandom > /spare\n`);
	await docker(['run', '--name', 'committer', fixture, 'sh', '-c', 'head -c 20000 /dev/urandom > /one']);
	ids.dangling = await docker(['commit', 'committer', 'committed:1']);
	await docker(['run', '--name', 'committer2', fixture, 'sh', '-c', 'head -c 25000 /dev/urandom > /two']);
	ids.committed = await docker(['commit', 'committer2', 'committed:1']);
	await docker(['rm', 'committer', 'committer2']);

	// Networks and volumes.
	for (const network of ['net-unused', 'net-stopped', 'net-running']) ids[network] = await docker(['network', 'create', network]);
	for (const volume of ['vol-unused', 'vol-stopped', 'vol-running']) await docker(['volume', 'create', volume]);
	await docker(['run', '--rm', '-v', 'vol-unused:/v', fixture, 'sh', '-c', 'head -c 12345 /dev/urandom > /v/data']);

	// Containers.
	ids.running = await docker(['run', '-d', '--name', 'running', '--network', 'net-running', '-v', 'vol-running:/v', 'app:1', 'sleep', '300']);
	await docker(['run', '--name', 'exited', '--network', 'net-stopped', '-v', 'vol-stopped:/v', '-v', '/anonymous', '--label', 'prune.me=yes', fixture, 'sh', '-c', 'head -c 10000 /dev/urandom > /written']);
	ids.exited = await docker(['inspect', '--format', '{{.Id}}', 'exited']);
	ids.created = await docker(['create', '--name', 'created', 'committed:1', 'true']);
	ids.anonymous = await docker(['inspect', '--format', '{{range .Mounts}}{{if eq .Destination "/anonymous"}}{{.Name}}{{end}}{{end}}', 'exited']);
}, 240_000);

afterAll(async () => {
	await daemon?.stop();
});

describe('prune previews equal what the engine removes', () => {
	it('networks: unused and used only by stopped containers; never predefined or with a running container', async () => {
		const {plan, report} = await previewThenPrune(['networks']);
		expect(summary(plan.items)).toEqual({network: [ids['net-stopped']!, ids['net-unused']!].sort()});
		expect(summary(report.removed)).toEqual(summary(plan.items));
		expect(report.removed.map(item => item.name).sort()).toEqual(['net-stopped', 'net-unused']);
	});

	it('volumes: every local volume no container refers to, named ones included (API 1.41)', async () => {
		const {plan, report} = await previewThenPrune(['volumes']);
		expect(summary(plan.items)).toEqual({volume: ['vol-unused']});
		expect(plan.space).toBeGreaterThanOrEqual(12_345);
		expect(summary(report.removed)).toEqual(summary(plan.items));
		expect(report.spaceReclaimed).toBe(plan.space);
	});

	it('dangling images: the untagged commit; space as the engine counts it', async () => {
		const {plan, report} = await previewThenPrune(['dangling-images']);
		expect(summary(plan.items)).toEqual({image: [ids.dangling!]});
		expect(plan.space).toBeGreaterThanOrEqual(20_000);
		expect(summary(report.removed)).toEqual(summary(plan.items));
		expect(report.spaceReclaimed).toBe(plan.space);
		expect(report.counts).toEqual(plan.counts);
	});

	it('containers with a label filter: only the labelled stopped one', async () => {
		const {plan, report} = await previewThenPrune(['containers'], ['prune.me=yes']);
		expect(summary(plan.items)).toEqual({container: [ids.exited!]});
		expect(plan.items[0]).toMatchObject({name: 'exited', size: expect.any(Number)});
		expect(plan.space).toBeGreaterThanOrEqual(10_000);
		expect(summary(report.removed)).toEqual(summary(plan.items));
		expect(report.spaceReclaimed).toBe(plan.space);
	});

	it('system prune -a --volumes: containers first, then what they freed; a base image under a used one is only untagged', async () => {
		const targets = systemPruneTargets({all: true, volumes: true});
		expect(targets).toEqual(['containers', 'networks', 'volumes', 'unused-images', 'all-build-cache']);
		const {plan, report} = await previewThenPrune(targets);
		const expected = summary(plan.items);
		expect(expected.container).toEqual([ids.created!]);
		expect(expected.volume).toEqual([ids.anonymous!, 'vol-stopped'].sort());
		// committed:1 goes with the created container gone; spare was never used; the fixture
		// (the parent of app:1, which a running container uses) loses its tag and stays.
		expect(expected.image).toEqual(expect.arrayContaining([ids.committed!, ids.spare!]));
		expect(expected.image).not.toContain(ids.app);
		expect(expected['untagged-image']).toEqual([ids.fixture!]);
		expect(plan.items.find(item => item.id === ids.fixture)).toMatchObject({untagged: [fixture], action: 'untag'});
		expect(expected['build-cache']).toBeUndefined();

		expect(summary(report.removed)).toEqual(expected);
		expect(report.counts).toEqual(plan.counts);
		expect(report.spaceReclaimed).toBe(plan.space);
		const left = await docker(['images', '-a', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']);
		expect(left).toContain(ids.fixture!.slice(7, 19));
		expect(left).not.toContain(fixture);
		expect(await docker(['ps', '-aq'])).toBe(ids.running!.slice(0, 12));
	});

	it('a second prune finds nothing, and says so before and after', async () => {
		const {plan, report} = await previewThenPrune(systemPruneTargets({all: true, volumes: true}));
		expect(plan.items).toEqual([]);
		expect(plan.space).toBe(0);
		expect(report.removed).toEqual([]);
		expect(report.spaceReclaimed).toBe(0);
	});
});
