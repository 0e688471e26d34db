import React, {useCallback, useMemo, useReducer, useState} from 'react';
import {Box, Text, useApp, useStdout} from 'ink';
import type {Engine, TerminalSession} from '../engine/types.js';
import {failureText, useEngineActions} from '../hooks/use-engine-actions.js';
import type {EngineFeed} from '../state/engine-feed.js';
import {retryMs, useEngineData} from '../hooks/use-engine-data.js';
import {layerOf, useKeyHandler, type KeyContext} from '../hooks/use-key-handler.js';
import {useLogsController} from '../hooks/use-logs-controller.js';
import {useStatsPoll} from '../hooks/use-stats-poll.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {bufferText, engineLogText, saveText, wouldOverwrite} from '../logs/save-logs.js';
import {
	initialState,
	reducer,
	selectedContainer,
	selectedImageRow,
	visibleContainers,
	visibleImageRows,
	type ConfirmTarget,
} from '../state/app-state.js';
import {shortId} from '../format/format.js';
import {fit} from '../text/width.js';
import {ContainersPane} from './containers-pane.js';
import {DetailsView} from './details-view.js';
import {Dialog} from './dialog.js';
import {HelpBar} from './help-bar.js';
import {HelpOverlay} from './help-overlay.js';
import {HistoryView} from './history-view.js';
import {ImagesPane} from './images-pane.js';
import {computeLayout, pageSize} from './layout.js';
import {useWindowTop} from './list-window.js';
import {LogsPane} from './logs-pane.js';
import {StatusLine} from './status-line.js';
import {TopView} from './top-view.js';
import {UnreachableScreen} from './unreachable-screen.js';
import {tone} from './theme.js';

export interface AppProps {
	engine: Engine;
	/** Show stopped containers too (the default), or only running ones. */
	showAll?: boolean;
	/** Clock, for tests. */
	now?: () => Date;
	/** Called when the user quits, before the app unmounts. */
	onQuit?: () => void;
	/**
	 * Gives the terminal to an interactive session and resolves when it ended and berth's
	 * screen is back. Without it (no real terminal) shells and attach are refused.
	 */
	handover?: (session: TerminalSession) => Promise<void>;
	/** The shell `e` starts; by default bash when the container has it, else sh. */
	shell?: string;
	/** Working directory for saved logs. */
	cwd?: string;
	/** The engine feed berth started before loading the UI; without it the app starts its own. */
	feed?: EngineFeed;
}

const alive = new Set(['running', 'paused', 'restarting']);
const sortNames = {state: 'state', name: 'name', cpu: 'CPU', memory: 'memory', created: 'created'};

