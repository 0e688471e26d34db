/**
 * One scroll-and-follow model for everything that shows lines as they come: the logs pane, the
 * build's output, an attached run's output and a service's log. A view follows the live end
 * until scrolled back; scrolled back it is parked on the absolute index after its last line
 * shown, so lines arriving meanwhile (and old ones evicted from a bounded buffer) do not move
 * it; reaching the end again follows again. Positions are absolute: a buffer that evicts its
 * oldest lines says how many it dropped (`first`). Pure.
 */

/** Following the live end, or parked with `end` = the absolute index after the last line shown. */
export type FollowScroll = {follow: true} | {follow: false; end: number};

/** What a view holds: absolute indices from `first` (lines evicted before it) to `total` (one past the last). */
export interface FollowExtent {
	first: number;
	total: number;
}

/** What a live view last drew: its extent, and how many lines it shows (its page). */
export interface FollowSeen extends FollowExtent {
	rows: number;
}

export const following: FollowScroll = {follow: true};

/** Parked at `end`, or following when that is the end. */
export function parkedAt(extent: FollowExtent, end: number): FollowScroll {
	return end >= extent.total ? following : {follow: false, end};
}

/** The smallest end that still fills a page from the oldest line held. */
export function minimumEnd(extent: FollowExtent, page: number): number {
	return extent.first + Math.min(page, extent.total - extent.first);
}

/** The absolute index after the last line shown (clamped to what is held). */
export function endOf(scroll: FollowScroll, extent: FollowExtent): number {
	return scroll.follow ? extent.total : Math.min(extent.total, Math.max(extent.first, scroll.end));
}

/** Scrolls by `delta` lines (negative: back towards the start), or to the first page or the live end. */
export function scrollFollow(scroll: FollowScroll, delta: number | 'first' | 'last', extent: FollowExtent, page: number): FollowScroll {
	if (delta === 'last') return following;
	if (delta === 'first') return parkedAt(extent, minimumEnd(extent, page));
	return parkedAt(extent, Math.max(minimumEnd(extent, page), endOf(scroll, extent) + delta));
}

/** The lines a view `rows` high shows: absolute [from, to). */
export function followWindow(scroll: FollowScroll, extent: FollowExtent, rows: number): {from: number; to: number} {
	const to = Math.max(minimumEnd(extent, rows), endOf(scroll, extent));
	return {from: Math.max(extent.first, to - rows), to};
}
