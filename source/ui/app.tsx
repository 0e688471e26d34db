import React, {useCallback, useEffect, useMemo, useReducer, useState} from 'react';
import {Box, Text, useApp} from 'ink';
import type {Engine} from '../engine/types.js';
import {useEngineActions} from '../hooks/use-engine-actions.js';
import {retryMs, useEngineData} from '../hooks/use-engine-data.js';
import {layerOf, useKeyHandler} from '../hooks/use-key-handler.js';
import {useLogStream} from '../hooks/use-log-stream.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {
	initialState,
	reducer,
	selectedContainer,
	selectedImageRow,
	visibleContainers,
	visibleImageRows,
} from '../state/app-state.js';
import {fit} from '../text/width.js';
import {ContainersPane} from './containers-pane.js';
import {DetailsView} from './details-view.js';
import {Dialog} from './dialog.js';
import {HelpBar} from './help-bar.js';
import {HelpOverlay} from './help-overlay.js';
import {HistoryView} from './history-view.js';
import {ImagesPane} from './images-pane.js';
import {computeLayout, pageSize} from './layout.js';
import {LogsPane, type LogScroll} from './logs-pane.js';
import {StatusLine} from './status-line.js';
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
}

const alive = new Set(['running', 'paused', 'restarting']);

/** The whole screen: panes, views, dialogs, the status line and the help bar. */
export function App({engine, showAll = true, now = () => new Date(), onQuit}: AppProps) {
	const {exit} = useApp();
	const [state, dispatch] = useReducer(reducer, {showAll}, initialState);
	const size = useTerminalSize();
	const {refresh} = useEngineData(engine, dispatch);
	const actions = useEngineActions(engine, dispatch, refresh);

	const containers = useMemo(() => visibleContainers(state), [state.containers, state.showAll, state.filters.containers]);
	const imageRows = useMemo(() => visibleImageRows(state), [state.imageRows, state.filters.images]);
	const container = selectedContainer(state);
	const imageRow = selectedImageRow(state);
	const connected = state.conn.kind === 'up';
	const logs = useLogStream(engine, container?.id, container?.state === 'running', connected);
	const [logScroll, setLogScroll] = useState<LogScroll>({follow: true});
	useEffect(() => setLogScroll({follow: true}), [container?.id]);

	const layout = computeLayout(size.columns, size.rows, state.focus);
	const layer = layerOf(state);
	// Ages change by the minute at most; a coarser clock keeps memoised rows from re-rendering.
	const nowSeconds = Math.floor(now().getTime() / 60_000) * 60;
	const page = state.modal && layer !== 'dialog' && layer !== 'prompt' ? Math.max(1, layout.body - 1) : pageSize(layout, state.focus);

	const doExit = useCallback(() => {
		onQuit?.();
		exit();
	}, [exit, onQuit]);
	useKeyHandler(
		{
			state,
			dispatch,
			actions,
			page,
			logExtent: {dropped: logs.buffer.dropped, length: logs.buffer.length},
			logScroll,
			setLogScroll,
			exit: doExit,
			now,
		},
		true,
	);

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

	let body: React.ReactNode;
	if (state.conn.kind === 'down') {
		body = (
			<UnreachableScreen
				endpoint={engine.endpoint}
				error={state.conn.error}
				attempts={state.conn.attempts}
				retrySeconds={retryMs / 1000}
				width={layout.width}
				height={layout.height - 2}
			/>
		);
	} else if (state.modal?.kind === 'help') {
		body = <HelpOverlay width={layout.width} height={layout.height - 2} scroll={state.modal.scroll} />;
	} else if (state.modal?.kind === 'details') {
		const target = state.containers.find(c => c.id === (state.modal as {id: string}).id);
		body = target ? (
			<DetailsView engine={engine} container={target} width={layout.width} height={layout.height - 2} scroll={state.modal.scroll} />
		) : null;
	} else if (state.modal?.kind === 'history') {
		const modal = state.modal;
		body = (
			<HistoryView
				engine={engine}
				imageId={modal.id}
				name={modal.ref ?? modal.id}
				width={layout.width}
				height={layout.height - 2}
				scroll={modal.scroll}
				now={nowSeconds}
			/>
		);
	} else {
		const show = (pane: 'containers' | 'images' | 'logs') => layout.heights[pane] > 0;
		body = (
			<Box flexDirection="column" width={layout.width} height={layout.height - 2}>
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
						view={logs}
						containerName={container?.name}
						containerState={container?.state}
						scroll={logScroll}
						focused={state.focus === 'logs'}
						width={layout.width}
						height={layout.heights.logs}
					/>
				) : null}
				{state.modal ? <Dialog modal={state.modal} width={layout.width} height={layout.height - 2} /> : null}
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
