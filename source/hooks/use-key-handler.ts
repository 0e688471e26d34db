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
import type {LogScroll} from '../ui/logs-pane.js';
import {logWindow} from '../ui/logs-pane.js';

/** Which layer has the keyboard in a state. */
export function layerOf(state: AppState): Layer {
	const modal = state.modal;
	if (modal?.kind === 'confirm') return 'dialog';
	if (modal?.kind === 'prompt' || state.filterEditing) return 'prompt';
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
	/** The log buffer's extent, for scrolling. */
	logExtent: {dropped: number; length: number};
	logScroll: LogScroll;
	setLogScroll: (scroll: LogScroll) => void;
	exit: () => void;
	now: () => Date;
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
	const {dropped, length} = ctx.logExtent;
	const total = dropped + length;
	if (delta === 'last') return ctx.setLogScroll({follow: true});
	const [, end] = logWindow(ctx.logScroll, dropped, length, ctx.page);
	const next = delta === 'first' ? dropped + Math.min(ctx.page, length) : end + delta;
	if (next >= total) ctx.setLogScroll({follow: true});
	else ctx.setLogScroll({follow: false, end: Math.max(dropped + Math.min(ctx.page, length), next)});
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
			if (pane === 'logs') return info('Filter works on the containers and images lists');
			return dispatch({type: 'filter-start'});
		case 'help':
			return dispatch({type: 'open', modal: {kind: 'help', scroll: 0}});
		case 'close':
			if (state.filters[pane]) return dispatch({type: 'filter-clear'});
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
		if (modal.op === 'kill') ctx.actions.kill(target);
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
	if (state.modal?.kind === 'prompt') {
		const modal = state.modal;
		if (action === 'cancel') {
			dispatch({type: 'close'});
			return dispatch({type: 'status', status: {tone: 'info', text: 'Commit cancelled'}});
		}
		if (action === 'submit') {
			const parsed = parseReference(modal.value);
			if (!parsed.ok) return dispatch({type: 'prompt-input', value: modal.value, error: parsed.reason});
			dispatch({type: 'close'});
			return ctx.actions.commit(modal.target, parsed.repo, parsed.tag);
		}
		const value = handleText(name, ctx, modal.value);
		if (value !== undefined) dispatch({type: 'prompt-input', value});
		return;
	}
	if (state.filterEditing) {
		if (action === 'cancel') return dispatch({type: 'filter-clear'});
		if (action === 'submit') return dispatch({type: 'filter-commit'});
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
