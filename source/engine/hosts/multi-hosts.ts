/**
 * One host of the multi-engine: its engine, whether it is reachable (and why not), what it
 * listed last, and its own events stream, which reconnects by itself while the others go on.
 */
import {eventTimeToSince} from '../transport/timestamps.js';
import {markUnreachable, qualifyEvent} from './multi-ids.js';
import type {HostConnection, HostState} from './types.js';
import {EngineError, type Engine, type EngineEvent, type EngineInfo} from '../types.js';

/** How long to wait before asking a host that could not be reached again. */
export const hostRetryMs = 3000;

export type {HostConnection, HostState} from './types.js';

/** Whether an error means the host cannot be reached (rather than a refusal of one request). */
export function isHostLoss(error: unknown): boolean {
	return error instanceof EngineError && (error.code === 'unreachable' || error.code === 'interrupted');
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class HostLink {
	state: HostConnection = 'connecting';
	error: string | undefined;
	info: EngineInfo | undefined;
	since = Date.now();
	/** Each kind's rows as last listed (qualified), by kind. */
	private readonly lists = new Map<string, Array<Record<string, unknown>>>();
	private lastEventNano: string | undefined;
	/** The events stream now open, ended early when a list finds the host gone. */
	private stream: AbortController | undefined;

	constructor(readonly name: string, readonly engine: Engine, private readonly changed: (link: HostLink) => void) {}

	snapshot(): HostState {
		return {name: this.name, endpoint: this.engine.endpoint, state: this.state, error: this.error, info: this.info, since: this.since};
	}

	markUp(info: EngineInfo): void {
		this.info = info;
		if (this.state === 'up') return;
		this.state = 'up';
		this.error = undefined;
		this.since = Date.now();
		this.changed(this);
	}

	markDown(error: unknown): void {
		const message = messageOf(error);
		this.stream?.abort();
		if (this.state === 'down' && this.error === message) return;
		this.state = 'down';
		this.error = message;
		this.since = Date.now();
		this.changed(this);
	}

	/** Asks the engine for its version: up or down follows. */
	async check(): Promise<EngineInfo> {
		try {
			const info = await this.engine.system.info();
			this.markUp(info);
			return info;
		} catch (error) {
			this.markDown(error);
			throw error;
		}
	}

	/** A kind's rows as last listed, if it was listed. */
	rows(kind: string): Array<Record<string, unknown>> | undefined {
		return this.lists.get(kind);
	}

	/** Keeps a kind's rows as listed now. */
	keepRows(kind: string, rows: Array<Record<string, unknown>>): void {
		this.lists.set(kind, rows);
	}

	/** The last-known rows, marked with why the host cannot be reached. */
	staleRows(kind: string): Array<Record<string, unknown>> {
		return (this.lists.get(kind) ?? []).map(row => markUnreachable(row, this.error ?? 'not reachable'));
	}

	/**
	 * Follows the host's events until `signal` aborts: connects (or waits `hostRetryMs` after a
	 * failure and tries again), streams from the last event it saw (`since` the first time), and
	 * after the stream ends or breaks asks again. Never rejects.
	 */
	async follow(since: string | undefined, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
		while (!signal.aborted) {
			if (this.state !== 'up') {
				try {
					await this.check();
				} catch {
					await sleep(hostRetryMs, signal);
					continue;
				}
			}

			const current = new AbortController();
			const stop = () => current.abort();
			signal.addEventListener('abort', stop, {once: true});
			this.stream = current;
			let broke = false;
			try {
				const from = this.lastEventNano ? eventTimeToSince(this.lastEventNano) : since;
				await this.engine.events.stream({since: from}, event => {
					this.lastEventNano = event.timeNano;
					onEvent(qualifyEvent(event, this.name));
				}, current.signal);
				// The stream ended (the engine went away or restarted, or a list found it gone): ask again.
				if (!signal.aborted && !current.signal.aborted) this.state = 'connecting';
			} catch (error) {
				broke = true;
				if (!signal.aborted) {
					// A dropped connection says little: asking again at once says why (no socket, refused, ...).
					if (error instanceof EngineError && error.code === 'interrupted') await this.check().catch(() => undefined);
					else this.markDown(error);
					if ((this.state as HostConnection) !== 'up') await sleep(hostRetryMs, signal);
				}
			} finally {
				signal.removeEventListener('abort', stop);
				if (this.stream === current) this.stream = undefined;
			}

			if (!broke && this.state === 'down' && !signal.aborted) {
				// A list found the host gone and ended the stream: ask again now, for the cause, then wait.
				await this.check().catch(() => undefined);
				if ((this.state as HostConnection) !== 'up') await sleep(hostRetryMs, signal);
			}
		}
	}
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal.aborted) {
			resolve();
			return;
		}

		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, {once: true});
	});
}
