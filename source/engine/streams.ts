/**
 * The engine's follow streams for logs and events, read in batches until the engine ends them
 * or berth aborts (the stats stream is in stats-reader.ts).
 */
import {pathPart, type ApiClient} from './transport/api-client.js';
import {parseEvent} from './system/event-parser.js';
import {LineSplitter} from './io/line-splitter.js';
import {createLogParser} from './containers/log-parser.js';
import type {RawInspect} from './mapping.js';
import {toUnixTimestamp} from './transport/timestamps.js';
import type {EngineEvent, LogLine, LogOptions} from './types.js';

/** See Engine.streamLogs. */
export async function streamLogs(client: ApiClient, id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
	if (signal.aborted) return;
	let tty: boolean;
	try {
		tty = (await client.read<RawInspect>(`/containers/${pathPart(id)}/json`, undefined, signal)).Config?.Tty === true;
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const response = await client.openStream(`/containers/${pathPart(id)}/logs`, {
		stdout: true,
		stderr: true,
		timestamps: true,
		follow: options.follow,
		tail: options.tail,
		since: options.since === undefined ? undefined : toUnixTimestamp(options.since),
	}, signal);
	if (!response) return;

	// The engine flushes every log message as its own HTTP chunk, and Node emits one 'data'
	// event per chunk: collect what arrives within one turn of the event loop into one batch.
	const parser = createLogParser(tty);
	let pending: LogLine[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	let closed = false;
	const flush = () => {
		scheduled = undefined;
		if (closed || pending.length === 0) return;
		const batch = pending;
		pending = [];
		try {
			onLines(batch);
		} catch (error) {
			response.destroy(error as Error);
		}
	};

	try {
		await client.consume(response, signal, chunk => {
			const lines = parser.push(chunk);
			if (lines.length === 0) return;
			for (const line of lines) pending.push(line);
			scheduled ??= setImmediate(flush);
		}, () => {
			if (scheduled) clearImmediate(scheduled);
			for (const line of parser.end()) pending.push(line);
			const batch = pending;
			pending = [];
			if (batch.length > 0) onLines(batch);
		});
	} finally {
		closed = true;
		if (scheduled) clearImmediate(scheduled);
	}
}

/** See Engine.streamEvents: container and image events only, unless `types` names others (swarm/events.ts). */
export async function streamEvents(client: ApiClient, options: {since?: string}, onEvent: (event: EngineEvent) => void, signal: AbortSignal, types: string[] = ['container', 'image']): Promise<void> {
	if (signal.aborted) return;
	const response = await client.openStream('/events', {
		filters: JSON.stringify({type: types}),
		since: options.since === undefined || options.since === '' ? undefined : toUnixTimestamp(options.since),
	}, signal);
	if (!response) return;

	const splitter = new LineSplitter();
	const deliver = (lines: string[]) => {
		for (const line of lines) {
			const event = parseEvent(line);
			if (event) onEvent(event);
		}
	};

	await client.consume(response, signal, chunk => deliver(splitter.push(chunk)), () => deliver(splitter.end()));
}
