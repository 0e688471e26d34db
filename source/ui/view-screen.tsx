import type {FollowSeen} from '../state/follow-scroll.js';
import React from 'react';
import type {ContainerSummary, LogLine, ServiceLogLine} from '../engine/types.js';
import {useDiff, useImageLayers, useInspect, useLiveStats, useNodeInspect, useServiceInspect, useTop} from '../hooks/use-engine-reads.js';
import {listOf} from '../state/lists.js';
import {allContainers} from '../state/selectors.js';
import type {AppState, ViewModal} from '../state/types.js';
import type {RingBuffer} from '../text/ring-buffer.js';
import {CommandLogView} from './command-log-view.js';
import {DetailsView} from './details-view.js';
import {DiffView} from './diff-view.js';
import {OutputView} from './output-view.js';
import {HistoryView} from './history-view.js';
import {TopView} from './top-view.js';
import {BuildView} from './build-view.js';
import {InspectView} from './inspect-view.js';
import {PruneView} from './prune-view.js';
import {TransferView} from './transfer-view.js';
import {CopyView} from './copy-view.js';
import {copyOf} from '../state/copies-reducer.js';
import {transferOf} from '../state/images-selectors.js';
import {ServiceLogsView} from './service-logs-view.js';
import {NodeInspectView, ServiceInspectView} from './swarm-inspect-view.js';

interface ScreenProps {
	width: number;
	height: number;
	scroll: number;
	keys: string;
	onExtent: (lines: number) => void;
}

function Details({container, ...rest}: ScreenProps & {container: ContainerSummary}) {
	const query = useInspect(container);
	const stats = useLiveStats(container.id, container.state === 'running');
	return <DetailsView container={container} details={query.data} error={query.error} stats={stats} {...rest} />;
}

function Top({container, ...rest}: ScreenProps & {container: ContainerSummary}) {
	const {list, error} = useTop(container.id);
	return <TopView container={container} list={list} error={error} {...rest} />;
}

function History({imageId, name, now, ...rest}: ScreenProps & {imageId: string; name: string; now: number}) {
	const query = useImageLayers(imageId);
	return <HistoryView imageId={imageId} name={name} query={query} now={now} {...rest} />;
}

function Diff({container, filter, edit, ...rest}: ScreenProps & {container: ContainerSummary; filter: string; edit?: import('../input/line-editor.js').LineState}) {
	const query = useDiff(container);
	return <DiffView container={container} changes={query.data} error={query.error} filter={filter} edit={edit} {...rest} />;
}

function ServiceInspect({id, name, version, ...rest}: ScreenProps & {id: string; name: string; version?: number}) {
	const query = useServiceInspect(id, version);
	return <ServiceInspectView name={name} details={query.data} error={query.error} {...rest} />;
}

function NodeInspect({id, name, version, ...rest}: ScreenProps & {id: string; name: string; version?: number}) {
	const query = useNodeInspect(id, version);
	return <NodeInspectView name={name} details={query.data} error={query.error} {...rest} />;
}

export interface ViewScreenProps {
	state: AppState;
	modal: ViewModal;
	width: number;
	height: number;
	hints: string;
	onExtent: (lines: number) => void;
	/** A live view (output, service log, build) tells what it holds and shows. */
	onFollow: (seen: FollowSeen) => void;
	/** The lines of an output view. */
	output: (id: string) => RingBuffer<LogLine> | undefined;
	/** The lines of a service-log view. */
	serviceLog: (id: string) => RingBuffer<ServiceLogLine> | undefined;
}

/** A swarm row's version as last read (its inspect is read again when it moves). */
function rowVersion(state: AppState, list: 'services' | 'nodes', id: string): number | undefined {
	return (listOf(state, list).rows as ReadonlyArray<{id: string; version: number}>).find(row => row.id === id)?.version;
}

/** The full-screen view that is open: each fetches its own data through a hook and draws it. */
export function ViewScreen({state, modal, width, height, hints, onExtent, onFollow, output, serviceLog}: ViewScreenProps) {
	// The live views follow their end (state/follow-scroll.ts); the others scroll by lines.
	if (modal.kind === 'service-logs') return <ServiceLogsView title={modal.title} lines={serviceLog(modal.id)} version={modal.version} done={modal.done} tail={modal.tail} width={width} height={height} keys={hints} onFollow={onFollow} />;
	if (modal.kind === 'output') return <OutputView title={modal.title} lines={output(modal.id)} version={modal.version} done={modal.done} tail={modal.tail} width={width} height={height} keys={hints} onFollow={onFollow} />;
	if (modal.kind === 'build') return <BuildView build={state.imageJobs.build} tail={modal.tail} width={width} height={height} keys={hints} onFollow={onFollow} />;
	const common = {width, height, scroll: modal.scroll, keys: hints, onExtent};
	if (modal.kind === 'service-inspect') return <ServiceInspect id={modal.id} name={modal.name} version={rowVersion(state, 'services', modal.id)} {...common} />;
	if (modal.kind === 'node-inspect') return <NodeInspect id={modal.id} name={modal.name} version={rowVersion(state, 'nodes', modal.id)} {...common} />;
	if (modal.kind === 'commands') return <CommandLogView entries={state.commandLog} selected={modal.selected} scroll={modal.scroll} width={width} height={height} keys={hints} />;
	if (modal.kind === 'history') return <History imageId={modal.id} name={modal.ref ?? modal.id} now={state.clock / 1000} {...common} />;
	if (modal.kind === 'transfer') return <TransferView transfer={transferOf(state, modal.key)} {...common} />;
	if (modal.kind === 'copy') return <CopyView job={copyOf(state, modal.key)} {...common} />;
	if (modal.kind === 'inspect') return <InspectView modal={modal} width={width} height={height} keys={hints} onExtent={onExtent} />;
	if (modal.kind === 'prune') return <PruneView modal={modal} width={width} height={height} keys={hints} onExtent={onExtent} />;
	if (modal.kind !== 'details' && modal.kind !== 'top' && modal.kind !== 'diff') return null;
	const container = allContainers(state).find(c => c.id === modal.id);
	if (!container) return null;
	if (modal.kind === 'diff') return <Diff container={container} filter={modal.filter} edit={modal.edit} {...common} />;
	return modal.kind === 'details' ? <Details container={container} {...common} /> : <Top container={container} {...common} />;
}
