import {useEffect, useRef, useState} from 'react';
import type {Engine, LogLine} from '../engine/types.js';
import {RingBuffer} from '../text/ring-buffer.js';
import {timestampKey, timestampToSince} from '../logs/timestamps.js';
import type {LogBufferView, ShownLine} from '../logs/log-view.js';
import {MergedBuffer} from '../logs/merged-buffer.js';

/** Lines kept; memory stays flat however fast containers log. */
export const logCapacity = 5000;
/** At most one render per this many milliseconds, however fast lines arrive. */
export const renderIntervalMs = 50;

export type LogStreamState = 'idle' | 'streaming' | 'ended' | 'error';

/** A container whose log is followed. */
export interface LogTarget {
	id: string;
	name: string;
	running: boolean;
}

export interface LogStreamOptions {
	/** Lines to fetch before following. */
	tail: number | 'all';
	/** Only lines newer than this many seconds (undefined: from the start). */
	sinceSeconds?: number;
}

/** A log buffer berth writes to. */
export type WritableLogBuffer = LogBufferView & {clear(): void; pushMany(lines: readonly ShownLine[]): void};

export interface LogStreamView {
	buffer: WritableLogBuffer;
	/** Changes whenever the buffer changed (at most every renderIntervalMs). */
	version: number;
	state: LogStreamState;
	/** Untrusted engine text; sanitise before rendering. */
	error?: string;
	/** Changes each time the stream restarts from scratch (new target or new since/tail). */
	generation: number;
}

/**
 * Follows the logs of one container into a ring buffer, or of several into one buffer ordered
 * by timestamp, each line tagged with its container. Changing the targets or the since/tail
 * options starts over (the previous streams are aborted). When a stream ends (the container
 * stopped, the engine went away) and resumes (it started again, the engine came back), it
 * continues from the last timestamp it saw and drops lines it already has.
 */
export function useLogStream(
	engine: Engine,
	targets: LogTarget[],
	connected: boolean,
	options: LogStreamOptions,
): LogStreamView {
	const merged = targets.length > 1;
	const identity = `${merged ? 'm' : 's'}|${targets.map(t => t.id).join(',')}|${options.tail}|${options.sinceSeconds ?? ''}`;
	const bufferRef = useRef<{identity: string; buffer: WritableLogBuffer; last: Map<string, {timestamp: string; key?: string}>; generation: number}>(
		undefined as never,
	);
	if (!bufferRef.current || bufferRef.current.identity !== identity) {
		bufferRef.current = {
			identity,
			buffer: merged ? new MergedBuffer(logCapacity) : new RingBuffer<ShownLine>(logCapacity),
			last: new Map(),
			generation: (bufferRef.current?.generation ?? 0) + 1,
		};
	}
	const current = bufferRef.current;
	const [version, setVersion] = useState(0);
	const [status, setStatus] = useState<{state: LogStreamState; error?: string}>({state: 'idle'});
	const running = targets.map(t => (t.running ? '1' : '0')).join('');

	useEffect(() => {
		if (targets.length === 0 || !connected) {
			setVersion(v => v + 1);
			return;
		}
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			// A counter, not the buffer's own version: a new buffer (since/tail changed) starts
			// its versions again, and its first lines could carry the very number the previous
			// buffer ended at, which React would take as "no change" and never show them.
			setVersion(v => v + 1);
		};
		const startedAt = Date.now();
		let open = targets.length;
		setStatus({state: 'streaming'});
		targets.forEach((target, index) => {
			// After a resume (since = the last timestamp seen) the engine repeats lines from that
			// instant: drop them until the first newer line, then take everything without checks.
			let resumeKey = current.last.get(target.id)?.key;
			const onLines = (lines: LogLine[]) => {
				if (controller.signal.aborted) return;
				let from = 0;
				if (resumeKey !== undefined) {
					while (from < lines.length) {
						const ts = lines[from]!.timestamp;
						const key = ts ? timestampKey(ts) : undefined;
						if (key === undefined || key > resumeKey) break;
						from++;
					}
					if (from === lines.length) return;
					resumeKey = undefined;
				}
				const fresh: ShownLine[] = from === 0 ? lines : lines.slice(from);
				current.buffer.pushMany(merged ? fresh.map(line => ({...line, source: target.name, sourceIndex: index})) : fresh);
				// Remember where this container's log stands (the key is computed only on resume).
				for (let i = fresh.length - 1; i >= 0; i--) {
					const timestamp = fresh[i]!.timestamp;
					if (timestamp) {
						current.last.set(target.id, {timestamp});
						break;
					}
				}
				if (!timer) timer = setTimeout(flush, renderIntervalMs);
			};
			const last = current.last.get(target.id);
			if (last && last.key === undefined) last.key = timestampKey(last.timestamp);
			resumeKey = last?.key;
			const since = last
				? timestampToSince(last.timestamp)
				: options.sinceSeconds !== undefined
					? String(Math.floor(startedAt / 1000) - options.sinceSeconds)
					: undefined;
			engine
				.streamLogs(target.id, {tail: last ? 'all' : options.tail, since, follow: true}, onLines, controller.signal)
				.then(
					() => {
						if (!controller.signal.aborted && --open === 0) setStatus({state: 'ended'});
					},
					(error: unknown) => {
						if (controller.signal.aborted) return;
						const message = error instanceof Error ? error.message : String(error);
						setStatus({state: 'error', error: message});
					},
				);
		});

		return () => {
			controller.abort();
			if (timer) {
				clearTimeout(timer);
				flush();
			}
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [engine, identity, running, connected]);

	return {buffer: current.buffer, version, state: status.state, error: status.error, generation: current.generation};
}
