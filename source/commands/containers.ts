/**
 * The containers pane's commands: the lifecycle (start, stop, kill, restart, pause, commit,
 * rm), views (details, processes, logs), hand-overs (shell, command, attach), marks, sorting.
 */
import {EngineError} from '../engine/types.js';
import {defaultSnapshotTag, shortId} from '../format/format.js';
import {lineAtEnd} from '../input/line-editor.js';
import {selectedContainer} from '../state/selectors.js';
import type {ConfirmTarget} from '../state/types.js';
import {offerForce} from './confirm.js';
import {shellWord} from '../format/shell-word.js';
import {containerTarget, forContainer, isAlive, selectedContainerTarget} from './targets.js';
import type {Command, CommandContext} from './types.js';

const running = (c: {name: string; state: string}) => (isAlive(c) ? true : `${c.name} is not running`);

/** A simple engine action on the selected container. */
function act(ctx: CommandContext, verb: string, busy: string, cli: string, work: Parameters<CommandContext['services']['act']>[0]['work'], target?: ConfirmTarget) {
	const t = target ?? selectedContainerTarget(ctx.state);
	if (!t) return;
	ctx.services.act({id: t.id, busy, name: t.name, verb, cli, work});
}

const cli = (verb: string) => (t: ConfirmTarget) => `docker ${verb} ${shellWord(t.name)}`;

