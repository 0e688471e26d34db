/** Stats from the engine: one sample (statsOnce) or the stream (streamStats); stats.ts maps them. */
import type {IncomingMessage} from 'node:http';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {LineSplitter} from '../io/line-splitter.js';
import {hasPreviousCpu, isLiveSample, toContainerStats, type RawCpuStats, type RawStats} from './stats.js';
import {EngineError, type ContainerStats} from '../types.js';

/** Wait before a second sample when the engine's one-shot stats lack the previous CPU reading (podman). */
const SECOND_SAMPLE_DELAY_MS = 1000;

function notRunning(): EngineError {
	return new EngineError('conflict', 'Container is not running');
}

/**
 * `stream=false`: Docker takes two readings about a second apart and returns the second
 * with the first as `precpu_stats`, so CPU % comes from one call (which takes ~1 s). Engines
 * that leave `precpu_stats` empty (podman) get a second call a second later, and CPU % from
 * the pair. A container that is not running has no stats: EngineError 'conflict'.
 */
export async function statsOnce(client: ApiClient, id: string): Promise<ContainerStats> {
	const container = client.docker.getContainer(pathPart(id));
	const first = await container.stats({stream: false}) as unknown as RawStats;
	if (!isLiveSample(first)) throw notRunning();
	if (hasPreviousCpu(first)) return toContainerStats(first);

	await new Promise(resolve => {
		setTimeout(resolve, SECOND_SAMPLE_DELAY_MS);
	});
	const second = await container.stats({stream: false}) as unknown as RawStats;
	if (!isLiveSample(second)) throw notRunning();
	return toContainerStats(second, first.cpu_stats);
}

/**
 * The engine's stats stream (one JSON sample per line, about one a second). While the
 * container is not running the engine sends empty samples: they are skipped, and samples
 * resume if it starts again. Resolves when the engine ends the stream (container removed) or
 * `signal` aborts.
 */
export async function streamStats(client: ApiClient, id: string, onStats: (stats: ContainerStats) => void, signal: AbortSignal): Promise<void> {
	if (signal.aborted) return;
	let response: IncomingMessage;
	try {
		response = await client.docker.getContainer(pathPart(id)).stats({stream: true, abortSignal: signal} as {stream: true}) as unknown as IncomingMessage;
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const splitter = new LineSplitter();
	let previous: RawCpuStats | undefined;
	const deliver = (lines: string[]) => {
		for (const line of lines) {
			if (!line.trim()) continue;
			let raw: RawStats;
			try {
				raw = JSON.parse(line) as RawStats;
			} catch {
				continue;
			}

			if (!isLiveSample(raw)) {
				previous = undefined;
				continue;
			}

			const stats = toContainerStats(raw, previous);
			previous = raw.cpu_stats;
			onStats(stats);
		}
	};

	await client.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
}
