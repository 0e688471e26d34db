import {describe, expect, it} from 'vitest';
import type {EngineEvent} from '../../source/engine/types.js';
import {contradicts, eventNeeds} from '../../source/state/event-effects.js';
import {sameData} from '../../source/state/same-data.js';
import {fakeContainer} from '../support/fake-engine.js';

describe('engine feed change detection', () => {
	it('compares list data by value, without serialising it', () => {
		const a = {id: 'x', ports: [{privatePort: 80, type: 'tcp'}], labels: {a: '1'}, exitCode: undefined};
		expect(sameData(a, structuredClone(a))).toBe(true);
		expect(sameData(a, {...a, ports: [{privatePort: 81, type: 'tcp'}]})).toBe(false);
		expect(sameData(a, {...a, labels: {a: '1', b: '2'}})).toBe(false);
		expect(sameData([a], [a, a])).toBe(false);
		expect(sameData({x: []}, {x: {}})).toBe(false);
		expect(sameData({x: undefined}, {y: undefined})).toBe(false);
		expect(sameData(null, {})).toBe(false);
	});
});

describe('what an event means for the lists', () => {
	const event = (action: string, attributes: Record<string, string> = {}): EngineEvent => ({type: 'container', action, id: 'c1', attributes, timeNano: '1'});

	it('names what to fetch again', () => {
		expect(eventNeeds(event('die'))).toEqual({container: 'c1', images: false});
		expect(eventNeeds(event('commit'))).toEqual({container: 'c1', images: true});
		expect(eventNeeds({...event('tag'), type: 'image'})).toEqual({images: true});
		// Volume and network events (streamed since the engine API has those kinds) fetch nothing of
		// the container and image lists: a container's connect comes with its own container events.
		expect(eventNeeds({...event('create'), type: 'network'})).toEqual({});
		expect(eventNeeds({...event('destroy'), type: 'volume'})).toEqual({});
		expect(eventNeeds({...event('create'), type: 'plugin'})).toEqual({full: true});
	});

	it('tells a row read before the event from one that may follow it', () => {
		const running = fakeContainer({name: 'n', state: 'running'});
		const exited = {...running, state: 'exited' as const};
		const paused = {...running, state: 'paused' as const};
		const restarting = {...running, state: 'restarting' as const};
		const created = {...running, state: 'created' as const};
		expect(contradicts(event('die'), running)).toBe(true);
		expect(contradicts(event('die'), paused)).toBe(true);
		expect(contradicts(event('die'), exited)).toBe(false);
		// A restart policy: restarting after die is what the engine does.
		expect(contradicts(event('die'), restarting)).toBe(false);
		expect(contradicts(event('stop'), running)).toBe(true);
		expect(contradicts(event('pause'), running)).toBe(true);
		expect(contradicts(event('pause'), paused)).toBe(false);
		expect(contradicts(event('unpause'), paused)).toBe(true);
		expect(contradicts(event('unpause'), running)).toBe(false);
		expect(contradicts(event('start'), created)).toBe(true);
		// It may have exited at once.
		expect(contradicts(event('start'), exited)).toBe(false);
		expect(contradicts(event('rename', {name: 'new'}), running)).toBe(true);
		expect(contradicts(event('rename', {name: 'n'}), running)).toBe(false);
		expect(contradicts(event('health_status: healthy'), running)).toBe(true);
		expect(contradicts(event('health_status: healthy'), {...running, health: 'healthy'})).toBe(false);
		expect(contradicts(event('destroy'), exited)).toBe(true);
		expect(contradicts(event('destroy'), undefined)).toBe(false);
		expect(contradicts(event('create'), undefined)).toBe(true);
		// A kill may be ignored; exec events change nothing a row shows.
		expect(contradicts(event('kill'), running)).toBe(false);
		expect(contradicts(event('exec_start'), running)).toBe(false);
		expect(contradicts(event('kill'), undefined)).toBe(false);
	});
});
