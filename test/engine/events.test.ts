import {tmpdir} from 'node:os';
import {afterEach, describe, expect, inject, it} from 'vitest';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {parseEvent} from '../../source/engine/system/event-parser.js';
import {resolveEndpoint} from '../../source/engine/transport/endpoint.js';
import type {EngineEvent} from '../../source/engine/types.js';
import {dockerCli} from '../support/dockerd.js';
import {trackResources, uniqueName, waitFor} from '../support/names.js';

const host = inject('dockerHost');
const engine = createDockerEngine(resolveEndpoint({host, env: {}, homedir: tmpdir()}));
const resources = trackResources(host);
const image = 'berth-test/busybox:latest';

afterEach(async () => {
	await resources.cleanup();
});

function subscribe(since?: string) {
	const events: EngineEvent[] = [];
	const controller = new AbortController();
	const done = engine.events.stream({since}, event => events.push(event), controller.signal);
	return {events, done, stop: () => controller.abort()};
}

describe('streamEvents', () => {
	it('delivers start and die of a container made after subscribing', async () => {
		// `since` makes sure the probe's event arrives even if the stream connects after it was made;
		// once it has arrived the stream is live, and the container below is made after that.
		const stream = subscribe((Date.now() / 1000 - 1).toFixed(3));
		const probe = resources.container(await dockerCli(host, ['create', '--name', uniqueName('events-probe'), image, 'true']));
		await waitFor(() => stream.events.some(event => event.id === probe), 'the probe container\'s create event');

		const name = uniqueName('events');
		const id = resources.container(await dockerCli(host, ['run', '-d', '--name', name, image, 'sh', '-c', 'exit 3']));
		await waitFor(() => stream.events.some(event => event.id === id && event.action === 'die'), 'the die event');

		const mine = stream.events.filter(event => event.id === id);
		expect(mine.map(event => event.action)).toEqual(expect.arrayContaining(['create', 'start', 'die']));
		const die = mine.find(event => event.action === 'die')!;
		expect(die.type).toBe('container');
		expect(die.attributes.name).toBe(name);
		expect(die.attributes.exitCode).toBe('3');
		expect(die.timeNano).toMatch(/^\d{19}$/);
		const start = mine.find(event => event.action === 'start')!;
		expect(BigInt(die.timeNano)).toBeGreaterThanOrEqual(BigInt(start.timeNano));

		stream.stop();
		await expect(stream.done).resolves.toBeUndefined();
	});

	it('replays events from `since`, including image events', async () => {
		const since = (Date.now() / 1000 - 1).toFixed(3);
		const repo = uniqueName('events-tag');
		resources.image(`${repo}:v1`);
		await dockerCli(host, ['tag', image, `${repo}:v1`]);
		const stream = subscribe(since);
		await waitFor(() => stream.events.some(event => event.type === 'image' && event.action === 'tag' && event.attributes.name === `${repo}:v1`), 'the tag event');
		stream.stop();
		await stream.done;
	});

	it('resolves when aborted before it starts', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(engine.events.stream({}, () => undefined, controller.signal)).resolves.toBeUndefined();
	});
});

describe('parseEvent', () => {
	it('keeps every digit of timeNano and ignores look-alikes inside attributes', () => {
		const line = '{"status":"start","id":"abc","Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{"note":"\\"timeNano\\":1","timeNano":"x"}},"scope":"local","time":1795430002,"timeNano":1795430002123456789}';
		expect(parseEvent(line)).toEqual({
			type: 'container',
			action: 'start',
			id: 'abc',
			attributes: {note: '"timeNano":1', timeNano: 'x'},
			timeNano: '1795430002123456789',
		});
	});

	it('skips lines that are not JSON objects', () => {
		expect(parseEvent('')).toBeUndefined();
		expect(parseEvent('not json')).toBeUndefined();
		expect(parseEvent('null')).toBeUndefined();
	});
});