/** The whole screen: panes, views, dialogs, the status line and the help bar. */
export function App({engine, showAll = true, now = () => new Date(), onQuit, handover, shell, cwd, feed}: AppProps) {
	const {exit} = useApp();
	const {write} = useStdout();
	// What the feed already knows (the first snapshot, usually) is in the very first frame.
	const [state, dispatch] = useReducer(reducer, {showAll}, init => (feed?.take() ?? []).reduce(reducer, initialState(init)));
	const [suspended, setSuspended] = useState(false);
	const size = useTerminalSize();
	const {refresh} = useEngineData(engine, dispatch, undefined, feed);
	const actions = useEngineActions(engine, dispatch, refresh);

	const containers = useMemo(
		() => visibleContainers(state),
		[state.containers, state.showAll, state.filters.containers, state.sort, state.sort.key === 'state' ? undefined : state.stats],
	);
	const imageRows = useMemo(() => visibleImageRows(state), [state.imageRows, state.filters.images]);
	const container = selectedContainer(state);
	const imageRow = selectedImageRow(state);
	const connected = state.conn.kind === 'up';
	const logs = useLogsController(engine, state, container);

	const layout = computeLayout(size.columns, size.rows, state.focus);
	const layer = layerOf(state);
	// Ages change by the minute at most; a coarser clock keeps memoised rows from re-rendering.
	const nowSeconds = Math.floor(now().getTime() / 60_000) * 60;
	const page = state.modal && layer !== 'dialog' && layer !== 'prompt' ? Math.max(1, layout.body - 1) : pageSize(layout, state.focus);

	const containerRows = Math.max(0, layout.heights.containers - 2);
	const selectedIndex = Math.max(0, containers.findIndex(c => c.id === container?.id));
	const top = useWindowTop(selectedIndex, containerRows, containers.length);
	const statsIds = useMemo(
		() => containers.slice(top, top + containerRows).filter(c => c.state === 'running').map(c => c.id),
		[containers, top, containerRows],
	);
	useStatsPoll(engine, statsIds, connected && containerRows > 0 && !suspended, dispatch);

	const status = useCallback((tone: 'ok' | 'error' | 'info', text: string) => dispatch({type: 'status', status: {tone, text}}), []);

	const doExit = useCallback(() => {
		onQuit?.();
		exit();
	}, [exit, onQuit]);

	const interactive = useMemo(() => {
		const start = async (target: ConfirmTarget, what: string, open: () => Promise<TerminalSession>) => {
			if (!handover) return status('error', `${what} needs berth to run in a terminal`);
			setSuspended(true);
			let outcome: ['info' | 'error', string];
			try {
				const session = await open();
				await handover(session);
				const result = await session.done;
				outcome = result.detached
					? ['info', `Detached from ${target.name}; it keeps running`]
					: ['info', `${what} in ${target.name} ended${result.exitCode === undefined ? '' : ` (exit code ${result.exitCode})`}`];
			} catch (error) {
				outcome = ['error', failureText(what.toLowerCase(), target.name, error)];
			}
			// Keys first, then the news: the frame that says it ended also takes keys.
			setSuspended(false);
			// Make Ink draw the whole frame again on the restored screen.
			write('');
			status(...outcome);
			refresh();
		};
		const sizeNow = () => ({columns: process.stdout.columns || 80, rows: process.stdout.rows || 24});
		return {
			shell: (t: ConfirmTarget) =>
				void start(t, 'Shell', async () => {
					let cmd = shell ? [shell] : undefined;
					if (!cmd) {
						const found = await engine.execCapture(t.id, ['sh', '-c', 'command -v bash || command -v sh || echo sh']);
						cmd = [found.stdout.split('\n')[0]?.trim() || 'sh'];
					}
					return engine.execInteractive(t.id, cmd, sizeNow());
				}),
			exec: (t: ConfirmTarget, cmd: string[]) => void start(t, 'Command', () => engine.execInteractive(t.id, cmd, sizeNow())),
			attach: (t: ConfirmTarget) => void start(t, 'Attach', () => engine.attach(t.id, sizeNow())),
		};
	}, [engine, handover, shell, status, write, refresh]);

	const saveLogs = useCallback(
		(file: string, scope: 'buffer' | 'engine', overwrite: boolean) => {
			if (!overwrite && wouldOverwrite(file, cwd)) {
				dispatch({
					type: 'open',
					modal: {
						kind: 'confirm',
						op: 'overwrite',
						target: {kind: 'file', id: file, name: file, ref: scope},
						title: `${file} exists. Replace it?`,
						body: ['Its contents will be lost.'],
						forceOffered: false,
					},
				});
				return;
			}
			void (async () => {
				try {
					const targets = logs.targets;
					if (scope === 'engine' && targets.length !== 1) return status('error', 'The whole log can be fetched for one container at a time');
					const text = scope === 'engine' ? await engineLogText(engine, targets[0]!.id) : bufferText(logs.stream.buffer);
					const bytes = await saveText(file, text, overwrite, cwd);
					const lines = text === '' ? 0 : text.split('\n').length - 1;
					status('ok', `Saved ${lines} lines (${bytes} bytes) to ${file}`);
				} catch (error) {
					status('error', `Could not save ${file}: ${error instanceof Error ? error.message : String(error)}`);
				}
			})();
		},
		[cwd, engine, logs.targets, logs.stream.buffer, status],
	);

	const run = useCallback<KeyContext['run']>(
		(image, options) => {
			void (async () => {
				status('info', `Starting a container from ${image}…`);
				try {
					const id = await engine.runContainer(image, options);
					status('ok', `Started ${options.name ?? shortId(id)} from ${image}`);
				} catch (error) {
					status('error', failureText('run', image, error));
				} finally {
					refresh();
				}
			})();
		},
		[engine, refresh, status],
	);

	useKeyHandler({state, dispatch, actions, page, logs, exit: doExit, now, interactive, saveLogs, run}, !suspended);

	const runningCount = state.containers.filter(c => alive.has(c.state)).length;
	const statusLine = (
		<StatusLine
			endpoint={engine.endpoint}
			conn={state.conn}
			running={runningCount}
			stopped={state.containers.length - runningCount}
			images={new Set(state.imageRows.map(r => r.image.id)).size}
			status={state.status}
			width={layout.width}
		/>
	);
	const helpBar = <HelpBar layer={state.conn.kind === 'down' ? 'panes' : layer} pane={state.focus} width={layout.width} />;
	const bodyHeight = layout.height - 2;

	let body: React.ReactNode;
	if (state.conn.kind === 'down') {
		body = (
			<UnreachableScreen
				endpoint={engine.endpoint}
				error={state.conn.error}
				attempts={state.conn.attempts}
				retrySeconds={retryMs / 1000}
				width={layout.width}
				height={bodyHeight}
			/>
		);
	} else if (state.modal?.kind === 'help') {
		body = <HelpOverlay width={layout.width} height={bodyHeight} scroll={state.modal.scroll} />;
	} else if (state.modal?.kind === 'details' || state.modal?.kind === 'top') {
		const modal = state.modal;
		const target = state.containers.find(c => c.id === modal.id);
		if (target && modal.kind === 'details') {
			body = <DetailsView engine={engine} container={target} width={layout.width} height={bodyHeight} scroll={modal.scroll} />;
		} else if (target) {
			body = <TopView engine={engine} container={target} width={layout.width} height={bodyHeight} scroll={modal.scroll} />;
		}
	} else if (state.modal?.kind === 'history') {
		const modal = state.modal;
		body = (
			<HistoryView engine={engine} imageId={modal.id} name={modal.ref ?? modal.id} width={layout.width} height={bodyHeight} scroll={modal.scroll} now={nowSeconds} />
		);
	} else {
		const show = (pane: 'containers' | 'images' | 'logs') => layout.heights[pane] > 0;
		const shown = state.merged ? undefined : state.containers.find(c => c.id === logs.targets[0]?.id);
		const streamState =
			logs.stream.state === 'error'
				? 'stream failed'
				: state.merged
					? `${logs.targets.length} containers`
					: shown && shown.state !== 'running'
						? shown.state
						: logs.scroll.follow
							? 'following'
							: undefined;
		body = (
			<Box flexDirection="column" width={layout.width} height={bodyHeight}>
				{layout.mode === 'single' ? (
					<Text color={tone('muted')} wrap="truncate-end">
						{fit(
							(['containers', 'images', 'logs'] as const)
								.map((p, i) => (p === state.focus ? `[${i + 1} ${p}]` : ` ${i + 1} ${p} `))
								.join(' ') + '   (Tab switches)',
							layout.width,
						)}
					</Text>
				) : null}
				{show('containers') ? (
					<ContainersPane
						containers={containers}
						selectedId={container?.id}
						busy={state.busy}
						focused={state.focus === 'containers'}
						width={layout.width}
						height={layout.heights.containers}
						showAll={state.showAll}
						total={state.containers.length}
						running={runningCount}
						filter={state.filters.containers}
						editing={state.filterEditing === 'containers'}
						loaded={state.loaded}
						stats={state.stats}
						marked={state.marked}
						top={top}
						sortLabel={state.sort.key === 'state' && !state.sort.reverse ? undefined : `${sortNames[state.sort.key]}${state.sort.reverse ? ' ↑' : ' ↓'}`}
					/>
				) : null}
				{show('images') ? (
					<ImagesPane
						rows={imageRows}
						selectedKey={imageRow?.key}
						busy={state.busy}
						focused={state.focus === 'images'}
						width={layout.width}
						height={layout.heights.images}
						filter={state.filters.images}
						editing={state.filterEditing === 'images'}
						loaded={state.loaded}
						now={nowSeconds}
					/>
				) : null}
				{show('logs') ? (
					<LogsPane
						buffer={logs.stream.buffer}
						title={state.merged ? state.merged.title : shown?.name}
						state={streamState}
						error={logs.stream.error}
						scroll={logs.scroll}
						focused={state.focus === 'logs'}
						width={layout.width}
						height={layout.heights.logs}
						timestamps={state.logs.timestamps}
						wrap={state.logs.wrap}
						filterMode={state.logs.filterMode}
						matcher={logs.matcher}
						search={state.filters.logs}
						editing={state.filterEditing === 'logs'}
						searchError={logs.searchError}
						current={logs.current}
						matchInfo={logs.matcher ? `${logs.matches.length} matches` : undefined}
						settings={`since ${state.logs.since}, tail ${state.logs.tail}`}
						dropped={logs.stream.buffer.dropped}
						version={logs.stream.version}
					/>
				) : null}
				{state.modal ? <Dialog modal={state.modal} width={layout.width} height={bodyHeight} /> : null}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={layout.width} height={layout.height}>
			{body}
			{statusLine}
			{helpBar}
		</Box>
	);
}
