/**
 * The reads the full-screen views show, as small hooks: a view receives their data and never
 * holds the engine. The engine comes from the App's context.
 */
import {createContext, useContext, useEffect, useState} from 'react';
import type {ContainerChange, ContainerDetails, ContainerStats, Engine, ImageLayers, NodeDetails, ProcessList, ServiceDetails} from '../engine/types.js';
import {inspectKey} from '../controller/shared-reads.js';
import {useQuery, type QueryResult} from './use-query.js';

export const EngineContext = createContext<Engine | undefined>(undefined);

function useEngine(): Engine {
	const engine = useContext(EngineContext);
	if (!engine) throw new Error('useEngine outside <EngineContext.Provider>');
	return engine;
}

/** `docker inspect` of a container, read again when its state or status changes. */
export function useInspect(container: {id: string; state: string; status: string}): QueryResult<ContainerDetails> {
	const engine = useEngine();
	return useQuery(() => engine.containers.inspect(container.id), inspectKey(engine.endpoint, container));
}

/** `docker diff`, read again when the container's state or status changes. */
export function useDiff(container: {id: string; state: string; status: string}): QueryResult<ContainerChange[]> {
	const engine = useEngine();
	return useQuery(() => engine.containers.changes(container.id), `diff|${engine.endpoint}|${container.id}|${container.state}|${container.status}`);
}

/** The layer browser's data: history with sizes and what other local images share. */
export function useImageLayers(imageId: string): QueryResult<ImageLayers> {
	const engine = useEngine();
	return useQuery(() => engine.images.layers(imageId), `layers|${engine.endpoint}|${imageId}`);
}

/** `docker service inspect`, read again when the service's spec version moves (a scale, an update). */
export function useServiceInspect(id: string, version: number | undefined): QueryResult<ServiceDetails> {
	const engine = useEngine();
	return useQuery(() => engine.services.inspect(id), `service|${engine.endpoint}|${id}|${version ?? ''}`);
}

/** `docker node inspect`, read again when the node's version moves (its availability changed, say). */
export function useNodeInspect(id: string, version: number | undefined): QueryResult<NodeDetails> {
	const engine = useEngine();
	return useQuery(() => engine.nodes.inspect(id), `node|${engine.endpoint}|${id}|${version ?? ''}`);
}

/** How often the process list refreshes. */
export const topIntervalMs = 2000;

/** `docker top`, every 2 s while the view is open. */
export function useTop(id: string): {list?: ProcessList; error?: string} {
	const engine = useEngine();
	const [result, setResult] = useState<{list?: ProcessList; error?: string}>({});
	useEffect(() => {
		let stopped = false;
		let timer: NodeJS.Timeout | undefined;
		const load = async () => {
			try {
				const list = await engine.containers.top(id);
				if (!stopped) setResult({list});
			} catch (error) {
				if (!stopped) setResult(previous => ({list: previous.list, error: error instanceof Error ? error.message : String(error)}));
			}
			if (!stopped) timer = setTimeout(() => void load(), topIntervalMs);
		};
		void load();
		return () => {
			stopped = true;
			if (timer) clearTimeout(timer);
		};
	}, [engine, id]);
	return result;
}

/** Samples kept for the sparklines. */
export const sparkSamples = 60;

/** The engine's stats stream for one running container (the details view only). */
export function useLiveStats(id: string, running: boolean): {samples: ContainerStats[]; error?: string} {
	const engine = useEngine();
	const [samples, setSamples] = useState<ContainerStats[]>([]);
	const [error, setError] = useState<string | undefined>(undefined);
	useEffect(() => {
		setSamples([]);
		setError(undefined);
		if (!running) return;
		const controller = new AbortController();
		engine
			.containers.streamStats(id, s => setSamples(previous => [...previous, s].slice(-sparkSamples)), controller.signal)
			.catch((e: unknown) => {
				if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
			});
		return () => controller.abort();
	}, [engine, id, running]);
	return {samples, error};
}
