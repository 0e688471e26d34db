/**
 * The containers pane's other commands: commit, rename, details, processes, diff, copy out and
 * in, logs, the hand-overs (shell, command, attach, start attached), merged logs. (Marks, the
 * filter and the sort are every list's: lists.ts.)
 */
import {cliFor} from '../format/cli-for.js';
import {defaultSnapshotTag} from '../format/snapshot-tag.js';
import {prefilledLine} from '../input/line-editor.js';
import {containersKind} from '../kinds/containers.js';
import {markedRows} from '../state/lists.js';
import {allContainers, selectedContainer} from '../state/selectors.js';
import {openForm} from './forms.js';
import {containerTarget, forContainer, selectedContainerTarget} from './row-targets.js';
import {keyFor} from './keymap.js';
import type {Command, CommandContext} from './types.js';

/** A command that works only on a running process (exec, attach): why not, for any other state. */
const whileRunning = forContainer((c, state) =>
	c.state === 'running'
		? true
		: c.state === 'paused'
			? `${c.name} is paused: ${keyFor(state, 'container.pause', 'p')} unpauses it`
			: `${c.name} is not running: ${keyFor(state, 'container.start', 'u')} starts it`,
);

const open = (ctx: CommandContext, kind: 'details' | 'top') => ctx.dispatch({type: 'open', modal: {kind, id: selectedContainer(ctx.state)!.id, scroll: 0}});

