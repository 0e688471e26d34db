/** The engine's event stream, read in lines until the engine ends it or the signal aborts. */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import type {ApiClient} from '../transport/api-client.js';
import {parseEvent} from './event-parser.js';
import {LineSplitter} from '../io/line-splitter.js';
import {toUnixTimestamp} from '../transport/timestamps.js';
import type {EngineEvent} from '../types.js';

/** The kinds whose events berth follows (the swarm's are added on a manager: swarm/events.ts). */
export const engineEventTypes = ['container', 'image', 'volume', 'network'];

/** See EventsApi.stream: container, image, volume and network events, unless `types` names others. */
export async function streamEvents(client: ApiClient, options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal, types: string[] = engineEventTypes): Promise<void> {
	if (signal.aborted) return;
	let response: IncomingMessage;
	try {
		response = await client.docker.getEvents({
			filters: {type: types},
			...(options.since !== undefined && options.since !== '' && {since: toUnixTimestamp(options.since)}),
			abortSignal: signal,
		} as Dockerode.GetEventsOptions) as unknown as IncomingMessage;
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const splitter = new LineSplitter();
	const deliver = (lines: string[]) => {
		for (const line of lines) {
			const event = parseEvent(line);
			if (event) onEvent(event);
		}
	};

	await client.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
}
