/**
 * The bytes of `/services/{id}/logs?details=1&timestamps=1` to lines that know their task and
 * node. Each message the engine sends is `<timestamp> <details> <text>`, where the details are
 * `key=value` pairs (values URL-encoded, joined by commas) that always include
 * com.docker.swarm.node.id, .service.id and .task.id. A non-TTY service's messages come in the
 * 8-byte frames of container logs, one message per frame: each task's stdout and stderr are
 * collected into lines apart (log-parser.ts's LineCollector), so a long line cut into several
 * messages is joined again even when another task's messages come between its parts. A TTY
 * service's stream is raw: log-parser.ts splits it as a TTY container's log.
 */
import {FrameDemuxer} from '../io/frame-demuxer.js';
import {LineCollector, createLogParser, splitTimestamp, type LogParser} from '../containers/log-parser.js';
import type {LogLine} from '../types.js';

/** A log line and the task and node that wrote it (ids; '' when the message named none). */
export interface TaggedLine {
	line: LogLine;
	taskId: string;
	nodeId: string;
}

const TASK_KEY = 'com.docker.swarm.task.id';
const NODE_KEY = 'com.docker.swarm.node.id';

/** Reads the details pairs; undefined when `token` is not the engine's details. */
function parseDetails(token: string): Record<string, string> | undefined {
	if (!token.includes(`${TASK_KEY}=`)) return undefined;
	const pairs: Record<string, string> = {};
	for (const pair of token.split(',')) {
		const equals = pair.indexOf('=');
		if (equals <= 0) continue;
		const value = pair.slice(equals + 1).replaceAll('+', ' ');
		try {
			pairs[pair.slice(0, equals)] = decodeURIComponent(value);
		} catch {
			pairs[pair.slice(0, equals)] = value;
		}
	}

	return pairs;
}

/** Splits the details off the start of a message body. */
function splitDetails(body: Buffer): {taskId: string; nodeId: string; text: Buffer} {
	const space = body.indexOf(0x20);
	const details = parseDetails(body.subarray(0, space === -1 ? body.length : space).toString('utf8'));
	if (!details) return {taskId: '', nodeId: '', text: body};
	return {taskId: details[TASK_KEY] ?? '', nodeId: details[NODE_KEY] ?? '', text: space === -1 ? Buffer.alloc(0) : body.subarray(space + 1)};
}

export interface ServiceLogParser {
	push(chunk: Buffer): TaggedLine[];
	end(): TaggedLine[];
}

export function createServiceLogParser(tty: boolean): ServiceLogParser {
	return tty ? new RawServiceLogParser() : new MultiplexedServiceLogParser();
}

class MultiplexedServiceLogParser implements ServiceLogParser {
	private readonly collectors = new Map<string, {collector: LineCollector; taskId: string; nodeId: string}>();
	private out: TaggedLine[] = [];
	private readonly demuxer = new FrameDemuxer((stream, payload) => {
		const {timestamp, body} = splitTimestamp(payload);
		const {taskId, nodeId, text} = splitDetails(body);
		const key = `${taskId}\n${stream}`;
		let entry = this.collectors.get(key);
		if (!entry) {
			entry = {collector: new LineCollector(stream), taskId, nodeId};
			this.collectors.set(key, entry);
		}

		const lines: LogLine[] = [];
		entry.collector.message(timestamp);
		entry.collector.text(text, lines);
		for (const line of lines) this.out.push({line, taskId, nodeId});
	});

	push(chunk: Buffer): TaggedLine[] {
		this.demuxer.push(chunk);
		return this.take();
	}

	end(): TaggedLine[] {
		for (const {collector, taskId, nodeId} of this.collectors.values()) {
			const lines: LogLine[] = [];
			collector.flush(lines);
			for (const line of lines) this.out.push({line, taskId, nodeId});
		}

		return this.take();
	}

	private take(): TaggedLine[] {
		const out = this.out;
		this.out = [];
		return out;
	}
}

class RawServiceLogParser implements ServiceLogParser {
	private readonly parser: LogParser = createLogParser(true);

	push(chunk: Buffer): TaggedLine[] {
		return this.parser.push(chunk).map(tag);
	}

	end(): TaggedLine[] {
		return this.parser.end().map(tag);
	}
}

function tag(line: LogLine): TaggedLine {
	const {taskId, nodeId, text} = splitDetails(Buffer.from(line.text, 'utf8'));
	return {line: {...line, text: text.toString('utf8')}, taskId, nodeId};
}
