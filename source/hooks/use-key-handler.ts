import {useRef} from 'react';
import {useInput} from 'ink';
import {keyNames, resolveAction, type Layer, type Pane} from '../keys/match.js';
import type {ActionName} from '../keys/keymap.js';
import {
	reducer,
	selectedContainer,
	selectedImageRow,
	type Action,
	type AppState,
	type ConfirmTarget,
} from '../state/app-state.js';
import {defaultSnapshotTag, shortId} from '../format/format.js';
import {parseReference} from '../format/reference.js';
import {sanitizeInline} from '../text/sanitize.js';
import type {EngineActions} from './use-engine-actions.js';
import type {LogsController} from './use-logs-controller.js';
import {checkRunFields, splitCommand} from '../format/run-form.js';
import {runFieldNames, type RunFields} from '../state/app-state.js';
import {defaultLogPath} from '../logs/save-logs.js';

/** Which layer has the keyboard in a state. */
export function layerOf(state: AppState): Layer {
	const modal = state.modal;
	if (modal?.kind === 'confirm') return 'dialog';
	if (modal?.kind === 'prompt' || modal?.kind === 'run' || state.filterEditing) return 'prompt';
	if (modal?.kind === 'help') return 'help';
	if (modal) return 'view';
	return 'panes';
}

export interface KeyContext {
	state: AppState;
	dispatch: (action: Action) => void;
	actions: EngineActions;
	/** Rows of one page in the focused pane. */
	page: number;
	logs: LogsController;
	exit: () => void;
	now: () => Date;
	/** Hands the terminal to a shell, a command or an attach session. */
	interactive: {
		shell(target: ConfirmTarget): void;
		exec(target: ConfirmTarget, cmd: string[]): void;
		attach(target: ConfirmTarget): void;
	};
	/** Saves the log; `overwrite` after the user confirmed replacing the file. */
	saveLogs(file: string, scope: 'buffer' | 'engine', overwrite: boolean): void;
	/** Runs a container from an image with the form's checked options. */
	run(image: string, options: import('../format/run-form.js').RunOptions): void;
}

const alive = new Set(['running', 'paused', 'restarting']);

/** Handles text typed into the filter or the commit prompt. */
function handleText(name: string, ctx: KeyContext, value: string): string | undefined {
	if (name === 'backspace') return value.slice(0, -1);
	if (name === 'space') return value + ' ';
	if ([...name].length === 1) return value + sanitizeInline(name);
	return undefined;
}

function scrollLogs(ctx: KeyContext, delta: number | 'first' | 'last') {
	ctx.logs.scrollBy(delta, ctx.page);
}

function containerTarget(state: AppState): ConfirmTarget | undefined {
	const c = selectedContainer(state);
	return c ? {kind: 'container', id: c.id, name: c.name} : undefined;
}

