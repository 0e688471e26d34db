/**
 * End to end: the real App, rendered with ink-testing-library, on the real private engine.
 * Each test makes its own containers, selects them with the filter, presses the keys a user
 * would press, and then asks the engine (through the docker CLI) what happened.
 */
import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {dockerCli} from '../support/dockerd.js';
import {BACKSPACE, ENTER} from '../support/keys.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

const host = inject('dockerHost');
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';
let app: RenderedApp | undefined;

afterEach(async () => {
	app?.unmount();
	app = undefined;
	await resources.cleanup();
});

async function run(prefix: string, command: string[]): Promise<{id: string; name: string}> {
	const name = uniqueName(prefix);
	const id = resources.container(await dockerCli(host, ['run', '-d', '--name', name, image, ...command]));
	return {id, name};
}

async function inspect(id: string, format: string): Promise<string> {
	return dockerCli(host, ['inspect', '--format', format, id]);
}

/** Renders berth on the real engine and narrows the containers list to one name. */
async function openOn(name: string): Promise<RenderedApp> {
	const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
	const rendered = await renderApp(engine, {columns: 160, now: () => new Date()});
	await rendered.waitFor(name, 10_000);
	await rendered.press('/', name, ENTER);
	await rendered.waitFor(f => f.includes(`filter: ${name}`));
	return rendered;
}

describe('berth on a real engine', () => {
	it('s stops a container gracefully (SIGTERM honoured: exit 143)', async () => {
		const {id, name} = await run('e2e-stop', ['sh', '-c', 'trap "exit 143" TERM; echo trap-ready; while true; do sleep 0.2; done']);
		// A SIGTERM before the trap is set would be ignored by PID 1.
		await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('trap-ready'), 'the trap to be set');
		app = await openOn(name);
		await app.press('s');
		await app.waitFor(`Stopped ${name}`, 20_000);
		expect(await inspect(id, '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 143');
		await app.waitFor('exited (143)', 10_000);
	}, 40_000);

	it('K then y kills at once (exit 137); K then n leaves it running', async () => {
		const {id, name} = await run('e2e-kill', ['sleep', '1000']);
		app = await openOn(name);
		await app.press('K');
		await app.waitFor(`Kill container ${name}`);
		await app.press('n');
		await app.waitFor('Cancelled');
		expect(await inspect(id, '{{.State.Status}}')).toBe('running');
		await app.press('K', 'y');
		await app.waitFor(`Killed ${name}`, 20_000);
		expect(await inspect(id, '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 137');
	}, 40_000);

	it('c commits to the repository:tag typed in the prompt, and the image exists afterwards', async () => {
		const {name} = await run('e2e-commit', ['sh', '-c', 'echo hi > /marker; sleep 1000']);
		const repo = uniqueName('e2e-img');
		resources.image(`${repo}:v1`);
		app = await openOn(name);
		await app.press('c');
		await app.waitFor('snapshot-');
		for (let i = 0; i < 80; i++) await app.press(BACKSPACE);
		await app.press(`${repo}:v1`, ENTER);
		await app.waitFor(`Committed ${name} → ${repo}:v1`, 30_000);
		const id = await dockerCli(host, ['image', 'inspect', '--format', '{{.Id}}', `${repo}:v1`]);
		expect(id).toMatch(/^sha256:[\da-f]{64}$/);
		// The images pane lists it.
		await app.waitFor(`${repo}:v1`, 10_000);
	}, 60_000);

	it('d on a running container asks once, offering force; f removes it', async () => {
		const {id, name} = await run('e2e-rm', ['sleep', '1000']);
		app = await openOn(name);
		await app.press('d');
		await app.waitFor(`Remove container ${name}`);
		expect(app.lastFrame()).toContain('f force');
		expect(app.lastFrame()).toContain('It is running');
		expect(await inspect(id, '{{.State.Status}}')).toBe('running');
		await app.press('f');
		await app.waitFor(`Removed container ${name}`, 20_000);
		await waitFor(async () => {
			const out = await dockerCli(host, ['ps', '-a', '--filter', `id=${id}`, '--format', '{{.ID}}']);
			return out === '';
		}, 'the container to be gone');
	}, 40_000);
});
