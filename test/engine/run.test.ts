/** runContainer against the real engine (which has no bridge network: ports are checked in the host config). */
import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import {EngineError} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';

afterEach(async () => {
	await resources.cleanup();
});

describe('runContainer', () => {
	it('creates and starts a container with the name, command, env, ports and binds given', async () => {
		const name = resources.container(uniqueName('run'));
		const id = await engine.containers.run(image, {
			name,
			cmd: ['sh', '-c', 'echo "FOO=$FOO"; sleep 300'],
			env: ['FOO=bar baz'],
			ports: [{containerPort: 80, protocol: 'tcp', hostPort: 18_080}, {containerPort: 53, protocol: 'udp'}],
			binds: [`${tmpdir()}:/host-tmp:ro`],
		});
		resources.container(id);
		expect(id).toMatch(/^[\da-f]{64}$/);

		const details = await engine.containers.inspect(id);
		expect(details.name).toBe(name);
		expect(details.running).toBe(true);
		expect(details.cmd).toEqual(['sh', '-c', 'echo "FOO=$FOO"; sleep 300']);
		expect(details.env).toContain('FOO=bar baz');
		expect(details.mounts).toEqual([expect.objectContaining({destination: '/host-tmp', rw: false})]);
		const bindings = JSON.parse(await dockerCli(host, ['inspect', '--format', '{{json .HostConfig.PortBindings}}', id])) as unknown;
		expect(bindings).toEqual({'80/tcp': [{HostIp: '', HostPort: '18080'}], '53/udp': [{HostIp: '', HostPort: ''}]});
		await waitFor(async () => (await dockerCli(host, ['logs', id])).includes('FOO=bar baz'), 'the command\'s output');
	});

	it('runs the image\'s own command when none is given, under a name the engine picks', async () => {
		const id = resources.container(await engine.containers.run(image, {cmd: [], env: [], ports: [], binds: []}));
		const details = await engine.containers.inspect(id);
		expect(details.cmd).toEqual(['/bin/sh']);
		expect(details.name).not.toBe('');
	});

	it('rejects an image that is not there (not-found)', async () => {
		const error = await engine.containers.run(`${uniqueName('run-missing')}:latest`, {cmd: [], env: [], ports: [], binds: []}).then(() => undefined, (error: unknown) => error);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).code).toBe('not-found');
	});
});
