/**
 * A container's log (dockerode's Container.logs), read in batches until the engine ends it or
 * berth aborts (the stats stream is in stats-reader.ts).
 */
import type {IncomingMessage} from 'node:http';
import type Dockerode from 'dockerode';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {createLogParser} from './log-parser.js';
import type {RawInspect} from './mapping.js';
import {toUnixTimestamp} from '../transport/timestamps.js';
import type {LogLine, LogOptions} from '../types.js';

/** See ContainersApi.logs. */
export async function streamLogs(client: ApiClient, id: string, options: LogOptions, onLines: (lines: LogLine[]) => void, signal: AbortSignal): Promise<void> {
	if (signal.aborted) return;
	const container = client.docker.getContainer(pathPart(id));
	let tty: boolean;
	try {
		tty = ((await container.inspect({abortSignal: signal})) as unknown as RawInspect).Config?.Tty === true;
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

	const query = {
		stdout: true,
		stderr: true,
		timestamps: true,
		tail: options.tail,
		...(options.since !== undefined && {since: toUnixTimestamp(options.since)}),
	};
	let response: IncomingMessage;
	try {
		// dockerode's logs() reads a log that is not followed to its end into one buffer; berth
		// reads it as a stream (a whole log saved to a file may be large), straight through the modem.
		response = options.follow
			? await container.logs({...query, follow: true, abortSignal: signal} as Dockerode.ContainerLogsOptions & {follow: true}) as unknown as IncomingMessage
			: await client.modem.request<IncomingMessage>({method: 'GET', path: `/containers/${pathPart(id)}/logs?`, options: query, isStream: true, abortSignal: signal, statusCodes: {200: true}});
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	}

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