export const containerCommands: Command[] = [
	{
		id: 'container.start',
		scope: 'containers',
		keys: ['u'],
		label: 'start',
		description: 'Start the container',
		bar: true,
		available: forContainer(c => (c.state === 'running' ? `${c.name} is already running` : c.state === 'paused' ? `${c.name} is paused: p unpauses it` : true)),
		cli: cli('start'),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			act(ctx, 'start', 'starting', cli('start')(t), async engine => {
				await engine.startContainer(t.id);
				return `Started ${t.name}`;
			});
		},
	},
	{
		id: 'container.stop',
		scope: 'containers',
		keys: ['s'],
		label: 'stop',
		description: 'Stop: SIGTERM, then SIGKILL after the grace period',
		bar: true,
		available: forContainer(running),
		cli: cli('stop'),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			act(ctx, 'stop', 'stopping', cli('stop')(t), async engine => {
				const result = await engine.stopContainer(t.id);
				if (result.alreadyStopped) return `${t.name} was not running; nothing to stop`;
				if (result.killed) return `Stopped ${t.name}: SIGKILL after the ${result.graceSeconds} s grace period, exit ${result.exitCode ?? 137}`;
				return `Stopped ${t.name}`;
			});
		},
	},
	{
		id: 'container.kill',
		scope: 'containers',
		keys: ['K'],
		label: 'kill',
		description: 'Kill: SIGKILL at once (asks first)',
		bar: true,
		available: forContainer(running),
		cli: cli('kill'),
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
		run: (ctx, confirmed) => {
			const t = confirmed!.target;
			act(ctx, 'kill', 'killing', cli('kill')(t), async engine => {
				await engine.killContainer(t.id, 'SIGKILL');
				return `Killed ${t.name} (SIGKILL)`;
			}, t);
		},
	},
	{
		id: 'container.restart',
		scope: 'containers',
		keys: ['r'],
		label: 'restart',
		description: 'Restart the container',
		bar: true,
		available: forContainer(),
		cli: cli('restart'),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			act(ctx, 'restart', 'restarting', cli('restart')(t), async engine => {
				await engine.restartContainer(t.id);
				return `Restarted ${t.name}`;
			});
		},
	},
	{
		id: 'container.pause',
		scope: 'containers',
		keys: ['p'],
		label: 'pause',
		description: 'Pause or unpause the container',
		bar: true,
		available: forContainer(c => (c.state === 'running' || c.state === 'paused' ? true : `${c.name} is not running`)),
		cli: t => `docker pause ${shellWord(t.name)}`,
		run: ctx => {
			const c = selectedContainer(ctx.state)!;
			const t = containerTarget(c);
			if (c.state === 'paused') {
				return act(ctx, 'unpause', 'unpausing', cli('unpause')(t), async engine => {
					await engine.unpauseContainer(t.id);
					return `Unpaused ${t.name}`;
				});
			}
			act(ctx, 'pause', 'pausing', cli('pause')(t), async engine => {
				await engine.pauseContainer(t.id);
				return `Paused ${t.name}`;
			});
		},
	},
	{
		id: 'container.commit',
		scope: 'containers',
		keys: ['c'],
		label: 'commit',
		description: 'Commit the container to an image (asks for repository:tag)',
		bar: true,
		available: forContainer(),
		cli: (t, o) => `docker commit ${shellWord(t.name)} ${o?.ref ?? 'REPOSITORY:TAG'}`,
		run: ctx => {
			const c = selectedContainer(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'commit', target: containerTarget(c), line: lineAtEnd(defaultSnapshotTag(c.name, ctx.services.now()))}});
		},
	},
	{
		id: 'container.remove',
		scope: 'containers',
		keys: ['d'],
		label: 'rm',
		description: 'Remove the container (asks first; a running one needs force)',
		bar: true,
		available: forContainer(),
		cli: (t, o) => `docker rm ${o?.force ? '-f ' : ''}${shellWord(t.name)}`,
		confirm: {
			policy: 'confirm-then-force',
			dialog: state => {
				const c = selectedContainer(state)!;
				return {
					target: containerTarget(c),
					title: `Remove container ${c.name} (${shortId(c.id)})?`,
					body: isAlive(c) ? ['It is running: the engine refuses unless you then force it.'] : [],
				};
			},
		},
		run: (ctx, confirmed) => {
			const {target: t, force} = confirmed!;
			ctx.services.act({
				id: t.id,
				busy: 'removing',
				name: t.name,
				verb: 'rm',
				cli: `docker rm ${force ? '-f ' : ''}${shellWord(t.name)}`,
				work: async engine => {
					await engine.removeContainer(t.id, {force});
					return `Removed container ${t.name}`;
				},
				onError: error =>
					!force &&
					error instanceof EngineError &&
					error.code === 'conflict' &&
					offerForce(ctx, 'container.remove', t, `The engine refused to remove ${t.name}:`, [error.message, 'Force removal kills it first (docker rm -f).']),
			});
		},
	},
	{id: 'container.toggle-all', scope: 'containers', keys: ['a'], label: 'all/running', description: 'Show all containers or only running ones', bar: true, run: ctx => ctx.dispatch({type: 'toggle-all'})},
	{
		id: 'container.details',
		scope: 'containers',
		keys: ['enter'],
		label: 'details',
		description: 'Show details (inspect summary)',
		bar: true,
		available: forContainer(undefined, {evenIfBusy: true}),
		cli: cli('inspect'),
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'details', id: selectedContainer(ctx.state)!.id, scroll: 0}}),
	},
	{id: 'container.logs', scope: 'containers', keys: ['l'], label: 'logs', description: "Focus the container's logs", bar: true, run: ctx => ctx.dispatch({type: 'focus', pane: 'logs'})},
	{
		id: 'container.shell',
		scope: 'containers',
		keys: ['e'],
		label: 'shell',
		description: 'Open a shell in the container (bash if present, else sh; --shell overrides)',
		bar: true,
		available: forContainer(),
		cli: t => `docker exec -it ${shellWord(t.name)} sh`,
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			const chosen = ctx.services.shell;
			ctx.services.interactive(t, 'Shell', async engine => {
				let cmd = chosen ? [chosen] : undefined;
				if (!cmd) {
					const found = await engine.execCapture(t.id, ['sh', '-c', 'command -v bash || command -v sh || echo sh']);
					cmd = [found.stdout.split('\n')[0]?.trim() || 'sh'];
				}
				return engine.execInteractive(t.id, cmd, ctx.state.size);
			}, `docker exec -it ${shellWord(t.name)} ${chosen ?? 'sh'}`);
		},
	},
	{
		id: 'container.exec',
		scope: 'containers',
		keys: ['E'],
		label: 'exec',
		description: 'Run a command in the container with a terminal (asks for it)',
		available: forContainer(),
		cli: (t, o) => `docker exec -it ${shellWord(t.name)} ${(o?.command ?? ['COMMAND']).map(shellWord).join(' ')}`,
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'exec', target: selectedContainerTarget(ctx.state)!, line: lineAtEnd('sh')}}),
	},
	{
		id: 'container.attach',
		scope: 'containers',
		keys: ['A'],
		label: 'attach',
		description: "Attach to the container's main process (detach: Ctrl-P Ctrl-Q)",
		available: forContainer(),
		cli: cli('attach'),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			ctx.services.interactive(t, 'Attach', engine => engine.attach(t.id, ctx.state.size), cli('attach')(t));
		},
	},
	{
		id: 'container.mark',
		scope: 'containers',
		keys: ['space'],
		label: 'mark',
		description: 'Mark or unmark the container and move down (Esc clears every mark)',
		available: state => selectedContainer(state) !== undefined,
		run: ctx => {
			ctx.dispatch({type: 'mark', id: selectedContainer(ctx.state)!.id});
			ctx.dispatch({type: 'move', delta: 1});
		},
	},
	{id: 'container.merged-logs', scope: 'containers', keys: ['L'], label: 'merged logs', description: 'Merged logs of the marked containers, or of the selected compose project', run: mergedLogs},
	{id: 'container.sort', scope: 'containers', keys: ['o'], label: 'sort', description: 'Sort by state, name, CPU, memory, created (cycles)', run: ctx => ctx.dispatch({type: 'sort-next'})},
	{id: 'container.sort-reverse', scope: 'containers', keys: ['O'], label: 'reverse', description: 'Reverse the sort order', run: ctx => ctx.dispatch({type: 'sort-reverse'})},
	{
		id: 'container.top',
		scope: 'containers',
		keys: ['T'],
		label: 'top',
		description: "Show the container's processes (refreshing)",
		available: forContainer(c => (c.state === 'running' || c.state === 'paused' ? true : `${c.name} is not running: no processes`), {evenIfBusy: true}),
		cli: cli('top'),
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'top', id: selectedContainer(ctx.state)!.id, scroll: 0}}),
	},
];

/** L: the marked containers' logs merged, or the selected compose project's; again: back to one. */
export function mergedLogs(ctx: CommandContext): void {
	const {state} = ctx;
	if (state.logs.merged) {
		ctx.dispatch({type: 'merge', merged: undefined});
		return ctx.say('info', 'Back to the selected container');
	}
	let ids = state.containers.filter(c => state.marked[c.id]).map(c => c.id);
	let title = `merged: ${ids.length} marked`;
	if (ids.length === 0) {
		const project = selectedContainer(state)?.labels['com.docker.compose.project'];
		if (!project) return ctx.say('info', 'Mark containers with Space (or select a compose container), then L');
		ids = state.containers.filter(c => c.labels['com.docker.compose.project'] === project).map(c => c.id);
		title = `merged: compose project ${project}`;
	}
	ctx.dispatch({type: 'merge', merged: {ids, title}});
	ctx.dispatch({type: 'focus', pane: 'logs'});
}
