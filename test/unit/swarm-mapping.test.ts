/** The engine's swarm JSON to berth's types: counts, names, order, roles; and the CLI's wording of them. */
import {describe, expect, it} from 'vitest';
import {compareTasks, displayImage, statusFromTasks, toNodeSummary, toServiceSummary, toTaskSummary} from '../../source/engine/swarm/mapping.js';
import type {RawService, RawTask} from '../../source/engine/swarm/raw.js';
import {membershipOf} from '../../source/engine/swarm/role.js';
import type {ServiceSummary} from '../../source/engine/types.js';
import {cliFor} from '../../source/format/cli-for.js';
import {managerStatusText, replicasText, serviceConverged, servicePortsText} from '../../source/format/swarm.js';

function task(partial: Partial<RawTask> & {state: string; desired: string}): RawTask {
	return {ID: `t${Math.random()}`, ServiceID: 's', Status: {State: partial.state}, DesiredState: partial.desired, ...partial};
}

describe('statusFromTasks (the engine\'s rule, for engines that do not count)', () => {
	it('replicated: desired is the replica count; running counts tasks in the running state, whatever they are meant to do', () => {
		const service: RawService = {ID: 's', Spec: {Mode: {Replicated: {Replicas: 3}}}};
		const tasks = [
			task({state: 'running', desired: 'running'}),
			task({state: 'running', desired: 'shutdown'}),
			task({state: 'pending', desired: 'running'}),
			task({state: 'failed', desired: 'shutdown'}),
			task({state: 'running', desired: 'running', ServiceID: 'other'}),
		];
		expect(statusFromTasks(service, tasks)).toEqual({running: 2, desired: 3, completed: 0});
	});

	it('global: desired counts the tasks meant to run', () => {
		const service: RawService = {ID: 's', Spec: {Mode: {Global: {}}}};
		const tasks = [task({state: 'running', desired: 'running'}), task({state: 'preparing', desired: 'running'}), task({state: 'shutdown', desired: 'shutdown'})];
		expect(statusFromTasks(service, tasks)).toEqual({running: 1, desired: 2, completed: 0});
	});

	it('jobs: only the current iteration counts, with its completed tasks', () => {
		const service: RawService = {ID: 's', Spec: {Mode: {ReplicatedJob: {MaxConcurrent: 2, TotalCompletions: 4}}}, JobStatus: {JobIteration: {Index: 7}}};
		const tasks = [
			task({state: 'complete', desired: 'complete', JobIteration: {Index: 7}}),
			task({state: 'running', desired: 'complete', JobIteration: {Index: 7}}),
			task({state: 'complete', desired: 'complete', JobIteration: {Index: 6}}),
		];
		expect(statusFromTasks(service, tasks)).toEqual({running: 1, desired: 2, completed: 1});
		const summary = toServiceSummary({...service, Spec: {...service.Spec, Name: 'job'}}, statusFromTasks(service, tasks));
		expect(summary).toMatchObject({mode: 'replicated-job', completed: 1});
		expect(replicasText(summary)).toBe('1/2 (1 completed)');
	});
});

