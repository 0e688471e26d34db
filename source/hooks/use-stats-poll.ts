import {useEffect, useRef} from 'react';
import type {ContainerStats, Engine} from '../engine/types.js';
import type {Action} from '../state/app-state.js';
import {formatBytes} from '../format/format.js';

/** How often the visible running containers' stats are sampled. */
export const statsIntervalMs = 2000;
/**
 * At most this many stats requests at once. The engine takes about a second to answer each
 * (it samples twice), mostly waiting, so a screenful is sampled in one round.
 */
const concurrency = 16;

/** What the pane shows of a sample; a new sample that looks the same causes no render. */
export function statsLabel(stats: ContainerStats | undefined): string {
	if (!stats) return '';
	return `${stats.cpuPercent.toFixed(1)}% ${formatBytes(stats.memoryUsage)}/${formatBytes(stats.memoryLimit)}`;
}

/**
 * Samples one-shot stats of the running containers the pane shows, about every 2 s, with a
 * small bound on concurrent requests and never two rounds at once. No stream is held open per
 * container; rows scrolled out of view are not sampled.
 */
export function useStatsPoll(engine: Engine, ids: string[], enabled: boolean, dispatch: (action: Action) => void): void {
	const idsRef = useRef(ids);
	idsRef.current = ids;
	// A new set of rows on screen starts a round at once.
	const key = enabled ? ids.join(',') : 'off';
	const lastRef = useRef<Record<string, ContainerStats>>({});
	useEffect(() => {
		if (!enabled) return;
		let stopped = false;
		let timer: NodeJS.Timeout | undefined;
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
			const changed =
				Object.keys(next).length !== Object.keys(last).length ||
				Object.entries(next).some(([id, s]) => statsLabel(s) !== statsLabel(last[id]));
			if (changed) {
				lastRef.current = next;
				dispatch({type: 'stats', stats: next});
			}
			timer = setTimeout(() => void round(), Math.max(0, started + statsIntervalMs - Date.now()));
		};
		void round();
		return () => {
			stopped = true;
			if (timer) clearTimeout(timer);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [engine, key, dispatch]);
}
