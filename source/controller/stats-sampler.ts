/**
 * Samples one-shot stats of the running containers the pane shows, about every 2 s (backing
 * off to 10 s while nothing visible changes), with a small bound on concurrent requests and
 * never two rounds at once. No stream is held open per container; rows scrolled out of view
 * are not sampled. A new set of rows on screen starts a round at once.
 */
import type {ContainerStats, Engine} from '../engine/types.js';
import {formatBytes} from '../format/format.js';
import type {Store} from '../state/store.js';
import {containersKind} from '../kinds/containers.js';
import {rowsOnScreen} from '../state/selectors.js';
import type {AppState} from '../state/types.js';

/** How often the visible running containers' stats are sampled while they change. */
export const statsIntervalMs = 2000;
/** While a round shows nothing new, the next waits twice as long, up to this. */
export const statsIdleIntervalMs = 10_000;
/** At most this many stats requests at once (the engine takes about a second to answer each). */
const concurrency = 16;
/**
 * How long the rows on screen must stay the same before a round samples those that came into
 * view: scrolling through running containers does not start a round (16 requests and a
 * re-render) on every key press (bench/RESULTS.md: ↑ p95 324–481 ms with it, 65 ms without).
 */
const scrollSettleMs = 400;

/** The wait before the next round: the base while samples change, doubling up to the idle cap while they do not. */
export function nextStatsInterval(previous: number, changed: boolean): number {
	return changed ? statsIntervalMs : Math.min(previous * 2, statsIdleIntervalMs);
}

/** What the pane shows of a sample; a new sample that looks the same causes no render. */
export function statsLabel(stats: ContainerStats | undefined): string {
	if (!stats) return '';
	return `${stats.cpuPercent.toFixed(1)}% ${formatBytes(stats.memoryUsage)}/${formatBytes(stats.memoryLimit)}`;
}

/** The running containers on screen, when sampling makes sense at all. */
export function statsTargets(state: AppState, suspended: boolean): string[] {
	if (state.conn.kind !== 'up' || suspended || !state.showStats) return [];
	return rowsOnScreen(state, containersKind)
		.filter(c => c.state === 'running')
		.map(c => c.id);
}

export interface StatsSampler {
	/** Stops sampling while a shell has the terminal. */
	suspend(on: boolean): void;
	stop(): void;
}

export function startStatsSampler(engine: Engine, store: Store): StatsSampler {
	let suspended = false;
	let stopped = false;
	let key = '';
	let round = 0;
	let timer: NodeJS.Timeout | undefined;
	let interval = statsIntervalMs;

	const sample = async (mine: number) => {
		const started = Date.now();
		const wanted = statsTargets(store.getState(), suspended);
		const next: Record<string, ContainerStats> = {};
		let at = 0;
		const worker = async () => {
			while (at < wanted.length && mine === round && !stopped) {
				const id = wanted[at++]!;
				try {
					next[id] = await engine.containers.statsOnce(id);
				} catch {
					// Stopped meanwhile, or the engine is away: no stats for it this round.
				}
			}
		};
		await Promise.all(Array.from({length: Math.min(concurrency, wanted.length)}, worker));
		if (mine !== round || stopped) return;
		// A row whose figures read the same as shown keeps its previous sample object, so its
		// memoised row does not render again: a round re-renders only rows whose text changed.
		const last = store.getState().stats;
		const merged: Record<string, ContainerStats> = {};
		let changed = Object.keys(next).length !== Object.keys(last).length;
		for (const [id, sample] of Object.entries(next)) {
			const previous = last[id];
			if (previous && statsLabel(previous) === statsLabel(sample)) merged[id] = previous;
			else {
				merged[id] = sample;
				changed = true;
			}
		}
		if (changed) store.dispatch({type: 'stats', stats: merged});
		interval = nextStatsInterval(interval, changed);
		timer = setTimeout(() => void sample(mine), Math.max(0, started + interval - Date.now()));
	};

	let first = true;
	const restart = () => {
		const wanted = statsTargets(store.getState(), suspended);
		const next = wanted.join(',');
		if (next === key) return;
		key = next;
		round++;
		if (timer) clearTimeout(timer);
		timer = undefined;
		interval = statsIntervalMs;
		if (wanted.length === 0) return;
		// The first round at once; a new set of rows once the list has stood still a moment.
		const mine = round;
		timer = setTimeout(() => void sample(mine), first ? 0 : scrollSettleMs);
		first = false;
	};

	const unsubscribe = store.subscribe(restart);
	restart();
	return {
		suspend(on) {
			suspended = on;
			restart();
		},
		stop() {
			stopped = true;
			round++;
			unsubscribe();
			if (timer) clearTimeout(timer);
		},
	};
}
