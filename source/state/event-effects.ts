/**
 * What an engine event means for berth's lists: what to fetch again, and which rows cannot be
 * the state after it.
 *
 * The second matters because the engine reports some changes before the list it answers from
 * shows them: dockerd logs `die` and then cleans up (unmounts, releases the network) before it
 * records the stopped state where /containers/json reads it, and it logs `pause`, `unpause` and
 * `health_status` just before recording those too (measured: a list made right after `die`
 * still said "running" for 5–30 ms on an idle machine). A list that contradicts the latest
 * event for a container was read too early and is asked again (engine-feed.ts).
 */
import type {ContainerSummary, EngineEvent} from '../engine/types.js';

/** What an event asks to be fetched again. */
export function eventNeeds(event: EngineEvent): {container?: string; images?: boolean; full?: boolean} {
	if (event.type === 'container') {
		// A commit makes an image; a destroy or create changes how many containers use one.
		return {container: event.id, images: event.action === 'commit'};
	}
	if (event.type === 'image') return {images: true};
	// Volumes and networks have no list here yet; a container's network connect comes with its own container events.
	if (event.type === 'volume' || event.type === 'network') return {};
	return {full: true};
}

/**
 * Whether `row` (the container as a list just read it; undefined when it was not listed)
 * cannot be its state after `event`, the latest event berth saw for it: then the list was
 * older than the event. Only what an event makes certain counts (a `kill` may be ignored, a
 * container may exit right after it starts, a restart policy may start it again after `die`
 * — that start comes with an event of its own).
 */
export function contradicts(event: EngineEvent, row: ContainerSummary | undefined): boolean {
	if (event.type !== 'container') return false;
	const {action} = event;
	if (action === 'destroy') return row !== undefined;
	if (row === undefined) return action === 'create' || action === 'start' || action === 'rename' || action === 'pause' || action === 'unpause' || action === 'die' || action === 'stop';
	switch (action) {
		case 'die':
		case 'stop': {
			return row.state === 'running' || row.state === 'paused';
		}

		case 'start': {
			return row.state === 'created';
		}

		case 'pause': {
			return row.state !== 'paused';
		}

		case 'unpause': {
			return row.state === 'paused';
		}

		case 'rename': {
			const name = event.attributes['name']?.replace(/^\//, '');
			return name !== undefined && name !== row.name;
		}

		default: {
			if (!action.startsWith('health_status:')) return false;
			const health = action.slice('health_status:'.length).trim();
			return row.state === 'running' && (health === 'healthy' || health === 'unhealthy' || health === 'starting') && row.health !== health;
		}
	}
}
