import React from 'react';
import {Box, Text} from 'ink';
import {notManagerText} from '../format/swarm.js';
import {nodesKind} from '../kinds/nodes.js';
import {servicesKind} from '../kinds/services.js';
import {tasksKind} from '../kinds/tasks.js';
import type {AnyKind} from '../kinds/kind.js';
import {listOf} from '../state/lists.js';
import {swarmHeights} from '../state/swarm-selectors.js';
import type {AppState} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {Dialog} from './dialog.js';
import {KindPane} from './kind-pane.js';
import {tone} from './theme.js';

export interface SwarmViewProps {
	state: AppState;
	width: number;
	height: number;
	/** The keys of an open dialog. */
	dialogKeys: string;
}

/**
 * `4`: on a swarm manager, its services on top, the selected service's tasks below them and the
 * nodes at the bottom; a worker or an engine in no swarm says so in one line. A dialog or prompt
 * opened from here is drawn over it.
 */
export function SwarmView({state, width, height, dialogKeys}: SwarmViewProps) {
	const view = state.swarm!;
	const heights = swarmHeights(state);
	const self = (listOf(state, 'nodes').rows as ReadonlyArray<{self: boolean; hostname: string}>).find(n => n.self);
	const role =
		view.role === 'checking' ? 'asking the engine…' : view.role === 'manager' ? `manager${self ? ` ${sanitizeInline(self.hostname)}` : ''}` : view.role === 'worker' ? 'worker' : 'not in a swarm';
	let body: React.ReactNode;
	if (view.role === 'checking') body = <Text color={tone('muted')}>{fit(' Asking the engine whether it is a swarm manager…', width)}</Text>;
	else if (view.role !== 'manager') {
		body = <Text color={tone('info')}>{fit(` ${sanitizeInline(notManagerText({role: view.role, localState: view.localState, error: view.roleError}))}`, width)}</Text>;
	} else {
		const part = (kind: AnyKind) => <KindPane key={kind.name} state={state} kind={kind} focused={view.part === kind.name} width={width} height={heights[kind.name as keyof typeof heights]} />;
		body = (
			<Box flexDirection="column">
				{view.error ? <Text color={tone('bad')}>{fit(`  ${sanitizeInline(view.error)}`, width)}</Text> : null}
				{part(servicesKind as AnyKind)}
				{part(tasksKind as AnyKind)}
				{part(nodesKind as AnyKind)}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{fit(` Swarm — ${role}`, width)}
			</Text>
			{body}
			{state.modal ? <Dialog modal={state.modal} width={width} height={height} keys={dialogKeys} /> : null}
		</Box>
	);
}