describe('mapping', () => {
	it('shows a tagged image without its pinned digest, as service ls does', () => {
		expect(displayImage('berth-test/busybox:latest@sha256:abc123')).toBe('berth-test/busybox:latest');
		expect(displayImage('docker.io/library/nginx:1.25@sha256:abc123')).toBe('nginx:1.25');
		expect(displayImage('registry:5000/app@sha256:abc123')).toBe('registry:5000/app@sha256:abc123');
		expect(displayImage('registry:5000/app')).toBe('registry:5000/app');
	});

	it('names tasks as service ps does and orders them by slot, newest first', () => {
		const nodes = new Map([['n1', 'alpha']]);
		const old = toTaskSummary({ID: 'a', ServiceID: 's', Slot: 1, NodeID: 'n1', CreatedAt: '2026-01-01T00:00:00Z', Status: {State: 'shutdown', Err: 'task: non-zero exit (1)', ContainerStatus: {ContainerID: 'c', ExitCode: 1}}, DesiredState: 'shutdown'}, 'web', nodes);
		const current = toTaskSummary({ID: 'b', ServiceID: 's', Slot: 1, NodeID: 'n1', CreatedAt: '2026-01-02T00:00:00Z', Status: {State: 'running'}, DesiredState: 'running'}, 'web', nodes);
		const second = toTaskSummary({ID: 'c', ServiceID: 's', Slot: 2, NodeID: 'gone', CreatedAt: '2026-01-01T00:00:00Z', Status: {State: 'running'}, DesiredState: 'running'}, 'web', nodes);
		const global = toTaskSummary({ID: 'd', ServiceID: 's', NodeID: 'n1', Status: {State: 'pending'}, DesiredState: 'running'}, 'agent', nodes);
		const unscheduled = toTaskSummary({ID: 'e', ServiceID: 's', Slot: 3, Status: {State: 'pending'}, DesiredState: 'running'}, 'web', nodes);
		expect(old).toMatchObject({name: 'web.1', slot: 1, node: 'alpha', error: 'task: non-zero exit (1)', exitCode: 1, containerId: 'c'});
		expect(second.node).toBe('gone');
		expect(global).toMatchObject({name: 'agent.n1', node: 'alpha'});
		expect(global.slot).toBeUndefined();
		expect(unscheduled.node).toBeUndefined();
		expect([second, old, unscheduled, current].sort(compareTasks).map(entry => entry.id)).toEqual(['b', 'a', 'c', 'e']);
	});

	it('reads the role from /info: manager, worker, and none for inactive, pending, locked or an engine without swarm', () => {
		expect(membershipOf({Swarm: {NodeID: 'n', LocalNodeState: 'active', ControlAvailable: true}})).toEqual({role: 'manager', localState: 'active', nodeId: 'n'});
		expect(membershipOf({Swarm: {NodeID: 'n', LocalNodeState: 'active', ControlAvailable: false}}).role).toBe('worker');
		expect(membershipOf({Swarm: {LocalNodeState: 'locked', ControlAvailable: false}})).toEqual({role: 'none', localState: 'locked'});
		expect(membershipOf({Swarm: {LocalNodeState: 'error', Error: 'bad'}})).toEqual({role: 'none', localState: 'error', error: 'bad'});
		expect(membershipOf({})).toEqual({role: 'none', localState: ''});
	});

	it('node manager status: leader, reachable, unreachable; none for a worker', () => {
		const node = (manager?: {Leader?: boolean; Reachability?: string}) => toNodeSummary({ID: 'n', Spec: {Role: manager ? 'manager' : 'worker'}, ManagerStatus: manager}, 'n');
		expect(node({Leader: true, Reachability: 'reachable'}).managerStatus).toBe('leader');
		expect(node({Reachability: 'reachable'}).managerStatus).toBe('reachable');
		expect(node({Reachability: 'unknown'}).managerStatus).toBe('unreachable');
		expect(node().managerStatus).toBeUndefined();
		expect(managerStatusText(node({Leader: true}))).toBe('Leader');
		expect(managerStatusText(node())).toBe('');
		expect(node().self).toBe(true);
	});
});

describe('wording', () => {
	it('ports as service ls shows them: ingress only, consecutive ones as ranges', () => {
		expect(servicePortsText([
			{protocol: 'tcp', targetPort: 81, publishedPort: 8081, publishMode: 'ingress'},
			{protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress'},
			{protocol: 'udp', targetPort: 53, publishedPort: 5353, publishMode: 'ingress'},
			{protocol: 'tcp', targetPort: 9000, publishedPort: 9000, publishMode: 'host'},
			{protocol: 'tcp', targetPort: 7000, publishMode: 'ingress'},
		])).toBe('*:8080-8081->80-81/tcp, *:5353->53/udp');
	});

	it('a service has converged when as many tasks run as desired and no update is under way', () => {
		const service = {running: 2, desired: 2} as ServiceSummary;
		expect(serviceConverged(service)).toBe(true);
		expect(serviceConverged({...service, running: 1})).toBe(false);
		expect(serviceConverged({...service, updateStatus: {state: 'updating', message: ''}})).toBe(false);
		expect(serviceConverged({...service, updateStatus: {state: 'rollback_started', message: ''}})).toBe(false);
		expect(serviceConverged({...service, updateStatus: {state: 'paused', message: 'update paused due to failure'}})).toBe(true);
	});

	it('the CLI lines of the swarm actions', () => {
		expect(cliFor.scaleService('web', 4)).toBe('docker service scale web=4');
		expect(cliFor.forceUpdateService('web')).toBe('docker service update --force web');
		expect(cliFor.rollbackService('web')).toBe('docker service rollback web');
		expect(cliFor.removeService('web')).toBe('docker service rm web');
		expect(cliFor.setNodeAvailability('node 1', 'drain')).toBe("docker node update --availability drain 'node 1'");
		expect(cliFor.serviceLogs('web', {follow: true, tail: 200})).toBe('docker service logs -f --tail 200 -t web');
		expect(cliFor.servicePs('web')).toBe('docker service ps web');
		expect(cliFor.inspectService('web')).toBe('docker service inspect web');
		expect(cliFor.inspectNode('n1')).toBe('docker node inspect n1');
	});
});
