import {useEffect, useRef} from 'react';
import type {ContainerStats, Engine} from '../engine/types.js';
import type {Action} from '../state/app-state.js';
import {formatBytes} from '../format/format.js';

/** How often the visible running containers' stats are sampled while they change. */
export const statsIntervalMs = 2000;
/**
 * While a round shows nothing new, the next waits twice as long, up to this: an idle host is
 * sampled every 10 s, not every 2 s (berth's own CPU use while idle is mostly these requests).
 */
export const statsIdleIntervalMs = 10_000;
/**
 * At most this many stats requests at once. The engine takes about a second to answer each
 * (it samples twice), mostly waiting, so a screenful is sampled in one round.
 */
const concurrency = 16;
/** How long the visible rows must stay the same before a round samples the ones that came into view. */
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

/**
 * Samples one-shot stats of the running containers the pane shows, about every 2 s (backing
 * off to 10 s while nothing visible changes), with a small bound on concurrent requests and
 * never two rounds at once. No stream is held open per container; rows scrolled out of view
 * are not sampled.
 */
export function useStatsPoll(engine: Engine, ids: string[], enabled: boolean, dispatch: (action: Action) => void): void {
	const idsRef = useRef(ids);
	idsRef.current = ids;
	// A new set of rows on screen starts a round at once.
	const key = enabled ? ids.join(',') : 'off';
	const lastRef = useRef<Record<string, ContainerStats>>({});
	const startedRef = useRef(false);
	useEffect(() => {
		if (!enabled) return;
		let stopped = false;
		let timer: NodeJS.Timeout | undefined;
		let interval = statsIntervalMs;
		const round = async () => {
			const started = Date.now();
			const wanted = [...idsRef.current];
			const next: Record<string, ContainerStats> = {};
			let at = 0;
			const worker = async () => {
				while (at < wanted.length && !stopped) {
					const id = wanted[at++]!;
					try {
						next[id] = await engine.statsOnce(id);
					} catch {
						// Stopped meanwhile, or the engine is away: no stats for it this round.
					}
				}
			};
			await Promise.all(Array.from({length: Math.min(concurrency, wanted.length)}, worker));
			if (stopped) return;
			const last = lastRef.current;
			// A row whose figures look the same as shown keeps its previous sample object, so
			// its memoised row does not render again: a round re-renders only the rows whose
			// CPU or memory text changed (profiles of an idle screen had re-rendering every
			// visible row as about half of berth's CPU; bench/RESULTS.md).
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
			if (changed) {
				lastRef.current = merged;
				dispatch({type: 'stats', stats: merged});
			}
			interval = nextStatsInterval(interval, changed);
			timer = setTimeout(() => void round(), Math.max(0, started + interval - Date.now()));
		};
		// The first round starts at once; a round for rows that came into view waits until the
		// list has stood still for a moment, so scrolling through running containers does not
		// start a round (16 requests, a re-render) on every key press.
		const first = startedRef.current === false;
		startedRef.current = true;
		timer = setTimeout(() => void round(), first ? 0 : scrollSettleMs);
		return () => {
			stopped = true;
			if (timer) clearTimeout(timer);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [engine, key, dispatch]);
}
