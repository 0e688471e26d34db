/**
 * What the Swarm view's keys do to services and nodes. Services: scale (a prompt with the
 * replica count; global services are refused with the reason first), logs (merged across the
 * tasks), force update, rollback and rm (each asks first, No the default), inspect. Nodes: drain,
 * pause, activate (each asks first), inspect. Every change goes through `services.act`: a busy
 * marker on the row, a command-log entry with its docker CLI line, the engine's own words when
 * it refuses, and the lists read again after.
 */
import type {NodeAvailability, NodeSummary, ServiceSummary} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {plural} from '../format/plural.js';
import {replicasText} from '../format/swarm.js';
import {prefilledLine} from '../input/line-editor.js';
import {selectedNode, selectedService} from '../state/swarm-selectors.js';
import type {AppState, ConfirmTarget} from '../state/types.js';
import type {ActSpec} from './command-services.js';
import type {Command, CommandContext} from './types.js';
import {listOf} from '../state/lists.js';

const serviceTarget = (s: ServiceSummary): ConfirmTarget => ({kind: 'service', id: s.id, name: s.name});
const nodeTarget = (n: NodeSummary): ConfirmTarget => ({kind: 'node', id: n.id, name: n.hostname || n.id});

/** A service is selected (else the key does nothing) and nothing runs on it (else: why not), then `also`. */
function forService(also?: (s: ServiceSummary) => true | string) {
	return (state: AppState): boolean | string => {
		const service = selectedService(state);
		if (!service) return false;
		if (state.busy[service.id]) return `${service.name} is busy: ${state.busy[service.id]}`;
		return also ? also(service) : true;
	};
}

function forNode(also?: (n: NodeSummary) => true | string) {
	return (state: AppState): boolean | string => {
		const node = selectedNode(state);
		if (!node) return false;
		if (state.busy[node.id]) return `${node.hostname} is busy: ${state.busy[node.id]}`;
		return also ? also(node) : true;
	};
}

/** A service change as the runner carries it out; the engine's warnings follow the outcome. */
function serviceAct(t: ConfirmTarget, busy: string, verb: string, cli: string, work: ActSpec['work'], onOk?: () => void): ActSpec {
	return {id: t.id, busy, name: t.name, verb, cli, work, onOk};
}

const warned = (text: string, warnings: string[]) => (warnings.length > 0 ? `${text} (the engine warns: ${warnings.join('; ')})` : text);

/** `s` → the prompt's Enter: a non-negative whole number, not the count it has; then the scale, followed until it converges. */
export function submitScale(ctx: CommandContext, target: ConfirmTarget, value: string): string | undefined {
	const text = value.trim();
	if (text === '') return 'Type the number of replicas (0 or more)';
	if (!/^\d+$/.test(text)) return `Not a replica count: ${text} — type a whole number, 0 or more`;
	const replicas = Number(text);
	if (!Number.isSafeInteger(replicas)) return `${text} replicas is more than berth can ask for`;
	const service = (listOf(ctx.state, 'services').rows as readonly ServiceSummary[]).find(s => s.id === target.id);
	if (service?.replicas === replicas) return `${target.name} has ${plural(replicas, 'replica')} already`;
	ctx.dispatch({type: 'close'});
	ctx.services.act(
		serviceAct(target, 'scaling', 'scale', cliFor.scaleService(target.name, replicas), async engine => {
			const result = await engine.services.scale(target.id, replicas);
			return warned(`Scaled ${target.name} to ${replicas}: following until ${replicas}/${replicas} run`, result.warnings);
		}, () => ctx.dispatch({type: 'swarm-follow', id: target.id, replicas})),
	);
	return undefined;
}

function confirmService(title: (s: ServiceSummary) => string, body: (s: ServiceSummary) => string[]) {
	return {
		policy: 'confirm' as const,
		dialog: (state: AppState) => {
			const service = selectedService(state);
			return service ? {target: serviceTarget(service), title: title(service), body: body(service)} : undefined;
		},
	};
}

