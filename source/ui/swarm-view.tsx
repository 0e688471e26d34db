import React from 'react';
import {Box, Text} from 'ink';
import {notManagerText} from '../format/swarm.js';
import {selectedNodeOf, selectedServiceOf, selectedTask, swarmHeights, taskRows} from '../state/swarm-selectors.js';
import type {AppState} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {Dialog} from './dialog.js';
import {NodesPart, ServicesPart, TasksPart} from './swarm-parts.js';
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
	const self = view.nodes.find(n => n.self);
	const role =
		view.role === 'checking' ? 'asking the engine…' : view.role === 'manager' ? `manager${self ? ` ${sanitizeInline(self.hostname)}` : ''}` : view.role === 'worker' ? 'worker' : 'not in a swarm';
	let body: React.ReactNode;
	if (view.role === 'checking') body = <Text color={tone('muted')}>{fit(' Asking the engine whether it is a swarm manager…', width)}</Text>;
	else if (view.role !== 'manager') {
		body = <Text color={tone('info')}>{fit(` ${sanitizeInline(notManagerText({role: view.role, localState: view.localState, error: view.roleError}))}`, width)}</Text>;
	} else {
		const service = selectedServiceOf(view);
		const loading = !view.loaded ? 'Loading…' : undefined;
		body = (
			<Box flexDirection="column">
				{view.error ? <Text color={tone('bad')}>{fit(`  ${sanitizeInline(view.error)}`, width)}</Text> : null}
				<ServicesPart
					rows={view.services}
					selectedId={service?.id}
					focused={view.part === 'services'}
					width={width}
					height={heights.services}
					top={view.windows.services}
					busy={state.busy}
					following={view.following}
					empty={loading}
				/>
				<TasksPart
					rows={taskRows(view)}
					selectedId={selectedTask(view)?.id}
					focused={view.part === 'tasks'}
					width={width}
					height={heights.tasks}
					top={view.windows.tasks}
					service={service?.name}
					loading={service !== undefined && view.tasksOf !== service.id}
					now={state.clock / 1000}
				/>
				<NodesPart
					rows={view.nodes}
					selectedId={selectedNodeOf(view)?.id}
					focused={view.part === 'nodes'}
					width={width}
					height={heights.nodes}
					top={view.windows.nodes}
					busy={state.busy}
				/>
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
