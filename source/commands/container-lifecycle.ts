/**
 * The containers' lifecycle: start, stop (and stop with a chosen grace period), kill, restart,
 * pause/unpause, rm. Each acts on the selected container, or on every marked one at once (one
 * confirm listing them, results reported per container).
 */
import {EngineError} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {shortId} from '../format/format.js';
import {prefilledLine} from '../input/line-editor.js';
import {allContainers, selectedContainer} from '../state/selectors.js';
import type {AppState, ConfirmTarget} from '../state/types.js';
import {offerForce} from './confirm.js';
import type {ActSpec} from './command-services.js';
import {containerTarget, forContainer, isAlive} from './row-targets.js';
import {keyFor} from './keymap.js';
import type {Command, CommandContext} from './types.js';

const running = (c: {name: string; state: string}) => (isAlive(c) ? true : `${c.name} is not running`);

/** The container a target names, as the list has it now. */
function current(state: AppState, target: ConfirmTarget) {
	return allContainers(state).find(c => c.id === target.id);
}

/** A lifecycle command: what it does to one container, run on the selection or on each marked row. */
function lifecycle(
	spec: Omit<Command, 'run' | 'bulk' | 'each'> & {each: (ctx: CommandContext, target: ConfirmTarget, force: boolean) => ActSpec},
): Command & {each: typeof spec.each} {
	return {
		...spec,
		bulk: true,
		run: (ctx, confirmed) => {
			const target = confirmed?.target ?? containerTarget(selectedContainer(ctx.state)!);
			ctx.services.act(spec.each(ctx, target, confirmed?.force ?? false));
		},
	};
}

function stopWork(t: ConfirmTarget, timeout?: number): ActSpec['work'] {
	return async engine => {
		const result = await engine.containers.stop(t.id, timeout);
		if (result.alreadyStopped) return `${t.name} was not running; nothing to stop`;
		if (result.killed) return `Stopped ${t.name}: SIGKILL after the ${result.graceSeconds} s grace period, exit ${result.exitCode ?? 137}`;
		return `Stopped ${t.name}`;
	};
}