export const swarmServiceCommands: Command[] = [
	{
		id: 'service.scale',
		scope: 'services',
		effect: 'engine',
		keys: ['s'],
		label: 'scale',
		description: 'Scale: asks for the replica count, then follows it until the service converges',
		bar: true,
		available: forService(s => (s.mode === 'replicated' ? true : s.mode === 'global' ? `${s.name} is a global service: one task per node, nothing to scale` : `${s.name} is a ${s.mode} service: jobs are not scaled`)),
		run: ctx => {
			const service = selectedService(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'scale', target: serviceTarget(service), line: prefilledLine(String(service.replicas ?? service.desired))}});
		},
	},
	{
		id: 'service.logs',
		scope: 'services',
		effect: 'none',
		keys: ['l'],
		label: 'logs',
		description: 'The service log: every task merged, each line prefixed with its task and node',
		bar: true,
		available: forService(),
		run: ctx => ctx.services.serviceLogs(serviceTarget(selectedService(ctx.state)!)),
	},
	{
		id: 'service.force-update',
		scope: 'services',
		effect: 'engine',
		keys: ['F'],
		label: 'force update',
		description: 'Force an update: every task is replaced though nothing changed (asks first)',
		available: forService(),
		confirm: confirmService(s => `Force an update of ${s.name}?`, s => [`Its tasks are replaced, one batch at a time: docker service update --force ${s.name}.`]),
		run: (ctx, confirmed) => {
			const t = confirmed!.target;
			ctx.services.act(serviceAct(t, 'updating', 'force update', cliFor.forceUpdateService(t.name), async engine => warned(`Forced an update of ${t.name}`, (await engine.services.forceUpdate(t.id)).warnings)));
		},
	},
	{
		id: 'service.rollback',
		scope: 'services',
		effect: 'engine',
		keys: ['b'],
		label: 'rollback',
		description: 'Roll the service back to its previous spec (asks first)',
		available: forService(),
		confirm: confirmService(s => `Roll ${s.name} back to its previous spec?`, () => ['The engine refuses when the service has no previous spec.']),
		run: (ctx, confirmed) => {
			const t = confirmed!.target;
			ctx.services.act(serviceAct(t, 'rolling back', 'rollback', cliFor.rollbackService(t.name), async engine => warned(`Rolled ${t.name} back`, (await engine.services.rollback(t.id)).warnings)));
		},
	},
	{
		id: 'service.remove',
		scope: 'services',
		effect: 'engine',
		keys: ['d'],
		label: 'rm',
		description: 'Remove the service and its tasks (asks first)',
		bar: true,
		available: forService(),
		confirm: confirmService(s => `Remove service ${s.name}?`, s => [`Its tasks (${replicasText(s)} running) are stopped and removed: docker service rm ${s.name}.`]),
		run: (ctx, confirmed) => {
			const t = confirmed!.target;
			ctx.services.act(
				serviceAct(t, 'removing', 'rm', cliFor.removeService(t.name), async engine => {
					await engine.services.remove(t.id);
					return `Removed service ${t.name}`;
				}),
			);
		},
	},
	{
		id: 'service.inspect',
		scope: 'services',
		effect: 'none',
		keys: ['i', 'enter'],
		label: 'inspect',
		description: 'Inspect the service: its spec and state in tables',
		bar: true,
		available: forService(),
		run: ctx => {
			const s = selectedService(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'service-inspect', id: s.id, name: s.name, scroll: 0}});
		},
	},
	// The tasks part shows the selected service's tasks: its log is theirs.
	{
		id: 'tasks.logs',
		scope: 'tasks',
		effect: 'none',
		keys: ['l'],
		label: 'logs',
		description: "The service's log, every task merged, each line prefixed with its task and node",
		bar: true,
		available: forService(),
		run: ctx => ctx.services.serviceLogs(serviceTarget(selectedService(ctx.state)!)),
	},
];

const availabilityWords: Record<NodeAvailability, {verb: string; busy: string; done: string; body: string}> = {
	drain: {verb: 'drain', busy: 'draining', done: 'drained', body: 'Its tasks are stopped and the managers schedule them on other nodes; it takes no new ones.'},
	pause: {verb: 'pause', busy: 'pausing', done: 'paused', body: 'Its tasks keep running, but the managers schedule no new ones on it.'},
	active: {verb: 'activate', busy: 'activating', done: 'active', body: 'The managers may schedule tasks on it again.'},
};

function nodeAvailability(availability: NodeAvailability, key: string, description: string): Command {
	const words = availabilityWords[availability];
	return {
		id: `node.${words.verb}`,
		scope: 'nodes',
		effect: 'engine',
		keys: [key],
		label: words.verb,
		description,
		bar: true,
		available: forNode(n => (n.availability === availability ? `${n.hostname} is ${words.done} already` : true)),
		confirm: {
			policy: 'confirm',
			dialog: state => {
				const node = selectedNode(state);
				if (!node) return undefined;
				const verb = words.verb[0]!.toUpperCase() + words.verb.slice(1);
				return {target: nodeTarget(node), title: `${verb} node ${node.hostname}${node.self ? ' (this engine)' : ''}?`, body: [words.body]};
			},
		},
		run: (ctx, confirmed) => {
			const t = confirmed!.target;
			ctx.services.act({
				id: t.id,
				busy: words.busy,
				name: t.name,
				verb: words.verb,
				cli: cliFor.setNodeAvailability(t.name, availability),
				work: async engine => {
					await engine.nodes.setAvailability(t.id, availability);
					return `Node ${t.name} is ${words.done}`;
				},
			});
		},
	};
}

export const swarmNodeCommands: Command[] = [
	nodeAvailability('drain', 'D', 'Drain the node: its tasks move to other nodes (asks first)'),
	nodeAvailability('pause', 'P', 'Pause the node: no new tasks are scheduled on it (asks first)'),
	nodeAvailability('active', 'A', 'Activate the node: tasks may be scheduled on it again (asks first)'),
	{
		id: 'node.inspect',
		scope: 'nodes',
		effect: 'none',
		keys: ['i', 'enter'],
		label: 'inspect',
		description: 'Inspect the node: its description and state in tables',
		bar: true,
		available: forNode(),
		run: ctx => {
			const n = selectedNode(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'node-inspect', id: n.id, name: n.hostname || n.id, scroll: 0}});
		},
	},
];
