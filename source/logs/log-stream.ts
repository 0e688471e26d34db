/**
 * The logs pane's stream, outside React (as the engine feed is). It follows the store: the
 * selected container once the selection rested for a moment (holding a key through the list
 * opens one stream at the end, not one per row), or the merged set; since and tail. A change
 * starts over with a new buffer; when a stream ends (the container stopped, the engine went
 * away) and resumes, it continues from the last timestamp it saw and drops lines it already
 * has. It reports its counts to the store at most every 50 ms, however fast lines arrive, and
 * every 100 ms while they flood in.
 */
import type {Engine, LogLine} from '../engine/types.js';
import {RingBuffer} from '../text/ring-buffer.js';
import type {Store} from '../state/store.js';
import {allContainers, selectedContainer} from '../state/selectors.js';
import type {AppState} from '../state/types.js';
import type {LogBufferView, ShownLine} from './log-view.js';
import {MergedBuffer} from './merged-buffer.js';
import {timestampKey} from './timestamps.js';

/** Lines kept; memory stays flat however fast containers log. */
export const logCapacity = 5000;
/** At most one report to the store per this many milliseconds. */
export const renderIntervalMs = 50;
/**
 * While more lines than this arrived since the last report (2,000 lines a second and up, more
 * than anyone reads), the next report waits floodIntervalMs: each report redraws the pane.
 */
export const floodLines = 100;
export const floodIntervalMs = 100;
/** How long the selection must rest on a container before its log stream starts. */
export const settleMs = 120;

const sinceSeconds = {'5m': 300, '1h': 3600, '24h': 86_400, all: undefined} as const;

type Buffer = LogBufferView & {pushMany(lines: readonly ShownLine[]): void};

interface Target {
	id: string;
	name: string;
	running: boolean;
}

export interface LogStream {
	/** The lines of the current run. */
	buffer(): LogBufferView;
	stop(): void;
}

/** The targets a state asks for, given the container the selection settled on. */
function targetsOf(state: AppState, settledId: string | undefined): Target[] {
	const of = (c: {id: string; name: string; state: string}) => ({id: c.id, name: c.name, running: c.state === 'running'});
	if (state.logs.merged) {
		return state.logs.merged.ids.map(id => allContainers(state).find(c => c.id === id)).filter(c => c !== undefined).map(of);
	}
	const c = allContainers(state).find(c => c.id === settledId);
	return c ? [of(c)] : [];
}

