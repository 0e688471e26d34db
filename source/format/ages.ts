/**
 * Relative times that stay right. The engine's status text ("Up 4 seconds", "Exited (0) 5
 * minutes ago") is computed when the list is asked for and then freezes; berth ages it itself:
 * from the container's exact start or finish time when it knows it (its inspect), else from the
 * text and how long ago it was listed. Durations are worded as the docker CLI words them
 * (go-units' HumanDuration), so a row reads as `docker ps` would, now.
 */
import type {ContainerSummary} from '../engine/types.js';
import {formatAge} from './format.js';

/** What a container's inspect says that its list entry does not: when it started and finished (ms since the epoch), how often it restarted. */
export interface ContainerFacts {
	startedAt?: number;
	finishedAt?: number;
	/** The container's state when they were read: they are valid while it stays the same. */
	state: string;
	/** How many times the engine restarted it (its restart policy). */
	restartCount?: number;
}

/** go-units' HumanDuration ("4 seconds", "About a minute", "5 hours"): formatAge without " ago". */
export function humanDuration(seconds: number): string {
	return formatAge(0, seconds).slice(0, -' ago'.length);
}

/** The least number of seconds a HumanDuration text stands for: "5 minutes" → 300. */
function durationSeconds(text: string): number | undefined {
	if (text === 'Less than a second') return 0;
	if (text === 'About a minute') return 60;
	if (text === 'About an hour') return 3600;
	const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
	if (!match) return undefined;
	const n = Number(match[1]);
	// Hours are rounded (go-units adds half an hour); days, weeks and months count those hours.
	const hoursFrom = (h: number) => (h - 0.5) * 3600;
	switch (match[2]) {
		case 'second':
			return n;
		case 'minute':
			return n * 60;
		case 'hour':
			return hoursFrom(n);
		case 'day':
			return hoursFrom(24 * n);
		case 'week':
			return hoursFrom(24 * 7 * n);
		case 'month':
			return hoursFrom(24 * 30 * n);
		default:
			return 24 * 365 * n * 3600;
	}
}

/** The engine's status text taken apart: its time part and what surrounds it. */
function parseStatus(status: string): {before: string; seconds: number; after: string} | undefined {
	const match = /^(Up |Exited \(-?\d+\) |Restarting \(-?\d+\) )(.+?)( ago)?( \((?:healthy|unhealthy|health: starting|Paused)\))?$/.exec(status);
	if (!match) return undefined;
	const seconds = durationSeconds(match[2]!);
	if (seconds === undefined) return undefined;
	return {before: match[1]!, seconds, after: `${match[3] ?? ''}${match[4] ?? ''}`};
}

/**
 * How old the status text's time part is at `now` (ms), in seconds: from the exact times when
 * known, else the engine's count plus the time since it was listed. Undefined: no time part.
 */
export function statusAge(c: ContainerSummary, times: ContainerFacts | undefined, listedAt: number, now: number): number | undefined {
	const parsed = parseStatus(c.status);
	if (!parsed) return undefined;
	const exact = times && times.state === c.state ? (parsed.before.startsWith('Up') ? times.startedAt : times.finishedAt) : undefined;
	const elapsed = exact !== undefined ? (now - exact) / 1000 : parsed.seconds + Math.max(0, now - listedAt) / 1000;
	return Math.max(0, elapsed);
}

/** The status text as of `now` (ms): the engine's text with its time part worded for the time passed. */
export function containerStatusText(c: ContainerSummary, times: ContainerFacts | undefined, listedAt: number, now: number): string {
	const parsed = parseStatus(c.status);
	const age = statusAge(c, times, listedAt, now);
	if (!parsed || age === undefined) return c.status;
	return `${parsed.before}${humanDuration(age)}${parsed.after}`;
}

/** Whether a container's status text has a time part that ages. */
export function statusAges(c: ContainerSummary): boolean {
	return parseStatus(c.status) !== undefined;
}

/**
 * The first whole second after `elapsed` at which `word(seconds)` reads differently: an age a
 * few seconds old changes each second, one that is minutes old once a minute, and so on.
 */
export function nextChangeAfter(elapsed: number, word: (seconds: number) => string): number {
	const now = word(elapsed);
	let low = Math.floor(elapsed);
	let step = 1;
	// Find a time that reads differently, doubling the step; then narrow down to the second.
	while (word(low + step) === now) {
		low += step;
		step *= 2;
		if (step > 1e10) return Number.POSITIVE_INFINITY;
	}
	let high = low + step;
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (word(mid) === now) low = mid;
		else high = mid;
	}
	return high;
}

/**
 * Whether exact times read earlier still describe the container the engine now lists: its
 * status text, worded from them at `listedAt`, is the engine's own (give or take two seconds
 * of clock difference). A restart, for one, makes them disagree.
 */
export function timesAgree(c: ContainerSummary, times: ContainerFacts, listedAt: number): boolean {
	if (times.state !== c.state) return false;
	const parsed = parseStatus(c.status);
	if (!parsed) return true;
	const engineWord = c.status.slice(parsed.before.length, c.status.length - parsed.after.length);
	const exact = parsed.before.startsWith('Up') ? times.startedAt : times.finishedAt;
	if (exact === undefined) return false;
	return [-2000, 0, 2000].some(skew => humanDuration(Math.max(0, (listedAt + skew - exact) / 1000)) === engineWord);
}
