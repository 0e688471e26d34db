import {useCallback, useEffect, useRef} from 'react';
import type {Engine, EngineEvent} from '../engine/types.js';
import type {Action} from '../state/app-state.js';
import {startEngineFeed, type EngineFeed} from '../state/engine-feed.js';

export {coalesceMs, eventNeeds, minRefreshGapMs, retryMs, safetyPollMs} from '../state/engine-feed.js';

export interface EngineData {
	/** Ask for a fresh full snapshot soon (coalesced; never overlaps a running one). */
	refresh(): void;
}

/**
 * Keeps the state in step with the engine (see engine-feed.ts): attaches to `feed` when berth
 * started one before rendering, else starts its own for as long as the component is mounted.
 */
export function useEngineData(
	engine: Engine,
	dispatch: (action: Action) => void,
	onEvent?: (event: EngineEvent) => void,
	feed?: EngineFeed,
): EngineData {
	const feedRef = useRef<EngineFeed | undefined>(feed);
	const onEventRef = useRef(onEvent);
	onEventRef.current = onEvent;

	useEffect(() => {
		const own = feed ? undefined : startEngineFeed(engine);
		const current = feed ?? own!;
		feedRef.current = current;
		const detach = current.attach(dispatch, event => onEventRef.current?.(event));
		return () => {
			detach();
			own?.stop();
		};
	}, [engine, dispatch, feed]);

	const refresh = useCallback(() => feedRef.current?.refresh(), []);
	return {refresh};
}
