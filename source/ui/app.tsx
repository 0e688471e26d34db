import type {FollowSeen} from '../state/follow-scroll.js';
import React, {useCallback} from 'react';
import {Box, useApp} from 'ink';
import {retryMs} from '../state/engine-feed.js';
import {EngineContext} from '../hooks/use-engine-reads.js';
import {useController, type ControllerProps} from '../hooks/use-controller.js';
import {containerCounts} from '../kinds/containers.js';
import {imageCount} from '../kinds/images.js';
import {screenOf} from '../state/precedence.js';
import {layoutOf} from '../state/selectors.js';
import {HelpBar} from './help-bar.js';
import {HelpOverlay} from './help-overlay.js';
import {keyHints, unavailableNow} from './key-hints.js';
import {MainPanes} from './main-panes.js';
import {StatusLine} from './status-line.js';
import {ContextsView} from './contexts-view.js';
import {UnreachableScreen} from './unreachable-screen.js';
import {ViewScreen} from './view-screen.js';
import {SwarmView} from './swarm-view.js';

export type AppProps = ControllerProps;

/** The whole screen: the panes or a view, dialogs, the status line and the help bar. */
export function App(props: AppProps) {
	const {exit} = useApp();
	const {state, controller, store} = useController(props, exit);
	const onExtent = useCallback((lines: number) => store.dispatch({type: 'modal-extent', lines}), [store]);
	const onFollow = useCallback((seen: FollowSeen) => store.dispatch({type: 'follow-extent', ...seen}), [store]);
	const layout = layoutOf(state);
	const bodyHeight = layout.height - 2;
	const hints = keyHints(state);
	const counts = containerCounts(state);

	// What the body shows: state/precedence.ts decides (the keys follow the same order).
	let body: React.ReactNode;
	const modal = state.modal;
	const screen = screenOf(state);
	if (screen === 'contexts' && modal?.kind === 'contexts') {
		body = <ContextsView modal={modal} width={layout.width} height={bodyHeight} keys={hints.join('  ')} />;
	} else if (screen === 'unreachable' && state.conn.kind === 'down') {
		body = (
			<UnreachableScreen
				endpoint={props.engine.endpoint}
				error={state.conn.error}
				attempts={state.conn.attempts}
				retrySeconds={retryMs / 1000}
				width={layout.width}
				height={bodyHeight}
			/>
		);
	} else if (screen === 'help' && modal?.kind === 'help') {
		body = <HelpOverlay width={layout.width} height={bodyHeight} scroll={modal.scroll} reasons={unavailableNow(state)} keymap={state.keymap} onExtent={onExtent} />;
	} else if (screen === 'view' && modal && modal.kind !== 'confirm' && modal.kind !== 'prompt' && modal.kind !== 'form' && modal.kind !== 'notice' && modal.kind !== 'contexts' && modal.kind !== 'help') {
		body = (
			<ViewScreen state={state} modal={modal} width={layout.width} height={bodyHeight} hints={hints.join('  ')} onExtent={onExtent} onFollow={onFollow} output={controller.output} serviceLog={controller.serviceLog} />
		);
	} else if (screen === 'swarm') {
		body = <SwarmView state={state} width={layout.width} height={bodyHeight} dialogKeys={hints.join('   ')} />;
	} else {
		body = <MainPanes state={state} buffer={controller.logBuffer()} matches={controller.logMatches()} layout={layout} height={bodyHeight} dialogKeys={hints.join('   ')} />;
	}

	return (
		<EngineContext.Provider value={props.engine}>
			<Box flexDirection="column" width={layout.width} height={layout.height}>
				{body}
				<StatusLine
					endpoint={props.engine.endpoint}
					conn={state.conn}
					running={counts.running}
					stopped={counts.stopped}
					images={imageCount(state)}
					status={state.status}
					width={layout.width}
					hosts={state.hosts}
					readOnly={state.readOnly !== undefined}
				/>
				<HelpBar items={hints} width={layout.width} />
			</Box>
		</EngineContext.Provider>
	);
}
