/**
 * Read-only mode walks the whole registry: every command that changes an engine, a registry or
 * the docker config is refused with the reason, in every state; exec and attach are refused
 * unless allowed by id; every other command is exactly as available as without the mode.
 */
import {describe, expect, it} from 'vitest';
import {availability, commands} from '../../source/commands/registry.js';
import type {NodeSummary, ServiceSummary} from '../../source/engine/types.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {Action, AppState, Modal} from '../../source/state/types.js';
import {fakeContainer, fakeImage} from '../support/fake-engine.js';

const service = (name: string): ServiceSummary => ({id: `id-${name}`, name, mode: 'replicated', running: 1, desired: 1, replicas: 1, image: 'x', ports: [], labels: {}, createdAt: '', updatedAt: '', version: 1});
const node = (hostname: string): NodeSummary => ({id: `id-${hostname}`, hostname, status: 'ready', availability: 'active', role: 'worker', engineVersion: '1', labels: {}, address: '', self: false, version: 1});

/** States that between them make most commands available: each pane with a row of each kind, the views, the Swarm parts. */
function states(): AppState[] {
	const containers = [fakeContainer({name: 'a-running'}), fakeContainer({name: 'b-paused', state: 'paused'}), fakeContainer({name: 'c-exited', state: 'exited'})];
	const base = [
		{type: 'conn-up', info: {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'}},
		{type: 'snapshot', containers, images: [fakeImage({repoTags: ['shop/api:1.4']})]},
	] as Action[];
	const start = base.reduce(reducer, initialState({columns: 120, rows: 40}));
	const list: AppState[] = [];
	for (const delta of [0, 1, 1]) list.push(reducer(list.at(-1) ?? start, {type: 'move', delta}));
	list.push(reducer(start, {type: 'focus', pane: 'images'}));
	const logs = reducer(start, {type: 'focus', pane: 'logs'});
	list.push({...logs, logs: {...logs.logs, search: 'GET'}});
	for (const kind of ['diff', 'commands', 'output', 'inspect', 'prune', 'transfer', 'build', 'copy', 'details', 'help'] as Array<Modal['kind']>) {
		list.push({...start, modal: {kind, id: containers[0]!.id, scroll: 0, selected: 0, entries: [], choice: 0} as unknown as Modal});
	}
	const swarm = [{type: 'swarm-open', opening: 1}, {type: 'swarm-role', role: 'manager', localState: 'active'}, {type: 'swarm-lists', services: [service('web')], nodes: [node('n1')]}] as Action[];
	const inSwarm = swarm.reduce(reducer, start);
	for (const part of ['services', 'tasks', 'nodes'] as const) list.push({...inSwarm, swarm: {...inSwarm.swarm!, part}});
	list.push({...start, modal: {kind: 'contexts', rows: [{name: 'default', current: true, shown: true, endpoint: 'unix:///var/run/docker.sock'}], selected: 0, marked: {}, scroll: 0} as unknown as Modal});
	return list;
}

const readOnly = (state: AppState, allow: string[] = []): AppState => ({...state, readOnly: {enabled: true, allow}});

describe('read-only mode', () => {
	it('marks every command of the registry with what it changes', () => {
		for (const command of commands) expect(['none', 'engine', 'registry', 'docker-config', 'session', 'custom'], command.id).toContain(command.effect);
		// The changing commands are there to be refused (the walk below is not empty).
		expect(commands.filter(c => c.effect === 'engine').length).toBeGreaterThan(20);
		expect(commands.filter(c => c.effect === 'registry').map(c => c.id)).toEqual(['image.push']);
		expect(commands.filter(c => c.effect === 'docker-config').map(c => c.id)).toEqual(['contexts.use']);
	});

	it('refuses every command that changes an engine, a registry or the docker config, in every state, saying why', () => {
		const all = states();
		let refusedWhereAvailable = 0;
		for (const command of commands.filter(c => c.effect !== 'none')) {
			for (const state of all) {
				const why = availability(command, readOnly(state));
				expect(why, command.id).toEqual(expect.stringMatching(/^Read-only mode: /));
				if (availability(command, state) === true) refusedWhereAvailable++;
			}
		}
		expect(refusedWhereAvailable).toBeGreaterThan(20);
		const stop = commands.find(c => c.id === 'container.stop')!;
		expect(availability(stop, readOnly(all[0]!))).toBe('Read-only mode: no stop (it changes the engine)');
		const push = commands.find(c => c.id === 'image.push')!;
		expect(availability(push, readOnly(all[3]!))).toBe('Read-only mode: no push (it changes a registry)');
	});

	it('leaves every command that only looks exactly as it is without the mode', () => {
		let compared = 0;
		for (const command of commands.filter(c => c.effect === 'none')) {
			for (const state of states()) {
				expect(availability(command, readOnly(state)), command.id).toEqual(availability(command, state));
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('turns exec and attach off unless readOnly.allow names them, and then they are as without the mode', () => {
		for (const command of commands.filter(c => c.effect === 'session')) {
			for (const state of states()) {
				expect(availability(command, readOnly(state)), command.id).toBe(`Read-only mode: ${command.label} is off (readOnly.allow: [${command.id}] in the config turns it on)`);
				expect(availability(command, readOnly(state, [command.id])), command.id).toEqual(availability(command, state));
			}
		}
	});

	it('allows nothing that changes anything, even when readOnly.allow names it', () => {
		for (const command of commands.filter(c => c.effect === 'engine' || c.effect === 'registry' || c.effect === 'docker-config')) {
			expect(availability(command, readOnly(states()[0]!, [command.id, command.label])), command.id).toMatch(/^Read-only mode: /);
		}
	});
});