function paneAction(action: ActionName, ctx: KeyContext): void {
	const {state, dispatch, actions} = ctx;
	const info = (text: string) => dispatch({type: 'status', status: {tone: 'info', text}});
	const container = selectedContainer(state);
	const pane: Pane = state.focus;
	switch (action) {
		case 'focus-containers':
			return dispatch({type: 'focus', pane: 'containers'});
		case 'focus-images':
			return dispatch({type: 'focus', pane: 'images'});
		case 'focus-logs':
		case 'show-logs':
			return dispatch({type: 'focus', pane: 'logs'});
		case 'next-pane':
			return dispatch({type: 'cycle-focus', delta: 1});
		case 'prev-pane':
			return dispatch({type: 'cycle-focus', delta: -1});
		case 'up':
		case 'down':
		case 'page-up':
		case 'page-down': {
			const step = action === 'up' || action === 'down' ? 1 : ctx.page;
			const delta = action === 'up' || action === 'page-up' ? -step : step;
			if (pane === 'logs') return scrollLogs(ctx, delta);
			return dispatch({type: 'move', delta});
		}
		case 'logs-up':
			return scrollLogs(ctx, -1);
		case 'logs-down':
			return scrollLogs(ctx, 1);
		case 'first':
			if (pane === 'logs') return scrollLogs(ctx, 'first');
			return dispatch({type: 'move-to', where: 'first'});
		case 'last':
			if (pane === 'logs') return scrollLogs(ctx, 'last');
			return dispatch({type: 'move-to', where: 'last'});
		case 'filter':
		case 'search':
			return dispatch({type: 'filter-start'});
		case 'next-match':
		case 'prev-match':
			return info(ctx.logs.jump(action === 'next-match' ? 1 : -1, ctx.page));
		case 'toggle-filter-mode':
			if (!state.filters.logs) return info('Search first (/), then f shows only the matching lines');
			return dispatch({type: 'logs-toggle', what: 'filterMode'});
		case 'toggle-timestamps':
			return dispatch({type: 'logs-toggle', what: 'timestamps'});
		case 'toggle-wrap':
			return dispatch({type: 'logs-toggle', what: 'wrap'});
		case 'since-shorter':
		case 'since-longer':
			return dispatch({type: 'logs-since', delta: action === 'since-longer' ? 1 : -1});
		case 'tail-more':
		case 'tail-less':
			return dispatch({type: 'logs-tail', delta: action === 'tail-more' ? 1 : -1});
		case 'save-logs': {
			const targets = ctx.logs.targets;
			if (targets.length === 0) return info('No log to save: select a container');
			const name = targets.length > 1 ? 'merged' : targets[0]!.name;
			return dispatch({
				type: 'open',
				modal: {
					kind: 'prompt',
					purpose: 'save-logs',
					target: {kind: 'container', id: targets[0]!.id, name},
					value: defaultLogPath(name, ctx.now()),
					scope: 'buffer',
				},
			});
		}
		case 'merged-logs': {
			if (state.merged) {
				dispatch({type: 'merge', merged: undefined});
				return info('Back to the selected container');
			}
			let ids = state.containers.filter(c => state.marked[c.id]).map(c => c.id);
			let title = `merged: ${ids.length} marked`;
			if (ids.length === 0) {
				const project = container?.labels['com.docker.compose.project'];
				if (!project) return info('Mark containers with Space (or select a compose container), then L');
				ids = state.containers.filter(c => c.labels['com.docker.compose.project'] === project).map(c => c.id);
				title = `merged: compose project ${project}`;
			}
			dispatch({type: 'merge', merged: {ids, title}});
			return dispatch({type: 'focus', pane: 'logs'});
		}
		case 'sort':
			return dispatch({type: 'sort-next'});
		case 'sort-reverse':
			return dispatch({type: 'sort-reverse'});
		case 'run': {
			const row = selectedImageRow(state);
			if (!row) return;
			return dispatch({
				type: 'open',
				modal: {kind: 'run', image: row.ref ?? row.image.id, fields: {name: '', command: '', ports: '', env: '', binds: ''}, field: 0},
			});
		}
		case 'help':
			return dispatch({type: 'open', modal: {kind: 'help', scroll: 0}});
		case 'close':
			if (state.filters[pane]) return dispatch({type: 'filter-clear'});
			if (pane === 'logs' && state.merged) return dispatch({type: 'merge', merged: undefined});
			return dispatch({type: 'status', status: undefined});
		case 'quit': {
			const running = actions.running();
			if (running.length > 0 && !state.status?.text.startsWith('Still running on the engine')) {
				return dispatch({
					type: 'status',
					status: {tone: 'info', text: `Still running on the engine: ${running.join(', ')} — press q again to quit anyway (it carries on without berth)`},
				});
			}
			return ctx.exit();
		}
		case 'toggle-all':
			return dispatch({type: 'toggle-all'});
		case 'history': {
			const row = selectedImageRow(state);
			if (!row) return;
			return dispatch({type: 'open', modal: {kind: 'history', id: row.image.id, ref: row.ref, scroll: 0}});
		}
		case 'remove-image': {
			const row = selectedImageRow(state);
			if (!row) return;
			if (state.busy[row.image.id]) return info(`${row.ref ?? shortId(row.image.id)} is busy: ${state.busy[row.image.id]}`);
			const name = row.ref ?? shortId(row.image.id);
			const usedBy = state.containers.filter(c => c.imageId === row.image.id).map(c => c.name);
			const body: string[] = [];
			if (row.ref && row.image.repoTags.length > 1) body.push(`Only the tag ${row.ref} goes; the image keeps its other ${row.image.repoTags.length - 1} tag(s).`);
			if (usedBy.length > 0) body.push(`Used by container(s): ${usedBy.join(', ')}`);
			return dispatch({
				type: 'open',
				modal: {
					kind: 'confirm',
					op: 'remove-image',
					target: {kind: 'image', id: row.image.id, name, ref: row.ref},
					title: `Remove image ${name} (${shortId(row.image.id)})?`,
					body,
					forceOffered: false,
				},
			});
		}
		default:
			break;
	}

	// Container actions.
	if (!container) return;
	if (state.busy[container.id]) return info(`${container.name} is busy: ${state.busy[container.id]}`);
	switch (action) {
		case 'start':
			if (container.state === 'running') return info(`${container.name} is already running`);
			if (container.state === 'paused') return info(`${container.name} is paused: p unpauses it`);
			return actions.start(container);
		case 'stop':
			if (!alive.has(container.state)) return info(`${container.name} is not running`);
			return actions.stop(container);
		case 'restart':
			return actions.restart(container);
		case 'pause':
			if (container.state !== 'running' && container.state !== 'paused') return info(`${container.name} is not running`);
			return actions.togglePause(container);
		case 'kill':
			if (!alive.has(container.state)) return info(`${container.name} is not running`);
			return dispatch({
				type: 'open',
				modal: {
					kind: 'confirm',
					op: 'kill',
					target: containerTarget(state)!,
					title: `Kill container ${container.name} (${shortId(container.id)}) with SIGKILL now?`,
					body: ['It gets no chance to shut down cleanly (exit code 137). s stops it gracefully instead.'],
					forceOffered: false,
				},
			});
		case 'remove':
			return dispatch({
				type: 'open',
				modal: {
					kind: 'confirm',
					op: 'remove',
					target: containerTarget(state)!,
					title: `Remove container ${container.name} (${shortId(container.id)})?`,
					body: alive.has(container.state) ? ['It is running: the engine refuses unless you then force it.'] : [],
					forceOffered: false,
				},
			});
		case 'commit':
			return dispatch({
				type: 'open',
				modal: {kind: 'prompt', purpose: 'commit', target: containerTarget(state)!, value: defaultSnapshotTag(container.name, ctx.now())},
			});
		case 'details':
			return dispatch({type: 'open', modal: {kind: 'details', id: container.id, scroll: 0}});
		case 'mark':
			dispatch({type: 'mark', id: container.id});
			return dispatch({type: 'move', delta: 1});
		case 'top':
			if (container.state !== 'running' && container.state !== 'paused') return info(`${container.name} is not running: no processes`);
			return dispatch({type: 'open', modal: {kind: 'top', id: container.id, scroll: 0}});
		case 'exec-shell':
			return ctx.interactive.shell(containerTarget(state)!);
		case 'exec-command':
			return dispatch({type: 'open', modal: {kind: 'prompt', purpose: 'exec', target: containerTarget(state)!, value: 'sh'}});
		case 'attach':
			return ctx.interactive.attach(containerTarget(state)!);
		default:
			return;
	}
}

