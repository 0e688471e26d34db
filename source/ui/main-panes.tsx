import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {LogBufferView, MatchSet} from '../logs/log-view.js';
import type {Layout} from '../state/layout.js';
import {containerCounts, hostCounts, selectedContainer, selectedImageRow, visibleContainers, visibleImageRows} from '../state/selectors.js';
import type {AppState} from '../state/types.js';
import {containerStatusText} from '../format/ages.js';
import {compileMatcher} from '../text/matcher.js';
import {fit} from '../text/width.js';
import {ContainersPane} from './containers-pane.js';
import {Dialog} from './dialog.js';
import {ImagesPane} from './images-pane.js';
import {LogsPane} from './logs-pane.js';
import {tone} from './theme.js';

const sortNames = {state: 'state', name: 'name', cpu: 'CPU', memory: 'memory', created: 'created'};

/** The three panes (stacked, or the focused one alone on a short terminal) and a dialog over them. */
export function MainPanes({state, buffer, matches, layout, height, dialogKeys}: {state: AppState; buffer: LogBufferView; matches: MatchSet; layout: Layout; height: number; dialogKeys: string}) {
	const containers = visibleContainers(state);
	const imageRows = visibleImageRows(state);
	const container = selectedContainer(state);
	const imageRow = selectedImageRow(state);
	const counts = containerCounts(state);
	const hosts = useMemo(() => hostCounts(state.hosts, state.containers), [state.hosts, state.containers]);
	const show = (pane: 'containers' | 'images' | 'logs') => layout.heights[pane] > 0;
	const logs = state.logs;
	const search = state.filters.logs;
	const matcher = useMemo(() => {
		const compiled = search ? compileMatcher(search) : undefined;
		return compiled?.ok ? compiled : undefined;
	}, [search]);
	const edit = (pane: 'containers' | 'images' | 'logs') => (!state.modal && state.filterEdit?.pane === pane ? state.filterEdit.line : undefined);
	const shown = logs.merged ? undefined : state.containers.find(c => c.id === logs.targets[0]?.id);
	const streamState =
		logs.streamState === 'error'
			? 'stream failed'
			: logs.merged
				? `${logs.targets.length} containers`
				: shown && shown.state !== 'running'
					? shown.state
					: logs.scroll.follow
						? 'following'
						: undefined;
	const clock = state.clock / 1000;
	return (
		<Box flexDirection="column" width={layout.width} height={height}>
			{layout.mode === 'single' ? (
				<Text color={tone('muted')} wrap="truncate-end">
					{fit(
						(['containers', 'images', 'logs'] as const).map((p, i) => (p === state.focus ? `[${i + 1} ${p}]` : ` ${i + 1} ${p} `)).join(' ') + '   (Tab switches)',
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
					hosts={hosts}
					running={counts.running}
					filter={state.filters.containers}
					edit={edit('containers')}
					loaded={state.loaded}
					stats={state.stats}
					marked={state.marked}
					top={state.windows.containers}
					sortLabel={state.sort.key === 'state' && !state.sort.reverse ? undefined : `${sortNames[state.sort.key]}${state.sort.reverse ? ' ↑' : ' ↓'}`}
					statusOf={c => containerStatusText(c, state.times[c.id], state.listedAt[c.id] ?? state.clock, state.clock)}
					showStats={state.showStats}
				/>
			) : null}
			{show('images') ? (
				<ImagesPane
					rows={imageRows}
					all={state.imageRows}
					selectedKey={imageRow?.key}
					busy={state.busy}
					focused={state.focus === 'images'}
					width={layout.width}
					height={layout.heights.images}
					filter={state.filters.images}
					edit={edit('images')}
					loaded={state.loaded}
					top={state.windows.images}
					now={clock}
				/>
			) : null}
			{show('logs') ? (
				<LogsPane
					buffer={buffer}
					title={logs.merged ? logs.merged.title : shown?.name}
					state={streamState}
					error={logs.streamError}
					scroll={logs.scroll}
					focused={state.focus === 'logs'}
					width={layout.width}
					height={layout.heights.logs}
					timestamps={logs.timestamps}
					wrap={logs.wrap}
					filterMode={logs.filterMode}
					matcher={matcher}
					matches={matches}
					search={search}
					edit={edit('logs')}
					searchError={logs.searchError}
					current={logs.current}
					matchInfo={matcher ? `${logs.matches.length} matches${logs.searched ? '' : ' so far'}` : undefined}
					settings={`since ${logs.since}, tail ${logs.tail}`}
					dropped={logs.dropped}
					version={logs.version}
				/>
			) : null}
			{state.modal ? <Dialog modal={state.modal} width={layout.width} height={height} keys={dialogKeys} /> : null}
		</Box>
	);
}
