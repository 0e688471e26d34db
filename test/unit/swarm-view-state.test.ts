/**
 * The Swarm view's state rules: the selection stays on its row across reads, a followed scale is
 * dropped (with a note) once the service has converged, the rows are shared between the three
 * parts by what they hold, and the ages clock counts the tasks on screen.
 */
import {describe, expect, it} from 'vitest';
import {untilNextChange} from '../../source/controller/ages-clock.js';
import type {NodeSummary, ServiceSummary, TaskSummary} from '../../source/engine/types.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {tasksKind} from '../../source/kinds/tasks.js';
import {selectedRow} from '../../source/state/lists.js';
import {selectedServiceOf, swarmHeights, taskRows} from '../../source/state/swarm-selectors.js';
import type {Action, AppState} from '../../source/state/types.js';

const service = (name: string, partial: Partial<ServiceSummary> = {}): ServiceSummary => ({
	id: `id-${name}`, name, mode: 'replicated', running: 1, desired: 1, replicas: 1, image: 'x', ports: [], labels: {}, createdAt: '', updatedAt: '', version: 1, ...partial,
});
const node = (hostname: string): NodeSummary => ({id: `id-${hostname}`, hostname, status: 'ready', availability: 'active', role: 'worker', engineVersion: '1', labels: {}, address: '', self: false, version: 1});
const task = (id: string, serviceId: string, at: string): TaskSummary => ({id, serviceId, name: 't', slot: 1, desiredState: 'running', state: 'running', message: '', stateSince: at, createdAt: at, updatedAt: at, image: 'x'});

function open(rows = 40): AppState {
	const actions: Action[] = [
		{type: 'resize', columns: 100, rows},
		{type: 'swarm-open', opening: 1},
		{type: 'swarm-role', role: 'manager', localState: 'active'},
	];
	return actions.reduce(reducer, initialState());
}

const lists = (services: ServiceSummary[], nodes: NodeSummary[] = [node('n1')]): Action => ({type: 'swarm-lists', services, nodes});

describe('the Swarm view state', () => {
	it('keeps the selected service across reads, and moves to its neighbour when it goes', () => {
		let state = reducer(open(), lists([service('a'), service('b'), service('c')]));
		state = reducer(state, {type: 'move', delta: 1});
		expect(selectedServiceOf(state)?.name).toBe('b');
		// A new service sorts before it: still b.
		state = reducer(state, lists([service('c'), service('a'), service('aa'), service('b')]));
		expect(selectedServiceOf(state)?.name).toBe('b');
		state = reducer(state, lists([service('a'), service('aa'), service('c')]));
		expect(selectedServiceOf(state)?.name).toBe('c');
	});

	it('shows the tasks only of the selected service, the newest first unless a task was chosen', () => {
		let state = reducer(open(), lists([service('a'), service('b')]));
		state = reducer(state, {type: 'swarm-tasks', serviceId: 'id-b', tasks: [task('t1', 'id-b', '')]});
		expect(taskRows(state)).toEqual([]);
		state = reducer(state, {type: 'swarm-tasks', serviceId: 'id-a', tasks: [task('t1', 'id-a', '')]});
		expect(selectedRow(state, tasksKind)?.id).toBe('t1');
		state = reducer(state, {type: 'swarm-tasks', serviceId: 'id-a', tasks: [task('t2', 'id-a', ''), task('t1', 'id-a', '')]});
		expect(selectedRow(state, tasksKind)?.id).toBe('t2');
		// Another service: its tasks are not the old ones.
		state = reducer(state, {type: 'move', delta: 1});
		expect(taskRows(state)).toEqual([]);
	});

	it('drops a followed scale once the service has converged to it, saying so', () => {
		let state = reducer(open(), lists([service('web', {replicas: 4, running: 2, desired: 4})]));
		state = reducer(state, {type: 'swarm-follow', id: 'id-web', replicas: 4});
		state = reducer(state, lists([service('web', {replicas: 4, running: 3, desired: 4})]));
		expect(state.swarm!.following).toEqual({'id-web': {replicas: 4, from: 1}});
		state = reducer(state, lists([service('web', {replicas: 4, running: 4, desired: 4, updateStatus: {state: 'updating', message: ''}})]));
		expect(state.swarm!.following).toEqual({'id-web': {replicas: 4, from: 1}});
		state = reducer(state, lists([service('web', {replicas: 4, running: 4, desired: 4})]));
		expect(state.swarm!.following).toEqual({});
		expect(state.status?.text).toBe('web has converged: 4/4 running');
	});

	it('drops a followed scale when someone else scales the service to another count, not on a read from before the scale', () => {
		// Read at version 3 with 2 replicas; berth scales to 5.
		let state = reducer(open(), lists([service('web', {replicas: 2, running: 2, desired: 2, version: 3})]));
		state = reducer(state, {type: 'swarm-follow', id: 'id-web', replicas: 5});
		// A read under way while the scale was asked still shows version 3 and 2 replicas: still followed.
		state = reducer(state, lists([service('web', {replicas: 2, running: 2, desired: 2, version: 3})]));
		expect(state.swarm!.following).toEqual({'id-web': {replicas: 5, from: 3}});
		state = reducer(state, lists([service('web', {replicas: 5, running: 3, desired: 5, version: 4})]));
		expect(state.swarm!.following).toEqual({'id-web': {replicas: 5, from: 3}});
		// Someone else scales it to 3 before it gets there: nothing to follow, and no note of convergence.
		const status = state.status;
		state = reducer(state, lists([service('web', {replicas: 3, running: 3, desired: 3, version: 5})]));
		expect(state.swarm!.following).toEqual({});
		expect(state.status).toBe(status);
	});

	it('gives services and nodes what they hold up to their share, the rest to the other, then to the tasks', () => {
		let state = reducer(open(40), lists([service('a'), service('b')], [node('n1'), node('n2')]));
		// 39 rows less the title, the status line and the help bar: 36.
		expect(swarmHeights(state)).toEqual({services: 4, tasks: 28, nodes: 4});
		const many = Array.from({length: 50}, (_, i) => service(`s${String(i).padStart(2, '0')}`));
		state = reducer(state, lists(many, [node('n1'), node('n2')]));
		expect(swarmHeights(state)).toEqual({services: 21, tasks: 11, nodes: 4});
		state = reducer(state, {type: 'move-to', where: 'last'});
		expect(state.lists.services!.top).toBe(50 - 19);
	});

	it('moves the ages clock for the tasks it shows', () => {
		const now = Date.parse('2026-11-23T10:00:30Z');
		let state = reducer(open(), lists([service('a')]));
		expect(untilNextChange(state, now)).toBe(Number.POSITIVE_INFINITY);
		state = reducer(state, {type: 'swarm-tasks', serviceId: 'id-a', tasks: [task('t1', 'id-a', '2026-11-23T10:00:00.500Z')]});
		// "29s" now, "30s" in half a second.
		expect(untilNextChange(state, now)).toBe(500);
	});
});
