import {useEffect, useRef, useState} from 'react';
import type {Engine, LogLine} from '../engine/types.js';
import {RingBuffer} from '../text/ring-buffer.js';
import {timestampKey, timestampToSince} from '../logs/timestamps.js';

/** Lines kept per container; memory stays flat however fast a container logs. */
export const logCapacity = 5000;
/** Lines fetched before following. */
export const initialTail = 200;
/** At most one render per this many milliseconds, however fast lines arrive. */
export const renderIntervalMs = 50;

export type LogStreamState = 'idle' | 'streaming' | 'ended' | 'error';

export interface LogStreamView {
	buffer: RingBuffer<LogLine>;
	/** Changes whenever the buffer's visible content changed (at most every renderIntervalMs). */
	version: number;
	state: LogStreamState;
	/** Untrusted engine text; sanitise before rendering. */
	error?: string;
}

/**
 * Follows the logs of one container into a bounded ring buffer. Changing the container aborts
 * the previous stream and starts over with the last `initialTail` lines. When the stream ends
 * (the container stopped, the engine went away) and later resumes (it started again, the
 * engine came back), it continues from the last timestamp it saw, dropping lines it already has.
 */
export function useLogStream(
	engine: Engine,
	containerId: string | undefined,
	running: boolean,
	connected: boolean,
): LogStreamView {
	const bufferRef = useRef<RingBuffer<LogLine>>(undefined as unknown as RingBuffer<LogLine>);
	if (!bufferRef.current) bufferRef.current = new RingBuffer<LogLine>(logCapacity);
	const buffer = bufferRef.current;
	const idRef = useRef<string | undefined>(undefined);
	const lastRef = useRef<{key: string; timestamp: string} | undefined>(undefined);
	const [version, setVersion] = useState(0);
	const [status, setStatus] = useState<{state: LogStreamState; error?: string}>({state: 'idle'});

	useEffect(() => {
		if (idRef.current !== containerId) {
			idRef.current = containerId;
			buffer.clear();
			lastRef.current = undefined;
			setVersion(buffer.version);
			setStatus({state: 'idle'});
		}
		if (!containerId || !connected) return;

		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			setVersion(buffer.version);
		};
		const onLines = (lines: LogLine[]) => {
			if (controller.signal.aborted) return;
			const last = lastRef.current;
			let fresh = lines;
			if (last) {
				// Resumed with `since`: drop what we already have.
				fresh = lines.filter(line => {
					const key = line.timestamp ? timestampKey(line.timestamp) : undefined;
					return key === undefined || key > last.key;
				});
			}
			if (fresh.length === 0) return;
			buffer.pushMany(fresh);
			for (let i = fresh.length - 1; i >= 0; i--) {
				const timestamp = fresh[i]!.timestamp;
				const key = timestamp ? timestampKey(timestamp) : undefined;
				if (timestamp && key) {
					lastRef.current = {key, timestamp};
					break;
				}
			}
			if (!timer) timer = setTimeout(flush, renderIntervalMs);
		};

		const last = lastRef.current;
		const since = last ? timestampToSince(last.timestamp) : undefined;
		setStatus({state: 'streaming'});
		engine
			.streamLogs(containerId, {tail: since ? 'all' : initialTail, since, follow: true}, onLines, controller.signal)
			.then(
				() => {
					if (!controller.signal.aborted) setStatus({state: 'ended'});
				},
				(error: unknown) => {
					if (controller.signal.aborted) return;
					const message = error instanceof Error ? error.message : String(error);
					setStatus({state: 'error', error: message});
				},
			);

		return () => {
			controller.abort();
			if (timer) {
				clearTimeout(timer);
				flush();
			}
		};
	}, [engine, containerId, running, connected, buffer]);

	return {buffer, version, state: status.state, error: status.error};
}
