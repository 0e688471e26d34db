/**
 * Connects the controller to React: one store and one controller per mounted App, the
 * terminal's keys and size fed to them, and the state read back for drawing.
 */
import {useEffect, useState, useSyncExternalStore} from 'react';
import {useStdin, useStdout} from 'ink';
import type {Engine} from '../engine/types.js';
import {createController, type Controller, type TerminalControl} from '../controller/controller.js';
import type {EngineFeed} from '../state/engine-feed.js';
import {initialState, reducer} from '../state/reducer.js';
import {createStore, type Store} from '../state/store.js';
import type {AppState, StatusMessage} from '../state/types.js';
import type {Config} from '../config/config-types.js';
import type {Keymap} from '../commands/keymap.js';

export interface ControllerProps {
	engine: Engine;
	showAll?: boolean;
	/** Start with the CPU and MEM columns off (--no-stats). */
	showStats?: boolean;
	now?: () => Date;
	onQuit?: () => void;
	terminal?: TerminalControl;
	contexts?: import('../commands/command-services.js').ContextsSource;
	/** What the previous screen kept (after a switch to other contexts). */
	carried?: import('../state/contexts-types.js').CarriedState;
	shell?: string;
	cwd?: string;
	feed?: EngineFeed;
	/** Hands the store out once made (tests read the command log in it). */
	onStore?: (store: Store) => void;
	/** The config in effect (file and flags): read-only mode, how the logs pane and the focus start. */
	config?: Config;
	/** The keys in effect (commands/config-keys.ts); absent: the registry's own. */
	keymap?: Keymap;
	/** Said on the status line at start (the config's problems). */
	notice?: StatusMessage;
}

/** What the config sets in the first state. */
function configured(state: AppState, config: Config | undefined, keymap: Keymap | undefined): AppState {
	if (!config && !keymap) return state;
	return {
		...state,
		...(keymap ? {keymap} : {}),
		...(config?.readOnly.enabled ? {readOnly: config.readOnly} : {}),
		...(config ? {focus: config.defaultPane, logs: {...state.logs, ...config.logs}} : {}),
	};
}

export function useController(props: ControllerProps, exit: () => void): {state: AppState; controller: Controller; store: Store} {
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	const [{store, controller}] = useState(() => {
		const size = {columns: stdout.columns || 80, rows: stdout.rows || 24};
		const now = (props.now ?? (() => new Date()))().getTime();
		// What the feed already knows (the first snapshot, usually) is in the very first frame.
		const first = (props.feed?.take() ?? []).reduce(
			(state, action) => reducer(state, action.type === 'snapshot' ? {...action, at: now} : action),
			{
				...configured(initialState({showAll: props.carried?.showAll ?? props.showAll, showStats: props.carried?.showStats ?? props.showStats, ...size, clock: now}), props.config, props.keymap),
				commandLog: props.carried?.commandLog ?? [],
				...(props.notice ? {status: {...props.notice, at: now}} : {}),
				...(props.carried?.status ? {status: props.carried.status} : {}),
			} as AppState,
		);
		const store = createStore(first);
		const controller = createController({
			engine: props.engine,
			store,
			feed: props.feed,
			terminal: props.terminal,
			contexts: props.contexts,
			shell: props.shell,
			cwd: props.cwd,
			now: props.now ?? (() => new Date()),
			exit: () => {
				props.onQuit?.();
				exit();
			},
		});
		props.onStore?.(store);
		return {store, controller};
	});
	useEffect(() => {
		controller.listen(stdin);
		return () => controller.stop();
	}, [controller, stdin]);
	useEffect(() => {
		const onResize = () => store.dispatch({type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24});
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, store]);
	const state = useSyncExternalStore(store.subscribe, store.getState);
	return {state, controller, store};
}