export const containerTools: Command[] = [
	{
		id: 'container.commit',
		scope: 'containers',
		effect: 'engine',
		keys: ['c'],
		label: 'commit',
		description: 'Commit the container to an image (asks for repository:tag)',
		bar: true,
		available: forContainer(),
		run: ctx => {
			const c = selectedContainer(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'commit', target: containerTarget(c), line: prefilledLine(defaultSnapshotTag(c.name, ctx.services.now()))}});
		},
	},
	{
		id: 'container.rename',
		scope: 'containers',
		effect: 'engine',
		keys: ['N'],
		label: 'rename',
		description: "Rename the container (the engine's refusal is shown in the prompt)",
		available: forContainer(),
		run: ctx => {
			const c = selectedContainer(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'rename', target: containerTarget(c), line: prefilledLine(c.name)}});
		},
	},
	{id: 'container.toggle-all', scope: 'containers', effect: 'none', keys: ['a'], label: 'all/running', description: 'Show all containers or only running ones', bar: true, run: ctx => ctx.dispatch({type: 'toggle-all'})},
	{
		id: 'container.details',
		scope: 'containers',
		effect: 'none',
		keys: ['enter'],
		label: 'details',
		description: 'Show details (inspect summary)',
		bar: true,
		available: forContainer(undefined, {evenIfBusy: true}),
		run: ctx => open(ctx, 'details'),
	},
	{
		id: 'container.diff',
		scope: 'containers',
		effect: 'none',
		keys: ['D'],
		label: 'diff',
		description: "The container's filesystem changes: A added, C changed, D deleted (c commits)",
		available: forContainer(undefined, {evenIfBusy: true}),
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'diff', id: selectedContainer(ctx.state)!.id, scroll: 0, filter: ''}}),
	},
	{
		id: 'container.copy-out',
		scope: 'containers',
		effect: 'none',
		keys: ['C'],
		label: 'cp out',
		description: 'Copy a file or directory out of the container to the host (docker cp)',
		available: forContainer(undefined, {evenIfBusy: true}),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			openForm(ctx, 'copy-out', `Copy out of ${t.name}`, 'copy', [
				{key: 'from', label: 'From', hint: 'a path in the container, e.g. /etc/hostname'},
				{key: 'to', label: 'Into', value: '.', hint: 'an existing directory on this host'},
			], t);
		},
	},
	{
		id: 'container.copy-in',
		scope: 'containers',
		effect: 'engine',
		keys: ['I'],
		label: 'cp in',
		description: 'Copy a host file or directory into the container (docker cp)',
		available: forContainer(),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			openForm(ctx, 'copy-in', `Copy into ${t.name}`, 'copy', [
				{key: 'from', label: 'From', hint: 'a file or directory on this host'},
				{key: 'to', label: 'Into', value: '/tmp', hint: 'an existing directory in the container'},
			], t);
		},
	},
	{id: 'container.logs', scope: 'containers', effect: 'none', keys: ['l'], label: 'logs', description: "Focus the container's logs", bar: true, run: ctx => ctx.dispatch({type: 'focus', pane: 'logs'})},
	{
		id: 'container.shell',
		scope: 'containers',
		effect: 'session',
		keys: ['e'],
		label: 'shell',
		description: 'Open a shell in the container (bash if present, else sh; --shell overrides)',
		bar: true,
		available: whileRunning,
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			const chosen = ctx.services.shell;
			ctx.services.interactive(
				t,
				'Shell',
				async engine => {
					let cmd = chosen ? [chosen] : undefined;
					if (!cmd) {
						const found = await engine.containers.execCapture(t.id, ['sh', '-c', 'command -v bash || command -v sh || echo sh']);
						cmd = [found.stdout.split('\n')[0]?.trim() || 'sh'];
					}
					return engine.containers.execInteractive(t.id, cmd, ctx.state.size);
				},
				cliFor.exec(t.name, [chosen ?? 'sh'], true),
			);
		},
	},
	{
		id: 'container.exec',
		scope: 'containers',
		effect: 'session',
		keys: ['E'],
		label: 'exec',
		description: 'Run a command in the container with a terminal (asks for it)',
		available: whileRunning,
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'exec', target: selectedContainerTarget(ctx.state)!, line: prefilledLine('sh')}}),
	},
	{
		id: 'container.attach',
		scope: 'containers',
		effect: 'session',
		keys: ['A'],
		label: 'attach',
		description: "Attach to the container's main process (Ctrl-P Ctrl-Q returns to berth)",
		available: whileRunning,
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			ctx.services.interactive(t, 'Attach', engine => engine.containers.attach(t.id, ctx.state.size), cliFor.attach(t.name));
		},
	},
	{
		id: 'container.start-attached',
		scope: 'containers',
		effect: 'engine',
		keys: ['U'],
		label: 'start -ai',
		description: 'Start and attach in one key, for containers made with -it (docker start -a -i)',
		available: forContainer(c => (c.state === 'running' || c.state === 'paused' ? `${c.name} is running already: A attaches` : true)),
		run: ctx => {
			const t = selectedContainerTarget(ctx.state)!;
			ctx.services.interactive(t, 'Attach', engine => engine.containers.startAttached(t.id, ctx.state.size), cliFor.startAttached(t.name));
		},
	},
	{id: 'container.merged-logs', scope: 'containers', effect: 'none', keys: ['L'], label: 'merged logs', description: 'Merged logs of the marked containers, or of the selected compose project', run: mergedLogs},
	{
		id: 'container.stats',
		scope: 'containers',
		effect: 'none',
		keys: ['M'],
		label: 'stats',
		description: 'Show or hide the CPU and MEM columns (off: nothing is sampled; see --no-stats)',
		run: ctx => {
			ctx.dispatch({type: 'toggle-stats'});
			ctx.say('info', ctx.state.showStats ? 'Stats columns on' : 'Stats columns off: berth samples nothing');
		},
	},
	{
		id: 'container.top',
		scope: 'containers',
		effect: 'none',
		keys: ['T'],
		label: 'top',
		description: "Show the container's processes (refreshing)",
		available: forContainer(c => (c.state === 'running' || c.state === 'paused' ? true : `${c.name} is not running: no processes`), {evenIfBusy: true}),
		run: ctx => open(ctx, 'top'),
	},
];

/** L: the marked containers' logs merged, or the selected compose project's; again: back to one. */
export function mergedLogs(ctx: CommandContext): void {
	const {state} = ctx;
	if (state.logs.merged) {
		ctx.dispatch({type: 'merge', merged: undefined});
		return ctx.say('info', 'Back to the selected container');
	}
	let ids = markedRows(state, containersKind).map(c => c.id);
	let title = `merged: ${ids.length} marked`;
	if (ids.length === 0) {
		const project = selectedContainer(state)?.labels['com.docker.compose.project'];
		if (!project) return ctx.say('info', 'Mark containers with Space (or select a compose container), then L');
		ids = allContainers(state).filter(c => c.labels['com.docker.compose.project'] === project).map(c => c.id);
		title = `merged: compose project ${project}`;
	}
	ctx.dispatch({type: 'merge', merged: {ids, title}});
	ctx.dispatch({type: 'focus', pane: 'logs'});
}
