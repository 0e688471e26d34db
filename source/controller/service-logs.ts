/**
 * `l` in the Swarm view: the service's log, merged across its tasks as `docker service logs`
 * merges it, in a full-screen view. The lines go to a ring buffer (memory stays flat however
 * much the tasks write); the view is told at most every 100 ms. The stream is followed while the
 * view is open and ends when it closes.
 */
import type {Engine, ServiceLogLine} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import type {Store} from '../state/store.js';
import {RingBuffer} from '../text/ring-buffer.js';
import {failureText} from './action-runner.js';
import {following} from '../state/follow-scroll.js';

/** Lines the view keeps. */
export const serviceLogCapacity = 5000;
/** Lines asked for before following, as the logs pane's default. */
export const serviceLogTail = 200;
const intervalMs = 100;

export interface ServiceLogs {
	open(service: {id: string; name: string}): void;
	/** The lines of an open service-log view. */
	lines(id: string): RingBuffer<ServiceLogLine> | undefined;
	stop(): void;
}

export function createServiceLogs(engine: Engine, store: Store): ServiceLogs {
	let views = 0;
	let current: {id: string; lines: RingBuffer<ServiceLogLine>; abort: AbortController; timer?: NodeJS.Timeout; unsubscribe: () => void} | undefined;
	const end = () => {
		if (!current) return;
		current.abort.abort();
		if (current.timer) clearTimeout(current.timer);
		current.unsubscribe();
		current = undefined;
	};

	return {
		open(service) {
			end();
			const id = `service-logs-${++views}`;
			const title = cliFor.serviceLogs(service.name, {follow: true, tail: serviceLogTail});
			const lines = new RingBuffer<ServiceLogLine>(serviceLogCapacity);
			const abort = new AbortController();
			let version = 0;
			const mine = () => current?.id === id;
			store.dispatch({type: 'open', modal: {kind: 'service-logs', id, serviceId: service.id, name: service.name, title, tail: following, version}});
			// Closed (or replaced by another view): the stream ends with it.
			const unsubscribe = store.subscribe(() => {
				const modal = store.getState().modal;
				if (mine() && (modal?.kind !== 'service-logs' || modal.id !== id)) end();
			});
			current = {id, lines, abort, unsubscribe};
			const show = () => {
				if (!mine()) return;
				current!.timer = undefined;
				store.dispatch({type: 'service-logs', id, version: ++version});
			};
			void engine
				.services.logs(
					service.id,
					{tail: serviceLogTail, follow: true},
					batch => {
						if (!mine()) return;
						lines.pushMany(batch);
						current!.timer ??= setTimeout(show, intervalMs);
					},
					abort.signal,
				)
				.then(
					() => {
						if (mine()) store.dispatch({type: 'service-logs', id, version: ++version, done: {ok: true, text: `The log of ${service.name} ended (the service is gone, or its tasks stopped)`}});
					},
					(error: unknown) => {
						if (mine()) store.dispatch({type: 'service-logs', id, version: ++version, done: {ok: false, text: failureText('logs', service.name, error)}});
					},
				);
		},
		lines: id => (current?.id === id ? current.lines : undefined),
		stop: end,
	};
}
