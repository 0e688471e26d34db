import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import {kindNamed} from '../kinds/all-kinds.js';
import type {LogBufferView, MatchSet} from '../logs/log-view.js';
import {heightOf, type Layout} from '../state/layout.js';
import {mainPanes} from '../state/main-screen.js';
import {allContainers} from '../state/selectors.js';
import type {AppState, PaneId} from '../state/types.js';
import {compileMatcher} from '../text/matcher.js';
import {fit} from '../text/width.js';
import {Dialog} from './dialog.js';
import {KindPane} from './kind-pane.js';
import {LogsPane} from './logs-pane.js';
import {tone} from './theme.js';

/** Below 30 rows: every pane by its number key, the focused one in brackets. */
function tabStrip(focus: PaneId): string {
	return mainPanes().map(pane => (pane.id === focus ? `[${pane.key} ${pane.id}]` : ` ${pane.key} ${pane.id} `)).join(' ') + '   (Tab switches)';
}

/** The main screen: the panes of its slots and the logs (stacked, or the focused one alone on a short terminal), and a dialog over them. */
export function MainPanes({state, buffer, matches, layout, height, dialogKeys}: {state: AppState; buffer: LogBufferView; matches: MatchSet; layout: Layout; height: number; dialogKeys: string}) {
	const logs = state.logs;
	const search = logs.search;
	const matcher = useMemo(() => {
		const compiled = search ? compileMatcher(search) : undefined;
		return compiled?.ok ? compiled : undefined;
	}, [search]);
	const shown = logs.merged ? undefined : allContainers(state).find(c => c.id === logs.targets[0]?.id);
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
	const list = (id: PaneId) => {
		const kind = kindNamed(id);
		const pane = mainPanes().find(p => p.id === id);
		if (!kind || heightOf(layout, id) <= 0) return null;
		return <KindPane key={id} state={state} kind={kind} focused={state.focus === id} width={layout.width} height={heightOf(layout, id)} number={pane ? Number(pane.key) : undefined} />;
	};
	return (
		<Box flexDirection="column" width={layout.width} height={height}>
			{layout.mode === 'single' ? (
				<Text color={tone('muted')} wrap="truncate-end">
					{fit(tabStrip(state.focus), layout.width)}
				</Text>
			) : null}
			{layout.mode === 'single' ? list(state.focus) : [list(state.slots.top), list(state.slots.middle)]}
			{heightOf(layout, 'logs') > 0 ? (
				<LogsPane
					buffer={buffer}
					title={logs.merged ? logs.merged.title : shown?.name}
					state={streamState}
					error={logs.streamError}
					scroll={logs.scroll}
					focused={state.focus === 'logs'}
					width={layout.width}
					height={heightOf(layout, 'logs')}
					timestamps={logs.timestamps}
					wrap={logs.wrap}
					filterMode={logs.filterMode}
					matcher={matcher}
					matches={matches}
					search={search}
					edit={!state.modal && state.filterEdit?.pane === 'logs' ? state.filterEdit.line : undefined}
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