function dialogAction(action: ActionName, ctx: KeyContext): void {
	const modal = ctx.state.modal;
	if (modal?.kind !== 'confirm') return;
	const usedBy = (id: string) => ctx.state.containers.filter(c => c.imageId === id).map(c => c.name);
	const run = (force: boolean) => {
		ctx.dispatch({type: 'close'});
		const {target} = modal;
		if (modal.op === 'overwrite') ctx.saveLogs(target.name, target.ref === 'engine' ? 'engine' : 'buffer', true);
		else if (modal.op === 'kill') ctx.actions.kill(target);
		else if (modal.op === 'remove') ctx.actions.removeContainer(target, force);
		else ctx.actions.removeImage(target, force, usedBy(target.id));
	};
	if (action === 'cancel') {
		ctx.dispatch({type: 'close'});
		ctx.dispatch({type: 'status', status: {tone: 'info', text: 'Cancelled; nothing was changed'}});
	} else if (action === 'confirm' && !modal.forceOffered) run(false);
	else if (action === 'force' && modal.forceOffered) run(true);
	else if (action === 'quit') ctx.exit();
}

function promptKey(name: string, ctx: KeyContext): void {
	const {state, dispatch} = ctx;
	const action = resolveAction(name, 'prompt', state.focus);
	if (action === 'quit') return ctx.exit();
	if (state.modal?.kind === 'run') {
		const modal = state.modal;
		const field = runFieldNames[modal.field]!;
		if (action === 'cancel') {
			dispatch({type: 'close'});
			return dispatch({type: 'status', status: {tone: 'info', text: 'Run cancelled'}});
		}
		if (action === 'next-field' || action === 'prev-field') {
			const next = (modal.field + (action === 'next-field' ? 1 : -1) + runFieldNames.length) % runFieldNames.length;
			return dispatch({type: 'run-input', fields: modal.fields, field: next, error: modal.error});
		}
		if (action === 'submit') {
			const checked = checkRunFields(modal.fields);
			if (!checked.ok) {
				return dispatch({type: 'run-input', fields: modal.fields, field: runFieldNames.indexOf(checked.field), error: `${checked.field}: ${checked.reason}`});
			}
			dispatch({type: 'close'});
			return ctx.run(modal.image, checked.options);
		}
		const value = handleText(name, ctx, modal.fields[field]);
		if (value !== undefined) {
			const fields: RunFields = {...modal.fields, [field]: value};
			dispatch({type: 'run-input', fields, field: modal.field});
		}
		return;
	}
	if (state.modal?.kind === 'prompt') {
		const modal = state.modal;
		if (action === 'cancel') {
			dispatch({type: 'close'});
			return dispatch({type: 'status', status: {tone: 'info', text: 'Cancelled; nothing was changed'}});
		}
		if (action === 'next-field' && modal.purpose === 'save-logs') return dispatch({type: 'prompt-scope'});
		if (action === 'submit') {
			if (modal.purpose === 'commit') {
				const parsed = parseReference(modal.value);
				if (!parsed.ok) return dispatch({type: 'prompt-input', value: modal.value, error: parsed.reason});
				dispatch({type: 'close'});
				return ctx.actions.commit(modal.target, parsed.repo, parsed.tag);
			}
			if (modal.purpose === 'exec') {
				const cmd = splitCommand(modal.value.trim());
				if (typeof cmd === 'string' || cmd.length === 0) return dispatch({type: 'prompt-input', value: modal.value, error: typeof cmd === 'string' ? cmd : 'Type a command, e.g. sh'});
				dispatch({type: 'close'});
				return ctx.interactive.exec(modal.target, cmd);
			}
			const file = modal.value.trim();
			if (!file) return dispatch({type: 'prompt-input', value: modal.value, error: 'Type a file name'});
			dispatch({type: 'close'});
			return ctx.saveLogs(file, modal.scope ?? 'buffer', false);
		}
		const value = handleText(name, ctx, modal.value);
		if (value !== undefined) dispatch({type: 'prompt-input', value});
		return;
	}
	if (state.filterEditing) {
		if (action === 'cancel') return dispatch({type: 'filter-clear'});
		if (action === 'submit') {
			if (state.filterEditing === 'logs' && ctx.logs.searchError) return;
			dispatch({type: 'filter-commit'});
			if (state.filterEditing === 'logs' && state.filters.logs) dispatch({type: 'status', status: {tone: 'info', text: ctx.logs.jump(-1, ctx.page)}});
			return;
		}
		const value = handleText(name, ctx, state.filters[state.filterEditing]);
		if (value !== undefined) dispatch({type: 'filter-input', text: value});
	}
}