export function startLogStream(engine: Engine, store: Store): LogStream {
	let settledId = selectedContainer(store.getState())?.id;
	let settleTimer: NodeJS.Timeout | undefined;
	/** The selection the settle timer waits on (settledId once it has rested). */
	let pendingId = settledId;
	let identity = '';
	let generation = 0;
	let buffer: Buffer = new RingBuffer<ShownLine>(logCapacity);
	let last = new Map<string, {timestamp: string; key?: string}>();
	let running = '';
	let connected = false;
	let controller: AbortController | undefined;
	let reportTimer: NodeJS.Timeout | undefined;
	let version = 0;
	let streamState: 'idle' | 'streaming' | 'ended' | 'error' = 'idle';
	let streamError: string | undefined;
	// A since/tail restart keeps the place: the timestamp of the last line shown, found again once back.
	let anchor: string | undefined;

	/** Lines that arrived since the last report, and whether there were more than floodLines then. */
	let arrived = 0;
	let flooding = false;
	const report = () => {
		reportTimer = undefined;
		flooding = arrived > floodLines;
		arrived = 0;
		version++;
		store.dispatch({type: 'logs-stream', generation, version, total: buffer.dropped + buffer.length, dropped: buffer.dropped, state: streamState, error: streamError});
		if (anchor) findAnchor();
	};
	const reportSoon = () => {
		reportTimer ??= setTimeout(report, flooding ? floodIntervalMs : renderIntervalMs);
	};
	const findAnchor = () => {
		for (let i = 0; i < buffer.length; i++) {
			const ts = buffer.get(i)!.timestamp;
			const key = ts ? timestampKey(ts) : undefined;
			if (key && key >= anchor!) {
				anchor = undefined;
				store.dispatch({type: 'logs-scroll-to', end: buffer.dropped + i + 1});
				return;
			}
		}
	};

	/** Opens the streams for the current targets (after a change, a resume or a reconnect). */
	const open = (targets: Target[], options: AppState['logs']) => {
		controller?.abort();
		controller = undefined;
		if (targets.length === 0 || !connected) {
			reportSoon();
			return;
		}
		const abort = new AbortController();
		controller = abort;
		const merged = targets.length > 1;
		const startedAt = Date.now();
		let open = targets.length;
		streamState = 'streaming';
		streamError = undefined;
		targets.forEach((target, index) => {
			const known = last.get(target.id);
			if (known && known.key === undefined) known.key = timestampKey(known.timestamp);
			// After a resume the engine repeats lines from that instant: drop them until the first newer line.
			let resumeKey = known?.key;
			const onLines = (lines: LogLine[]) => {
				if (abort.signal.aborted) return;
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
				arrived += fresh.length;
				buffer.pushMany(merged ? fresh.map(line => ({...line, source: target.name, sourceIndex: index})) : fresh);
				for (let i = fresh.length - 1; i >= 0; i--) {
					const timestamp = fresh[i]!.timestamp;
					if (timestamp) {
						last.set(target.id, {timestamp});
						break;
					}
				}
				reportSoon();
			};
			const seconds = sinceSeconds[options.since];
			const since = known ? known.timestamp : seconds !== undefined ? String(Math.floor(startedAt / 1000) - seconds) : undefined;
			engine.containers.logs(target.id, {tail: known ? 'all' : options.tail, since, follow: true}, onLines, abort.signal).then(
				() => {
					if (!abort.signal.aborted && --open === 0) {
						streamState = 'ended';
						reportSoon();
					}
				},
				(error: unknown) => {
					if (abort.signal.aborted) return;
					streamState = 'error';
					streamError = error instanceof Error ? error.message : String(error);
					reportSoon();
				},
			);
		});
		reportSoon();
	};

	const follow = () => {
		const state = store.getState();
		const selected = selectedContainer(state)?.id;
		// A debounce: every move starts the wait again, so keys pressed faster than settleMs open
		// no stream until the last one (a timer from the first move would open one every settleMs
		// for rows passed on the way, each a request and two store updates landing on later keys).
		if (selected !== pendingId) {
			if (settleTimer) clearTimeout(settleTimer);
			settleTimer = undefined;
			pendingId = selected;
			if (selected !== settledId) {
				settleTimer = setTimeout(() => {
					settleTimer = undefined;
					settledId = pendingId;
					follow();
				}, settleMs);
			}
		}
		const targets = targetsOf(state, settledId);
		const merged = targets.length > 1 || state.logs.merged !== undefined;
		const ids = targets.map(t => t.id).join(',');
		const nextIdentity = `${merged ? 'm' : 's'}|${ids}|${state.logs.tail}|${state.logs.since}`;
		const nextRunning = targets.map(t => (t.running ? '1' : '0')).join('');
		const nextConnected = state.conn.kind === 'up';
		if (nextIdentity !== identity) {
			const sameTargets = identity.split('|').slice(0, 2).join('|') === nextIdentity.split('|').slice(0, 2).join('|');
			const keepPlace = sameTargets && !state.logs.scroll.follow;
			// The line shown last, to find again in the new run.
			if (keepPlace && !state.logs.scroll.follow) {
				const ts = buffer.get(state.logs.scroll.end - 1 - buffer.dropped)?.timestamp;
				anchor = ts ? timestampKey(ts) : undefined;
			} else anchor = undefined;
			identity = nextIdentity;
			running = nextRunning;
			connected = nextConnected;
			generation++;
			buffer = merged ? new MergedBuffer(logCapacity) : new RingBuffer<ShownLine>(logCapacity);
			last = new Map();
			version = 0;
			streamState = 'idle';
			streamError = undefined;
			store.dispatch({type: 'logs-restarted', generation, keepPlace, targets: targets.map(t => ({id: t.id, name: t.name}))});
			open(targets, state.logs);
		} else if (nextRunning !== running || nextConnected !== connected) {
			running = nextRunning;
			connected = nextConnected;
			open(targets, state.logs);
		}
	};

	const unsubscribe = store.subscribe(follow);
	follow();
	return {
		buffer: () => buffer,
		stop() {
			unsubscribe();
			controller?.abort();
			if (settleTimer) clearTimeout(settleTimer);
			if (reportTimer) clearTimeout(reportTimer);
		},
	};
}