export const containerLifecycle = [
	lifecycle({
		id: 'container.start',
		scope: 'containers',
		effect: 'engine',
		keys: ['u'],
		label: 'start',
		description: 'Start the container',
		bar: true,
		available: forContainer((c, state) => (c.state === 'running' ? `${c.name} is already running` : c.state === 'paused' ? `${c.name} is paused: ${keyFor(state, 'container.pause', 'p')} unpauses it` : true)),
		each: (_ctx, t) => ({
			id: t.id,
			busy: 'starting',
			name: t.name,
			verb: 'start',
			cli: cliFor.start(t.name),
			work: async engine => {
				await engine.containers.start(t.id);
				return `Started ${t.name}`;
			},
		}),
	}),
	lifecycle({
		id: 'container.stop',
		scope: 'containers',
		effect: 'engine',
		keys: ['s'],
		label: 'stop',
		description: 'Stop: SIGTERM, then SIGKILL after the grace period',
		bar: true,
		available: forContainer(running),
		each: (_ctx, t) => ({id: t.id, busy: 'stopping', name: t.name, verb: 'stop', cli: cliFor.stop(t.name), work: stopWork(t)}),
	}),
	lifecycle({
		id: 'container.kill',
		scope: 'containers',
		effect: 'engine',
		keys: ['K'],
		label: 'kill',
		description: 'Kill: SIGKILL at once (asks first)',
		bar: true,
		available: forContainer(running),
		confirm: {
			policy: 'confirm',
			dialog: state => {
				const c = selectedContainer(state)!;
				return {
					target: containerTarget(c),
					title: `Kill container ${c.name} (${shortId(c.id)}) with SIGKILL now?`,
					body: ['It gets no chance to shut down cleanly (exit code 137). s stops it gracefully instead.'],
				};
			},
		},
		each: (_ctx, t) => ({
			id: t.id,
			busy: 'killing',
			name: t.name,
			verb: 'kill',
			cli: cliFor.kill(t.name),
			work: async engine => {
				await engine.containers.kill(t.id, 'SIGKILL');
				return `Killed ${t.name} (SIGKILL)`;
			},
		}),
	}),
	lifecycle({
		id: 'container.restart',
		scope: 'containers',
		effect: 'engine',
		keys: ['r'],
		label: 'restart',
		description: 'Restart the container',
		bar: true,
		available: forContainer(),
		each: (_ctx, t) => ({
			id: t.id,
			busy: 'restarting',
			name: t.name,
			verb: 'restart',
			cli: cliFor.restart(t.name),
			work: async engine => {
				await engine.containers.restart(t.id);
				return `Restarted ${t.name}`;
			},
		}),
	}),
	lifecycle({
		id: 'container.pause',
		scope: 'containers',
		effect: 'engine',
		keys: ['p'],
		label: 'pause',
		description: 'Pause or unpause the container',
		bar: true,
		available: forContainer(c => (c.state === 'running' || c.state === 'paused' ? true : `${c.name} is not running`)),
		each: (ctx, t) => {
			const paused = current(ctx.state, t)?.state === 'paused';
			const verb = paused ? 'unpause' : 'pause';
			return {
				id: t.id,
				busy: paused ? 'unpausing' : 'pausing',
				name: t.name,
				verb,
				cli: paused ? cliFor.unpause(t.name) : cliFor.pause(t.name),
				work: async engine => {
					await (paused ? engine.containers.unpause(t.id) : engine.containers.pause(t.id));
					return `${paused ? 'Unpaused' : 'Paused'} ${t.name}`;
				},
			};
		},
	}),
	lifecycle({
		id: 'container.remove',
		scope: 'containers',
		effect: 'engine',
		keys: ['d'],
		label: 'rm',
		description: 'Remove the container (asks first; for a running one, f forces it at once)',
		bar: true,
		bulkNote: 'Running ones are refused by the engine unless you then force them.',
		available: forContainer(),
		confirm: {
			policy: 'confirm-then-force',
			dialog: state => {
				const c = selectedContainer(state)!;
				const alive = isAlive(c);
				return {
					target: containerTarget(c),
					title: `Remove container ${c.name} (${shortId(c.id)})?`,
					// The engine refuses a plain rm of a running container: force is what is offered.
					body: alive ? [`It is ${c.state}: f removes it by force (docker rm -f kills it first).`] : [],
					force: alive,
				};
			},
		},
		each: (ctx, t, force) => ({
			id: t.id,
			busy: 'removing',
			name: t.name,
			verb: 'rm',
			cli: cliFor.remove(t.name, {force}),
			work: async engine => {
				await engine.containers.remove(t.id, {force});
				return `Removed container ${t.name}`;
			},
			onError: error =>
				!force &&
				!ctx.state.modal &&
				error instanceof EngineError &&
				error.code === 'conflict' &&
				offerForce(ctx, 'container.remove', t, `The engine refused to remove ${t.name}:`, [error.message, 'Force removal kills it first (docker rm -f).']),
		}),
	}),
];

/** `S`: stop with a grace period of the user's choosing (docker stop -t N). */
export const stopWithTimeout: Command = {
	id: 'container.stop-timeout',
	scope: 'containers',
	effect: 'engine',
	keys: ['S'],
	label: 'stop -t',
	description: 'Stop with a grace period you choose (asks for the seconds; docker stop -t N)',
	available: forContainer(running),
	run: ctx => {
		const c = selectedContainer(ctx.state)!;
		ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'stop-timeout', target: containerTarget(c), line: prefilledLine('10')}});
	},
};

/** The stop-timeout prompt's Enter: a whole number of seconds, then the stop. */
export function submitStopTimeout(ctx: CommandContext, target: ConfirmTarget, value: string): string | undefined {
	const text = value.trim();
	if (!/^\d{1,4}$/.test(text) || Number(text) > 3600) return 'Type the grace period in whole seconds, 0 to 3600';
	const seconds = Number(text);
	ctx.dispatch({type: 'close'});
	ctx.services.act({id: target.id, busy: 'stopping', name: target.name, verb: 'stop', cli: cliFor.stop(target.name, seconds), work: stopWork(target, seconds)});
	return undefined;
}