/** Routes one key name to what it does in the current state. */
export function handleKeyName(name: string, ctx: KeyContext): void {
	const layer = layerOf(ctx.state);
	if (layer === 'prompt') return promptKey(name, ctx);
	if (ctx.state.conn.kind === 'down' && layer === 'panes') {
		const action = resolveAction(name, layer, ctx.state.focus);
		if (action === 'quit') return ctx.exit();
		return;
	}
	const action = resolveAction(name, layer, ctx.state.focus);
	if (!action) return;
	if (layer === 'dialog') return dialogAction(action, ctx);
	if (layer === 'help' || layer === 'view') {
		if (action === 'quit') return ctx.exit();
		if (action === 'close') return ctx.dispatch({type: 'close'});
		const page = Math.max(1, ctx.page);
		const delta = action === 'up' ? -1 : action === 'down' ? 1 : action === 'page-up' ? -page : action === 'page-down' ? page : 0;
		if (delta) ctx.dispatch({type: 'scroll-modal', delta});
		return;
	}
	return paneAction(action, ctx);
}

/**
 * The one keyboard handler. Every key goes through the keymap (via resolveAction); state is
 * read through a ref so keys typed faster than renders each see the state before them.
 */
export function useKeyHandler(ctx: KeyContext, isActive: boolean): void {
	const ref = useRef(ctx);
	ref.current = ctx;
	useInput(
		(input, key) => {
			// Several keys can arrive in one read; each must see the state the previous one left,
			// so the same pure reducer React uses is applied here as the keys are handled.
			let state = ref.current.state;
			const dispatch = (action: Action) => {
				state = reducer(state, action);
				ref.current.dispatch(action);
			};
			for (const name of keyNames(input, key)) {
				handleKeyName(name, {...ref.current, state, dispatch});
			}
		},
		{isActive},
	);
}
